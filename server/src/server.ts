/**
 * The language server: connection wiring only. Capabilities, document sync, settings and
 * the diagnostics schedule live here; every answer comes from the language service.
 *
 * Run it as `node dist/server.js --stdio` (any editor) or with `--node-ipc` (the VS Code client).
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { isMainThread } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../../shared/src/names';
import { readSettings, type InitializationOptions, type RuleSettings } from '../../shared/src/settings';
import { registerDiagramRequest } from './diagram/register';
import { createLanguageService, RenameRejected, type DisplaySettings } from './languageService';
import { lineLogger, type Logger } from './logger';


/** How long typing must pause before diagnostics are pushed, unless `initializationOptions.debounceMs` says otherwise. */
export const DEFAULT_DEBOUNCE_MS = 200;

/** Logged once the server has read the settings after `initialized`: from then on it answers with them. */
export const READY_MESSAGE = 'Integration Manifests language server is ready.';

export interface ServerOptions {
  /** Today as YYYY-MM-DD (UTC); tests fix it so waiver dates are stable. */
  today?: () => string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const logger: Logger = lineLogger({ error: (line) => connection.console.error(line), warn: (line) => connection.console.warn(line), info: (line) => connection.console.info(line) });
  const service = createLanguageService({ documents, rulesOffThread: true, logger, ...(options.today ? { today: options.today } : {}) });
  const client = { pullDiagnostics: false, configuration: false, dynamicConfiguration: false, diagnosticRefresh: false, codeLensRefresh: false };
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    client.pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    client.configuration = caps.workspace?.configuration === true;
    client.dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    client.diagnosticRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    client.codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    // From the client: checked field by field (`readSettings`), anything malformed reads as unset.
    const init: { [K in keyof InitializationOptions]?: unknown } = isRecord(params.initializationOptions) ? params.initializationOptions : {};
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    service.setSettings(...settingsFrom({ rules: init.rules, maxProblems: init.maxProblems }));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { resolveProvider: true, triggerCharacters: [':', ' ', '[', ',', '-'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: caps.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        documentSymbolProvider: { label: 'Integration manifest' },
        documentHighlightProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        ...(client.pullDiagnostics
          ? { diagnosticProvider: { identifier: LANGUAGE_ID, interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: 'integration-manifests' },
    };
  });

  connection.onInitialized(() => {
    void logFailure('Reading the settings after start failed; the defaults apply', async () => {
      if (client.dynamicConfiguration)
        await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      if (client.configuration) {
        await pullSettings();
        refreshDiagnostics();
      }
    }).then(() => connection.console.info(READY_MESSAGE));
  });

  connection.onDidChangeConfiguration((change) => {
    void logFailure('Reading the changed settings failed; the previous settings still apply', async () => {
      if (client.configuration) await pullSettings();
      else service.setSettings(...settingsFrom(isRecord(change.settings) ? change.settings[SETTINGS_SECTION] : undefined));
      refreshDiagnostics();
    });
  });

  /** Runs `work`; when it fails, logs why instead of leaving an unhandled rejection. */
  async function logFailure(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      logger.error(what, e);
    }
  }

  async function pullSettings(): Promise<void> {
    const section: unknown = await connection.workspace.getConfiguration(SETTINGS_SECTION);
    service.setSettings(...settingsFrom(section));
  }

