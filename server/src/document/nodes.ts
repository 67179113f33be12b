/**
 * Small, null-safe accessors over eemeli/yaml nodes. The model and the rules read the
 * document through these so that a half-written manifest (a key with no value, a list
 * where a map belongs) reads as "absent" instead of throwing.
 *
 * The readers follow aliases: `*sec` reads as the node anchored `&sec` (see aliases.ts), as
 * `doc.toJS()` reads it, so every rule sees through them. Spans do not: `spanOf` gives where a
 * node is written, and `locate` stops at an alias (a finding about a shared value goes on the
 * alias in the item that uses it). `writtenValueOf` gives a value as written, alias and all.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { aliasTarget } from './aliases';
import type { Span } from './range';

export type PathSegment = string | number;

/** The node an alias stands for (undefined when it cannot be followed); any other value as it is. */
export function resolved(node: unknown): unknown {
  return isAlias(node) ? aliasTarget(node) : node;
}

export function asMap(node: unknown): YAMLMap | undefined {
  const n = resolved(node);
  return isMap(n) ? n : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  const n = resolved(node);
  return isSeq(n) ? n : undefined;
}

export function keyText(pair: Pair): string | undefined {
  const key = resolved(pair.key);
  if (isScalar(key)) return key.value === null || key.value === undefined ? undefined : valueText(key.value);
  return undefined;
}

/** A plain value as text, as a person reads it (`true`, `42`, `text`); anything else as JSON. */
export function valueText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return '';
    default:
      return value instanceof Date ? value.toISOString() : (JSON.stringify(value) ?? '');
  }
}

export function pairOf(map: unknown, key: string): Pair | undefined {
  const m = asMap(map);
  if (!m) return undefined;
  for (const item of m.items) if (isPair(item) && keyText(item) === key) return item;
  return undefined;
}

/** The value of `key`, an alias followed to the node it stands for. */
export function valueOf(map: unknown, key: string): Node | undefined {
  const value = resolved(pairOf(map, key)?.value);
  return value && typeof value === 'object' ? (value as Node) : undefined;
}

/** The value of `key` as written: an alias stays the alias (for where it is written, `spanOf`). */
export function writtenValueOf(map: unknown, key: string): Node | undefined {
  const value = pairOf(map, key)?.value;
  return value && typeof value === 'object' ? (value as Node) : undefined;
}

/** A scalar's text: strings as they are, numbers and booleans printed. Undefined for null, maps, lists. */
export function scalarText(node: unknown): string | undefined {
  const n = resolved(node);
  if (!isScalar(n)) return undefined;
  const v = n.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

export function stringAt(map: unknown, key: string): string | undefined {
  return scalarText(valueOf(map, key));
}

export function booleanAt(map: unknown, key: string): boolean | undefined {
  const node = valueOf(map, key);
  return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
}

export function numberAt(map: unknown, key: string): number | undefined {
  const node = valueOf(map, key);
  return isScalar(node) && typeof node.value === 'number' ? node.value : undefined;
}

export function spanOf(node: unknown): Span | undefined {
  const range = (node as Node | undefined)?.range;
  if (!range) return undefined;
  return { start: range[0], end: range[1] };
}

export function keySpan(pair: Pair | undefined): Span | undefined {
  return pair ? spanOf(pair.key) : undefined;
}

/** The node at a path of map keys and list indexes, or undefined. */
export function nodeAt(root: unknown, path: readonly PathSegment[]): Node | undefined {
  let node: unknown = resolved(root);
  for (const segment of path) {
    if (typeof segment === 'number') {
      const seq = asSeq(node);
      node = seq ? resolved(seq.items[segment]) : undefined;
    } else {
      node = valueOf(node, segment);
    }
    if (!node) return undefined;
  }
  return node as Node;
}

/**
 * Where a finding about `path` under `root` is shown: on the value when it exists (or the
 * key, with `part: 'key'`), else on the key of the deepest ancestor that exists, else on
 * the fallback span (usually the item's id).
 *
 * A value reached through an alias is shown on the alias (`security: *sec`), in the item that
 * uses it, not inside the anchored node: each item that shares the anchor gets its own
 * finding, which its waivers govern and whose quick fix is found from it.
 */
export function locate(root: unknown, path: readonly PathSegment[], fallback: Span, part: 'key' | 'value' = 'value'): Span {
  let node: unknown = root;
  let best: Span = fallback;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (typeof segment === 'number') {
      const item = asSeq(node)?.items[segment];
      if (!item) return best;
      best = spanOf(item) ?? best;
      if (isAlias(item)) return best;
      node = item;
      continue;
    }
    const pair = pairOf(node, segment);
    if (!pair) return best;
    const k = keySpan(pair);
    if (last) {
      if (part === 'key') return k ?? best;
      const v = spanOf(pair.value);
      return v && v.end > v.start ? v : (k ?? best);
    }
    if (isAlias(pair.value)) return spanOf(pair.value) ?? k ?? best;
    best = k ?? best;
    node = pair.value;
  }
  return best;
}
