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
  /** Work nobody waits for (reading the workspace): its slices go after every other's (`pause`). */
  background?: boolean;
}

/**
 * Work time between two pauses. 4 ms in Node, where a pause costs next to nothing; 8 ms in a
 * web worker, where a pause is a timer that browsers hold back to 4 ms once timers nest.
 */
export const DEFAULT_SLICE_MS = inNode() ? 4 : 8;

/**
 * Work time between two pauses of background work (`SliceOptions.background`: reading the
 * workspace's estates): 2 ms in Node. A request that comes in while such a slice runs waits
 * for its end, and while the workspace is read requests keep coming in: measured on the estate
 * of 41 manifests, completion while indexing went from p50 14 to 9 ms (p95 43 to 28, on a busy
 * machine), with indexing as fast. In a web worker as long as other slices: there a pause costs
 * a timer of 4 ms or more.
 */
export const BACKGROUND_SLICE_MS = inNode() ? 2 : 8;

function inNode(): boolean {
  return typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function';
}

/**
 * How long to wait before checking a document's next version, given how long its last check
 * took. Rules that take long (a second on 10,000 integrations) would start, and be dropped, at
 * every keystroke, taking time from completion and hover: while typing goes on, they wait for
 * a pause instead.
 */
export function holdBackMs(lastCheckMs: number): number {
  return lastCheckMs > 250 ? Math.min(150, lastCheckMs / 8) : 0;
}

export async function runInSlices<T>(work: Generator<unknown, T>, { stale, background = false, budgetMs = background ? BACKGROUND_SLICE_MS : DEFAULT_SLICE_MS }: SliceOptions): Promise<T | undefined> {
  let deadline = performance.now() + budgetMs;
  try {
    for (;;) {
      const step = work.next();
      if (step.done) return step.value;
      if (performance.now() < deadline) continue;
      await pause(background);
      if (stale()) return undefined;
      deadline = performance.now() + budgetMs;
    }
  } finally {
    work.return(undefined as T);
  }
}

/**
 * Waits for a turn of the event loop of its own: pending I/O (incoming requests) runs before
 * we go on. Every sliced computation of the server pauses here, and the waiting ones go on one
 * at a time, one per turn, first come first served: however many run at once (the rules of
 * several manifests, a parse, a read of the estates), a request waits behind one slice only.
 * Node has `setImmediate`. A web worker has not, and there the protocol library hands each
 * incoming message on with `setTimeout(0)`: a timer queued after it lets that message run first.
 */
export function pause(background = false): Promise<void> {
  return new Promise((resolve) => {
    (background ? waitingBackground : waiting).push(resolve);
    if (!turnQueued) queueTurn();
  });
}

const waiting: (() => void)[] = [];
/** Background work (`SliceOptions.background`) gets a turn when nothing else waits for one. */
const waitingBackground: (() => void)[] = [];
let turnQueued = false;
/** The turns from reading `--stdio` input to the handler (vscode-jsonrpc's `StreamMessageReader`, then the connection's queue). */
export const STDIO_TURNS = 2;

/** Turns still to step aside for a message just read (`messageArrived`): its handler goes before the next slice. */
let stepAside = 0;

/**
 * Called by the transport as a message comes in (the entry points hook their input). The protocol
 * library hands the message on through callbacks queued when it is read, behind the turn queued by
 * the last slice; that turn then steps aside `turns` times, one per callback of the transport, so
 * the request is answered before the next slice instead of after it. Over `--stdio` that is two:
 * the reader takes the bytes through a lock of its own (one `setImmediate`), then the connection
 * queues the message (another); over `--node-ipc` or in a web worker, one.
 */
export function messageArrived(turns = 1): void {
  stepAside = Math.max(stepAside, turns);
}

function queueTurn(): void {
  turnQueued = true;
  const node = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (node) node(nextTurn);
  else setTimeout(nextTurn, 0);
}

function nextTurn(): void {
  turnQueued = false;
  if (stepAside > 0) {
    stepAside--;
    queueTurn();
    return;
  }
  const resolve = waiting.shift() ?? waitingBackground.shift();
  // The next one waits for the next turn: what arrived meanwhile is read first.
  if (waiting.length > 0 || waitingBackground.length > 0) queueTurn();
  resolve?.();
}

/**
 * For work made of steps that cannot be cut (a file parsed whole): `due()` is true once
 * `budgetMs` have passed since the last pause, so that the caller pauses (`pause()`) between
 * two steps and requests are answered meanwhile.
 */
export interface Pacer {
  due(): boolean;
  pause(): Promise<void>;
  /** Runs work given a step at a time to its end, pausing between steps when due. */
  steps<T>(work: Generator<void, T>): Promise<T>;
}

export function pacer(budget?: number, background = false): Pacer {
  const budgetMs = budget ?? (background ? BACKGROUND_SLICE_MS : DEFAULT_SLICE_MS);
  let deadline = performance.now() + budgetMs;
  const paced: Pacer = {
    due: () => performance.now() >= deadline,
    pause: async () => {
      await pause(background);
      deadline = performance.now() + budgetMs;
    },
    steps: async <T>(work: Generator<void, T>) => {
      for (let step = work.next(); ; step = work.next()) {
        if (step.done) return step.value;
        if (paced.due()) await paced.pause();
      }
    },
  };
  return paced;
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
