/**
 * The rules, off the main thread. A worker thread keeps its own incremental analyzer per
 * document and answers with the problems of the text it is sent (the same `analyze()` gives);
 * the main thread meanwhile answers completion, hover and the rest without waiting for them.
 *
 * The worker runs the server's own bundle (dist/server.js): loaded in a worker thread with
 * `workerData[WORKER_FLAG]`, this module serves instead of the language server starting.
 * Only each document's changed stretch travels to the worker, not the whole text.
 */
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { AnalysisOptions } from '../analysis/analyze';
import { describeError, lineLogger, NULL_LOGGER, type Logger } from '../logger';
import { IncrementalAnalyzer } from '../incremental/analyzer';
import { editBetween } from '../incremental/layout';
import { holdBackMs } from '../incremental/slices';
import { packedProblems, transferOf, type LoggedLine, type RulesWorker, type WorkerProblems } from '../incremental/rulesWorker';

const WORKER_FLAG = 'integrationManifestsAnalysisWorker';

/** The text of a document: whole, or as one edit of the text sent before. */
type TextChange = { text: string } | { start: number; end: number; insert: string };

interface Job {
  id: number;
  uri: string;
  version: number;
  change: TextChange;
  options: AnalysisOptions;
  /** Shared with the main thread, which sets it to 1 once a newer version makes the job useless. */
  cancelled: Int32Array;
}

/** An error in the worker travels as its name and stack frames (see `describeError`): never manifest text. */
type Reply = ({ id: number } & WorkerProblems) | { id: number; error: string } | { id: number; cancelled: true };

interface Pending {
  version: number;
  text: string;
  options: AnalysisOptions;
  resolve: (result: WorkerProblems | undefined) => void;
}

export class AnalysisWorker implements RulesWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  /** The text the worker holds for each document (what the next change is relative to). */
  private readonly held = new Map<string, string>();
  private readonly running = new Map<number, { uri: string; cancelled: Int32Array; started: number; whole: boolean; resolve: (result: WorkerProblems | undefined) => void }>();
  /** Per document: whether a job is running, and the latest request waiting behind it. */
  private readonly busy = new Set<string>();
  private readonly waiting = new Map<string, Pending>();
  /** Per document: how long its last job took, and the timer of a job held back (see `holdBack`). */
  private readonly lastDuration = new Map<string, number>();
  private readonly heldBack = new Map<string, ReturnType<typeof setTimeout>>();
  private broken = false;
  private disposed = false;

  /** Whether this code runs from a bundle a worker thread can load (not from TypeScript sources under a test runner). */
  static available(): boolean {
    return __filename.endsWith('.js');
  }

  constructor(
    private readonly script: string = __filename,
    private readonly logger: Logger = NULL_LOGGER,
  ) {}

  /**
   * The problems of `text`, computed by the worker, with what the rules logged (left for the
   * caller to log if it uses the problems); undefined when a newer request for the same
   * document replaced this one before it started, or the worker is unavailable.
   */
  problems(uri: string, version: number, text: string, options: AnalysisOptions): Promise<WorkerProblems | undefined> {
    if (this.broken) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting.get(uri)?.resolve(undefined);
      this.waiting.set(uri, { version, text, options, resolve });
      // The job running for an older version is of no use now: the worker drops it at its next step.
      for (const job of this.running.values()) if (job.uri === uri) Atomics.store(job.cancelled, 0, 1);
      this.pump(uri);
    });
  }

  forget(uri: string): void {
    this.held.delete(uri);
    clearTimeout(this.heldBack.get(uri));
    this.heldBack.delete(uri);
    this.lastDuration.delete(uri);
    this.waiting.get(uri)?.resolve(undefined);
    this.waiting.delete(uri);
  }

  dispose(): void {
    this.disposed = true;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /** How long to wait before starting a document's next job (`holdBackMs`): on a small machine the rules' thread takes a core from the main thread. */
  private holdBack(uri: string): number {
    return holdBackMs(this.lastDuration.get(uri) ?? 0);
  }

  private pump(uri: string, now = false): void {
    if (this.busy.has(uri)) return;
    const next = this.waiting.get(uri);
    if (!next) return;
    const delay = now ? 0 : this.holdBack(uri);
    if (delay > 0) {
      clearTimeout(this.heldBack.get(uri));
      const timer = setTimeout(() => {
        this.heldBack.delete(uri);
        this.pump(uri, true);
      }, delay);
      timer.unref?.();
      this.heldBack.set(uri, timer);
      return;
    }
    this.waiting.delete(uri);
    const worker = this.start();
    if (!worker) return next.resolve(undefined);
    const id = this.nextId++;
    const before = this.held.get(uri);
    this.held.set(uri, next.text);
    this.busy.add(uri);
    const cancelled = new Int32Array(new SharedArrayBuffer(4));
    const change = changeFrom(before, next.text);
    this.running.set(id, { uri, cancelled, started: performance.now(), whole: 'text' in change, resolve: next.resolve });
    const job: Job = { id, uri, version: next.version, change, options: next.options, cancelled };
    worker.postMessage(job);
  }

  private start(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = new Worker(this.script, { workerData: { [WORKER_FLAG]: true } });
      worker.unref();
      worker.on('message', (reply: Reply) => this.finish(reply));
      worker.on('error', (e) => this.fail('failed', e));
      worker.on('exit', (code) => this.fail(`exited with code ${code}`));
      this.worker = worker;
    } catch (e) {
      this.logger.error("The rules' worker thread could not start; the rules run on the main thread", e);
      this.broken = true;
    }
    return this.worker;
  }

  private finish(reply: Reply): void {
    const job = this.running.get(reply.id);
    if (!job) return;
    this.running.delete(reply.id);
    this.busy.delete(job.uri);
    // The first job reads the whole text: its time says nothing of how long an edit takes.
    if ('problems' in reply && !job.whole) this.lastDuration.set(job.uri, performance.now() - job.started);
    if ('error' in reply) {
      this.logger.error(`The rules' worker thread could not check a manifest; it is checked on the main thread: ${reply.error}`);
      this.held.delete(job.uri); // the worker may not hold the text: send it whole next time
      job.resolve(undefined);
    } else job.resolve('problems' in reply ? { problems: reply.problems, logged: reply.logged } : undefined);
    this.pump(job.uri);
  }

  /** The worker died: what it was doing is lost, and problems are computed on the main thread from now on. */
  private fail(how: string, error?: unknown): void {
    if (this.broken) return;
    if (!this.disposed) this.logger.error(`The rules' worker thread ${how}; the rules run on the main thread from now on`, error);
    this.broken = true;
    this.worker = undefined;
    for (const job of this.running.values()) job.resolve(undefined);
    this.running.clear();
    for (const pending of this.waiting.values()) pending.resolve(undefined);
    this.waiting.clear();
    this.busy.clear();
    this.held.clear();
  }
}

