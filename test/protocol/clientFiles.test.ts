/**
 * The web worker's file access (server/src/browser/clientFiles.ts for the estate,
 * server/src/browser/workspaceFiles.ts for the workspace index) over a real LSP connection: it
 * asks the editor with `integrationManifests/readFile` and `integrationManifests/listManifests`
 * for what lies inside the workspace folder, and refuses what lies outside without asking.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection, createProtocolConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver/node';
import { clientEstateFiles, insideFolder, splitUri } from '../../server/src/browser/clientFiles';
import { clientManifestFiles } from '../../server/src/browser/workspaceFiles';
import { MAX_INDEXED_BYTES } from '../../server/src/workspace/files';
import { ListManifestsRequest, ReadFileRequest, type ReadFileResult } from '../../shared/src/requests';

const ROOT_URI = 'vscode-vfs://github/contoso/estate';

describe('protocol: the web worker reads imported manifests through the editor', () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const client: ProtocolConnection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  /** What the editor holds, by URI; what it was asked for, in order. */
  const editor = new Map<string, ReadFileResult | 'fail'>();
  const asked: string[] = [];
  /** The bound each read was asked with. */
  const bounds: (number | undefined)[] = [];
  /** What the editor answers to a listing (by folder). */
  const listings = new Map<string, string[]>();

  before(() => {
    client.onRequest(ListManifestsRequest, ({ folder }) => listings.get(folder) ?? []);
    client.onRequest(ReadFileRequest, ({ uri, maxBytes }) => {
      asked.push(uri);
      bounds.push(maxBytes);
      const answer = editor.get(uri) ?? { kind: 'missing' };
      if (answer === 'fail') throw new ResponseError(-32603, 'no file system provider');
      return answer;
    });
    client.listen();
    server.listen();
  });

  after(() => {
    client.dispose();
    server.dispose();
    toServer.end();
    toClient.end();
  });

  beforeEach(() => {
    editor.clear();
    listings.clear();
    asked.length = 0;
    bounds.length = 0;
  });

  it('reads a manifest inside the workspace folder, named by its URI there', async () => {
    const files = clientEstateFiles(server, ROOT_URI)!;
    assert.equal(files.root, '/contoso/estate');
    editor.set(`${ROOT_URI}/shared%20systems/erp.integration.yaml`, { kind: 'text', text: 'integrationManifest: 1\n' });
    const read = await files.read('/contoso/estate/shared systems/erp.integration.yaml');
    assert.deepEqual(read, { kind: 'text', text: 'integrationManifest: 1\n', real: '/contoso/estate/shared systems/erp.integration.yaml' });
    assert.deepEqual(asked, [`${ROOT_URI}/shared%20systems/erp.integration.yaml`]);
    assert.equal(files.uriOf('/contoso/estate/a.integration.yaml'), `${ROOT_URI}/a.integration.yaml`);
  });

  it("passes on the editor's word on what it did not read", async () => {
    const files = clientEstateFiles(server, ROOT_URI)!;
    editor.set(`${ROOT_URI}/folder.integration.yaml`, { kind: 'not-a-file' });
    editor.set(`${ROOT_URI}/binary.integration.yaml`, { kind: 'unreadable', reason: 'it is not UTF-8 text' });
    assert.deepEqual(await files.read('/contoso/estate/none.integration.yaml'), { kind: 'missing' });
    assert.deepEqual(await files.read('/contoso/estate/folder.integration.yaml'), { kind: 'not-a-file' });
    assert.deepEqual(await files.read('/contoso/estate/binary.integration.yaml'), { kind: 'unreadable', reason: 'it is not UTF-8 text' });
  });

  it('refuses a path outside the workspace folder without asking the editor', async () => {
    const files = clientEstateFiles(server, ROOT_URI)!;
    for (const path of ['/contoso/other/x.integration.yaml', '/contoso/estate-copy/x.integration.yaml', '/x.integration.yaml']) assert.deepEqual(await files.read(path), { kind: 'outside' }, path);
    assert.deepEqual(asked, []);
  });

  it('says in plain words when the editor could not answer', async () => {
    const files = clientEstateFiles(server, ROOT_URI)!;
    editor.set(`${ROOT_URI}/a.integration.yaml`, 'fail');
    assert.deepEqual(await files.read('/contoso/estate/a.integration.yaml'), { kind: 'unreadable', reason: 'the editor could not read it' });
  });

  it('takes only a hierarchical URI as the root: an untitled document or a malformed one has no estate', () => {
    assert.equal(clientEstateFiles(server, 'untitled:Untitled-1'), undefined);
    assert.equal(clientEstateFiles(server, 'file:///a/%E0%A4%A'), undefined);
    assert.deepEqual(splitUri('file:///work/app/../estate/'), { base: 'file://', path: '/work/estate' });
    assert.deepEqual(splitUri('vscode-vfs://github'), { base: 'vscode-vfs://github', path: '/' });
  });

  it("gives the server's own text of a file before asking the editor, inside the folder only", async () => {
    const held = new Map([[`${ROOT_URI}/open.integration.yaml`, 'integrationManifest: 1 # typed\n']]);
    const files = clientEstateFiles(server, ROOT_URI, (uri) => held.get(uri))!;
    assert.deepEqual(await files.read('/contoso/estate/open.integration.yaml'), { kind: 'text', text: 'integrationManifest: 1 # typed\n', real: '/contoso/estate/open.integration.yaml' });
    assert.deepEqual(await files.read('/contoso/open.integration.yaml'), { kind: 'outside' });
    assert.deepEqual(asked, []);
    // Named as VS Code names files: parentheses and spaces escaped as vscode-uri escapes them.
    assert.equal(files.uriOf('/contoso/estate/(draft) a.integration.yaml'), `${ROOT_URI}/%28draft%29%20a.integration.yaml`);
  });

  describe('the workspace index through the editor', () => {
    it("lists a folder's manifests, keeping only those inside it", async () => {
      listings.set(ROOT_URI, [`${ROOT_URI}/b.integration.yml`, `${ROOT_URI}/a.integration.yaml`, `${ROOT_URI}/notes.yaml`, `${ROOT_URI}/../x.integration.yaml`, 'vscode-vfs://github/fabrikam/estate/c.integration.yaml']);
      assert.deepEqual(await clientManifestFiles(server).list(ROOT_URI), [`${ROOT_URI}/a.integration.yaml`, `${ROOT_URI}/b.integration.yml`]);
    });

    it("reads a manifest with the index's size bound and passes on why the editor did not", async () => {
      const files = clientManifestFiles(server);
      editor.set(`${ROOT_URI}/a.integration.yaml`, { kind: 'text', text: 'integrationManifest: 1\n' });
      editor.set(`${ROOT_URI}/dir.integration.yaml`, { kind: 'not-a-file' });
      editor.set(`${ROOT_URI}/big.integration.yaml`, { kind: 'unreadable', reason: 'it is larger than 1 MB' });
      editor.set(`${ROOT_URI}/fails.integration.yaml`, 'fail');
      assert.deepEqual(await files.read(`${ROOT_URI}/a.integration.yaml`, ROOT_URI), { text: 'integrationManifest: 1\n' });
      assert.deepEqual(await files.read(`${ROOT_URI}/gone.integration.yaml`, ROOT_URI), { missing: true });
      assert.deepEqual(await files.read(`${ROOT_URI}/dir.integration.yaml`, ROOT_URI), { skipped: 'it is not a regular file' });
      assert.deepEqual(await files.read(`${ROOT_URI}/big.integration.yaml`, ROOT_URI), { skipped: 'it is larger than 1 MB' });
      assert.deepEqual(await files.read(`${ROOT_URI}/fails.integration.yaml`, ROOT_URI), { skipped: 'the editor could not read it' });
      assert.deepEqual(bounds, [MAX_INDEXED_BYTES, MAX_INDEXED_BYTES, MAX_INDEXED_BYTES, MAX_INDEXED_BYTES, MAX_INDEXED_BYTES]);
    });

    it('refuses a URI outside the folder without asking: another repository, or `..` out of the folder', async () => {
      const files = clientManifestFiles(server);
      for (const uri of [`${ROOT_URI}/../secrets.integration.yaml`, `${ROOT_URI}/sub/../../secrets.integration.yaml`, 'vscode-vfs://github/fabrikam/estate/a.integration.yaml', `${ROOT_URI}-copy/a.integration.yaml`])
        assert.deepEqual(await files.read(uri, ROOT_URI), { skipped: 'it lies outside the workspace folder' }, uri);
      assert.deepEqual(asked, []);
      assert.equal(insideFolder(`${ROOT_URI}/sub/../a.integration.yaml`, ROOT_URI), true);
      assert.equal(insideFolder(ROOT_URI, ROOT_URI), false);
    });
  });
});
