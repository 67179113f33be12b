/**
 * The rules, somewhere other than where requests are answered: what the language service
 * asks of such a place (`RulesWorker`), and the problems as plain data that can cross to it and
 * back. The Node server runs the rules on a worker thread (`server/src/node/analysisWorker.ts`);
 * the web worker server has none and runs them here, a slice at a time.
 */
import { runToEnd, type AnalysisOptions, type Problem } from '../analysis/analyze';
import type { Item, ItemKind, Manifest } from '../model/manifest';
import type { Span } from '../document/range';
import type { FindingData, RelatedLocation, Severity } from '../rules/types';

/** A log entry made on the worker thread (a rule that threw), already without manifest text, for the main thread's log. */
export interface LoggedLine {
  level: 'error' | 'warn' | 'info';
  line: string;
}

/**
 * Problems packed to cross threads: a table of numbers and one buffer of UTF-8 text, both
 * moved to the other thread (`transferOf`), not copied. The main thread makes each problem
 * from its row of the table, and decodes its message, data and related places from the text
 * only when they are first read (`PackedProblem`): the 10 MB manifest's 171,759 problems take
 * some 20 MB of its heap instead of 80 (their text, 45 MB, stays in its buffer, which the
 * collector does not walk), and the thread that answers requests no longer spends seconds in
 * JSON and in the garbage collections it caused while they come back.
 */
export interface PackedProblems {
  /** The rules' ids; the table names a rule by its place here. */
  rules: string[];
  /** `PACKED_FIELDS` numbers per problem, in the order of `Field`. */
  table: Int32Array;
  /** Each problem's `{ message, data, related }` as JSON, in UTF-8, one after another. */
  details: Uint8Array;
}

/** The numbers of a problem's row in `PackedProblems.table`. */
const enum Field {
  Rule,
  Severity,
  Start,
  End,
  /** The item's kind (its place in `ITEM_KINDS`), or -1 when the problem names no item. */
  ItemKind,
  /** The item's place in its list. */
  ItemIndex,
  /** Where the problem's details lie in `PackedProblems.details` (bytes). */
  DetailsFrom,
  DetailsTo,
}
const PACKED_FIELDS = 8;

const ITEM_KINDS: readonly ItemKind[] = ['system', 'integration', 'goal', 'actor'];
const SEVERITY_NAMES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** The part of a problem decoded on first use. */
interface Details {
  message: string;
  data: FindingData;
  related?: RelatedLocation[];
}

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

/** Each item of the manifest's lists, and its place in its list. */
function itemIndex(manifest: Manifest): Map<Item, number> {
  const index = new Map<Item, number>();
  for (const list of [manifest.systems, manifest.integrations, manifest.goals, manifest.actors] as Item[][]) list.forEach((item, i) => index.set(item, i));
  return index;
}

/** The problems packed to cross threads (see `PackedProblems`), items named by kind and place in their list. */
export function packedProblems(manifest: Manifest, problems: readonly Problem[]): PackedProblems {
  const index = itemIndex(manifest);
  const rules: string[] = [];
  const ruleIndex = new Map<string, number>();
  const table = new Int32Array(problems.length * PACKED_FIELDS);
  const encoder = new TextEncoder();
  let details = new Uint8Array(Math.max(1024, problems.length * 256));
  let used = 0;
  problems.forEach((p, i) => {
    let rule = ruleIndex.get(p.rule);
    if (rule === undefined) ruleIndex.set(p.rule, (rule = rules.push(p.rule) - 1));
    const at = p.item ? index.get(p.item) : undefined;
    const text = JSON.stringify(p.related ? { message: p.message, data: p.data, related: p.related } : { message: p.message, data: p.data });
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    if (used + text.length * 3 > details.length) {
      const larger = new Uint8Array(Math.max(details.length * 2, used + text.length * 3));
      larger.set(details.subarray(0, used));
      details = larger;
    }
    const row = i * PACKED_FIELDS;
    table[row + Field.Rule] = rule;
    table[row + Field.Severity] = SEVERITY_NAMES.indexOf(p.severity);
    table[row + Field.Start] = p.span.start;
    table[row + Field.End] = p.span.end;
    table[row + Field.ItemKind] = at === undefined ? -1 : ITEM_KINDS.indexOf(p.item!.kind);
    table[row + Field.ItemIndex] = at ?? 0;
    table[row + Field.DetailsFrom] = used;
    used += encoder.encodeInto(text, details.subarray(used)).written;
    table[row + Field.DetailsTo] = used;
  });
  return { rules, table, details: details.slice(0, used) };
}

