/**
 * A minimal LSP client for the benchmark: the real server (`node dist/server.js --stdio`) in
 * a child process, spoken to with vscode-languageserver's protocol connection over the
 * child's stdio, with the capabilities VS Code announces (pulled diagnostics).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  CancellationTokenSource,
  createProtocolConnection,
  type CancellationToken,
  LSPErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type DocumentDiagnosticReport,
  type Message,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { SERVER_NODE_FLAGS } from '../shared/src/serverProcess';

export interface ServerProcess {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** Resolves with the next diagnostics the server pushes for `uri` (from the moment of the call). */
  nextPublished(uri: string): Promise<number>;
  /** The server's memory from /proc/<pid>/status: resident set now and at its peak, in MB. */
  memory(): { rssMb: number; peakRssMb: number } | undefined;
  stop(): Promise<void>;
}

/**
 * Large answers (diagnostics: tens of MB at 10,000 integrations) are not parsed: the client
 * shares no thread with the server, but a client busy parsing 40 MB would delay every answer
 * it times after it. Their id and kind are read from the text; their items are not counted.
 */
const LIGHT_JSON = {
  name: 'application/json',
  decode(buffer: Uint8Array): Promise<Message> {
    return Promise.resolve(decodeLight(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)));
  },
};

function decodeLight(text: Buffer): Message {
  if (text.length < 256 * 1024) return JSON.parse(text.toString('utf8')) as Message;
  const head = text.subarray(0, 200).toString('utf8');
  const id = /"id":(\d+)/.exec(head)?.[1];
  if (id === undefined || !head.includes('"result":')) return JSON.parse(text.toString('utf8')) as Message;
  return { jsonrpc: '2.0', id: Number(id), result: { kind: head.includes('"kind":"unchanged"') ? 'unchanged' : 'full', items: [], large: text.length } } as Message;
}

const CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], resolveSupport: { properties: ['documentation'] } },
      completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/** How to start a server besides the script. */
export interface StartOptions {
  /** What the client answers to `workspace/configuration`, by section. */
  configuration?: (section: string | undefined) => unknown;
  /** Client capabilities beyond the text document ones (`workspace`). */
  workspace?: ClientCapabilities['workspace'];
  /** A workspace folder (URI): the server indexes its manifests; the client offers to watch files. */
  workspaceFolder?: string;
  /** Each `window/logMessage` of the server. */
  onLog?: (message: string) => void;
  /** Each `workspace/diagnostic/refresh` of the server. */
  onRefresh?: () => void;
}

export async function startServer(serverJs: string, cwd: string, options: StartOptions = {}): Promise<ServerProcess> {
  // Started with the flags the extension starts it with; BENCH_SERVER_FLAGS: more (say `--cpu-prof` to profile it).
  const flags = [...SERVER_NODE_FLAGS, ...(process.env['BENCH_SERVER_FLAGS']?.split(' ').filter(Boolean) ?? [])];
  const child = spawn(process.execPath, [...flags, serverJs, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout, { contentTypeDecoder: LIGHT_JSON }), new StreamMessageWriter(child.stdin));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => {
    options.onRefresh?.();
    return null;
  });
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onNotification('window/logMessage', (params: { message: string }) => options.onLog?.(params.message));
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => options.configuration?.(item.section) ?? null));
  const waiting = new Map<string, ((count: number) => void)[]>();
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: unknown[] }) => {
    const waiters = waiting.get(params.uri) ?? [];
    waiting.delete(params.uri);
    for (const resolve of waiters) resolve(params.diagnostics.length);
  });
  connection.listen();
  child.on('exit', (code) => {
    if (code && code !== 0) console.error(`server exited with ${code}: ${stderr}`);
  });
  const folder = options.workspaceFolder;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder ?? null,
    capabilities: folder
      ? { ...CAPABILITIES, workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } } }
      : { ...CAPABILITIES, workspace: { diagnostics: { refreshSupport: true }, ...(options.workspace ?? {}) } },
    ...(folder ? { workspaceFolders: [{ uri: folder, name: 'estate' }] } : {}),
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    nextPublished(uri) {
      return new Promise((resolve) => waiting.set(uri, [...(waiting.get(uri) ?? []), resolve]));
    },
    memory() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
        return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
      } catch {
        return undefined;
      }
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/**
 * The document's diagnostics, pulled once; asked again when the server answers that a newer
 * version overtook the computation (ServerCancelled with retrigger). Returns the number of
 * diagnostics (-1 for a large answer that was not parsed), or undefined when cancelled.
 */
export async function pullDiagnostics(connection: ProtocolConnection, uri: string, token?: CancellationToken, onResult?: (resultId: string | undefined) => void): Promise<number | undefined> {
  for (;;) {
    try {
      const params = { textDocument: { uri } };
      const report = await (token
        ? connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', params, token)
        : connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', params));
      onResult?.(report.resultId);
      return report.kind === 'full' ? ((report as { large?: number }).large === undefined ? report.items.length : -1) : -1;
    } catch (e) {
      if (token?.isCancellationRequested) return undefined;
      if (e instanceof ResponseError && e.code === LSPErrorCodes.ServerCancelled) {
        if ((e.data as { retriggerRequest?: boolean } | undefined)?.retriggerRequest === false) return undefined;
        continue;
      }
      throw e;
    }
  }
}

/**
 * Pulls diagnostics after each change as VS Code's client does: one pull at a time per
 * document; a change during a pull cancels it, and one pull follows when it has ended.
 */
export class DiagnosticsPuller {
  private active: CancellationTokenSource | undefined;
  private again = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: ProtocolConnection,
    private readonly uri: string,
  ) {}

  /** The document changed. */
  changed(): void {
    if (this.active) {
      this.active.cancel();
      this.again = true;
      return;
    }
    this.running = this.pull();
  }

  /** Resolves when no pull is running or due. */
  async idle(): Promise<void> {
    while (this.active || this.again) await this.running;
  }

  private async pull(): Promise<void> {
    do {
      this.again = false;
      this.active = new CancellationTokenSource();
      try {
        await pullDiagnostics(this.connection, this.uri, this.active.token);
      } catch {
        // a failed pull is retried by the next change
      } finally {
        this.active.dispose();
        this.active = undefined;
      }
    } while (this.again);
  }
}
