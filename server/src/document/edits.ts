/**
 * Minimal text edits on a manifest that keep every comment and all formatting outside the
 * edited node. Quick fixes are built from these: they insert or replace the few characters
 * a fix needs instead of re-serializing the document.
 *
 * Two promises, each proved over generated layouts by test/unit/fixSafety.test.ts:
 * - An edit never lands inside a comment or a block scalar's content: a new entry of a flow
 *   collection goes right after its last entry (before any comment and the closing bracket),
 *   a new line of a block collection after the last line of its last entry, and after the
 *   trailing blank lines of a block scalar that keeps them (`|+`, `>+`: they are content).
 * - An alias is never overwritten with a literal. A value reached through an alias (`*sec`) is
 *   edited where its anchor (`&sec`) is, and each edit remembers the node it writes into
 *   (`editTarget`), so that `sharedEdit` can tell a fix that would change a shared anchor;
 *   it may only when its edit is marked right for every user of the anchor (`forEveryUser`).
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, stringify, type Alias, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { aliasTarget, type SharedAnchor } from './aliases';
import type { ManifestDocument } from './manifestDocument';
import { asMap, asSeq, pairOf, type PathSegment } from './nodes';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

type Plain = string | number | boolean | null | readonly Plain[] | { readonly [key: string]: Plain };

/** The node each edit made here writes into (a map or list it inserts into) or replaces. */
const TARGETS = new WeakMap<TextEdit, Node>();

function targeted<E extends TextEdit>(edit: E, node: Node): E {
  TARGETS.set(edit, node);
  return edit;
}

/** The node an edit made by these helpers writes into or replaces; undefined for an edit made elsewhere. */
export function editTarget(edit: TextEdit): Node | undefined {
  return TARGETS.get(edit);
}

/** Edits whose value is right for every item that shares an anchor they change (`forEveryUser`). */
const FOR_EVERY_USER = new WeakSet<TextEdit>();

/**
 * Marks edits as right for every item that shares an anchored node they may change: what they
 * write is what the guidance asks of every integration, whatever else differs between them
 * (TLS 1.2, authentication, Key Vault, dead-lettering, alerts, auditing, a corrected typo).
 * Unmarked, an edit that would change a shared anchor keeps its fix from being offered
 * (rules/helpers.ts, `refusedShared`). See CONTRIBUTING.md, "Add a rule".
 */
export function forEveryUser<T extends TextEdit | TextEdit[]>(edits: T): T {
  for (const edit of ([] as TextEdit[]).concat(edits)) FOR_EVERY_USER.add(edit);
  return edits;
}

export function isForEveryUser(edit: TextEdit): boolean {
  return FOR_EVERY_USER.has(edit);
}

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

function isCollectionValue(value: Plain): value is readonly Plain[] | { readonly [key: string]: Plain } {
  return typeof value === 'object' && value !== null;
}

function columnOf(doc: ManifestDocument, offset: number): number {
  return doc.lines.positionAt(offset).character;
}

export function lineBreak(doc: ManifestDocument): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}

/** A map key as YAML: plain when it is a simple name, else quoted. */
function keyYaml(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : inlineYaml(key);
}

/** The last node written in a block collection, going down through its last entries (a flow collection or a scalar ends the descent). */
function lastLeaf(node: Node): Node {
  let n: Node = node;
  for (;;) {
    if (!isCollection(n) || n.flow || n.items.length === 0) return n;
    const last = n.items[n.items.length - 1];
    const next = isPair(last) ? ((last.value as Node | null)?.range ? (last.value as Node) : (last.key as Node)) : (last as Node);
    if (!next?.range) return n;
    n = next;
  }
}

