/**
 * Minimal text edits on a manifest that keep every comment and all formatting outside the
 * edited node. Quick fixes are built from these: they insert or replace the few characters
 * a fix needs instead of re-serializing the document.
 */
import { isMap, isScalar, isSeq, stringify, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ManifestDocument } from './manifestDocument';
import { asMap, pairOf, type PathSegment } from './nodes';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

type Plain = string | number | boolean | null | readonly Plain[] | { readonly [key: string]: Plain };

/** Applies edits (offsets in the original text); edits at the same offset apply in the order given. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** A value as one line of YAML: scalars quoted only when needed, collections in flow style. */
export function inlineYaml(value: Plain): string {
  return stringify(value, { lineWidth: 0, collectionStyle: 'flow' }).trimEnd();
}

/** A value as block YAML, each line prefixed with `indent`. */
function blockYaml(value: Plain, indent: string): string[] {
  return stringify(value, { lineWidth: 0, indent: 2 })
    .trimEnd()
    .split('\n')
    .map((line) => indent + line);
}

function isCollection(value: Plain): value is readonly Plain[] | { readonly [key: string]: Plain } {
  return typeof value === 'object' && value !== null;
}

function columnOf(doc: ManifestDocument, offset: number): number {
  return doc.lines.positionAt(offset).character;
}

/** Offset of the end of the last line a node occupies (after any trailing comment on it). */
function endOfLastLine(doc: ManifestDocument, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && /\s/.test(doc.text[end - 1]!)) end--;
  return doc.lines.lineEnd(doc.lines.positionAt(end).line);
}

function lineBreak(doc: ManifestDocument): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}

/** A map key as YAML: plain when it is a simple name, else quoted. */
function keyYaml(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : inlineYaml(key);
}

/**
 * Where a new entry goes in a flow collection: just after its last entry (before the
 * closing bracket), with the separator it needs. A trailing comma (`[a, b,]`) already
 * separates, so none is added then. In a collection left unclosed (`[a, b` with the
 * document going on) the entry goes first, just after the opening bracket, with what
 * must follow it (`after`): its end is not a place to insert, it may be inside a comment.
 */
function flowInsertPoint(doc: ManifestDocument, node: YAMLMap | YAMLSeq): { at: number; separator: string; after?: string } {
  const open = doc.text[node.range![0]];
  const close = open === '[' ? ']' : open === '{' ? '}' : undefined;
  if (node.flow && close && doc.text[node.range![1] - 1] !== close) return { at: node.range![0] + 1, separator: '', after: node.items.length ? ', ' : ' ' };
  let at = node.range![1] - 1;
  while (at > node.range![0] && /\s/.test(doc.text[at - 1]!)) at--;
  const before = doc.text[at - 1];
  const separator = node.items.length === 0 || before === ',' ? ' ' : ', ';
  return { at, separator };
}

/** Inserts `key: value` into a map (block or flow). */
export function insertPair(doc: ManifestDocument, map: YAMLMap, key: string, value: Plain): TextEdit {
  const nl = lineBreak(doc);
  const last = map.items[map.items.length - 1];
  if (map.flow || !last) {
    const { at, separator, after } = flowInsertPoint(doc, map);
    const empty = map.items.length === 0;
    return { start: at, end: at, newText: `${separator}${keyYaml(key)}: ${inlineYaml(value)}${after ?? (empty ? ' ' : '')}` };
  }
  const indent = ' '.repeat(columnOf(doc, (last.key as Node).range![0]));
  const anchor = (last.value as Node | null)?.range ? (last.value as Node) : (last.key as Node);
  const at = endOfLastLine(doc, anchor);
  if (isCollection(value) && !(Array.isArray(value) && value.length === 0)) {
    const lines = blockYaml(value, indent + '  ');
    return { start: at, end: at, newText: `${nl}${indent}${keyYaml(key)}:${nl}${lines.join(nl)}` };
  }
  return { start: at, end: at, newText: `${nl}${indent}${keyYaml(key)}: ${inlineYaml(value)}` };
}

/**
 * Sets the value at `path` under `map`: replaces an existing scalar, fills an empty key, or
 * inserts the missing keys. An object value merges key by key into an existing map.
 */
