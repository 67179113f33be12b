/**
 * The analyses of the open documents, for the language service: one incremental analyzer
 * per document, so each change re-parses only what it touched.
 *
 * An analysis is made in two steps. Its document and model come first (what completion,
 * hover and navigation read): `parsed` makes them a slice at a time (the units of a new
 * text parse alone), so that no request waits behind the opening of a large manifest; `get`
 * makes them at once. Its problems (every rule) are computed on first use, or by `settle`, a
 * slice at a time between other requests, and dropped when a newer version arrives first.
 * Either way they are what `analyze()` of the whole text gives.
 *
 * The document and model are held once, here, and the rules run on them in slices. A
 * manifest of more than `RULES_THREAD_MIN_CHARS` has its rules run on the worker thread
 * instead (which holds its own copy): there the rules take a second or more after an edit,
 * and their work and garbage stay off the thread that answers completion and hover.
 */
import { runToEnd, type Analysis, type AnalysisOptions, type Problem, type RuleRuntime } from '../analysis/analyze';
import { IncrementalAnalyzer, type ParsedManifest, type VersionEdits } from './analyzer';
import { holdBackMs, runInSlices, SharedWork } from './slices';
import { problemsFromSteps, type RulesWorker, type WorkerProblems } from './rulesWorker';

/** From this many characters of text (≈ 2,700 integrations), a manifest's rules run on the worker thread. */
export const RULES_THREAD_MIN_CHARS = 1_000_000;

/** A parse under way in slices: the version it is for, and what its analysis is made with. */
interface Parsing {
  key: string;
  text: string;
  options: AnalysisOptions;
  work: SharedWork<ParsedManifest>;
}

interface Entry {
  analyzer: IncrementalAnalyzer;
  /** What the current analysis was made for: version, settings, day. */
  key: string | undefined;
  analysis: Analysis | undefined;
  /** The sliced computation of the current analysis's problems, once started. */
  settling: Promise<Analysis | undefined> | undefined;
  /** The current analysis's problems, if computed yet. */
  problemsOf: () => Problem[] | undefined;
  /** The text of the current analysis. */
  text: string;
  /** A newer version being parsed in slices (`parsed`); `get` finishes it first. */
  parsing: Parsing | undefined;
  /** The version whose problems were last asked of the worker, and its answer to come. */
  asked: { key: string; found: Promise<WorkerProblems | undefined> } | undefined;
}

export interface DocumentText {
  uri: string;
  version: number;
  getText(): string;
  /** How the text of one version became that of another, when the document knows (a plain function: called without `this`). */
  readonly edit?: VersionEdits;
}

export class DocumentAnalyses {
  private readonly entries = new Map<string, Entry>();
  /** Per document: how long its last check here (in slices) took, for `holdBackMs`. */
  private readonly lastCheckMs = new Map<string, number>();

  /**
   * With a worker, `settle` has the rules run on it (the main thread stays free); without, in
   * slices here. `runtime` is how the rules run here (and where a rule that throws is logged,
   * whichever thread it ran on); the worker runs the catalog.
   */
  constructor(
    private readonly worker?: RulesWorker,
    private readonly runtime: RuleRuntime = {},
    /** From how many characters of text the rules run on the worker (tests send small texts there). */
    private readonly offThreadFrom = RULES_THREAD_MIN_CHARS,
  ) {}

  /**
   * The analysis of a document's current text under `options`; `key` names both (an analysis
   * is reused while the key is unchanged). Valid until the next call for this document.
   */
  get(document: DocumentText, key: string, options: AnalysisOptions): Analysis {
    const entry = this.entryOf(document.uri);
    if (entry.key === key && entry.analysis) return entry.analysis;
    if (entry.parsing) this.install(entry, entry.parsing, entry.parsing.work.finish());
    if (entry.key === key && entry.analysis) return entry.analysis;
    const text = document.getText();
    return this.install(entry, { key, text, options }, entry.analyzer.parse(text, document.uri, document.version, document.edit));
  }

  /**
   * Resolves once the document's current version (`key`) is parsed, a slice at a time in
   * between other messages; `get` then answers at once. When the document changes meanwhile,
   * resolves once the version being parsed is done (the next is an edit of it: quick).
   */
  async parsed(document: DocumentText, key: string, options: AnalysisOptions): Promise<void> {
    const entry = this.entryOf(document.uri);
    const version = document.version;
    for (;;) {
      if (entry.key === key && entry.analysis) return;
      if (!entry.parsing) {
        if (document.version !== version) return;
        const text = document.getText();
        entry.parsing = { key, text, options, work: new SharedWork(entry.analyzer.parseSteps(text, document.uri, version, { data: !this.offThread(text) }, document.edit)) };
      }
      const parsing = entry.parsing;
      const result = await parsing.work.run();
      // `get` may have finished and installed it meanwhile, or the document been closed.
      if (entry.parsing === parsing && this.entries.get(document.uri) === entry) this.install(entry, parsing, result);
      if (parsing.key === key || this.entries.get(document.uri) !== entry) return;
    }
  }

