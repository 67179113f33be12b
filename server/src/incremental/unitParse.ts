/**
 * One unit of a manifest parsed alone with eemeli/yaml, in the context it has in the whole
 * document: a top-level unit as the document's root map, a list item under a stand-in key
 * (`_:`) so that it sits in a block list inside the root map, as it does in the document.
 *
 * The nodes are shifted so that offsets count from the unit's start; `UnitMover` then moves
 * them (in place) to where the unit sits in the current text.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { parseYaml } from '../document/manifestDocument';
import type { Span } from '../document/range';
import type { Item, ItemList } from '../model/manifest';
import type { Unit, UnitKind } from './layout';

/** What an item unit is parsed under, so that it sits in a block list in the root map. */
export const ITEM_PREFIX = '_:\n';

export interface UnitError {
  /** Offsets as eemeli/yaml reports them; moved with the unit. */
  pos: [number, number];
  code: string;
  message: string;
}

export type Range3 = [number, number, number];

export interface UnitParse {
  kind: UnitKind;
  text: string;
  /** Root-map pairs (top units) or list items (item units). */
  nodes: (Pair | Node)[];
  errors: UnitError[];
  warnings: UnitError[];
  /** Parsed to the shape its kind promises, with no errors, warnings, anchors or aliases. */
  clean: boolean;
  /** The shape its kind promises (a block map of pairs; a block list of items). */
  shaped: boolean;
  /** Anchors or aliases: their meaning crosses units, so only a whole parse is exact. */
  anchors: boolean;
  /** The root map's range, and (items) the list's range; the document's range and comments (views of `ranges`, moved with it). */
  rootRange: Range3;
  seqRange: Range3 | undefined;
  docRange: Range3;
  commentBefore: string | null;
  comment: string | null;
  rootCommentBefore: string | null | undefined;
  rootComment: string | null | undefined;
  /**
   * Every node's range, three numbers a node in one packed array that the nodes' own `range`
   * arrays are views of, and after them `rootRange`, `docRange` and `seqRange`: moving the unit
   * is one loop over contiguous memory (10,000 units hold some 450,000 nodes, whose separate
   * arrays took milliseconds to reach one by one), and units parsed together lie side by side,
   * so that a run of them moves in one loop (`UnitMover`). `block` is the whole packed block
   * `ranges` was cut from, and `from` where.
   */
  ranges: Int32Array;
  block: Int32Array;
  from: number;
  /**
   * The model's items read from the unit's nodes (for one list), and every span inside them,
   * placed for the unit at offset `at`: they are moved to where the unit now starts when the
   * items are next read (see `itemsOf` in incrementalModel.ts), not at every edit.
   */
  items?: { list: ItemList; items: Item[]; spans: Span[]; at: number };
  /** The unit's nodes (list items) or pair values (top-level units) as plain data; offsets play no part. */
  data?: unknown[];
}

export function parseUnit(kind: UnitKind, text: string): UnitParse {
  const prefix = kind === 'item' ? ITEM_PREFIX : '';
  const { yaml: doc, dropped, tooDeep } = parseYaml(prefix + text);
  const delta = -prefix.length;
  const root = doc.contents;
  let nodes: (Pair | Node)[] = [];
  let seqRange: readonly number[] | undefined;
  let shaped = false;
  if (isMap(root) && !root.flow && root.items.length > 0) {
    if (kind === 'top') {
      nodes = root.items;
      shaped = true;
    } else {
      const pair = root.items[0]!;
      const seq = pair.value;
      if (root.items.length === 1 && isScalar(pair.key) && pair.key.value === '_' && isSeq(seq) && !seq.flow && seq.items.length > 0) {
        nodes = seq.items;
        seqRange = seq.range;
        shaped = true;
      }
    }
  }
  const {
    ranges,
    block,
    from,
    anchors,
    more: [rootRange, docRange, packedSeqRange],
  } = packRanges(nodes, delta, [root?.range ?? [0, 0, 0], doc.range, ...(seqRange ? [seqRange] : [])]);
  const errors = movedErrors(doc.errors, delta);
  const warnings = movedErrors(doc.warnings, delta);
  // A problem inside the stand-in prefix means the unit did not fit the list it came from;
  // problems beyond the cap or nesting cut off are left to the whole parse, which orders them.
  if ([...errors, ...warnings].some((e) => e.pos[0] < 0) || dropped > 0 || tooDeep) shaped = false;
  return {
    kind,
    text,
    nodes,
    errors,
    warnings,
    clean: shaped && !anchors && errors.length === 0 && warnings.length === 0,
    shaped,
    anchors,
    rootRange: rootRange!,
    seqRange: packedSeqRange,
    docRange: docRange!,
    commentBefore: doc.commentBefore ?? null,
    comment: doc.comment ?? null,
    rootCommentBefore: (root as Node | null)?.commentBefore,
    rootComment: (root as Node | null)?.comment,
    ranges,
    block,
    from,
  };
}

