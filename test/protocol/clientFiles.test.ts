/**
 * The web worker's file access for the estate (server/src/browser/clientFiles.ts) over a real
 * LSP connection: it asks the editor with `integrationManifests/readFile` for what lies inside
 * the workspace folder, and refuses what lies outside without asking.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection, createProtocolConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver/node';
import { clientEstateFiles, splitUri } from '../../server/src/browser/clientFiles';
import { ReadFileRequest, type ReadFileResult } from '../../shared/src/requests';

const ROOT_URI = 'vscode-vfs://github/contoso/estate';

describe('protocol: the web worker reads imported manifests through the editor', () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const client: ProtocolConnection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  /** What the editor holds, by URI; what it was asked for, in order. */
  const editor = new Map<string, ReadFileResult | 'fail'>();
  const asked: string[] = [];

  before(() => {
    client.onRequest(ReadFileRequest, ({ uri }) => {
      asked.push(uri);
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
    asked.length = 0;
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
});