/** A block scalar whose header keeps its trailing line breaks (`|+`, `>+`, `|2+`): its blank lines after the text are content. */
function keepsTrailingLines(doc: ManifestDocument, node: Node): boolean {
  if (!isScalar(node) || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') || !node.range) return false;
  const header = /^[|>](?:[1-9][+-]?|[+-][1-9]?)?/.exec(doc.text.slice(node.range[0], node.range[0] + 4))?.[0] ?? '';
  return header.includes('+');
}

/**
 * An edit that writes `lines` as new lines just after `node` (a block collection's last entry,
 * or a top-level value): at the end of its last line, after a comment on that line. When it
 * ends in a block scalar that keeps its trailing blank lines (`|+`, `>+`: they are content),
 * the lines go after those, so its value stays what it was. (A block scalar that ends the
 * document without a line break reads as if it had one: a new line after it changes nothing.)
 */
export function insertLinesAfter(doc: ManifestDocument, node: Node, lines: readonly string[]): TextEdit {
  const nl = lineBreak(doc);
  const text = doc.text;
  const leaf = lastLeaf(node);
  if (keepsTrailingLines(doc, leaf)) {
    const end = leaf.range![1];
    // The scalar's range ends at the start of the line after its last kept line break.
    if (end > 0 && text[end - 1] === '\n') return { start: end, end, newText: lines.join(nl) + nl };
    return { start: end, end, newText: nl + lines.join(nl) };
  }
  let end = node.range![1];
  while (end > node.range![0] && /\s/.test(text[end - 1]!)) end--;
  const at = doc.lines.lineEnd(doc.lines.positionAt(end).line);
  return { start: at, end: at, newText: nl + lines.join(nl) };
}

/** The end of a node's text, before the white space and line breaks its range may take in (a block scalar's, a block collection's). */
function contentEnd(doc: ManifestDocument, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && /\s/.test(doc.text[end - 1]!)) end--;
  return end;
}

/** An edit that writes `value` in place of `node`, up to the end of its text (the line break after a block value stays). */
function replacing(doc: ManifestDocument, node: Node, newText: string): TextEdit {
  return targeted({ start: node.range![0], end: contentEnd(doc, node), newText }, node);
}

/** Where an entry of a flow collection ends: its value, or its key when it has no value. */
function entryEnd(entry: unknown): number {
  if (isPair(entry)) return Math.max((entry.key as Node | null)?.range?.[1] ?? 0, (entry.value as Node | null)?.range?.[1] ?? 0);
  return (entry as Node).range![1];
}

/** The first offset from `at` that is neither white space nor inside a comment, before `limit`. */
function nextSignificant(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit) {
    const c = text[i]!;
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < limit && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (/\s/.test(c)) i++;
    else return i;
  }
  return limit;
}

/**
 * Where new entries go in a flow collection, and what to write before and after them: right
 * after its last entry (after a trailing comma when it has one), so never inside a comment
 * that follows an entry or stands before the closing bracket; in an empty collection, right
 * after the opening bracket (`empty`: the caller pads it). In a collection left unclosed
 * (`[a, b` with the document going on) the entries go first, just after the opening bracket,
 * with what must follow them: its end is not a place to insert, it may be inside a comment.
 */
function flowInsertPoint(doc: ManifestDocument, node: YAMLMap | YAMLSeq): { at: number; before: string; after: string; empty: boolean } {
  const text = doc.text;
  const [start, end] = node.range!;
  const open = text[start];
  const close = open === '[' ? ']' : open === '{' ? '}' : undefined;
  if (!close || text[end - 1] !== close) return { at: close ? start + 1 : start, before: '', after: node.items.length ? ', ' : ' ', empty: false };
  if (node.items.length === 0) return { at: start + 1, before: '', after: '', empty: true };
  const last = entryEnd(node.items[node.items.length - 1]);
  const next = nextSignificant(text, last, end - 1);
  if (text[next] === ',') return { at: next + 1, before: ' ', after: '', empty: false };
  return { at: last, before: ', ', after: '', empty: false };
}

/** Inserts `key: value` into a map (block or flow). */
export function insertPair(doc: ManifestDocument, map: YAMLMap, key: string, value: Plain): TextEdit {
  return insertPairs(doc, map, [[key, value]]);
}

/** Inserts several `key: value` entries into a map (block or flow), as one edit. */
export function insertPairs(doc: ManifestDocument, map: YAMLMap, entries: readonly (readonly [string, Plain])[]): TextEdit {
  const last = map.items[map.items.length - 1];
  if (map.flow || !last) {
    const { at, before, after, empty } = flowInsertPoint(doc, map);
    const written = entries.map(([k, v]) => `${keyYaml(k)}: ${inlineYaml(v)}`).join(', ');
    // `{}` becomes `{ key: value }`; in `{ # note` the entry goes before the space that parts it from the comment.
    if (empty) return targeted({ start: at, end: at, newText: ` ${written}${doc.text[at] === '}' ? ' ' : ''}` }, map);
    return targeted({ start: at, end: at, newText: `${before}${written}${after}` }, map);
  }
  const indent = ' '.repeat(columnOf(doc, (last.key as Node).range![0]));
  const anchor = (last.value as Node | null)?.range ? (last.value as Node) : (last.key as Node);
  const lines = entries.flatMap(([k, v]) =>
    isCollectionValue(v) && !(Array.isArray(v) && v.length === 0) ? [`${indent}${keyYaml(k)}:`, ...blockYaml(v, indent + '  ')] : [`${indent}${keyYaml(k)}: ${inlineYaml(v)}`],
  );
  return targeted(insertLinesAfter(doc, anchor, lines), map);
}

