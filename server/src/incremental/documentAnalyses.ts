/**
 * The analyses of the open documents, for the language service: one incremental analyzer
 * per document, so each change re-parses only what it touched.
 *
 * An analysis is made in two steps. Its document and model come at once (what completion,
 * hover and navigation read). Its problems (every rule) are the expensive part: they are
 * computed on first use, or by `settle`, a slice at a time between other requests, and
 * dropped when a newer version arrives first. Either way they are what `analyze()` of the
 * whole text gives.
 */
import { runToEnd, type Analysis, type AnalysisOptions, type Problem, type RuleRuntime } from '../analysis/analyze';
import { IncrementalAnalyzer } from './analyzer';
import { holdBackMs, runInSlices } from './slices';
import { problemsFrom, type RulesWorker, type WorkerProblems } from './rulesWorker';

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
}

export interface DocumentText {
  uri: string;
  version: number;
  getText(): string;
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
  ) {}

  /**
   * The analysis of a document's current text under `options`; `key` names both (an analysis
   * is reused while the key is unchanged). Valid until the next call for this document.
   */
  get(document: DocumentText, key: string, options: AnalysisOptions): Analysis {
    let entry = this.entries.get(document.uri);
    if (!entry) this.entries.set(document.uri, (entry = { analyzer: new IncrementalAnalyzer(this.runtime), key: undefined, analysis: undefined, settling: undefined, problemsOf: () => undefined, text: '' }));
    if (entry.key === key && entry.analysis) return entry.analysis;
    const text = document.getText();
    const analyzer = entry.analyzer;
    const { document: parsed, manifest } = analyzer.parse(text, document.uri, document.version);
    const state: { problems?: Problem[] } = {};
    const analysis: Analysis = {
      document: parsed,
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
    return analysis;
  }

  /**
   * The analysis with its problems computed, in slices that let other requests through;
   * undefined when the document changed (or `cancelled()`) before they were done.
   */
  settle(document: DocumentText, key: string, options: AnalysisOptions, cancelled: () => boolean = () => false): Promise<Analysis | undefined> {
    // A new version goes to the worker before it is parsed here: both threads parse at once.
    const early = this.worker && this.entries.get(document.uri)?.key !== key ? this.worker.problems(document.uri, document.version, document.getText(), options) : undefined;
    const analysis = this.get(document, key, options);
    const entry = this.entries.get(document.uri)!;
    entry.settling ??= this.computeProblems(entry, analysis, options, early);
    return entry.settling.then((settled) => (settled && !cancelled() ? settled : undefined));
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.lastCheckMs.delete(uri);
    this.worker?.forget(uri);
  }

  private async computeProblems(entry: Entry, analysis: Analysis, options: AnalysisOptions, early?: Promise<WorkerProblems | undefined>): Promise<Analysis | undefined> {
    if (entry.problemsOf()) return analysis;
    const current = () => entry.analysis === analysis && this.entries.get(analysis.document.uri) === entry;
    if (this.worker) {
      const found = await (early ?? this.worker.problems(analysis.document.uri, analysis.document.version, entry.text, options));
      if (!current()) return undefined;
      if (entry.problemsOf()) return analysis;
      if (found) {
        analysis.problems = problemsFrom(analysis.manifest, found.problems);
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
