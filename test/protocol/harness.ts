/**
 * Protocol test harness: the real language server (`startServer`) and a real LSP client
 * connection in one process, joined by two PassThrough streams. Every call below is a real
 * JSON-RPC message.
 *
 *   const h = await startHarness();              // pull diagnostics; { diagnostics: 'push' } for push
 *   const uri = await h.open(text);              // didOpen; returns the document's URI
 *   const diags = await h.diagnostics(uri);      // pulled (or the pushed set for the current version)
 *   const pos = h.at(uri, 'from: |erp');         // the position of `|` in the first `from: erp`
 *   const defn = await h.definition(uri, pos);
 *   await h.applyEdit(edit);                     // applies a WorkspaceEdit and sends the didChange
 *   await h.dispose();
 *
 * Anything without a helper: `h.request(method, params)` / `h.client.sendNotification(...)`.
 *
 * `startHarness({ server })` talks to another server instead, through the reader and writer
 * `server` gives (the web worker bundle in Chromium: test/browser/webWorkerServer.ts).
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type DocumentHighlight,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MessageReader,
  type MessageWriter,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ServerCapabilities,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleSettings } from '../../server/src/analysis/config';
import { EARLY_SUFFIX, READY_MESSAGE, startServer } from '../../server/src/server';
import { nodeWorkspaceFiles } from '../../server/src/node/workspaceFiles';
import { TODAY } from '../helpers/text';

export interface HarnessOptions {
  /** How the client takes diagnostics: `pull` (textDocument/diagnostic, the default) or `push` (publishDiagnostics). */
  diagnostics?: 'pull' | 'push';
  /** What the client answers for `integrationManifests.rules` (workspace/configuration). */
  rules?: RuleSettings;
  /** What the client answers for `integrationManifests.maxProblems`; unset by default. */
  maxProblems?: number;
  /** Today for the server (waiver expiry); `TODAY` of the test helpers by default. */
  today?: string;
  /**
   * Workspace folders (file URIs): the server indexes the manifests in them, and the client
   * offers to watch files (`didChangeWatchedFiles` with dynamic registration). `startHarness`
   * resolves once the server says it has indexed them.
   */
  workspaceFolders?: string[];
  /** The server to talk to; by default `startServer` in this process (given `today`). */
  server?: () => ServerTransport | Promise<ServerTransport>;
  /**
   * The client can be asked to pull diagnostics again (`workspace/diagnostic/refresh`), as VS
   * Code can; on by default. Without it, the first pull of a large manifest waits for every
   * finding instead of being answered with the syntax and schema findings first.
   */
  diagnosticRefresh?: boolean;
  /** The client resolves a code action's `edit` (`codeAction/resolve`), as VS Code does; off by default. */
  resolveCodeActions?: boolean;
  /** Registers more of the client's handlers (the editor's answers to the server's own requests) before the client listens. */
  handlers?: (client: ProtocolConnection) => void;
}

/** How the harness's client reaches a server, and how to let it go after `shutdown`. */
export interface ServerTransport {
  reader: MessageReader;
  writer: MessageWriter;
  dispose(): void | Promise<void>;
}

