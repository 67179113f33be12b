/**
 * The language server: connection wiring only. Capabilities, document sync, settings and
 * the diagnostics schedule live here; every answer comes from the language service.
 *
 * It knows no transport: `server/src/node/main.ts` starts it in Node (`node dist/server.js
 * --stdio` for any editor, `--node-ipc` for the VS Code client) and `server/src/browser/main.ts`
 * in a web worker (vscode.dev, github.dev).
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  CompletionTriggerKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
  type NotificationHandler,
  type RequestHandler,
  type RequestType,
} from 'vscode-languageserver';
import { editedDocuments } from './editedDocuments';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../../shared/src/names';
import { readSettings, type InitializationOptions, type RuleSettings } from '../../shared/src/settings';
import { ChangesRequest, DiagramsRequest } from '../../shared/src/requests';
import { FIX_ALL_KIND, readApplyPatternsData, wantsFixAll } from './features/fixAllActions';
import { registerDiagramRequest } from './diagram/register';
import { createLanguageService, RenameRejected, type DisplaySettings } from './languageService';
import { lineLogger, type Logger } from './logger';
import type { RulesWorker } from './incremental/rulesWorker';
import { plainText } from './analysis/plainText';
import { PARAMS, paramsProblem, type Check } from './params';
import { withItemDefaults, type ItemDefaultsSupport } from './features/completion/itemDefaults';
import { WorkspaceIndex } from './workspace/workspaceIndex';
import type { ManifestFiles } from './workspace/files';
import type { EstateAccess } from './workspace/estates';
import { watchWorkspace } from './workspace/register';


/** How long typing must pause before diagnostics are pushed, unless `initializationOptions.debounceMs` says otherwise. */
export const DEFAULT_DEBOUNCE_MS = 200;

/** Logged once the server has read the settings after `initialized`: from then on it answers with them. */
/** Ends the `resultId` of a first answer that holds the syntax and schema findings alone (see `firstAnswer`). */
export const EARLY_SUFFIX = '~early';

export const READY_MESSAGE = 'Integration Manifests language server is ready.';

