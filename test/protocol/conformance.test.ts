/**
 * LSP conformance, through a real connection:
 * - a diagnostics pull is cancelled (ServerCancelled) only when its document changed (or
 *   closed) while it waited; pulls of unchanged text are all answered;
 * - every request the server answers meets malformed parameters with InvalidParams naming
 *   the field (a generated family: each request × each field missing or of a wrong type);
 * - after `shutdown` requests get InvalidRequest and notifications are ignored; `exit` exits.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  CancellationTokenSource,
  createConnection,
  createProtocolConnection,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { analyzeText } from '../../server/src/analysis/analyze';
import type { RuleSettings } from '../../server/src/analysis/config';
import { diagnostics as toDiagnostics } from '../../server/src/features/diagnostics';
import { startServer } from '../../server/src/server';
import { generateManifest } from '../../bench/generate';
import { BASE, TODAY, withIntegration } from '../helpers/text';
import { startHarness, type Harness } from './harness';

const ROOT = resolve(__dirname, '../..');
/** Big enough that its rules take many slices: a pull of it is still waiting when the next message arrives. */
const BIG = generateManifest({ integrations: 300, seed: 5 });

const expected = (text: string, uri: string, settings: RuleSettings = {}) => toDiagnostics(analyzeText(text, uri, { today: TODAY, settings }));
const pull = (h: Harness, uri: string, previousResultId?: string, token?: CancellationTokenSource['token']) => {
  const params = { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) };
  // (An undefined token would be sent as a second parameter.)
  return token ? h.client.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', params, token) : h.client.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', params);
};
/** The error a request failed with (it must fail). */
async function failure(request: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await request;
  } catch (e) {
    assert.ok(e instanceof ResponseError, `not a ResponseError: ${String(e)}`);
    return e;
  }
  assert.fail('the request was answered');
}
const full = (report: DocumentDiagnosticReport): { resultId?: string; items: Diagnostic[] } => {
  if (report.kind !== 'full') assert.fail(`a ${report.kind} report`);
  return report;
};

