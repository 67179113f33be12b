/**
 * Runs a generator of work a slice at a time: after `budgetMs` of work it yields to the
 * event loop (so the server reads and answers other messages), then goes on unless the
 * work has gone stale.
 */
export interface SliceOptions {
  /** True when the result is no longer wanted (a newer version arrived, the request was cancelled). */
  stale: () => boolean;
  /** Work time between two pauses, in milliseconds. */
  budgetMs?: number;
}

export const DEFAULT_SLICE_MS = 8;

/**
 * How long to wait before checking a document's next version, given how long its last check
 * took. Rules that take long (a second on 10,000 integrations) would start, and be dropped, at
 * every keystroke, taking time from completion and hover: while typing goes on, they wait for
 * a pause instead.
 */
export function holdBackMs(lastCheckMs: number): number {
  return lastCheckMs > 250 ? Math.min(150, lastCheckMs / 8) : 0;
}

export async function runInSlices<T>(work: Generator<unknown, T>, { stale, budgetMs = DEFAULT_SLICE_MS }: SliceOptions): Promise<T | undefined> {
  let deadline = performance.now() + budgetMs;
  try {
    for (;;) {
      const step = work.next();
      if (step.done) return step.value;
      if (performance.now() < deadline) continue;
      await pause();
      if (stale()) return undefined;
      deadline = performance.now() + budgetMs;
    }
  } finally {
    work.return(undefined as T);
  }
}

/**
 * One turn of the event loop: pending I/O (incoming requests) runs before we go on. Node has
 * `setImmediate`. A web worker has not, and there the protocol library hands each incoming
 * message on with `setTimeout(0)`: a timer queued after it lets that message run first.
 */
function pause(): Promise<void> {
  const node = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (node ? void node(resolve) : void setTimeout(resolve, 0)));
}

/**
 * Work that one caller runs in slices while another may need its result at once: `run`
 * goes a slice at a time (and always to the end: nothing is dropped), `finish` completes
 * what is left synchronously. Either way the result is the generator's.
 */
export class SharedWork<T> {
  private result: { value: T } | undefined;
  private running: Promise<T> | undefined;

  constructor(private readonly work: Generator<unknown, T>) {}

  get done(): boolean {
    return this.result !== undefined;
  }

  /** What is left, now. */
  finish(): T {
    while (!this.result) this.step();
    return this.result.value;
  }

  /** What is left, a slice at a time between other messages. */
  run(budgetMs = DEFAULT_SLICE_MS): Promise<T> {
    return (this.running ??= this.slices(budgetMs));
  }

  private async slices(budgetMs: number): Promise<T> {
    for (;;) {
      const deadline = performance.now() + budgetMs;
      while (!this.result && performance.now() < deadline) this.step();
      if (this.result) return this.result.value;
      await pause();
    }
  }

  private step(): void {
    const step = this.work.next();
    if (step.done) this.result = { value: step.value };
  }
}