  /**
   * The analysis with its problems computed, in slices that let other requests through;
   * undefined when the document changed (or `cancelled()`) before they were done.
   */
  async settle(document: DocumentText, key: string, options: AnalysisOptions, cancelled: () => boolean = () => false): Promise<Analysis | undefined> {
    const version = document.version;
    const text = document.getText();
    const offThread = this.offThread(text);
    if (!offThread) this.worker?.forget(document.uri);
    // A new version goes to the worker before it is parsed here: both threads parse at once.
    const entry = this.entryOf(document.uri);
    if (offThread && entry.key !== key && entry.asked?.key !== key) entry.asked = { key, found: this.worker!.problems(document.uri, version, text, options) };
    const early = offThread && entry.asked?.key === key ? entry.asked.found : undefined;
    await this.parsed(document, key, options);
    // A newer version (or other settings) overtook this one while it was parsed, or the document closed.
    if (entry.key !== key || this.entries.get(document.uri) !== entry) return undefined;
    const analysis = this.get(document, key, options);
    entry.settling ??= this.computeProblems(entry, analysis, options, offThread, early);
    return entry.settling.then((settled) => (settled && !cancelled() ? settled : undefined));
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.lastCheckMs.delete(uri);
    this.worker?.forget(uri);
  }

  /** Whether the rules of `text` run on the worker thread (see `RULES_THREAD_MIN_CHARS`). */
  private offThread(text: string): boolean {
    return this.worker !== undefined && text.length >= this.offThreadFrom;
  }

  private entryOf(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) this.entries.set(uri, (entry = { analyzer: new IncrementalAnalyzer(this.runtime), key: undefined, analysis: undefined, settling: undefined, problemsOf: () => undefined, text: '', parsing: undefined, asked: undefined }));
    return entry;
  }

  /** Makes the parse of `made.text` the document's current analysis, its problems computed on first use. */
  private install(entry: Entry, made: { key: string; text: string; options: AnalysisOptions }, parsed: ParsedManifest): Analysis {
    const { key, text, options } = made;
    const analyzer = entry.analyzer;
    const { document: parsedDocument, manifest } = parsed;
    const state: { problems?: Problem[] } = {};
    const analysis: Analysis = {
      document: parsedDocument,
      manifest,
      get problems(): Problem[] {
        return (state.problems ??= runToEnd(analyzer.check(options, manifest)));
      },
      set problems(value: Problem[]) {
        state.problems = value;
      },
      get problemsReady(): boolean {
        return state.problems !== undefined;
      },
    };
    entry.problemsOf = () => state.problems;
    entry.key = key;
    entry.text = text;
    entry.analysis = analysis;
    entry.settling = undefined;
    entry.parsing = undefined;
    return analysis;
  }

  private async computeProblems(entry: Entry, analysis: Analysis, options: AnalysisOptions, offThread: boolean, early?: Promise<WorkerProblems | undefined>): Promise<Analysis | undefined> {
    if (entry.problemsOf()) return analysis;
    const current = () => entry.analysis === analysis && this.entries.get(analysis.document.uri) === entry;
    if (this.worker && offThread) {
      const found = await (early ?? this.worker.problems(analysis.document.uri, analysis.document.version, entry.text, options));
      // Once read, the worker's answer is of no more use: not held beside the problems made of it.
      if (entry.asked?.key === entry.key) entry.asked = undefined;
      if (!current()) return undefined;
      if (entry.problemsOf()) return analysis;
      if (found) {
        const problems = await runInSlices(problemsFromSteps(analysis.manifest, found.problems), { stale: () => !current() });
        if (!problems || !current()) return undefined;
        if (entry.problemsOf()) return analysis;
        analysis.problems = problems;
        // Logged only with problems that are used: the same failure is not logged twice.
        const logger = this.runtime.logger;
        if (logger) for (const { level, line } of found.logged) logger[level](line);
        return analysis;
      }
      // The worker is gone or failed on this text: compute here.
    }
    // While typing goes on, long rules wait for a pause (a newer version drops this one meanwhile).
    const uri = analysis.document.uri;
    const wait = holdBackMs(this.lastCheckMs.get(uri) ?? 0);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (!current()) return undefined;
    // A slice at a time, so other requests are answered in between; dropped when the document moves on (its nodes move with it).
    const started = performance.now();
    const problems = await runInSlices(entry.analyzer.check(options, analysis.manifest), { stale: () => !current() });
    if (!problems || !current()) return undefined;
    this.lastCheckMs.set(uri, performance.now() - started);
    analysis.problems = problems;
    return analysis;
  }
}