/**
 * Shifts every node's range under `nodes` by `delta` into one packed array, and makes each
 * node's `range` a view of its three numbers; says whether any node has an anchor or is an alias.
 * The ranges `more` are packed after the nodes' and returned as views, in order.
 */
export function packRanges(
  nodes: readonly (Pair | Node)[],
  delta: number,
  more: readonly (readonly number[])[] = [],
): { ranges: Int32Array; block: Int32Array; from: number; anchors: boolean; more: Range3[] } {
  let anchors = false;
  const ranged: Node[] = [];
  const visit = (node: unknown) => {
    if (isPair(node)) {
      visit(node.key);
      visit(node.value);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (isAlias(n) || n.anchor) anchors = true;
    if (n.range) ranged.push(n);
    if (isCollection(n)) for (const item of n.items) visit(item);
  };
  for (const node of nodes) visit(node);
  const { block, from, ranges } = packedArray((ranged.length + more.length) * 3);
  const pack = (range: readonly number[], i: number): Range3 => {
    const at = i * 3;
    ranges[at] = range[0]! + delta;
    ranges[at + 1] = range[1]! + delta;
    ranges[at + 2] = range[2]! + delta;
    return ranges.subarray(at, at + 3) as unknown as Range3;
  };
  ranged.forEach((n, i) => (n.range = pack(n.range!, i)));
  return { ranges, block, from, anchors, more: more.map((range, i) => pack(range, ranged.length + i)) };
}

/**
 * Packed arrays are cut from shared blocks, so that the units parsed together (a whole
 * document, at opening) lie side by side in memory: moving thousands of them after an edit
 * then reads memory in order instead of jumping between scattered small arrays. A block lives
 * while any of its arrays does.
 */
const BLOCK_INTS = 256 * 1024;
let block = new Int32Array(0);
let blockUsed = 0;

function packedArray(length: number): { block: Int32Array; from: number; ranges: Int32Array } {
  if (length > BLOCK_INTS / 4) {
    const own = new Int32Array(length);
    return { block: own, from: 0, ranges: own };
  }
  if (blockUsed + length > block.length) {
    block = new Int32Array(BLOCK_INTS);
    blockUsed = 0;
  }
  const from = blockUsed;
  blockUsed += length;
  return { block, from, ranges: block.subarray(from, from + length) };
}

/** The parser's errors or warnings as a unit keeps them, moved by `delta` (from the parsed source to the unit's place). */
export function movedErrors(errors: readonly { pos: [number, number]; code: string; message: string }[], delta: number): UnitError[] {
  return errors.map((e) => ({ pos: [e.pos[0] + delta, e.pos[1] + delta], code: e.code, message: e.message }));
}

/** Moves kept errors or warnings in place by `delta`. */
function shiftErrors(errors: readonly UnitError[], delta: number): void {
  for (const e of errors) e.pos = [e.pos[0] + delta, e.pos[1] + delta];
}

/** Gives `unit` its parse, whose nodes sit at `placed` (see `Unit.placed`). */
export function attach(unit: Unit, parse: UnitParse, placed: number): void {
  unit.parse = parse;
  unit.placed = placed;
  unit.block = parse.block;
  unit.from = parse.from;
  unit.to = parse.from + parse.ranges.length;
  unit.clean = parse.clean;
  unit.nodes = parse.nodes;
}

/**
 * Moves the nodes of units (in place) to where each unit now starts. The packed ranges of
 * consecutive units that lie side by side in a block and move by the same amount (the units
 * after an edit, parsed together at opening) are moved in one loop, on `flush`: call it before
 * anything reads the ranges.
 */
export class UnitMover {
  private run: { block: Int32Array; from: number; to: number; delta: number } | undefined;

  place(unit: Unit): void {
    const delta = unit.start - unit.placed;
    if (delta === 0 || !unit.block) return;
    unit.placed = unit.start;
    if (!unit.clean) {
      shiftErrors(unit.parse!.errors, delta);
      shiftErrors(unit.parse!.warnings, delta);
    }
    const run = this.run;
    if (run && run.delta === delta && run.block === unit.block && run.to === unit.from) {
      run.to = unit.to;
      return;
    }
    this.flush();
    this.run = { block: unit.block, from: unit.from, to: unit.to, delta };
  }

  flush(): void {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    const { block, to, delta } = run;
    for (let i = run.from; i < to; i++) block[i]! += delta;
  }
}