/** The smallest change from `before` to `text`, or the whole text when there is nothing before. */
function changeFrom(before: string | undefined, text: string): TextChange {
  if (before === undefined) return { text };
  const { prefix, suffix } = editBetween(before, text);
  return { start: prefix, end: before.length - suffix, insert: text.slice(prefix, text.length - suffix) };
}

/** How much nicer than the server's main thread the rules' thread runs: on a busy machine, completion and hover come first. */
export const RULES_NICENESS = 10;

/**
 * Lowers the rules' thread's priority. On Linux a nice value belongs to a thread, so this
 * touches the worker alone; elsewhere it would lower the whole server, and is left alone.
 */
function yieldToRequests(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(RULES_NICENESS);
  } catch {
    // Not permitted here: the rules run at the server's priority.
  }
}

/** The worker's side: one incremental analyzer per document. */
function serve(port: MessagePort): void {
  yieldToRequests();
  const documents = new Map<string, { text: string; analyzer: IncrementalAnalyzer }>();
  // What the rules log during a job travels back with its problems: the main thread holds the log.
  let logged: LoggedLine[] = [];
  const logger = lineLogger({
    error: (line) => logged.push({ level: 'error', line }),
    warn: (line) => logged.push({ level: 'warn', line }),
    info: (line) => logged.push({ level: 'info', line }),
  });
  port.on('message', (job: Job) => {
    logged = [];
    try {
      let doc = documents.get(job.uri);
      if ('text' in job.change) {
        doc = { text: job.change.text, analyzer: doc?.analyzer ?? new IncrementalAnalyzer({ logger }) };
      } else {
        if (!doc) throw new Error('the worker holds no text for this document');
        const { start, end, insert } = job.change;
        doc = { ...doc, text: doc.text.slice(0, start) + insert + doc.text.slice(end) };
      }
      documents.set(job.uri, doc);
      const { manifest } = doc.analyzer.parse(doc.text, job.uri, job.version);
      const steps = doc.analyzer.check(job.options);
      let step = steps.next();
      while (!step.done && Atomics.load(job.cancelled, 0) === 0) step = steps.next();
      if (!step.done) {
        steps.return([]);
        port.postMessage({ id: job.id, cancelled: true } satisfies Reply);
        return;
      }
      const problems = packedProblems(manifest, step.value);
      port.postMessage({ id: job.id, problems, logged } satisfies Reply, transferOf(problems));
    } catch (e) {
      documents.delete(job.uri);
      port.postMessage({ id: job.id, error: describeError(e) } satisfies Reply);
    }
  });
}

if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) serve(parentPort);