/** The language server in this process, joined to the client by two streams. */
function inProcessServer(today: string): ServerTransport {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Reader and writer objects (not raw streams): vscode-languageserver exits the process when a raw input stream closes.
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConnection, { today: () => today, workspaceFiles: nodeWorkspaceFiles() });
  return {
    reader: new StreamMessageReader(toClient),
    writer: new StreamMessageWriter(toServer),
    dispose() {
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

export interface Harness {
  /** The client side of the connection. */
  readonly client: ProtocolConnection;
  /** What the server announced in its `initialize` result. */
  readonly capabilities: ServerCapabilities;
  /** Every `window/logMessage` the server sent. */
  readonly logs: string[];
  /** Every capability the server registered (`client/registerCapability`). */
  readonly registrations: { method: string; registerOptions?: unknown }[];
  /** Sends `workspace/didChangeWatchedFiles` as the client's file watcher does (1 created, 2 changed, 3 deleted). */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void>;
  /** Resolves when the server has sent `workspace/diagnostic/refresh` more times than `count` (pull mode); `refreshCount()` gives the count so far. */
  refreshed(count: number): Promise<void>;
  refreshCount(): number;
  /** Opens a document (language `integration-manifest`); returns its URI. */
  open(text: string, uri?: string): Promise<string>;
  /** Replaces the whole text (one full-content change); returns the new version. */
  change(uri: string, text: string): Promise<number>;
  close(uri: string): Promise<void>;
  /** The client's copy of the document's text. */
  text(uri: string): string;
  /** The position of the `|` in `needle` (written with a `|` where the cursor goes) at its `occurrence`-th match (1-based). */
  at(uri: string, needle: string, occurrence?: number): Position;
  /** The range that `needle` covers at its `occurrence`-th match. */
  rangeOf(uri: string, needle: string, occurrence?: number): Range;
  /**
   * The document's diagnostics for its current version: pulled in pull mode; in push mode,
   * the first set published for the current version after the last open, change or settings change.
   */
  diagnostics(uri: string): Promise<Diagnostic[]>;
  /** The next `publishDiagnostics` for `uri` that arrives after this call (push mode). */
  nextPush(uri: string): Promise<PublishDiagnosticsParams>;
  /** The last `publishDiagnostics` for `uri` so far (push mode), if any. */
  lastPush(uri: string): PublishDiagnosticsParams | undefined;
  /** Changes the `integrationManifests.rules` setting and notifies the server; in pull mode waits for its refresh request. */
  setRules(rules: RuleSettings): Promise<void>;
  /** Changes the `integrationManifests.maxProblems` setting, as `setRules` does. */
  setMaxProblems(maxProblems: number | undefined): Promise<void>;
  /** Applies the edit to the client's documents and sends the changes (as incremental edits). */
  applyEdit(edit: WorkspaceEdit | null | undefined): Promise<void>;

  request<R>(method: string, params: unknown): Promise<R>;
  codeActions(uri: string, diagnostics: Diagnostic[], range?: Range): Promise<CodeAction[]>;
  codeLenses(uri: string): Promise<CodeLens[]>;
  definition(uri: string, position: Position): Promise<Location | null>;
  references(uri: string, position: Position, includeDeclaration?: boolean): Promise<Location[]>;
  highlights(uri: string, position: Position): Promise<DocumentHighlight[]>;
  prepareRename(uri: string, position: Position): Promise<{ range: Range; placeholder: string } | null>;
  rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null>;
  symbols(uri: string): Promise<DocumentSymbol[]>;
  /** The items, with the list's defaults put on each (as VS Code's client does). */
  completion(uri: string, position: Position): Promise<CompletionItem[]>;
  /** The answer as the server sends it. */
  completionList(uri: string, position: Position): Promise<CompletionList | CompletionItem[] | null>;
  resolveCompletion(item: CompletionItem): Promise<CompletionItem>;
  hover(uri: string, position: Position): Promise<Hover | null>;

  /** Shuts the server down (shutdown request) and closes both ends. */
  dispose(): Promise<void>;
}

const SECTION = 'integrationManifests';

function capabilities(pull: boolean, workspace: boolean, resolveCodeActions = false, diagnosticRefresh = true): ClientCapabilities {
  return {
    workspace: {
      ...(workspace ? { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      diagnostics: { refreshSupport: diagnosticRefresh },
      applyEdit: true,
      workspaceEdit: { documentChanges: false },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false },
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      completion: {
        completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], resolveSupport: { properties: ['documentation', 'detail'] } },
        // As VS Code's client announces them; `completion` puts the defaults back on the items as it does.
        completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
      },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      rename: { prepareSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
        isPreferredSupport: true,
        dataSupport: true,
        ...(resolveCodeActions ? { resolveSupport: { properties: ['edit'] } } : {}),
      },
      codeLens: {},
      definition: { linkSupport: false },
    },
  };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const pull = (options.diagnostics ?? 'pull') === 'pull';
  const today = options.today ?? TODAY;
  const server = options.server ? await options.server() : inProcessServer(today);
  const client = createProtocolConnection(server.reader, server.writer);

  let rules: RuleSettings = options.rules ?? {};
  let maxProblems = options.maxProblems;
  const documents = new Map<string, TextDocument>();
  const logs: string[] = [];
  const registrations: { method: string; registerOptions?: unknown }[] = [];
  const pushes: PublishDiagnosticsParams[] = [];
  /** Per URI: pushes before this index predate the last action on the document. */
  const marks = new Map<string, number>();
  const waiters = new Set<() => void>();
  let refreshes = 0;
  const notify = () => waiters.forEach((w) => w());
  /** Resolves when `ready()` returns a value, checking after every message that may change it. */
  const until = <T>(ready: () => T | undefined): Promise<T> =>
    new Promise((resolve) => {
      const check = () => {
        const value = ready();
        if (value === undefined) return;
        waiters.delete(check);
        resolve(value);
      };
      waiters.add(check);
      check();
    });

  let configurationReads = 0;
  client.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
    configurationReads++;
    notify();
    return params.items.map((item) => (item.section === SECTION ? { rules, ...(maxProblems === undefined ? {} : { maxProblems }) } : null));
  });
  client.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  client.onRequest('client/unregisterCapability', () => null);
  client.onRequest('window/workDoneProgress/create', () => null);
  client.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    notify();
    return null;
  });
  client.onRequest('workspace/codeLens/refresh', () => null);
  options.handlers?.(client);
  client.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
    notify();
  });
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    pushes.push(params);
    notify();
  });
  client.listen();

  const { capabilities: serverCapabilities } = await client.sendRequest<{ capabilities: ServerCapabilities }>('initialize', {
    processId: null,
    rootUri: null,
    capabilities: capabilities(pull, options.workspaceFolders !== undefined, options.resolveCodeActions, options.diagnosticRefresh),
    initializationOptions: { debounceMs: 0 },
    workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder ${i + 1}` })) ?? null,
  });
  // The server registers for configuration changes and reads the settings once it is initialized; it says when it is done.
  await client.sendNotification('initialized', {});
  await until(() => (logs.includes(READY_MESSAGE) ? true : undefined));
  if (options.workspaceFolders) await until(() => (logs.some((l) => /^Indexed \d+ manifest files/.test(l)) ? true : undefined));

  const doc = (uri: string): TextDocument => {
    const d = documents.get(uri);
    if (!d) throw new Error(`${uri} is not open in the harness`);
    return d;
  };
  const mark = (uri: string) => marks.set(uri, pushes.length);
  /** Tells the server the settings changed; in pull mode waits for its refresh request. */
  const settingsChanged = async () => {
    for (const uri of documents.keys()) mark(uri);
    const before = refreshes;
    const reads = configurationReads;
    await client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    if (pull && options.diagnosticRefresh !== false) await until(() => (refreshes > before ? true : undefined));
    else if (pull) {
      // No refresh to wait for: the server has read the settings once it asked for them and answered a request sent after.
      await until(() => (configurationReads > reads ? true : undefined));
      await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///settings-read.integration.yaml' } });
    }
  };
  const tdp = (uri: string, position: Position) => ({ textDocument: { uri }, position });
  let untitled = 0;

  const findNeedle = (uri: string, needle: string, occurrence: number): number => {
    const text = doc(uri).getText();
    let index = -1;
    for (let n = 0; n < occurrence; n++) {
      index = text.indexOf(needle, index + 1);
      if (index < 0) throw new Error(`\`${needle}\` occurs fewer than ${occurrence} times in ${uri}`);
    }
    return index;
  };

  async function sendChanges(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const before = doc(uri);
    const after = TextDocument.update(before, changes, before.version + 1);
    documents.set(uri, after);
    mark(uri);
    await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: after.version }, contentChanges: changes });
    return after.version;
  }

  const harness: Harness = {
    client,
    capabilities: serverCapabilities,
    logs,
    registrations,
    filesChanged: (changes) => client.sendNotification('workspace/didChangeWatchedFiles', { changes }),
    refreshed: async (count) => void (await until(() => (refreshes > count ? true : undefined))),
    refreshCount: () => refreshes,
    async open(text, uri = `file:///test/manifest-${++untitled}.integration.yaml`) {
      documents.set(uri, TextDocument.create(uri, 'integration-manifest', 1, text));
      mark(uri);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'integration-manifest', version: 1, text } });
      return uri;
    },
    change: (uri, text) => sendChanges(uri, [{ text }]),
    async close(uri) {
      documents.delete(uri);
      await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    text: (uri) => doc(uri).getText(),
    at(uri, needle, occurrence = 1) {
      const cursor = needle.indexOf('|');
      if (cursor < 0) throw new Error(`mark the cursor in \`${needle}\` with |`);
      const plain = needle.slice(0, cursor) + needle.slice(cursor + 1);
      return doc(uri).positionAt(findNeedle(uri, plain, occurrence) + cursor);
    },
    rangeOf(uri, needle, occurrence = 1) {
      const start = findNeedle(uri, needle, occurrence);
      return { start: doc(uri).positionAt(start), end: doc(uri).positionAt(start + needle.length) };
    },
    async diagnostics(uri) {
      if (pull) {
        const report = await client.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
        if (report.kind !== 'full') throw new Error('expected a full diagnostic report');
        // A first answer with the syntax and schema findings alone: the client pulls again (as on the refresh that follows) for them all.
        if (report.resultId?.endsWith(EARLY_SUFFIX)) return this.diagnostics(uri);
        return report.items;
      }
      const version = doc(uri).version;
      const from = marks.get(uri) ?? 0;
      return until(() => pushes.slice(from).find((p) => p.uri === uri && p.version === version)?.diagnostics);
    },
    lastPush: (uri) => [...pushes].reverse().find((p) => p.uri === uri),
    nextPush(uri) {
      const from = pushes.length;
      return until(() => pushes.slice(from).find((p) => p.uri === uri));
    },
    async setRules(next) {
      rules = next;
      await settingsChanged();
    },
    async setMaxProblems(next) {
      maxProblems = next;
      await settingsChanged();
    },
    async applyEdit(edit) {
      if (!edit) throw new Error('no edit to apply');
      if (edit.documentChanges) throw new Error('the harness applies `changes` edits only');
      for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
        const document = doc(uri);
        // Applied last to first, each change is expressed in the coordinates of the text it applies to.
        const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
        await sendChanges(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
      }
    },

    request: (method, params) => client.sendRequest(method, params),
    async codeActions(uri, diagnostics, range) {
      const r = range ?? diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return (await client.sendRequest<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: r, context: { diagnostics } })) ?? [];
    },
    async codeLenses(uri) {
      return (await client.sendRequest<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })) ?? [];
    },
    definition: (uri, position) => client.sendRequest('textDocument/definition', tdp(uri, position)),
    async references(uri, position, includeDeclaration = true) {
      return (await client.sendRequest<Location[] | null>('textDocument/references', { ...tdp(uri, position), context: { includeDeclaration } })) ?? [];
    },
    async highlights(uri, position) {
      return (await client.sendRequest<DocumentHighlight[] | null>('textDocument/documentHighlight', tdp(uri, position))) ?? [];
    },
    prepareRename: (uri, position) => client.sendRequest('textDocument/prepareRename', tdp(uri, position)),
    rename: (uri, position, newName) => client.sendRequest('textDocument/rename', { ...tdp(uri, position), newName }),
    async symbols(uri) {
      return (await client.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } })) ?? [];
    },
    async completion(uri, position) {
      const result = await client.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', tdp(uri, position));
      return Array.isArray(result) ? result : result ? withDefaultsApplied(result) : [];
    },
    completionList: (uri, position) => client.sendRequest('textDocument/completion', tdp(uri, position)),
    resolveCompletion: (item) => client.sendRequest('completionItem/resolve', item),
    hover: (uri, position) => client.sendRequest('textDocument/hover', tdp(uri, position)),

    async dispose() {
      await client.sendRequest('shutdown');
      // No `exit` notification: in this process it would end the test run.
      client.dispose();
      await server.dispose();
    },
  };
  return harness;
}

/** The items of a list with its `itemDefaults` put on each, as vscode-languageclient does. */
function withDefaultsApplied(list: CompletionList): CompletionItem[] {
  const defaults = list.itemDefaults;
  if (!defaults) return list.items;
  return list.items.map((item) => {
    const applied: CompletionItem = { ...item };
    const range = defaults.editRange;
    if (range && !item.textEdit) {
      assert.ok('start' in range, 'an insert/replace default range is not expected');
      applied.textEdit = { range, newText: item.textEditText ?? item.label };
      delete applied.textEditText;
    }
    if (item.data === undefined && defaults.data !== undefined) applied.data = defaults.data as unknown;
    if (item.insertTextFormat === undefined && defaults.insertTextFormat !== undefined) applied.insertTextFormat = defaults.insertTextFormat;
    if (item.insertTextMode === undefined && defaults.insertTextMode !== undefined) applied.insertTextMode = defaults.insertTextMode;
    if (item.commitCharacters === undefined && defaults.commitCharacters !== undefined) applied.commitCharacters = defaults.commitCharacters;
    return applied;
  });
}
