import assert from 'node:assert/strict';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { RULES_NICENESS } from '../../server/src/node/analysisWorker';
import { RULES_THREAD_MIN_CHARS } from '../../server/src/incremental/documentAnalyses';
import { generateManifest } from '../../bench/generate';
import { withIntegration } from '../helpers/text';

const ROOT = resolve(__dirname, '../..');

describe('protocol: `node dist/server.js --stdio`', function () {
  this.timeout(120_000);
  let server: ChildProcess;
  let connection: ProtocolConnection;
  const stderr: string[] = [];

  before(() => {
    execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
    server = spawn(process.execPath, [resolve(ROOT, 'dist/server.js'), '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.listen();
  });

  after(() => {
    connection?.dispose();
    if (server && server.exitCode === null) server.kill();
  });

  it('initializes, pushes diagnostics for an opened manifest, shuts down and exits', async function () {
    this.timeout(600_000); // a manifest over 1 MB is opened too, on a machine that may be busy
    const init = await connection.sendRequest<{ capabilities: { completionProvider?: { triggerCharacters?: string[] } } }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { debounceMs: 0 },
    });
    assert.deepEqual(init.capabilities.completionProvider?.triggerCharacters, [':', ' ', '[', ',', '-']);
    await connection.sendNotification('initialized', {});

    const uri = 'file:///stdio/test.integration.yaml';
    const published = new Promise<PublishDiagnosticsParams>((done) =>
      connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.uri === uri) done(p);
      }),
    );
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'integration-manifest', version: 1, text: withIntegration({ mode: 'asink' }) },
    });
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.source]), [['schema', 'integration-manifest']]);

    if (process.platform === 'linux') {
      const niceOf = (tid: string) => Number(readFileSync(`/proc/${server.pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
      const nices = () => readdirSync(`/proc/${server.pid}/task`).map(niceOf);
      // A small manifest is held and checked on the main thread alone: no rules' thread was started.
      assert.ok(!nices().includes(RULES_NICENESS), `no thread runs at nice ${RULES_NICENESS}: ${nices().join(' ')}`);
      // A manifest over RULES_THREAD_MIN_CHARS has its rules run on the worker thread, at a lower priority than the thread that answers requests.
      const large = generateManifest({ integrations: 3000 });
      assert.ok(large.length >= RULES_THREAD_MIN_CHARS);
      const largeUri = 'file:///stdio/large.integration.yaml';
      const largePublished = new Promise<PublishDiagnosticsParams>((done) =>
        connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
          if (p.uri === largeUri) done(p);
        }),
      );
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: largeUri, languageId: 'integration-manifest', version: 1, text: large } });
      assert.ok((await largePublished).diagnostics.length > 0);
      assert.equal(niceOf(String(server.pid)), 0, 'the main thread keeps its priority');
      assert.ok(nices().includes(RULES_NICENESS), `a thread runs at nice ${RULES_NICENESS}: ${nices().join(' ')}`);
    }

    const exited = new Promise<number | null>((done) => server.on('exit', (code) => done(code)));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
    assert.equal(stderr.join(''), '');
  });
});