export function setIn(doc: ManifestDocument, map: YAMLMap, path: readonly string[], value: Plain): TextEdit[] {
  const [key, ...rest] = path;
  if (key === undefined) return [];
  const pair = pairOf(map, key);
  const nested = rest.length === 0 ? value : rest.reduceRight<Plain>((acc, k) => ({ [k]: acc }), value);
  if (!pair) return [insertPair(doc, map, key, nested)];
  const current = pair.value as Node | null;
  if (isMap(current) && (rest.length > 0 || (isCollection(value) && !Array.isArray(value)))) {
    if (rest.length > 0) return setIn(doc, current, rest, value);
    // An empty flow map (`{}`) takes the whole value at once: separate inserts would need commas between them.
    if (current.flow && current.items.length === 0 && /^\{\s*\}$/.test(doc.text.slice(current.range![0], current.range![1])))
      return [replaceNode(current, value)];
    return mergeInserts(Object.entries(value as Record<string, Plain>).flatMap(([k, v]) => setIn(doc, current, [k], v)));
  }
  if (!current || (isScalar(current) && (current.value === null || current.value === undefined) && current.range![0] === current.range![1])) {
    // `key:` with nothing after it: write the value after the colon.
    const keyNode = pair.key as Node;
    const at = doc.lines.lineEnd(doc.lines.positionAt(keyNode.range![1]).line);
    const colon = doc.text.indexOf(':', keyNode.range![1]);
    if (isCollection(nested)) {
      const indent = ' '.repeat(columnOf(doc, keyNode.range![0]) + 2);
      const nl = lineBreak(doc);
      return [{ start: at, end: at, newText: nl + blockYaml(nested, indent).join(nl) }];
    }
    const start = colon >= 0 && colon < at ? colon + 1 : at;
    return [{ start, end: start, newText: ` ${inlineYaml(nested)}` }];
  }
  return [{ start: current.range![0], end: current.range![1], newText: inlineYaml(nested) }];
}

/** Appends an item to the list at `key` of `map`, creating the key when missing. */
export function appendToSeq(doc: ManifestDocument, map: YAMLMap, key: string, item: Plain): TextEdit {
  const pair = pairOf(map, key);
  const seq = pair?.value as YAMLSeq | null | undefined;
  if (!pair || !isSeq(seq)) {
    if (pair && seq && !(isScalar(seq) && seq.value === null)) {
      // A single value where a list belongs (`via: bus`): keep it as the first item.
      const existing = isScalar(seq) ? [seq.toJSON() as Plain] : [];
      return { start: (seq as Node).range![0], end: (seq as Node).range![1], newText: inlineYaml([...existing, item]) };
    }
    if (pair) return setIn(doc, map, [key], [item])[0]!;
    return insertPair(doc, map, key, [item]);
  }
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow || !last) {
    const { at, separator, after } = flowInsertPoint(doc, seq);
    return { start: at, end: at, newText: `${seq.items.length ? separator : ''}${inlineYaml(item)}${after ?? ''}` };
  }
  const nl = lineBreak(doc);
  const indent = ' '.repeat(columnOf(doc, seq.range![0]));
  const at = endOfLastLine(doc, last);
  if (isCollection(item)) {
    const lines = blockYaml(item, '');
    const text = lines.map((line, i) => indent + (i === 0 ? '- ' : '  ') + line).join(nl);
    return { start: at, end: at, newText: nl + text };
  }
  return { start: at, end: at, newText: `${nl}${indent}- ${inlineYaml(item)}` };
}

/** Joins insertions at the same offset into one edit, keeping their order. */
export function mergeInserts(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const prev = out[out.length - 1];
    if (prev && prev.start === prev.end && e.start === e.end && prev.start === e.start) prev.newText += e.newText;
    else out.push({ ...e });
  }
  return out;
}

export function replaceNode(node: Node, newValue: Plain): TextEdit {
  return { start: node.range![0], end: node.range![1], newText: inlineYaml(newValue) };
}

export function mapAt(root: unknown, path: readonly PathSegment[]): YAMLMap | undefined {
  let node: unknown = root;
  for (const s of path) node = typeof s === 'number' ? (isSeq(node) ? node.items[s] : undefined) : (pairOf(node, s)?.value ?? undefined);
  return asMap(node);
}