/** An alias followed to its anchored node, or undefined when it cannot be edited there: no node, or an empty one (nothing to write into). */
function editableTarget(alias: Alias): Node | undefined {
  const target = aliasTarget(alias);
  if (!target?.range) return undefined;
  if (isScalar(target) && target.range[0] === target.range[1]) return undefined;
  return target;
}

/**
 * An edit that would write `value` over an alias. Never applied: `sharedEdit` recognizes it
 * (it overwrites an alias), and the fix that holds it is not offered. Made only where the
 * anchored node cannot take the value (an alias that cannot be followed, an empty anchored node).
 */
function overAlias(alias: Alias, value: Plain): TextEdit {
  return targeted({ start: alias.range![0], end: alias.range![1], newText: inlineYaml(value) }, alias);
}

/**
 * Sets the value at `path` under `map`: replaces an existing scalar, fills an empty key, or
 * inserts the missing keys. An object value merges key by key into an existing map. A value
 * reached through an alias is set in the anchored node (`sharedEdit` tells).
 */
export function setIn(doc: ManifestDocument, map: YAMLMap, path: readonly string[], value: Plain): TextEdit[] {
  const [key, ...rest] = path;
  if (key === undefined) return [];
  const pair = pairOf(map, key);
  const nested = rest.length === 0 ? value : rest.reduceRight<Plain>((acc, k) => ({ [k]: acc }), value);
  if (!pair) return [insertPair(doc, map, key, nested)];
  const written = pair.value as Node | null;
  let current: Node | null | undefined = written;
  if (isAlias(written)) {
    current = editableTarget(written);
    if (!current) return [overAlias(written, nested)];
  }
  if (isMap(current) && (rest.length > 0 || (isCollectionValue(value) && !Array.isArray(value)))) {
    if (rest.length > 0) return setIn(doc, current, rest, value);
    const entries = Object.entries(value as Record<string, Plain>);
    // An empty flow map (`{}`) takes the whole value at once.
    if (current.flow && current.items.length === 0 && /^\{\s*\}$/.test(doc.text.slice(current.range![0], current.range![1])))
      return [replacing(doc, current, inlineYaml(value))];
    // Keys it has are set one by one; the keys it lacks go in as one edit (a flow map needs commas between them).
    const missing = entries.filter(([k]) => !pairOf(current, k));
    const edits = entries.filter(([k]) => pairOf(current, k)).flatMap(([k, v]) => setIn(doc, current, [k], v));
    return missing.length ? [...edits, insertPairs(doc, current, missing)] : edits;
  }
  if (!current || (isScalar(current) && (current.value === null || current.value === undefined) && current.range![0] === current.range![1])) {
    // `key:` with nothing after it: write the value after the colon.
    const keyNode = pair.key as Node;
    const at = doc.lines.lineEnd(doc.lines.positionAt(keyNode.range![1]).line);
    const colon = doc.text.indexOf(':', keyNode.range![1]);
    if (isCollectionValue(nested)) {
      const indent = ' '.repeat(columnOf(doc, keyNode.range![0]) + 2);
      const nl = lineBreak(doc);
      return [targeted({ start: at, end: at, newText: nl + blockYaml(nested, indent).join(nl) }, map)];
    }
    const start = colon >= 0 && colon < at ? colon + 1 : at;
    return [targeted({ start, end: start, newText: ` ${inlineYaml(nested)}` }, map)];
  }
  return [replacing(doc, current, inlineYaml(nested))];
}

/** Appends an item to the list at `key` of `map`, creating the key when missing. A list reached through an alias is appended to where its anchor is. */
export function appendToSeq(doc: ManifestDocument, map: YAMLMap, key: string, item: Plain): TextEdit {
  const pair = pairOf(map, key);
  const written = pair?.value as Node | null | undefined;
  let seq: Node | null | undefined = written;
  if (isAlias(written)) {
    seq = editableTarget(written);
    if (!seq) return overAlias(written, [item]);
  }
  if (!pair || !isSeq(seq)) {
    if (pair && seq && !(isScalar(seq) && seq.value === null)) {
      // A single value where a list belongs (`via: bus`): keep it as the first item.
      const existing = isScalar(seq) ? [seq.toJSON() as Plain] : [];
      return replacing(doc, seq, inlineYaml([...existing, item]));
    }
    if (pair) return setIn(doc, map, [key], [item])[0]!;
    return insertPair(doc, map, key, [item]);
  }
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow || !last) {
    const { at, before, after, empty } = flowInsertPoint(doc, seq);
    return targeted({ start: at, end: at, newText: `${empty ? '' : before}${inlineYaml(item)}${after}` }, seq);
  }
  const indent = ' '.repeat(columnOf(doc, seq.range![0]));
  const lines = isCollectionValue(item) ? blockYaml(item, '').map((line, i) => indent + (i === 0 ? '- ' : '  ') + line) : [`${indent}- ${inlineYaml(item)}`];
  return targeted(insertLinesAfter(doc, last, lines), seq);
}

