/**
 * The estates of the workspace over real files in a temporary folder (`WorkspaceEstates` with
 * the workspace index and the Node file access): what a read of the estates asks of the file
 * system once the workspace is indexed, and that what it answers from memory is what the disk
 * and the editor say.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { nodeWorkspaceFiles } from '../../server/src/node/workspaceFiles';
import { WorkspaceEstates, type EstateAccess } from '../../server/src/workspace/estates';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

const CATALOG = 'integrationManifest: 1\nsystems:\n  - { id: erp, name: ERP, kind: erp }\n  - { id: crm, name: CRM, kind: crm }\n';
const flow = (i: number, to = 'crm') => `integrationManifest: 1\nimports:\n  - ../shared/systems.integration.yaml\nsolution:\n  name: Flow ${i}\nintegrations:\n  - { id: flow-${i}, name: Flow ${i}, type: data, from: erp, to: ${to} }\n`;

describe('workspace estates', () => {
  let root: string;
  beforeEach(() => (root = realpathSync(mkdtempSync(join(tmpdir(), 'im-estates-')))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const uriOf = (path: string) => URI.file(join(root, path)).toString();

  it('asks the file system again only for the manifests changed on disk or open since the last read, and reads the same estates', async () => {
    write('shared/systems.integration.yaml', CATALOG);
    for (let i = 0; i < 20; i++) write(`team/flow-${i}.integration.yaml`, flow(i));
    const { files, access } = nodeWorkspaceFiles();
    const asked: string[] = [];
    const counting: EstateAccess = {
      ...access,
      async files(folder, overlay) {
        const inner = await access.files(folder, overlay);
        return { ...inner, read: (path) => (asked.push(path.slice(root.length + 1)), inner.read(path)) };
      },
    };
    const open = new Map<string, string>();
    const index = new WorkspaceIndex(files);
    const estates = new WorkspaceEstates(index, counting, { text: (uri) => open.get(uri), uris: () => [...open.keys()] });
    index.onDidChange(() => estates.changed());
    await index.setFolders([URI.file(root).toString()]);
    await estates.whenCurrent();
    assert.equal(new Set(asked).size, 21, 'the first read asks for every manifest');
    const members = () => estates.membersOf(uriOf('shared/systems.integration.yaml')).map((n) => n.file).sort();
    const before = members();
    assert.equal(before.length, 21, before.join(', '));

    // A change on disk, then an open manifest typed in: only they are asked for.
    asked.length = 0;
    write('team/flow-3.integration.yaml', flow(3, 'erp'));
    await index.filesChanged([{ uri: uriOf('team/flow-3.integration.yaml'), kind: 'changed' }]);
    await estates.whenCurrent();
    assert.deepEqual(asked, ['team/flow-3.integration.yaml']);
    assert.match(estates.placeOf(uriOf('team/flow-3.integration.yaml'))!.node.text, /to: erp/);

    asked.length = 0;
    open.set(uriOf('team/flow-5.integration.yaml'), flow(5, 'sales'));
    estates.changed();
    await estates.whenCurrent();
    assert.deepEqual(asked, ['team/flow-5.integration.yaml']);
    assert.match(estates.placeOf(uriOf('team/flow-5.integration.yaml'))!.node.text, /to: sales/, 'the editor wins over the disk');

    // Closed again: the disk's text, asked for once more.
    asked.length = 0;
    open.delete(uriOf('team/flow-5.integration.yaml'));
    estates.changed();
    await estates.whenCurrent();
    assert.deepEqual(asked, ['team/flow-5.integration.yaml']);
    assert.match(estates.placeOf(uriOf('team/flow-5.integration.yaml'))!.node.text, /to: crm/);
    assert.deepEqual(members(), before);

    // A file deleted leaves the estate; nothing else is asked for.
    asked.length = 0;
    rmSync(join(root, 'team/flow-7.integration.yaml'));
    await index.filesChanged([{ uri: uriOf('team/flow-7.integration.yaml'), kind: 'deleted' }]);
    await estates.whenCurrent();
    assert.deepEqual(asked, []);
    assert.deepEqual(members(), before.filter((f) => f !== 'team/flow-7.integration.yaml'));
  });
});