/** What `postMessage` moves rather than copies to send `packed`: its buffers, which the sender can no longer read. */
export function transferOf(packed: PackedProblems): ArrayBuffer[] {
  return [packed.table.buffer as ArrayBuffer, packed.details.buffer as ArrayBuffer];
}

/** The problems back on the main thread, their items found in `manifest` (the model of the same text). */
export function problemsFrom(manifest: Manifest, packed: PackedProblems): Problem[] {
  return runToEnd(problemsFromSteps(manifest, packed));
}

/** `problemsFrom`, a step after each problem (tens of thousands come back on a manifest of 10,000 integrations). */
export function* problemsFromSteps(manifest: Manifest, packed: PackedProblems): Generator<void, Problem[]> {
  const { rules, table } = packed;
  const lists: Partial<Record<ItemKind, Item[]>> = {};
  // Each list is read when a problem first needs it: the model reads its items lazily.
  const listOf = (kind: ItemKind) => (lists[kind] ??= kind === 'system' ? manifest.systems : kind === 'integration' ? manifest.integrations : kind === 'goal' ? manifest.goals : manifest.actors);
  const problems: Problem[] = [];
  for (let row = 0; row < table.length; row += PACKED_FIELDS) {
    const kind = table[row + Field.ItemKind]!;
    const item = kind >= 0 ? listOf(ITEM_KINDS[kind]!)[table[row + Field.ItemIndex]!] : undefined;
    // A `Problem` whose `related` is an accessor that reads undefined when there are none (TypeScript cannot declare an optional accessor).
    problems.push(new PackedProblem(rules[table[row + Field.Rule]!]!, SEVERITY_NAMES[table[row + Field.Severity]!]!, table[row + Field.Start]!, table[row + Field.End]!, item, packed, row) as Problem);
    yield;
  }
  return problems;
}

const decoder = new TextDecoder();

/**
 * A problem made from its row of `PackedProblems`: rule, severity, span and item at once; its
 * message, data and related places read from the packed text when first asked for (most of
 * a large manifest's findings are never shown), then kept. They can be set like any problem's.
 */
class PackedProblem implements Omit<Problem, 'related'> {
  readonly span: Span;
  item?: Item;
  #packed: PackedProblems | undefined;
  #row: number;
  #details: Details | undefined;

  constructor(
    readonly rule: string,
    readonly severity: Severity,
    start: number,
    end: number,
    item: Item | undefined,
    packed: PackedProblems,
    row: number,
  ) {
    this.span = { start, end };
    if (item) this.item = item;
    this.#packed = packed;
    this.#row = row;
  }

  get message(): string {
    return this.details().message;
  }
  set message(value: string) {
    this.details().message = value;
  }
  get data(): FindingData {
    return this.details().data;
  }
  set data(value: FindingData) {
    this.details().data = value;
  }
  get related(): RelatedLocation[] | undefined {
    return this.details().related;
  }
  set related(value: RelatedLocation[] | undefined) {
    const details = this.details();
    if (value) details.related = value;
    else delete details.related;
  }

  /** Plain data, as a problem made on this thread would print. */
  toJSON(): Problem {
    const { related } = this;
    return { rule: this.rule, severity: this.severity, span: this.span, message: this.message, data: this.data, ...(this.item ? { item: this.item } : {}), ...(related ? { related } : {}) };
  }

  private details(): Details {
    if (this.#details) return this.#details;
    const { table, details } = this.#packed!;
    const row = this.#row;
    this.#details = JSON.parse(decoder.decode(details.subarray(table[row + Field.DetailsFrom], table[row + Field.DetailsTo]))) as Details;
    this.#packed = undefined;
    return this.#details;
  }
}
