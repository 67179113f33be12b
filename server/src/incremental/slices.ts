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

/** One turn of the event loop: pending I/O (incoming requests) runs before we go on. */
function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