describe('protocol conformance', function () {
  this.timeout(60_000);

  describe('diagnostics pulls: cancelled only when the document changed', () => {
    let h: Harness;
    // A client that cannot be asked to pull again: every answer, the first on BIG too, holds every finding.
    before(async () => (h = await startHarness({ diagnosticRefresh: false })));
    after(() => h.dispose());

    it('the first pulls after opening, sent back to back, are all answered, with the same result', async () => {
      for (const text of [withIntegration({ mode: 'asink' }), BIG]) {
        const uri = await h.open(text);
        const reports = (await Promise.all([pull(h, uri), pull(h, uri), pull(h, uri)])).map(full);
        assert.ok(reports[0]!.resultId);
        for (const report of reports) {
          assert.equal(report.resultId, reports[0]!.resultId);
          assert.deepEqual(report.items, expected(text, uri));
        }
        assert.equal((await pull(h, uri, reports[0]!.resultId)).kind, 'unchanged');
      }
    });

    it('a pull of a document that did not change is answered while pulls and edits of another document come and go', async () => {
      const uri = await h.open(BIG);
      const other = await h.open(BIG.replace('mode: async', 'mode: sync'));
      const waiting = pull(h, uri);
      const others = [pull(h, other).catch((e: unknown) => e)];
      await h.change(other, BIG);
      others.push(pull(h, other));
      assert.deepEqual(full(await waiting).items, expected(BIG, uri));
      await Promise.all(others);
    });

    /**
     * Whether the server reads a message sent right behind a pull before it answers depends on
     * where the rules pause (they run in slices between messages, and a big step is not cut):
     * on BIG they pause several times, but an attempt that is answered first proves nothing.
     * Each attempt checks what must hold either way; `attempt` says whether the server did read
     * the message first, and a few attempts make sure it did at least once.
     */
    async function untilOverlapped(attempt: () => Promise<boolean>) {
      for (let i = 0; i < 5; i++) if (await attempt()) return;
      assert.fail('the server answered every pull before it read the message behind it');
    }

    it('a pull waiting when a didChange arrives is cancelled with ServerCancelled and retriggerRequest: true; the pull after the change answers the new text', async () => {
      await untilOverlapped(async () => {
        const uri = await h.open(BIG);
        const before = pull(h, uri).then(full, (e: unknown) => e);
        const edited = BIG.replace('mode: async', 'mode: sync');
        await h.change(uri, edited);
        const after = pull(h, uri);
        assert.deepEqual(full(await after).items, expected(edited, uri), 'the pull sent after the change');
        const first = await before;
        if (first instanceof ResponseError) {
          assert.equal(first.code, LSPErrorCodes.ServerCancelled);
          assert.deepEqual(first.data, { retriggerRequest: true });
          return true;
        }
        // Answered before the change was read: the text it was asked for.
        assert.deepEqual(first, { resultId: (first as { resultId: string }).resultId, items: expected(BIG, uri), kind: 'full' });
        return false;
      });
    });

    it('a pull waiting when its document closes is cancelled with retriggerRequest: false', async () => {
      await untilOverlapped(async () => {
        const uri = await h.open(BIG);
        const waiting = pull(h, uri).then(full, (e: unknown) => e);
        await h.close(uri);
        const answer = await waiting;
        if (!(answer instanceof ResponseError)) return false;
        assert.equal(answer.code, LSPErrorCodes.ServerCancelled);
        assert.deepEqual(answer.data, { retriggerRequest: false });
        return true;
      });
    });

    it('a pull the client cancels gets RequestCancelled, not ServerCancelled', async () => {
      await untilOverlapped(async () => {
        const uri = await h.open(BIG);
        const source = new CancellationTokenSource();
        const waiting = pull(h, uri, undefined, source.token).then(full, (e: unknown) => e);
        source.cancel();
        const answer = await waiting;
        // The computation the pull started is not lost for the next one.
        assert.deepEqual(full(await pull(h, uri)).items, expected(BIG, uri));
        if (!(answer instanceof ResponseError)) return false;
        assert.equal(answer.code, LSPErrorCodes.RequestCancelled);
        return true;
      });
    });

    it('a settings change while a pull waits is not a document change: the pull is answered', async () => {
      const uri = await h.open(BIG);
      const waiting = pull(h, uri);
      const rules: RuleSettings = { 'goal-alignment': 'off', 'volume-declared': 'error' };
      await h.setRules(rules);
      const { items } = full(await waiting);
      // Under the settings in force when it was answered: the new ones, or the old ones if it was answered before they arrived.
      const candidates = [expected(BIG, uri, rules), expected(BIG, uri)];
      assert.ok(candidates.some((c) => JSON.stringify(c) === JSON.stringify(items)), 'the diagnostics of one of the settings');
      assert.deepEqual(full(await pull(h, uri)).items, expected(BIG, uri, rules));
      await h.setRules({});
    });
  });

  describe('malformed parameters get InvalidParams naming the field', () => {
    type Kind = 'string' | 'uinteger' | 'boolean' | 'object' | 'array';
    /** A field of a request's parameters as LSP 3.17 defines it (and the server reads it). */
    interface Field {
      path: (string | number)[];
      kind: Kind;
      optional?: true;
    }
    const PHRASE: Record<Kind, string> = {
      string: 'must be a string',
      uinteger: 'must be a non-negative integer',
      boolean: 'must be a boolean',
      object: 'must be an object',
      array: 'must be an array',
    };
    const WRONG: Record<Kind, unknown[]> = {
      string: [42, true, { text: 'x' }, null],
      uinteger: ['1', -1, 1.5, null],
      boolean: ['true', 0, null],
      object: ['x', 7, [], null],
      array: [{}, 'x', null],
    };
    const f = (path: string, kind: Kind, optional = false): Field => ({
      path: path.split('.').flatMap((part) => part.split(/\[(\d+)\]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p))),
      kind,
      ...(optional ? { optional: true } : {}),
    });
    const textDocument = [f('textDocument', 'object'), f('textDocument.uri', 'string')];
    const position = [f('position', 'object'), f('position.line', 'uinteger'), f('position.character', 'uinteger')];
    const range = (at: string) => [
      f(at, 'object'),
      f(`${at}.start`, 'object'),
      f(`${at}.start.line`, 'uinteger'),
      f(`${at}.start.character`, 'uinteger'),
      f(`${at}.end`, 'object'),
      f(`${at}.end.line`, 'uinteger'),
      f(`${at}.end.character`, 'uinteger'),
    ];
    const zero = () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });

    /** Each request the server answers: valid parameters, and the fields that must be there (or, if optional, of the right type). */
    const REQUESTS: { method: string; params: (uri: string) => Record<string, unknown>; fields: Field[] }[] = [
      ...['completion', 'hover', 'definition', 'documentHighlight', 'prepareRename'].map((name) => ({
        method: `textDocument/${name}`,
        params: (uri: string) => ({ textDocument: { uri }, position: { line: 2, character: 3 } }),
        fields: [...textDocument, ...position],
      })),
      { method: 'completionItem/resolve', params: () => ({ label: 'mode' }), fields: [f('label', 'string')] },
      {
        method: 'textDocument/references',
        params: (uri) => ({ textDocument: { uri }, position: { line: 2, character: 3 }, context: { includeDeclaration: true } }),
        fields: [...textDocument, ...position, f('context', 'object'), f('context.includeDeclaration', 'boolean')],
      },
      {
        method: 'textDocument/rename',
        params: (uri) => ({ textDocument: { uri }, position: { line: 2, character: 3 }, newName: 'renamed' }),
        fields: [...textDocument, ...position, f('newName', 'string')],
      },
      ...['documentSymbol', 'codeLens'].map((name) => ({ method: `textDocument/${name}`, params: (uri: string) => ({ textDocument: { uri } }), fields: textDocument })),
      {
        method: 'textDocument/codeAction',
        params: (uri) => ({ textDocument: { uri }, range: zero(), context: { diagnostics: [{ range: zero(), message: 'm', code: 'schema' }], only: ['quickfix'] } }),
        fields: [
          ...textDocument,
          ...range('range'),
          f('context', 'object'),
          f('context.diagnostics', 'array'),
          f('context.diagnostics[0]', 'object'),
          ...range('context.diagnostics[0].range'),
          f('context.diagnostics[0].message', 'string'),
          f('context.only', 'array', true),
          f('context.only[0]', 'string'),
        ],
      },
      {
        method: 'textDocument/diagnostic',
        params: (uri) => ({ textDocument: { uri }, identifier: 'integration-manifest', previousResultId: 'none' }),
        fields: [...textDocument, f('identifier', 'string', true), f('previousResultId', 'string', true)],
      },
      { method: 'integrationManifests/diagrams', params: (uri) => ({ uri, focus: 'erp' }), fields: [f('uri', 'string'), f('focus', 'string', true)] },
    ];

    const display = (path: (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    /** `params` with the value at `path` replaced (or deleted, for `undefined`). */
    function withValue(params: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
      const copy = structuredClone(params);
      let target = copy as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
      const last = path.at(-1)!;
      if (value === undefined) delete target[last];
      else target[last] = value;
      return copy;
    }

    let h: Harness;
    let uri: string;
    before(async () => {
      h = await startHarness();
      uri = await h.open(BASE);
    });
    after(() => h.dispose());

    it('the valid parameters of each request are answered', async () => {
      for (const { method, params } of REQUESTS) await h.request(method, params(uri));
    });

    it('each request × each field missing or of a wrong type', async () => {
      const failures: string[] = [];
      let cases = 0;
      for (const { method, params, fields } of REQUESTS) {
        const valid = params(uri);
        for (const field of fields) {
          const values = [...(field.optional ? [] : [undefined]), ...WRONG[field.kind].filter((v) => !(field.optional && v === null))];
          for (const value of values) {
            cases++;
            const message = `${display(field.path)} ${PHRASE[field.kind]}`;
            const label = `${method} with ${display(field.path)} ${value === undefined ? 'missing' : `= ${JSON.stringify(value)}`}`;
            try {
              await h.request(method, withValue(valid, field.path, value));
              failures.push(`${label}: answered`);
            } catch (e) {
              if (!(e instanceof ResponseError) || e.code !== ErrorCodes.InvalidParams || e.message !== message)
                failures.push(`${label}: ${e instanceof ResponseError ? `${e.code} ${e.message}` : String(e)}, expected InvalidParams "${message}"`);
            }
          }
        }
        // The parameters themselves: absent, null, or not an object. The client library sends the last three by
        // position (`[null]`): for the LSP requests the JSON-RPC layer refuses that itself, also with InvalidParams.
        for (const value of [undefined, null, 'x', 42]) {
          cases++;
          const label = `${method} with params ${value === undefined ? 'absent' : JSON.stringify(value)}`;
          try {
            await (value === undefined ? h.client.sendRequest(method) : h.request(method, value));
            failures.push(`${label}: answered`);
          } catch (e) {
            if (!(e instanceof ResponseError) || e.code !== ErrorCodes.InvalidParams) failures.push(`${label}: ${e instanceof ResponseError ? `${e.code} ${e.message}` : String(e)}`);
          }
        }
      }
      console.log(`      ${cases} malformed requests over ${REQUESTS.length} methods; ${cases - failures.length} answered InvalidParams naming the field`);
      assert.deepEqual(failures, []);
      // The server still answers afterwards.
      assert.deepEqual(await h.diagnostics(uri), []);
    });
  });

  describe('after shutdown', () => {
    const methods = [
      'textDocument/completion',
      'completionItem/resolve',
      'textDocument/hover',
      'textDocument/definition',
      'textDocument/references',
      'textDocument/prepareRename',
      'textDocument/rename',
      'textDocument/documentSymbol',
      'textDocument/documentHighlight',
      'textDocument/codeAction',
      'textDocument/codeLens',
      'textDocument/diagnostic',
      'integrationManifests/diagrams',
      'textDocument/willSaveWaitUntil',
      'workspace/executeCommand',
      'no/such-method',
      'initialize',
      'shutdown',
    ];

    /** The server in this process over a raw connection (no harness: it would send `exit`-free shutdown itself). */
    async function rawServer(pull: boolean) {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
      startServer(serverConnection, { today: () => TODAY });
      const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
      const seen: string[] = [];
      client.onRequest('workspace/configuration', () => {
        seen.push('workspace/configuration');
        return [{}];
      });
      client.onRequest('client/registerCapability', () => {
        seen.push('client/registerCapability');
        return null;
      });
      client.onRequest('workspace/diagnostic/refresh', () => null);
      client.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => seen.push(`publishDiagnostics ${p.uri} v${p.version}`));
      client.listen();
      await client.sendRequest('initialize', {
        processId: null,
        rootUri: null,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: pull ? { diagnostic: {} } : { publishDiagnostics: { versionSupport: true } },
        },
        initializationOptions: { debounceMs: 0 },
      });
      const dispose = () => {
        client.dispose();
        serverConnection.dispose();
        toServer.end();
        toClient.end();
      };
      return { client, seen, dispose };
    }

    const uri = 'file:///shutdown.integration.yaml';
    const paramsOf = (method: string): unknown => {
      const position = { line: 1, character: 2 };
      switch (method) {
        case 'completionItem/resolve':
          return { label: 'mode' };
        case 'textDocument/references':
          return { textDocument: { uri }, position, context: { includeDeclaration: true } };
        case 'textDocument/rename':
          return { textDocument: { uri }, position, newName: 'x' };
        case 'textDocument/codeAction':
          return { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } };
        case 'textDocument/documentSymbol':
        case 'textDocument/codeLens':
        case 'textDocument/diagnostic':
          return { textDocument: { uri } };
        case 'textDocument/willSaveWaitUntil':
          return { textDocument: { uri }, reason: 1 };
        case 'integrationManifests/diagrams':
          return { uri };
        case 'workspace/executeCommand':
          return { command: 'x' };
        case 'initialize':
          return { processId: null, rootUri: null, capabilities: {} };
        case 'shutdown':
          return undefined;
        default:
          return { textDocument: { uri }, position };
      }
    };

    it('every request gets InvalidRequest; before it, each was answered (or unknown)', async () => {
      const { client, dispose } = await rawServer(true);
      try {
        await client.sendNotification('initialized', {});
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'integration-manifest', version: 1, text: BASE } });
        for (const method of methods.filter((m) => m !== 'initialize' && m !== 'shutdown')) {
          const answer = client.sendRequest(method, paramsOf(method));
          if (method === 'workspace/executeCommand' || method === 'no/such-method') assert.equal((await failure(answer)).code, ErrorCodes.MethodNotFound, method);
          else await answer;
        }
        assert.equal(await client.sendRequest('shutdown'), null);
        const refused: string[] = [];
        for (const method of methods) {
          const params = paramsOf(method);
          const error = await failure(params === undefined ? client.sendRequest(method) : client.sendRequest(method, params));
          if (error.code === ErrorCodes.InvalidRequest) refused.push(method);
          else assert.fail(`${method} after shutdown: ${error.code} ${error.message}`);
        }
        assert.deepEqual(refused, methods);
      } finally {
        dispose();
      }
    });

    it('notifications are ignored', async () => {
      const { client, seen, dispose } = await rawServer(false);
      // Requests refused after shutdown: each answer comes after everything the server did for the messages before it.
      const roundTrips = async (n: number) => {
        for (let i = 0; i < n; i++) await failure(client.sendRequest('no/such-method', {}));
      };
      try {
        // Before shutdown, each of them makes the server do something the client sees.
        await client.sendNotification('initialized', {});
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'integration-manifest', version: 1, text: BASE } });
        await client.sendNotification('workspace/didChangeConfiguration', { settings: null });
        await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: withIntegration({ mode: 'asink' }) }] });
        while (!['client/registerCapability', 'workspace/configuration', `publishDiagnostics ${uri} v1`, `publishDiagnostics ${uri} v2`].every((s) => seen.includes(s)))
          await roundTrips(1);
        await client.sendRequest('shutdown');
        seen.length = 0;
        const other = 'file:///after-shutdown.integration.yaml';
        await client.sendNotification('initialized', {});
        await client.sendNotification('workspace/didChangeConfiguration', { settings: null });
        await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: BASE }] });
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'integration-manifest', version: 1, text: BASE } });
        await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await roundTrips(5);
        assert.deepEqual(seen, []);
      } finally {
        dispose();
      }
    });

    it('`exit` ends the process: code 0 after shutdown, 1 without', async function () {
      for (const shutdownFirst of [true, false]) {
        const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), resolve(ROOT, 'server/src/node/main.ts'), '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
        const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
        const connection: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        connection.listen();
        try {
          await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
          await connection.sendNotification('initialized', {});
          if (shutdownFirst) {
            await connection.sendRequest('shutdown');
            assert.equal((await failure(connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }))).code, ErrorCodes.InvalidRequest);
          }
          await connection.sendNotification('exit');
          assert.equal(await exited, shutdownFirst ? 0 : 1);
        } finally {
          connection.dispose();
          if (child.exitCode === null) child.kill();
        }
      }
    });
  });
});