export interface ServerOptions {
  /** Today as YYYY-MM-DD (UTC); tests fix it so waiver dates are stable. */
  today?: () => string;
  /** Where the rules run off the thread that answers requests (Node: a worker thread); without one, a slice at a time between requests. */
  rulesWorker?: (logger: Logger) => RulesWorker | undefined;
  /**
   * How the workspace's manifests are read (Node: `nodeWorkspaceFiles`): the server then indexes
   * the workspace folders and follows imports across files. Without it, each manifest stands alone.
   */
  workspaceFiles?: { files: ManifestFiles; access: EstateAccess };
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  // Each document remembers the ranges of its recent changes: the analyzer need not compare versions to find them.
  const documents = new TextDocuments(editedDocuments());
  const logger: Logger = lineLogger({ error: (line) => connection.console.error(line), warn: (line) => connection.console.warn(line), info: (line) => connection.console.info(line) });
  const rulesWorker = options.rulesWorker?.(logger);
  // The manifests of the workspace on disk, for the features that cross files (the editor's text of an open one wins).
  const index = options.workspaceFiles ? new WorkspaceIndex(options.workspaceFiles.files, { logger }) : undefined;
  const service = createLanguageService({
    documents,
    logger,
    ...(index && options.workspaceFiles ? { workspace: { index, access: options.workspaceFiles.access } } : {}),
    ...(rulesWorker ? { rulesWorker } : {}),
    ...(options.today ? { today: options.today } : {}),
  });
  const client = {
    pullDiagnostics: false,
    configuration: false,
    dynamicConfiguration: false,
    diagnosticRefresh: false,
    codeLensRefresh: false,
    resolvesCodeActionEdits: false,
    /** What the client takes once for the whole completion list (`withItemDefaults`). */
    completionDefaults: [] as ItemDefaultsSupport,
  };
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  // After `shutdown` the server answers every request with InvalidRequest and ignores every
  // notification but `exit` (which vscode-languageserver handles: it ends the process).
  let shutDown = false;
  const refuseAfterShutdown = () => {
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'The server has been shut down: it answers no more requests.');
  };

  const workspace = index ? watchWorkspace(connection, index, logger, () => shutDown) : undefined;

  /**
   * Every request handler goes through this: after shutdown it refuses the request, it
   * answers parameters the handler could not read with InvalidParams naming the field, and
   * a request on a document waits for its parse, which goes a slice at a time (so no
   * request on another document waits behind the opening of a large one).
   */
  function guarded<P, R>(check: Check, handler: (params: P, token: CancellationToken) => R, waitForParse = true): (params: P, token: CancellationToken) => Promise<Awaited<R>> {
    return (params, token) => {
      refuseAfterShutdown();
      const problem = paramsProblem(check, params);
      if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
      const uri = waitForParse ? documentUri(params) : undefined;
      return (uri === undefined ? Promise.resolve() : service.parsed(uri)).then(() => handler(params, token)) as Promise<Awaited<R>>;
    };
  }

  /** A notification handler that does nothing after shutdown. */
  function untilShutdown<P>(handler: NotificationHandler<P>): NotificationHandler<P> {
    return (params) => {
      if (!shutDown) handler(params);
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    refuseAfterShutdown();
    const caps = params.capabilities;
    client.pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    client.configuration = caps.workspace?.configuration === true;
    client.dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    client.diagnosticRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    client.codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    client.resolvesCodeActionEdits = caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    client.completionDefaults = caps.textDocument?.completion?.completionList?.itemDefaults ?? [];
    // From the client: checked field by field (`readSettings`), anything malformed reads as unset.
    const init: { [K in keyof InitializationOptions]?: unknown } = isRecord(params.initializationOptions) ? params.initializationOptions : {};
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    service.setSettings(...settingsFrom({ rules: init.rules, maxProblems: init.maxProblems }));
    const workspaceCapabilities = workspace?.initialize(params);
    return {
      capabilities: {
        ...(workspaceCapabilities ? { workspace: workspaceCapabilities } : {}),
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { resolveProvider: true, triggerCharacters: [':', ' ', '[', ',', '-'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: caps.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        documentSymbolProvider: { label: 'Integration manifest' },
        documentHighlightProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        codeLensProvider: { resolveProvider: false },
        ...(client.pullDiagnostics
          ? { diagnosticProvider: { identifier: LANGUAGE_ID, interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: 'integration-manifests' },
    };
  });

  connection.onShutdown(() => {
    refuseAfterShutdown();
    shutDown = true;
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
  });

  connection.onInitialized(
    untilShutdown(() => {
      void logFailure('Reading the settings after start failed; the defaults apply', async () => {
        if (client.dynamicConfiguration)
          await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
        if (client.configuration) {
          await pullSettings();
          refreshDiagnostics();
        }
      }).then(() => connection.console.info(READY_MESSAGE));
      if (workspace && index)
        void logFailure('Indexing the workspace failed; features see the open manifests only', async () => {
          const started = performance.now();
          await workspace.initialized();
          await service.estatesCurrent();
          connection.console.info(`Indexed ${index.all().length} manifest files of the workspace and read their estates in ${Math.round(performance.now() - started)} ms.`);
        });
    }),
  );

  connection.onDidChangeConfiguration(
    untilShutdown((change) => {
      void logFailure('Reading the changed settings failed; the previous settings still apply', async () => {
        if (client.configuration) await pullSettings();
        else service.setSettings(...settingsFrom(isRecord(change.settings) ? change.settings[SETTINGS_SECTION] : undefined));
        refreshDiagnostics();
      });
    }),
  );

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
  //
  // A pull is answered unless the document changes (or closes) while it waits: then it is
  // cancelled with ServerCancelled, and `retriggerRequest` asks the client to pull again (not
  // for a closed document). Pulls of the same text are all answered, with one computation
  // (`diagnosticsOf`). A change of the settings or the day meanwhile is not a change of the
  // document: the pull is answered with the diagnostics under the new ones.
  connection.languages.diagnostics.on(
    guarded(PARAMS.documentDiagnostic, async ({ textDocument: { uri }, previousResultId }, token) => {
      const arrived = documents.get(uri)?.version;
      for (;;) {
        const resultId = service.resultId(uri);
        if (resultId === undefined) return { kind: 'full', items: [] };
        if (previousResultId === resultId) return { kind: 'unchanged', resultId };
        const answer = await Promise.race([firstAnswer(uri, resultId), whenCancelled(token)]);
        const items = answer?.items;
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The client cancelled this request.');
        const version = documents.get(uri)?.version;
        if (version !== arrived) {
          const data: DiagnosticServerCancellationData = { retriggerRequest: version !== undefined };
          throw new ResponseError(LSPErrorCodes.ServerCancelled, version === undefined ? 'The manifest was closed while it was being checked.' : 'The manifest changed while it was being checked.', data);
        }
        if (items && service.resultId(uri) === resultId) {
          answered.add(uri);
          if (!answer.early) return { kind: 'full', resultId, items };
          // The rules' findings follow: once they are in, the client is asked to pull again (and gets them from `answers`).
          void diagnosticsOf(uri, resultId)
            .then((found) => (found && !shutDown ? connection.languages.diagnostics.refresh() : undefined))
            .catch(() => undefined);
          return { kind: 'full', resultId: `${resultId}${EARLY_SUFFIX}`, items };
        }
        // Same text, new settings or a new day: check again under them.
      }
      // The pull notes the version it arrived at before anything else: it parses (in slices) as it settles.
    }, false),
  );

  /**
   * The first pull of a large manifest just opened is answered with its syntax and schema
   * findings as soon as they are known (`earlyDiagnostics`), when the client can be asked to
   * pull again (refresh): the rules' findings follow. Every later pull waits for all of them.
   */
  const answered = new Set<string>();
  /** Per document, the first answer being made, and for which `resultId`: first pulls sent back to back share it. */
  const earlyAnswers = new Map<string, { resultId: string; items: Promise<Diagnostic[] | undefined> }>();
  async function firstAnswer(uri: string, resultId: string): Promise<{ items: Diagnostic[] | undefined; early: boolean }> {
    if (!client.diagnosticRefresh || answered.has(uri)) return { items: await diagnosticsOf(uri, resultId), early: false };
    let known = earlyAnswers.get(uri);
    if (known?.resultId !== resultId) earlyAnswers.set(uri, (known = { resultId, items: service.earlyDiagnostics(uri) }));
    // The syntax and schema findings first, alone: the rules start once they are known.
    const early = await known.items;
    if (earlyAnswers.get(uri) === known) earlyAnswers.delete(uri);
    return early ? { items: early, early: true } : { items: await diagnosticsOf(uri, resultId), early: false };
  }

  /** Per document, the diagnostics being computed (or last computed) and what for: pulls of the same `resultId` share them. */
  const answers = new Map<string, { resultId: string; items: Promise<Diagnostic[] | undefined> }>();
  function diagnosticsOf(uri: string, resultId: string): Promise<Diagnostic[] | undefined> {
    const known = answers.get(uri);
    if (known?.resultId === resultId) return known.items;
    // Not cancelled by any one pull: the others may still want it. It stops when the document moves on.
    const items = service.settledDiagnostics(uri).then((result) => {
      if (!result && answers.get(uri)?.items === items) answers.delete(uri);
      return result;
    });
    answers.set(uri, { resultId, items });
    return items;
  }

  // Opened: the estates are read at once; typed: after a pause in typing.
  documents.onDidOpen(({ document }) => service.documentChanged(document.uri));
  documents.onDidChangeContent(({ document }) => {
    service.documentChanged(document.uri, true);
    if (!client.pullDiagnostics) schedulePush(document.uri);
  });

  // A manifest changed that others import (or import it), typed or on disk: their diagnostics follow.
  service.onDependentsChanged((uris) => {
    if (shutDown) return;
    if (!client.pullDiagnostics) for (const uri of uris) schedulePush(uri);
    else if (client.diagnosticRefresh) void connection.languages.diagnostics.refresh();
    if (client.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  });

  documents.onDidClose(({ document }) => {
    const timer = pending.get(document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(document.uri);
    answers.delete(document.uri);
    answered.delete(document.uri);
    earlyAnswers.delete(document.uri);
    service.forget(document.uri);
    service.documentChanged(document.uri);
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
      if (diagnostics && !shutDown && documents.get(uri)?.version === version) void connection.sendDiagnostics({ uri, version, diagnostics });
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
  connection.onCompletion(
    guarded(PARAMS.textDocumentPosition, (params) => withItemDefaults(service.completion(params.textDocument.uri, params.position, triggerKindOf(params)), client.completionDefaults)),
  );
  connection.onCompletionResolve(guarded(PARAMS.completionItem, (item) => service.resolveCompletion(item)));
  connection.onHover(guarded(PARAMS.textDocumentPosition, ({ textDocument, position }, token) => service.settledHover(textDocument.uri, position, () => token.isCancellationRequested)));
  // Across files: once the estates are read as they are now.
  connection.onDefinition(guarded(PARAMS.textDocumentPosition, async ({ textDocument, position }) => (await service.estatesCurrent(), service.definition(textDocument.uri, position))));
  connection.onReferences(guarded(PARAMS.references, async ({ textDocument, position, context }) => (await service.estatesCurrent(), service.references(textDocument.uri, position, context.includeDeclaration))));
  connection.onPrepareRename(guarded(PARAMS.textDocumentPosition, ({ textDocument, position }) => service.prepareRename(textDocument.uri, position)));
  connection.onRenameRequest(
    guarded(PARAMS.rename, async ({ textDocument, position, newName }) => {
      await service.estatesCurrent();
      try {
        return service.rename(textDocument.uri, position, newName);
      } catch (e) {
        // VS Code shows the reason as plain text: quotes in single quotes, as in diagnostics.
        if (e instanceof RenameRejected) return new ResponseError(LSPErrorCodes.RequestFailed, plainText(e.message));
        throw e;
      }
    }),
  );
  connection.onDocumentSymbol(guarded(PARAMS.textDocument, ({ textDocument }) => service.documentSymbols(textDocument.uri)));
  connection.onDocumentHighlight(guarded(PARAMS.textDocumentPosition, ({ textDocument, position }) => service.documentHighlights(textDocument.uri, position)));
  // Quick fixes and code lenses read the problems: they wait for them rather than compute them all at once.
  connection.onCodeAction(
    guarded(PARAMS.codeAction, async ({ textDocument, range, context }, token) => {
      // `only: [source.fixAll]` (on save, or the Source Action menu) asks for fix-all alone; no `only` or quick fixes for the rest.
      const fixAll = wantsFixAll(context.only);
      const quickFixes = !context.only || context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind));
      if (!fixAll && !quickFixes) return [];
      if (!(await settle(textDocument.uri, token))) return [];
      return [...(quickFixes ? service.codeActions(textDocument.uri, range, context.diagnostics, client.resolvesCodeActionEdits) : []), ...(fixAll ? service.fixAll(textDocument.uri) : [])];
    }),
  );
  connection.onCodeLens(guarded(PARAMS.textDocument, async ({ textDocument }, token) => ((await settle(textDocument.uri, token)) ? service.codeLenses(textDocument.uri) : [])));
  // The diagrams mark the findings: they wait for the rules (off the main thread) instead of running them here.
  // They draw the manifest with everything it imports. register.ts registers its handler
  // itself: it is given a connection that guards it like the others.
  registerDiagramRequest(guardedRequests(connection, { [DiagramsRequest.method]: PARAMS.diagrams }), async (uri, token) =>
    (await settle(uri, token)) ? service.drawn(uri, () => token.isCancellationRequested) : undefined,
  );
  // "Apply all recommended patterns to this integration" gets its edit when it is chosen (see `applyPatternsAction`).
  connection.onCodeActionResolve(guarded(PARAMS.codeActionResolve, async (action, token) => {
    const data = readApplyPatternsData(action.data);
    return data && (await settle(data.uri, token)) ? service.resolveCodeAction(action) : action;
  }));
  // The preview's "Compare with HEAD": the client sends the committed text; the findings are settled first, as for the diagrams.
  connection.onRequest(
    ChangesRequest,
    guarded(PARAMS.changes, async ({ uri, baseText, baseLabel }, token) => ((await settle(uri, token)) ? (service.changes(uri, baseText ?? null, baseLabel) ?? null) : null)),
  );
  // Any other request: unknown before shutdown, refused after.
  connection.onRequest((method) => {
    refuseAfterShutdown();
    throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
  });

  /** `connection` for a module that registers its own request handlers: each is guarded by the check for its method (and must have one). */
  function guardedRequests(connection: Connection, checks: Record<string, Check>): Connection {
    const onRequest = <P, R, E>(type: RequestType<P, R, E>, handler: RequestHandler<P, R, E>): Disposable => {
      const check = checks[type.method];
      if (!check) throw new Error(`No parameter check for the request ${type.method}`);
      return connection.onRequest(type, guarded(check, handler));
    };
    return Object.create(connection, { onRequest: { value: onRequest } }) as Connection;
  }

  // The documents' notifications, ignored after shutdown (willSaveWaitUntil is a request: guarded).
  const textDocumentConnection: Parameters<typeof documents.listen>[0] = {
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(untilShutdown(handler)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(untilShutdown(handler)),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(untilShutdown(handler)),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(untilShutdown(handler)),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(guarded(PARAMS.textDocument, handler)),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(untilShutdown(handler)),
  };
  documents.listen(textDocumentConnection);
  connection.listen();
}

/** The document a request is about (`textDocument.uri`), if it names one. */
function documentUri(params: unknown): string | undefined {
  const document = isRecord(params) ? params['textDocument'] : undefined;
  return isRecord(document) && typeof document['uri'] === 'string' ? document['uri'] : undefined;
}

/** Resolves (with nothing) when the request is cancelled. */
function whenCancelled(token: CancellationToken): Promise<undefined> {
  return new Promise((resolve) => {
    if (token.isCancellationRequested) resolve(undefined);
    else token.onCancellationRequested(() => resolve(undefined));
  });
}

/** The completion's trigger kind, read defensively (a malformed or missing context reads as invoked). */
function triggerKindOf(params: { context?: unknown }): CompletionTriggerKind {
  const kind = isRecord(params.context) ? params.context['triggerKind'] : undefined;
  return kind === CompletionTriggerKind.TriggerCharacter || kind === CompletionTriggerKind.TriggerForIncompleteCompletions ? kind : CompletionTriggerKind.Invoked;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The settings inside the `integrationManifests` section; anything malformed reads as unset. */
function settingsFrom(section: unknown): [RuleSettings, DisplaySettings] {
  const { rules, maxProblems } = readSettings(section);
  return [rules, { maxProblems }];
}