/**
 * The edits of one fix, with the insertions that share an offset put in the order their text
 * must have: an entry of an inner collection before one of the collection that holds it
 * (`deadLetter: true` into `errorHandling`, the last key of an integration, before a new key
 * of the integration, inserted at the same line end). Edits from separate helper calls come in
 * the order the fix made them; an editor applies same-offset insertions in the order given.
 */
export function orderInserts(edits: readonly TextEdit[]): TextEdit[] {
  const out = [...edits];
  const groups = new Map<number, number[]>();
  out.forEach((e, i) => {
    if (e.start === e.end) groups.set(e.start, [...(groups.get(e.start) ?? []), i]);
  });
  const size = (e: TextEdit) => {
    const range = editTarget(e)?.range;
    return range ? range[1] - range[0] : Infinity;
  };
  for (const slots of groups.values()) {
    if (slots.length < 2) continue;
    const sorted = slots.map((i) => out[i]!).sort((a, b) => size(a) - size(b));
    slots.forEach((slot, k) => (out[slot] = sorted[k]!));
  }
  return out;
}

/** Joins insertions at the same offset into one edit, keeping their order (and what they write into). */
export function mergeInserts(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const prev = out[out.length - 1];
    if (prev && prev.start === prev.end && e.start === e.end && prev.start === e.start) prev.newText += e.newText;
    else {
      const copy = { ...e };
      const target = editTarget(e);
      if (isForEveryUser(e)) forEveryUser(copy);
      out.push(target ? targeted(copy, target) : copy);
    }
  }
  return out;
}

export function mapAt(root: unknown, path: readonly PathSegment[]): YAMLMap | undefined {
  let node: unknown = root;
  for (const s of path) node = typeof s === 'number' ? asSeq(node)?.items[s] : (pairOf(node, s)?.value ?? undefined);
  return asMap(node);
}

// ---- shared anchors ------------------------------------------------------------------------

/** What an edit would do to the document's anchors and aliases, when it touches one. */
export type SharedEdit =
  /** It writes into (or replaces part of) an anchored node that aliases stand for: every alias would change with it. */
  | { kind: 'anchor'; anchor: SharedAnchor }
  /** It writes over an alias (with a literal, or into its `*name`). Never done. */
  | { kind: 'alias'; alias: Alias; anchor: SharedAnchor | undefined };

function within(inner: readonly number[], outer: readonly number[]): boolean {
  return outer[0]! <= inner[0]! && inner[1]! <= outer[1]!;
}

/**
 * Whether `edit` touches what aliases share: an alias (overwritten, or written into) or an
 * anchored node some alias stands for (written into, or partly replaced). An edit made by the
 * helpers here is judged by the node it writes into (`editTarget`), so a new entry after an
 * anchored value, in the map that holds it, is not taken for a change of that value; another
 * edit by its offsets (an insertion counts only strictly inside the anchored node's text).
 */
export function sharedEdit(doc: ManifestDocument, edit: TextEdit): SharedEdit | undefined {
  const { shared, problems } = doc.aliases;
  if (shared.length === 0 && problems.length === 0) return undefined;
  const insertion = edit.start === edit.end;
  const overlaps = (start: number, end: number) => (insertion ? edit.start > start && edit.start < end : edit.start < end && edit.end > start);
  for (const anchor of shared)
    for (const alias of anchor.aliases) if (alias.range && overlaps(alias.range[0], alias.range[1])) return { kind: 'alias', alias, anchor };
  for (const { alias } of problems) if (alias.range && overlaps(alias.range[0], alias.range[1])) return { kind: 'alias', alias, anchor: undefined };
  const target = editTarget(edit);
  for (const anchor of shared) {
    const range = anchor.node.range;
    if (!range) continue;
    const touched = insertion && target?.range ? within(target.range, range) : overlaps(range[0], insertion ? contentEnd(doc, anchor.node) : range[1]);
    if (touched) return { kind: 'anchor', anchor };
  }
  return undefined;
}