  // Diagnostics: pulled when the client asks for them, else pushed after a pause in typing.
  // Either way the rules run on the worker thread (or, without one, a slice at a time on this
  // one) and the findings become diagnostics a slice at a time, so completion and hover are
  // answered meanwhile; a computation overtaken by a newer version is dropped.
  // Only the latest pull of a document is answered in full: older ones waiting with it would
  // each send the same (possibly very large) set again.
  const latestPull = new Map<string, number>();
  let pulls = 0;
  connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    const resultId = service.resultId(uri);
    if (resultId === undefined) return { kind: 'full', items: [] };
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    const pull = ++pulls;
    latestPull.set(uri, pull);
    // A cancelled pull (the client does that when the text changes) is answered at once: the
    // client then asks for the new version, which stops the rules still running on the old one.
    const items = await Promise.race([service.settledDiagnostics(uri, () => token.isCancellationRequested || latestPull.get(uri) !== pull), whenCancelled(token)]);
    if (latestPull.get(uri) !== pull) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'A newer request for these diagnostics replaced this one.', { retriggerRequest: false });
    if (!items || service.resultId(uri) !== resultId)
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The manifest changed while it was being checked.', { retriggerRequest: true });
    return { kind: 'full', resultId, items };
  });

  documents.onDidChangeContent(({ document }) => {
    if (!client.pullDiagnostics) schedulePush(document.uri);
  });

  documents.onDidClose(({ document }) => {
    const timer = pending.get(document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(document.uri);
    service.forget(document.uri);
    if (!client.pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  function schedulePush(uri: string): void {
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    if (debounceMs === 0) {
      pending.delete(uri);
      push(uri);
      return;
    }
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        push(uri);
      }, debounceMs),
    );
  }

  function push(uri: string): void {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    void service.settledDiagnostics(uri).then((diagnostics) => {
      if (diagnostics && documents.get(uri)?.version === version) void connection.sendDiagnostics({ uri, version, diagnostics });
    });
  }

  /** Waits until the document's problems are computed (off the main thread), unless the request is cancelled first. */
  async function settle(uri: string, token: CancellationToken): Promise<boolean> {
    while (!token.isCancellationRequested && documents.get(uri))
      if (await Promise.race([service.settled(uri, () => token.isCancellationRequested), whenCancelled(token)])) return true;
    return false;
  }

  /** After a settings change: diagnostics, and the finding counts in the code lenses, are out of date. */
  function refreshDiagnostics(): void {
    if (!client.pullDiagnostics) for (const document of documents.all()) push(document.uri);
    else if (client.diagnosticRefresh) void connection.languages.diagnostics.refresh();
    if (client.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  }

  // Features: each handler hands the request to the service.
  connection.onCompletion(({ textDocument, position }) => service.completion(textDocument.uri, position));
  connection.onCompletionResolve((item) => service.resolveCompletion(item));
  connection.onHover(({ textDocument, position }, token) => service.settledHover(textDocument.uri, position, () => token.isCancellationRequested));
  connection.onDefinition(({ textDocument, position }) => service.definition(textDocument.uri, position));
  connection.onReferences(({ textDocument, position, context }) => service.references(textDocument.uri, position, context.includeDeclaration));
  connection.onPrepareRename(({ textDocument, position }) => service.prepareRename(textDocument.uri, position));
  connection.onRenameRequest(({ textDocument, position, newName }) => {
    try {
      return service.rename(textDocument.uri, position, newName);
    } catch (e) {
      if (e instanceof RenameRejected) return new ResponseError(LSPErrorCodes.RequestFailed, e.message);
      throw e;
    }
  });
  connection.onDocumentSymbol(({ textDocument }) => service.documentSymbols(textDocument.uri));
  connection.onDocumentHighlight(({ textDocument, position }) => service.documentHighlights(textDocument.uri, position));
  // Quick fixes and code lenses read the problems: they wait for them rather than compute them all at once.
  connection.onCodeAction(async ({ textDocument, range, context }, token) => {
    if (context.only && !context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    return (await settle(textDocument.uri, token)) ? service.codeActions(textDocument.uri, range, context.diagnostics) : [];
  });
  connection.onCodeLens(async ({ textDocument }, token) => ((await settle(textDocument.uri, token)) ? service.codeLenses(textDocument.uri) : []));
  // The diagrams mark the findings: they wait for the rules (off the main thread) instead of running them here.
  registerDiagramRequest(connection, async (uri, token) => ((await settle(uri, token)) ? service.analysis(uri) : undefined));

  documents.listen(connection);
  connection.listen();
}

/** Resolves (with nothing) when the request is cancelled. */
function whenCancelled(token: CancellationToken): Promise<undefined> {
  return new Promise((resolve) => {
    if (token.isCancellationRequested) resolve(undefined);
    else token.onCancellationRequested(() => resolve(undefined));
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The settings inside the `integrationManifests` section; anything malformed reads as unset. */
function settingsFrom(section: unknown): [RuleSettings, DisplaySettings] {
  const { rules, maxProblems } = readSettings(section);
  return [rules, { maxProblems }];
}

// The bundle is also the rules' worker thread (see incremental/analysisWorker.ts): no server there.
if (require.main === module && isMainThread) startServer(createConnection(ProposedFeatures.all));
