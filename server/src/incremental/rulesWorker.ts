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
 * Problems packed to cross threads: the JSON texts of `PlainProblem[]`, `PROBLEMS_PER_PACK` to a
 * text, one after the other in UTF-8 in one buffer of their own (`bytes`; `ends[i]` is where text
 * `i` ends). A message of objects is rebuilt whole on arrival, in one block the thread cannot
 * leave: 150,000 problems of a 10 MB manifest took over a second, and made garbage for a long
 * collection; so did a list of texts (40 MB of strings made on the heap at once, 0.3 to 0.9 s).
 * A buffer is moved to the other thread (`transferOf`), not copied, and each text is read from it
 * in a step of its own.
 */
export interface PackedProblems {
  bytes: Uint8Array;
  ends: readonly number[];
}

/** Problems to a packed text: each text is read in a few milliseconds. */
export const PROBLEMS_PER_PACK = 500;

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
  const index = new Map<Item, number>();
  for (const list of [manifest.systems, manifest.integrations, manifest.goals, manifest.actors] as Item[][]) list.forEach((item, i) => index.set(item, i));
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

/** The problems packed to cross threads (see `PackedProblems`). */
export function packedProblems(manifest: Manifest, problems: readonly Problem[]): PackedProblems {
  const plain = plainProblems(manifest, problems);
  const encoder = new TextEncoder();
  const texts: Uint8Array[] = [];
  for (let from = 0; from < plain.length; from += PROBLEMS_PER_PACK) texts.push(encoder.encode(JSON.stringify(plain.slice(from, from + PROBLEMS_PER_PACK))));
  const bytes = new Uint8Array(texts.reduce((total, text) => total + text.length, 0));
  const ends: number[] = [];
  let end = 0;
  for (const text of texts) {
    bytes.set(text, end);
    ends.push((end += text.length));
  }
  return { bytes, ends };
}

/** What `postMessage` moves rather than copies to send `packed`: its buffer, which the sender can no longer read. */
export function transferOf(packed: PackedProblems): ArrayBuffer[] {
  return [packed.bytes.buffer as ArrayBuffer];
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
  let start = 0;
  for (const end of packed.ends) {
    const plain = JSON.parse(decoder.decode(packed.bytes.subarray(start, end))) as PlainProblem[];
    start = end;
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
