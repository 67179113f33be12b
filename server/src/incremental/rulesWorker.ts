/**
 * The rules, somewhere other than where requests are answered: what the language service
 * asks of such a place (`RulesWorker`), and the problems as plain data that can cross to it and
 * back. The Node server runs the rules on a worker thread (`server/src/node/analysisWorker.ts`);
 * the web worker server has none and runs them here, a slice at a time.
 */
import { runToEnd, type AnalysisOptions, type Problem } from '../analysis/analyze';
import type { Item, ItemKind, Manifest } from '../model/manifest';
import type { RelatedLocation, Severity } from '../rules/types';

/** A problem as it crosses threads: its item named by kind and place in its list. */
export interface PlainProblem {
  rule: string;
  severity: Severity;
  span: { start: number; end: number };
  message: string;
  data: Record<string, unknown>;
  item?: { kind: ItemKind; index: number };
  related?: RelatedLocation[];
}

/** A log entry made on the worker thread (a rule that threw), already without manifest text, for the main thread's log. */
export interface LoggedLine {
  level: 'error' | 'warn' | 'info';
  line: string;
}

/**
 * Problems packed to cross threads: the JSON texts of `PlainProblem[]`, a few hundred KB at most
 * to a text (`PROBLEMS_PER_PACK`, `PACK_CHARS`), each in UTF-8 in a buffer of its own. A message
 * of objects is rebuilt whole on arrival, in one block the thread cannot leave: 150,000 problems
 * of a 10 MB manifest took over a second, and made garbage for a long collection; so did a list
 * of texts (216 MB of strings made on the heap at once, 0.3 to 0.9 s). Buffers are moved to the
 * other thread (`transferOf`), not copied, and each text is read from its buffer in a step of
 * its own.
 */
export interface PackedProblems {
  packs: readonly Uint8Array[];
}

/**
 * At most so many problems to a packed text, and a text closed once it holds `PACK_CHARS`: each
 * is read in a few milliseconds. Counting alone is not enough for long messages: when
 * `goal-alignment` quoted every declared goal, the 10 MB manifest's 9,789 findings of 16 KB each
 * made packs of 500 problems of up to 860 KB (a read of 80 ms seen on a loaded machine); bounded,
 * its 843 texts were at most 280 KB.
 */
export const PROBLEMS_PER_PACK = 500;
export const PACK_CHARS = 256 * 1024;

/** What the worker found for one version: the problems, and what the rules logged meanwhile. */
export interface WorkerProblems {
  problems: PackedProblems;
  logged: LoggedLine[];
}

/** Where the rules run off the thread that answers requests. */
export interface RulesWorker {
  /**
   * The problems of `text`, with what the rules logged (left for the caller to log if it uses
   * the problems); undefined when a newer request for the same document replaced this one, or
   * the worker is unavailable (the caller then runs the rules itself).
   */
  problems(uri: string, version: number, text: string, options: AnalysisOptions): Promise<WorkerProblems | undefined>;
  /** Drops what is held for a closed document. */
  forget(uri: string): void;
}

/** The problems, ready to cross threads: plain data, items by kind and index. */
export function plainProblems(manifest: Manifest, problems: readonly Problem[]): PlainProblem[] {
  return plainOf(problems, itemIndex(manifest));
}

/** Each item of the manifest's lists, and its place in its list. */
function itemIndex(manifest: Manifest): Map<Item, number> {
  const index = new Map<Item, number>();
  for (const list of [manifest.systems, manifest.integrations, manifest.goals, manifest.actors] as Item[][]) list.forEach((item, i) => index.set(item, i));
  return index;
}

function plainOf(problems: readonly Problem[], index: Map<Item, number>): PlainProblem[] {
  return problems.map((p) => ({
    rule: p.rule,
    severity: p.severity,
    span: { start: p.span.start, end: p.span.end },
    message: p.message,
    data: p.data,
    ...(p.item && index.has(p.item) ? { item: { kind: p.item.kind, index: index.get(p.item)! } } : {}),
    ...(p.related ? { related: p.related } : {}),
  }));
}

/** The problems packed to cross threads (see `PackedProblems`): each pack's text is made, encoded and dropped in turn. */
export function packedProblems(manifest: Manifest, problems: readonly Problem[]): PackedProblems {
  const index = itemIndex(manifest);
  const encoder = new TextEncoder();
  const packs: Uint8Array[] = [];
  let texts: string[] = [];
  let chars = 0;
  const close = () => {
    packs.push(encoder.encode(`[${texts.join(',')}]`));
    texts = [];
    chars = 0;
  };
  for (const plain of plainOf(problems, index)) {
    const text = JSON.stringify(plain);
    texts.push(text);
    chars += text.length;
    if (texts.length === PROBLEMS_PER_PACK || chars >= PACK_CHARS) close();
  }
  if (texts.length > 0) close();
  return { packs };
}

/** What `postMessage` moves rather than copies to send `packed`: its buffer, which the sender can no longer read. */
export function transferOf(packed: PackedProblems): ArrayBuffer[] {
  return packed.packs.map((pack) => pack.buffer as ArrayBuffer);
}

/** The problems back on the main thread, their items found in `manifest` (the model of the same text). */
export function problemsFrom(manifest: Manifest, packed: PackedProblems): Problem[] {
  return runToEnd(problemsFromSteps(manifest, packed));
}

/** `problemsFrom`, a step after each pack read and each problem (tens of thousands come back on a manifest of 10,000 integrations). */
export function* problemsFromSteps(manifest: Manifest, packed: PackedProblems): Generator<void, Problem[]> {
  const lists: Partial<Record<ItemKind, Item[]>> = {};
  // Each list is read when a problem first needs it: the model reads its items lazily.
  const listOf = (kind: ItemKind) => (lists[kind] ??= kind === 'system' ? manifest.systems : kind === 'integration' ? manifest.integrations : kind === 'goal' ? manifest.goals : manifest.actors);
  const problems: Problem[] = [];
  const decoder = new TextDecoder();
  for (const pack of packed.packs) {
    const plain = JSON.parse(decoder.decode(pack)) as PlainProblem[];
    yield;
    for (const p of plain) {
      const item = p.item ? listOf(p.item.kind)[p.item.index] : undefined;
      // The object just read becomes the problem (not a copy: a 10 MB manifest has 150,000 of them),
      // its item, named by kind and place, now the model's.
      const problem = p as unknown as Problem;
      if (item) problem.item = item;
      else delete problem.item;
      problems.push(problem);
      yield;
    }
  }
  return problems;
}
