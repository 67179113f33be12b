/**
 * Hostile input (SECURITY.md, "Hostile files") through the real language server and a real LSP client: each input
 * gets its clear diagnostic, every feature answers on it, and the server keeps answering
 * a normal manifest correctly afterwards (the guidance on `mode`, the systems for `via`). At the default trace level the
 * server logs nothing of a manifest's content.
 *
 * HOSTILE_BIG=0 leaves out the 10 MB inputs for a quick run.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { nodeBundle } from '../../scripts/node-bundle.cjs';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type Position,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { DiagramsRequest } from '../../shared/src/requests';
import { assertModeHover, assertViaCompletion, hostileCases, MODE_KEY, SPEC_EXAMPLE, VIA_VALUE } from '../helpers/hostileInputs';
import { startHarness, type Harness } from './harness';

const BIG = process.env['HOSTILE_BIG'] !== '0';

function assertInside(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    const { start, end } = d.range;
    assert.ok(end.line < lines.length, `range past the last line: ${JSON.stringify(d.range)}`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `reversed range ${JSON.stringify(d.range)}`);
    assert.ok(end.character <= lines[end.line]!.length, `range past the end of its line: ${JSON.stringify(d.range)}`);
  }
}

function probes(text: string): Position[] {
  const lines = text.split(/\r\n|\r|\n/);
  return [0, Math.floor(lines.length / 2), lines.length - 1].map((line) => ({ line, character: Math.min(2, lines[line]?.length ?? 0) }));
}

/** The position of the first `needle` in `text`, plus `shift` characters. */
function positionOf(text: string, needle: string, shift: number): Position {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line]!.indexOf(needle) + shift };
}

for (const mode of ['pull', 'push'] as const) {
  describe(`protocol: hostile input through the real server (${mode} diagnostics)`, function () {
    this.timeout(300_000);
    let h: Harness;
    let healthy: string;

    before(async () => {
      h = await startHarness({ diagnostics: mode });
      healthy = await h.open(SPEC_EXAMPLE, 'file:///healthy.integration.yaml');
    });
    after(() => h.dispose());

    /** The server answers on a normal manifest as it should: the guidance on `mode`, the example's one middleware system in `via`. */
    async function assertStillAnswering(): Promise<void> {
      assertModeHover(await h.hover(healthy, MODE_KEY));
      assertViaCompletion(await h.completion(healthy, VIA_VALUE));
    }

    // Push mode runs the quick cases: the path to the diagnostics differs, not the engine.
    for (const c of hostileCases(BIG && mode === 'pull')) {
      it(`answers for ${c.name}, and keeps answering`, async () => {
        const uri = await h.open(c.text);
        const diagnostics = await h.diagnostics(uri);
        assert.ok(!diagnostics.some((d) => d.code === 'internal-error'), diagnostics.find((d) => d.code === 'internal-error')?.message);
        if (c.expect) {
          const expect = c.expect;
          assert.ok(diagnostics.some((d) => expect.test(d.message)), `no diagnostic matching ${expect}; got:\n${diagnostics.slice(0, 8).map((d) => `${d.code}: ${d.message}`).join('\n')}`);
        }
        assertInside(c.text, diagnostics);
        for (const position of probes(c.text)) {
          await h.hover(uri, position);
          await h.completion(uri, position);
          await h.definition(uri, position);
          await h.references(uri, position);
          await h.highlights(uri, position);
        }
        await h.symbols(uri);
        await h.codeLenses(uri);
        await h.codeActions(uri, diagnostics.slice(0, 20));
        await h.request(DiagramsRequest.method, { uri });
        await h.close(uri);
        await assertStillAnswering();
      });
    }
  });
}

