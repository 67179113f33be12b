/**
 * The language service: every editor feature as one method, with no transport. The
 * language server and the tests call it (the command line calls the analysis beneath it,
 * `analyzeText`, directly). It reads documents from a
 * `DocumentSource`, and keeps one analysis per document version (and settings and day).
 */
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  CompletionTriggerKind,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { analyzeText, checkManifest, todayUtc, type Analysis, type Problem } from './analysis/analyze';
import { RULES } from './rules';
import { changeView } from './features/changeView';
import type { ChangeView } from '../../shared/src/changes';
import type { RuleSettings } from './analysis/config';
import { codeActions } from './features/codeActions';
import { applyPatternsAction, fixAllAction, readApplyPatternsData, resolveApplyPatterns } from './features/fixAllActions';
import { codeLenses } from './features/codeLens';
import { completionList, resolveCompletion } from './features/completion';
import { DEFAULT_MAX_PROBLEMS } from '../../shared/src/settings';
import { diagnostics, diagnosticsInSteps, internalErrorDiagnostic } from './features/diagnostics';
import { hover, hoverListsFindings } from './features/hover';
import * as navigation from './features/navigation';
import { toOffset } from './features/protocol';
import { documentSymbols } from './features/symbols';
import type { RulesWorker } from './incremental/rulesWorker';
import type { VersionEdits } from './incremental/analyzer';
import { NULL_LOGGER, type Logger } from './logger';
import { DocumentAnalyses, RULES_THREAD_MIN_CHARS } from './incremental/documentAnalyses';
import { runInSlices } from './incremental/slices';
import type { WorkspaceIndex } from './workspace/workspaceIndex';
import { WorkspaceEstates, type EstateAccess } from './workspace/estates';
import { drawnEstates } from './workspace/drawnEstate';
import { withEstate } from './model/estate';

export { RenameRejected } from './features/navigation';

/** A document as the service reads it; `TextDocument` from vscode-languageserver-textdocument is one. */
export interface ServiceDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  /** How the text of one version became that of another, when known (the server's documents keep the ranges the editor sent). */
  readonly edit?: VersionEdits;
}

export interface DocumentSource {
  get(uri: string): ServiceDocument | undefined;
  /** The URIs of every document held (the open ones); the estates read their text over the disk's. */
  keys?(): string[];
}

export interface LanguageServiceOptions extends DisplaySettings {
  documents: DocumentSource;
  /** The editor setting `integrationManifests.rules`: rule id -> severity or { severity, threshold }. */
  settings?: RuleSettings;
  /** Today as YYYY-MM-DD (UTC); waivers expire against it. Defaults to the clock. */
  today?: () => string;
  /** Where `settled` has the rules run (the Node server's worker thread); without one, here, a slice at a time. */
  rulesWorker?: RulesWorker;
  /** Where errors that are caught and worked around are reported (the server's log); none by default. */
  logger?: Logger;
  /**
   * The manifests of the workspace on disk and how to read the files of a folder: with both,
   * each document is analysed in its estate (its imports and what imports it) and the features
   * cross files; without, each document stands alone.
   */
  workspace?: { index: WorkspaceIndex; access: EstateAccess };
}

/** Settings that change what is shown, not what is found. */
export interface DisplaySettings {
  /** The editor setting `integrationManifests.maxProblems`: at most this many diagnostics per document (the most severe), then a note saying how many more. */
  maxProblems?: number;
}

export interface LanguageService {
  /**
   * The parsed document, model and problems of the document's current version. The document
   * and model are made incrementally (only what changed is re-parsed); the problems on first
   * use. Valid until the next call for the same document.
   */
  analysis(uri: string): Analysis | undefined;
  /**
   * The analysis with its problems computed a slice at a time, so that other requests are
   * answered meanwhile; undefined when the document changed (or `cancelled()`) first.
   */
  settled(uri: string, cancelled?: () => boolean): Promise<Analysis | undefined>;
  /**
   * Resolves once the document's current version is parsed, a slice at a time so that other
   * requests are answered meanwhile (a large manifest being opened); the features then find
   * its analysis at once.
   */
  parsed(uri: string): Promise<void>;
  /** What the preview draws: `settled`, with everything the document imports (its estate's manifests it reaches by imports). */
  drawn(uri: string, cancelled?: () => boolean): Promise<Analysis | undefined>;
  /** Replaces the editor's rule settings (and display settings, when given); the next analysis uses them. */
  setSettings(settings: RuleSettings, display?: DisplaySettings): void;
  /** Changes whenever the diagnostics of `uri` may have changed (document version, settings, day). */
  resultId(uri: string): string | undefined;
  /** Drops what is cached for a closed document. */
  forget(uri: string): void;
  /** A document was opened, changed (`typing`) or closed: its estate is read again (dependents' diagnostics follow). */
  documentChanged(uri: string, typing?: boolean): void;
  /** Resolves once the estates reflect every change so far (before a rename or a search across files). */
  estatesCurrent(): Promise<void>;
  /**
   * Called with the open documents whose findings are out of date because their estate changed
   * (a manifest they import, or that imports them, was typed in or changed on disk) since
   * they were last checked.
   */
  onDependentsChanged(listener: (uris: string[]) => void): void;

