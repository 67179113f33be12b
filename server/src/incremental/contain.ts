/**
 * A unit that parses with errors may spill into what follows it (an unclosed quote takes
 * the rest of the document; an unclosed bracket garbles the next item). It is used alone
 * only when it is provably contained: parsed together with the next unit, that next unit
 * comes out exactly as it does alone, and every error lies inside the broken unit.
 * Otherwise the caller parses the whole text.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseYaml } from '../document/manifestDocument';
import type { Unit } from './layout';
import { ITEM_PREFIX, movedErrors, packRanges, type UnitParse } from './unitParse';

/** The broken unit `unit` re-read with the unit after it as context, or undefined when its errors may spill over. */
export function containedParse(text: string, unit: Unit, next: Unit, nextParse: UnitParse): UnitParse | undefined {
  if (!nextParse.clean) return undefined;
  const prefix = unit.kind === 'item' ? ITEM_PREFIX : '';
  const source = prefix + text.slice(unit.start, next.end);
  const { yaml: doc, dropped, tooDeep } = parseYaml(source);
  if (dropped > 0 || tooDeep) return undefined;
  const delta = unit.start - prefix.length;
  const root = doc.contents;
  if (!isMap(root) || root.flow) return undefined;
  const split = splitNodes(root, unit, next, nextParse.nodes.length);
  if (!split) return undefined;
  // Only the broken unit's own nodes move with it later; the next unit's are compared, then dropped.
  const {
    ranges,
    block,
    from,
    anchors,
    more: [rootRange, docRange, seqRange],
  } = packRanges(split.mine, delta, [root.range, doc.range, ...(split.seqRange ? [split.seqRange] : [])]);
  if (anchors || packRanges(split.theirs, delta).anchors) return undefined;
  if (!split.theirs.every((node, i) => sameTree(node, nextParse.nodes[i]!))) return undefined;
  const errors = movedErrors(doc.errors, delta);
  const warnings = movedErrors(doc.warnings, delta);
  if ([...errors, ...warnings].some((e) => e.pos[0] < unit.start || e.pos[0] >= next.start)) return undefined;
  return {
    kind: unit.kind,
    text: text.slice(unit.start, unit.end),
    nodes: split.mine,
    errors,
    warnings,
    clean: false,
    shaped: true,
    anchors: false,
    rootRange: rootRange!,
    seqRange,
    docRange: docRange!,
    commentBefore: doc.commentBefore ?? null,
    comment: doc.comment ?? null,
    rootCommentBefore: root.commentBefore,
    rootComment: root.comment,
    ranges,
    block,
    from,
  };
}

/** Which of the combined parse's nodes belong to the broken unit and which to the next. */
function splitNodes(
  root: YAMLMap,
  unit: Unit,
  next: Unit,
  theirCount: number,
): { mine: (Pair | Node)[]; theirs: (Pair | Node)[]; seqRange?: readonly number[] } | undefined {
  const pairs = root.items;
  if (unit.kind === 'top' && next.kind === 'top') {
    if (pairs.length <= theirCount) return undefined;
    return { mine: pairs.slice(0, pairs.length - theirCount), theirs: pairs.slice(pairs.length - theirCount) };
  }
  if (unit.kind === 'top') {
    // The next unit is the first item of the list this unit's last key opens.
    const seq = pairs[pairs.length - 1]?.value;
    if (!isSeq(seq) || seq.flow || seq.items.length !== theirCount) return undefined;
    return { mine: pairs, theirs: seq.items as Node[] };
  }
  const first = pairs[0]!;
  const seq = first.value;
  if (!isScalar(first.key) || first.key.value !== '_' || !isSeq(seq) || seq.flow) return undefined;
  if (next.kind === 'item') {
    if (pairs.length !== 1 || seq.items.length <= theirCount) return undefined;
    const items = seq.items as Node[];
    return { mine: items.slice(0, items.length - theirCount), theirs: items.slice(items.length - theirCount), seqRange: seq.range! };
  }
  if (pairs.length - 1 !== theirCount || seq.items.length === 0) return undefined;
  return { mine: seq.items as Node[], theirs: pairs.slice(1), seqRange: seq.range! };
}

/** Same node kinds, values, styles and ranges, all the way down. */
export function sameTree(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isPair(a)) return isPair(b) && sameTree(a.key, b.key) && sameTree(a.value, b.value);
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const x = a as Node;
  const y = b as Node;
  if (!sameRange(x.range, y.range) || x.tag !== y.tag || x.anchor !== y.anchor) return false;
  if (isScalar(x)) return isScalar(y) && (x.value === y.value || (Number.isNaN(x.value) && Number.isNaN(y.value))) && x.type === y.type;
  if (isAlias(x)) return isAlias(y) && x.source === y.source;
  if (isCollection(x)) {
    if (!isCollection(y) || isMap(x) !== isMap(y) || Boolean(x.flow) !== Boolean(y.flow) || x.items.length !== y.items.length) return false;
    return x.items.every((item, i) => sameTree(item, y.items[i]));
  }
  return false;
}

function sameRange(a: readonly number[] | null | undefined, b: readonly number[] | null | undefined): boolean {
  if (!a || !b) return a === b;
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}