describe('protocol: hostile input through the server process (`node server.js --stdio`, rules on a worker thread)', function () {
  this.timeout(600_000);
  const ROOT = resolve(__dirname, '../..');
  let dir: string;
  let server: ChildProcess;
  let connection: ProtocolConnection;
  const stderr: string[] = [];
  let exitCode: number | null | undefined;
  const healthy = 'file:///process/healthy.integration.yaml';

  before(async () => {
    // The server bundle as `npm run build` makes it (the bundle is also the rules' worker thread).
    dir = mkdtempSync(join(tmpdir(), 'im-hostile-'));
    buildSync({ ...nodeBundle(), entryPoints: [join(ROOT, 'server/src/node/main.ts')], outfile: join(dir, 'server.js') });
    server = spawn(process.execPath, [join(dir, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    server.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    server.on('exit', (code) => (exitCode = code));
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] } }, workspace: { configuration: true } },
      initializationOptions: { debounceMs: 0 },
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: healthy, languageId: 'integration-manifest', version: 1, text: SPEC_EXAMPLE } });
  });

  after(async () => {
    if (exitCode === undefined) {
      const exited = new Promise((done) => server.on('exit', done));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await exited;
    }
    connection.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The latest pull is the one answered in full: retry when a request is overtaken. */
  async function pull(uri: string): Promise<Diagnostic[]> {
    for (;;) {
      try {
        const report = await connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
        if (report.kind === 'full') return report.items;
      } catch (e) {
        if (!/changed while it was being checked/.test(String(e))) throw e;
      }
    }
  }

  for (const c of hostileCases(BIG)) {
    it(`answers for ${c.name}, keeps running and keeps answering`, async () => {
      const uri = `file:///process/${encodeURIComponent(c.name)}.integration.yaml`;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'integration-manifest', version: 1, text: c.text } });
      const diagnostics = await pull(uri);
      if (c.expect) {
        const expect = c.expect;
        assert.ok(diagnostics.some((d) => expect.test(d.message)), `no diagnostic matching ${expect}; got:\n${diagnostics.slice(0, 8).map((d) => `${d.code}: ${d.message}`).join('\n')}`);
      }
      assert.ok(!diagnostics.some((d) => d.code === 'internal-error'), diagnostics.find((d) => d.code === 'internal-error')?.message);
      assertInside(c.text, diagnostics);
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      assertModeHover(await connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: healthy }, position: MODE_KEY }));
      assert.equal(exitCode, undefined, `the server exited (${exitCode}); stderr:\n${stderr.join('').slice(0, 2000)}`);
    });
  }

  it('wrote nothing to stderr', () => {
    assert.equal(stderr.join(''), '');
  });
});

/** Sets `object[key]` to `value`; the function returned puts the property back as it was (own or inherited). */
function replaceProperty<T extends object, K extends keyof T>(object: T, key: K, value: T[K]): () => void {
  const own = Object.getOwnPropertyDescriptor(object, key);
  object[key] = value;
  return () => {
    if (own) Object.defineProperty(object, key, own);
    else Reflect.deleteProperty(object, key);
  };
}

describe('protocol: the server keeps manifests out of its log', function () {
  this.timeout(60_000);

  it('logs no manifest content at the default trace level, in any feature or on any error', async () => {
    const marker = 'ZQX7-confidential';
    const text = SPEC_EXAMPLE.replace('Contoso order to cash', `Contoso ${marker} name`)
      .replace('# format version', `# ${marker} comment`)
      .replace('mode: async', `mode: ${marker}-mode`)
      .replace('from: erp', `from: ${marker}-system`)
      .concat(`extra-${marker}: [unclosed\n`);
    // The server runs in this process: anything it writes to stdout, stderr or the console is caught here too.
    const written: string[] = [];
    const restore: (() => void)[] = [];
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream) as (...a: unknown[]) => boolean;
      restore.push(
        replaceProperty(stream, 'write', (chunk: unknown, ...rest: unknown[]) => {
          written.push(String(chunk));
          return write(chunk, ...rest);
        }),
      );
    }
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) restore.push(replaceProperty(console, method, (...args: unknown[]) => void written.push(args.map(String).join(' '))));
    const h = await startHarness();
    try {
      const uri = await h.open(text);
      const diagnostics = await h.diagnostics(uri);
      assert.ok(diagnostics.some((d) => d.message.includes(marker)), 'the diagnostics quote the manifest (to the editor, not the log)');
      for (const position of probes(text).concat(positionOf(text, marker, 1))) {
        await h.hover(uri, position);
        await h.completion(uri, position);
        await h.references(uri, position);
        await h.prepareRename(uri, position);
      }
      await h.codeActions(uri, diagnostics);
      await h.codeLenses(uri);
      await h.symbols(uri);
      await h.request(DiagramsRequest.method, { uri });
      await h.change(uri, text.replace(marker, `${marker}-2`));
      await h.diagnostics(uri);
      await h.close(uri);
      await h.request(DiagramsRequest.method, { uri: 'file:///not-open.integration.yaml' });
    } finally {
      await h.dispose();
      for (const undo of restore) undo();
    }
    assert.ok(h.logs.length > 0, 'the server logged nothing at all: is the log captured?');
    assert.deepEqual(h.logs.filter((l) => l.includes(marker)), [], 'a window/logMessage quotes the manifest');
    assert.deepEqual(written.filter((w) => w.includes(marker)), [], 'the server wrote the manifest to stdout, stderr or the console');
  });
});