  diagnostics(uri: string): Diagnostic[];
  /** `diagnostics`, computed as `settled` does; undefined when the document changed first. */
  settledDiagnostics(uri: string, cancelled?: () => boolean): Promise<Diagnostic[] | undefined>;
  /**
   * The first answer on a large manifest just opened: its YAML syntax and schema findings
   * alone (`EARLY_RULES`), while every rule is still at work; undefined when that is not
   * worth it (the rules are done, the manifest is small, its estate is being read).
   */
  earlyDiagnostics(uri: string, cancelled?: () => boolean): Promise<Diagnostic[] | undefined>;
  /** With `resolves` (a client that resolves code actions), also actions whose edit `resolveCodeAction` makes when chosen ("Apply all recommended patterns to this integration"). */
  codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[], resolves?: boolean): CodeAction[];
  /** A deferred action with its edit; unchanged when it is not ours or its document moved on since it was offered. */
  resolveCodeAction(action: CodeAction): CodeAction;
  /** What the document changes against `baseText` (null: the file is new), under the same settings and day; undefined when it is not open. */
  changes(uri: string, baseText: string | null, baseLabel: string): ChangeView | undefined;
  /** Every preferred fix of the manifest as one `source.fixAll.integration-manifest` action; none when nothing is to fix. */
  fixAll(uri: string): CodeAction[];
  codeLenses(uri: string): CodeLens[];
  definition(uri: string, position: Position): Location | null;
  references(uri: string, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | null;
  /** Throws `RenameRejected` (with a message for the user) when `newName` cannot be the id. */
  rename(uri: string, position: Position, newName: string): WorkspaceEdit | null;
  documentSymbols(uri: string): DocumentSymbol[];
  documentHighlights(uri: string, position: Position): DocumentHighlight[];
  /** The list is incomplete at a value: the editor asks again as the value is typed (`triggerKind` says so). */
  completion(uri: string, position: Position, triggerKind?: CompletionTriggerKind): CompletionList;
  resolveCompletion(item: CompletionItem): CompletionItem;
  /** The hover; one that lists findings says they are still being checked when they are not computed yet. */
  hover(uri: string, position: Position): Hover | null;
  /** `hover`, after waiting a little (at most `FINDINGS_WAIT_MS`) for the findings it lists, when it lists any. */
  settledHover(uri: string, position: Position, cancelled?: () => boolean): Promise<Hover | null>;
}

/** From this many characters, a manifest just opened gets its syntax and schema findings first, and the rules' after (`earlyDiagnostics`). */
export const EARLY_MIN_CHARS = 100_000;

/** The rules of the first answer: what an editor of YAML with a schema would say. */
const EARLY_RULES = RULES.filter((rule) => rule.id === 'yaml-syntax' || rule.id === 'schema');

/** Whether the problem is the schema's "add the missing keys" at the top that names `solution`. */
function asksForSolution(p: Problem): boolean {
  const { fix, keys, path } = p.data as { fix?: unknown; keys?: unknown; path?: unknown };
  return p.rule === 'schema' && fix === 'insert-keys' && Array.isArray(keys) && keys.includes('solution') && Array.isArray(path) && path.length === 0;
}

