/**
 * The workspace index over real files in a temporary folder, read through `nodeManifestFiles`:
 * what it reads at start, what it leaves out (other files, node_modules, links out of the
 * folder, files too large), and how the watcher's events keep it current.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { MAX_INDEXED_BYTES } from '../../server/src/workspace/files';
import { nodeManifestFiles } from '../../server/src/node/workspaceFiles';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import type { Logger } from '../../server/src/logger';

const CATALOG = 'integrationManifest: 1\nsystems:\n  - id: erp\n    name: Finance and Operations\n    kind: dynamics-365-finance\n';
const uriOf = (path: string) => URI.file(path).toString();

describe('workspace index', () => {
  let root: string;
  let outside: string;
  const warnings: string[] = [];
  const logger: Logger = { error: (m) => warnings.push(m), warn: (m) => warnings.push(m), info: () => undefined };
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'im-index-'));
    outside = mkdtempSync(join(tmpdir(), 'im-outside-'));
    warnings.length = 0;
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('reads every manifest under the folder, and nothing else', async () => {
    write('shared/systems.integration.yaml', CATALOG);
    write('sales/sales.integration.yml', CATALOG.replace('erp', 'crm'));
    write('notes/readme.yaml', CATALOG);
    write('node_modules/pkg/vendored.integration.yaml', CATALOG);
    writeFileSync(join(outside, 'secret.integration.yaml'), CATALOG);
    symlinkSync(join(outside, 'secret.integration.yaml'), join(root, 'linked.integration.yaml'));
    symlinkSync(outside, join(root, 'linked-folder'));
    const index = new WorkspaceIndex(nodeManifestFiles(), { logger });
    await index.setFolders([uriOf(root)]);
    assert.deepEqual(
      index.all().map((m) => m.uri),
      [uriOf(join(root, 'sales/sales.integration.yml')), uriOf(join(root, 'shared/systems.integration.yaml'))],
    );
    assert.equal(index.get(uriOf(join(root, 'shared/systems.integration.yaml')))?.text, CATALOG);
    // A watcher's event for the link is not followed out of the folder either.
    assert.deepEqual(await index.filesChanged([{ uri: uriOf(join(root, 'linked.integration.yaml')), kind: 'changed' }]), []);
    assert.ok(warnings.some((w) => /outside the workspace folder/.test(w)), warnings.join('\n'));
  });

  it('leaves out a file larger than the limit, and says so', async () => {
    write('big.integration.yaml', CATALOG + '#'.repeat(MAX_INDEXED_BYTES));
    const index = new WorkspaceIndex(nodeManifestFiles(), { logger });
    await index.setFolders([uriOf(root)]);
    assert.equal(index.all().length, 0);
    assert.ok(warnings.some((w) => /larger than 1 MB/.test(w)), warnings.join('\n'));
  });

  it('follows created, changed and deleted files, and reports what changed', async () => {
    write('a.integration.yaml', CATALOG);
    const index = new WorkspaceIndex(nodeManifestFiles(), { logger });
    const reported: string[][] = [];
    index.onDidChange((uris) => reported.push(uris));
    await index.setFolders([uriOf(root)]);
    const a = uriOf(join(root, 'a.integration.yaml'));
    const b = uriOf(join(root, 'team/b.integration.yaml'));
    const first = index.get(a)!.generation;

    write('team/b.integration.yaml', CATALOG.replace('erp', 'hr'));
    assert.deepEqual(await index.filesChanged([{ uri: b, kind: 'created' }]), [b]);
    write('a.integration.yaml', CATALOG.replace('erp', 'ledger'));
    assert.deepEqual(await index.filesChanged([{ uri: a, kind: 'changed' }]), [a]);
    assert.match(index.get(a)!.text, /id: ledger/);
    assert.ok(index.get(a)!.generation > first);
    // A change event with the same text changes nothing.
    assert.deepEqual(await index.filesChanged([{ uri: a, kind: 'changed' }]), []);
    // A deleted folder takes its manifests with it.
    rmSync(join(root, 'team'), { recursive: true });
    assert.deepEqual(await index.filesChanged([{ uri: uriOf(join(root, 'team')), kind: 'deleted' }]), [b]);
    assert.deepEqual(reported, [[a], [b], [a], [b]]);
    // Outside the folders, or not a manifest: ignored.
    writeFileSync(join(outside, 'c.integration.yaml'), CATALOG);
    assert.deepEqual(await index.filesChanged([{ uri: uriOf(join(outside, 'c.integration.yaml')), kind: 'created' }]), []);
    assert.deepEqual(await index.filesChanged([{ uri: uriOf(join(root, 'x.yaml')), kind: 'created' }]), []);
  });

  it('takes in one notification of many deleted files and folders (a branch switched)', async () => {
    for (let i = 0; i < 300; i++) write(`team-${i % 3}/flow-${i}.integration.yaml`, CATALOG);
    write('kept.integration.yaml', CATALOG);
    const index = new WorkspaceIndex(nodeManifestFiles(), { logger });
    await index.setFolders([uriOf(root)]);
    assert.equal(index.all().length, 301);
    // Team 0's files one event each, team 1's folder in one event, team 2's a file that was never indexed.
    const events = [
      ...Array.from({ length: 100 }, (_, n) => ({ uri: uriOf(join(root, `team-0/flow-${3 * n}.integration.yaml`)), kind: 'deleted' as const })),
      { uri: uriOf(join(root, 'team-1')), kind: 'deleted' as const },
      { uri: uriOf(join(root, 'team-2/never.integration.yaml')), kind: 'deleted' as const },
    ];
    const changed = await index.filesChanged(events);
    assert.equal(changed.length, 200);
    assert.deepEqual(
      [...new Set(index.all().map((m) => m.uri.slice(uriOf(root).length + 1).split('/')[0]))],
      ['kept.integration.yaml', 'team-2'],
    );
    assert.equal(index.all().length, 101);
  });

  it('answers between files while it indexes', async () => {
    for (let i = 0; i < 30; i++) write(`m${i}.integration.yaml`, CATALOG.replace('erp', `s${i}`));
    const index = new WorkspaceIndex(nodeManifestFiles(), { logger });
    const loading = index.setFolders([uriOf(root)]);
    // A timer set now fires before the index is done: the event loop is not held.
    const seen = await Promise.race([new Promise<number>((resolve) => setTimeout(() => resolve(index.all().length), 0)), loading.then(() => -1)]);
    assert.ok(seen >= 0 && seen < 30, `the timer fired after ${seen} of 30 files`);
    await loading;
    assert.equal(index.all().length, 30);
  });

  it('drops the manifests of a folder removed from the workspace', async () => {
    write('one/a.integration.yaml', CATALOG);
    write('two/b.integration.yaml', CATALOG);
    const index = new WorkspaceIndex(nodeManifestFiles(), { logger });
    await index.setFolders([uriOf(join(root, 'one')), uriOf(join(root, 'two'))]);
    assert.equal(index.all().length, 2);
    await index.setFolders([uriOf(join(root, 'two'))]);
    assert.deepEqual(index.all().map((m) => m.uri), [uriOf(join(root, 'two/b.integration.yaml'))]);
  });
});