/** How long a hover that lists an integration's findings waits for the rules before it answers without them. */
export const FINDINGS_WAIT_MS = 300;

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const { documents } = options;
  const today = options.today ?? todayUtc;
  let settings: RuleSettings = options.settings ?? {};
  let maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  let settingsGeneration = 0;
  const logger = options.logger ?? NULL_LOGGER;
  // A rule that throws is logged here once per failure (on whichever thread it ran); its findings become one `internal-error` finding.
  const analyses = new DocumentAnalyses(options.rulesWorker, { logger });

  const estates = options.workspace
    ? new WorkspaceEstates(options.workspace.index, options.workspace.access, { text: (uri) => documents.get(uri)?.getText(), uris: () => documents.keys?.() ?? [] }, { logger })
    : undefined;
  if (options.workspace) options.workspace.index.onDidChange(() => estates?.changed());
  /** Per document, the estate signature its findings were last computed with (see `onDependentsChanged`). */
  const checkedWith = new Map<string, string>();

  /** The document's estate as the rules need it, as of the last read of the estates. */
  const estateOf = (uri: string) => estates?.contextOf(uri);
  /** The other manifests of the document's estate, for the features that cross files. */
  const othersOf = (uri: string) => (estates?.membersOf(uri) ?? []).slice(1);
  const keyOf = (document: ServiceDocument) => `${document.version}:${settingsGeneration}:${today()}:${estateOf(document.uri)?.key ?? ''}`;
  const keyOfUri = (uri: string) => {
    const document = documents.get(uri);
    return document ? keyOf(document) : undefined;
  };

  /** A check for sliced work on the document as of `key`: true once it moved on (a new version, settings, day or estate) or the caller gave up. */
  const staleFrom = (uri: string, key: string | undefined, cancelled?: () => boolean) => () => (cancelled?.() ?? false) || keyOfUri(uri) !== key;

  /** What the analysis of the document is made with: the settings, the day, its estate. */
  const optionsOf = (uri: string) => {
    const estate = estateOf(uri);
    return { settings, today: today(), ...(estate ? { estate } : {}) };
  };

  function analysis(uri: string): Analysis | undefined {
    const document = documents.get(uri);
    if (!document) return undefined;
    const options = optionsOf(uri);
    const a = analyses.get(document, keyOf(document), options);
    // Completion, hover and navigation read the imported items from the model.
    withEstate(a.manifest, options.estate);
    return a;
  }

  async function settled(uri: string, cancelled?: () => boolean): Promise<Analysis | undefined> {
    // Parsed a slice at a time first: reading its imports must not parse a large manifest at once.
    const opened = documents.get(uri);
    if (!opened) return undefined;
    await analyses.parsed(opened, keyOf(opened), optionsOf(uri));
    // The rules judge over the estate: they wait for it to be read when what the document imports changed.
    const imports = analysis(uri)?.manifest.imports.map((i) => i.path);
    if (imports && estates?.mayChange(uri, imports)) await estates.whenCurrent();
    const document = documents.get(uri);
    if (!document) return undefined;
    const options = optionsOf(uri);
    if (estates) checkedWith.set(uri, estates.signatureOf(uri));
    const a = await analyses.settle(document, keyOf(document), options, cancelled);
    if (a) withEstate(a.manifest, options.estate);
    return a;
  }

  /** Runs a feature on the document's analysis at a position; `fallback` when the document is unknown. */
  function at<T>(uri: string, position: Position, fallback: T, feature: (a: Analysis, offset: number) => T): T {
    const a = analysis(uri);
    return a ? feature(a, toOffset(a.document, position)) : fallback;
  }

  const drawn = estates
    ? drawnEstates({
        estates,
        isOpen: (uri) => documents.get(uri) !== undefined,
        settled,
        optionsOf: (uri) => ({ options: optionsOf(uri), key: `${settingsGeneration}:${today()}:${estateOf(uri)?.key ?? ''}` }),
        runtime: { logger },
      })
    : settled;

  return {
    analysis,
    settled,
    async parsed(uri) {
      const document = documents.get(uri);
      if (document) await analyses.parsed(document, keyOf(document), { settings, today: today() });
    },
    drawn,
    setSettings(next, display) {
      settings = next;
      if (display?.maxProblems !== undefined) maxProblems = display.maxProblems;
      settingsGeneration++;
    },
    resultId(uri) {
      const document = documents.get(uri);
      return document ? keyOf(document) : undefined;
    },
    forget(uri) {
      analyses.forget(uri);
      checkedWith.delete(uri);
    },
    documentChanged(_uri, typing) {
      estates?.changed(typing);
    },
    estatesCurrent: async () => estates?.whenCurrent(),
    onDependentsChanged(listener) {
      estates?.onDidRead(() => {
        const stale = [...checkedWith].filter(([uri, signature]) => documents.get(uri) && estates.signatureOf(uri) !== signature).map(([uri]) => uri);
        // Told once: checking them again records the new signature.
        for (const uri of stale) checkedWith.delete(uri);
        if (stale.length) listener(stale);
      });
    },
    diagnostics(uri) {
      try {
        const a = analysis(uri);
        return a ? diagnostics(a, maxProblems) : [];
      } catch (e) {
        logger.error('A manifest could not be checked', e);
        return [internalErrorDiagnostic(e)];
      }
    },
    async earlyDiagnostics(uri, cancelled) {
      const document = documents.get(uri);
      const length = document?.getText().length ?? 0;
      // Past RULES_THREAD_MIN_CHARS every rule runs on the worker thread, the schema's too: no first answer from this one.
      if (!document || length < EARLY_MIN_CHARS || length >= RULES_THREAD_MIN_CHARS) return undefined;
      try {
        const key = keyOf(document);
        const stale = staleFrom(uri, key, cancelled);
        const options = optionsOf(uri);
        await analyses.parsed(document, key, options);
        if (stale()) return undefined;
        const a = analysis(uri);
        if (!a || a.problemsReady) return undefined;
        const problems = await runInSlices(checkManifest(a.manifest, options, undefined, { rules: EARLY_RULES, logger }), { stale });
        if (!problems || stale()) return undefined;
        // While the estates are read, whether another manifest imports this one (and so it needs no
        // `solution`) is not known yet: a missing `solution` waits for the full answer.
        const shown = estates?.busy ? problems.filter((p) => !asksForSolution(p)) : problems;
        return await runInSlices(diagnosticsInSteps({ document: a.document, manifest: a.manifest, problems: shown }, maxProblems), { stale });
      } catch (e) {
        logger.error('A manifest could not be checked', e);
        return undefined;
      }
    },
    async settledDiagnostics(uri, cancelled) {
      try {
        const a = await settled(uri, cancelled);
        if (!a) return undefined;
        // Tens of thousands of findings take a while to convert: a slice at a time, like the rules.
        return await runInSlices(diagnosticsInSteps(a, maxProblems), { stale: staleFrom(uri, keyOfUri(uri), cancelled) });
      } catch (e) {
        logger.error('A manifest could not be checked', e);
        return [internalErrorDiagnostic(e)];
      }
    },
    codeActions(uri, range, context, resolves) {
      const a = analysis(uri);
      const document = documents.get(uri);
      if (!a || !document) return [];
      const patterns = resolves ? applyPatternsAction(a, toOffset(a.document, range.start), context, document.version) : undefined;
      return [...codeActions(a, context, { today: today(), logger }), ...(patterns ? [patterns] : [])];
    },
    changes(uri, baseText, baseLabel) {
      const document = documents.get(uri);
      const head = analysis(uri);
      if (!document || !head) return undefined;
      // The base in today's estate: what it imports is read as it is now (the estate at the base is not known).
      const base = baseText === null ? undefined : analyzeText(baseText, uri, optionsOf(uri));
      return changeView(base, head, { uri, version: document.version, baseLabel });
    },
    resolveCodeAction(action) {
      const data = readApplyPatternsData(action.data);
      const document = data && documents.get(data.uri);
      const a = data && document?.version === data.version ? analysis(data.uri) : undefined;
      return data && a ? resolveApplyPatterns(action, a, data, optionsOf(data.uri)) : action;
    },
    fixAll(uri) {
      const a = analysis(uri);
      const action = a && fixAllAction(a, optionsOf(uri));
      return action ? [action] : [];
    },
    codeLenses(uri) {
      const a = analysis(uri);
      return a ? codeLenses(a) : [];
    },
    definition: (uri, position) => at(uri, position, null, (a, offset) => navigation.definition(a, offset, othersOf(uri))),
    references: (uri, position, includeDeclaration) =>
      at(uri, position, [], (a, offset) => navigation.references(a, offset, includeDeclaration, othersOf(uri))),
    prepareRename: (uri, position) => at(uri, position, null, navigation.prepareRename),
    rename: (uri, position, newName) => at(uri, position, null, (a, offset) => navigation.rename(a, offset, newName, othersOf(uri))),
    documentSymbols(uri) {
      const a = analysis(uri);
      return a ? documentSymbols(a) : [];
    },
    documentHighlights: (uri, position) => at(uri, position, [], navigation.documentHighlights),
    completion: (uri, position, triggerKind) => at(uri, position, { isIncomplete: false, items: [] }, (a, offset) => completionList(a, offset, triggerKind)),
    resolveCompletion: (item) => resolveCompletion(item, (uri) => (documents.get(uri) ? analysis(uri) : undefined)),
    hover: (uri, position) => at(uri, position, null, hover),
    async settledHover(uri, position, cancelled) {
      const a = analysis(uri);
      if (a?.problemsReady === false && hoverListsFindings(a, toOffset(a.document, position))) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, FINDINGS_WAIT_MS)));
        await Promise.race([settled(uri, cancelled), waited]);
        clearTimeout(timer);
      }
      return at(uri, position, null, hover);
    },
  };
}

/** A `DocumentSource` kept in memory, for the command line and tests. */
export function memoryDocuments(): DocumentSource & { set(uri: string, text: string): ServiceDocument; delete(uri: string): void } {
  const store = new Map<string, ServiceDocument>();
  return {
    get: (uri) => store.get(uri),
    keys: () => [...store.keys()],
    set(uri, text) {
      const document = { uri, version: (store.get(uri)?.version ?? 0) + 1, getText: () => text };
      store.set(uri, document);
      return document;
    },
    delete: (uri) => void store.delete(uri),
  };
}
