/**
 * What the cursor stands on, worked out from the text line by line: the keys of the
 * enclosing lines (by indentation) give the path, the current line says whether a key, a
 * value or a list item is being typed. Inside a flow collection (`- { id: erp, kind: | }`,
 * `via: [bus, | ]`, perhaps over several lines) the brackets say it instead (flow.ts), from
 * the line the collection starts on. This works on a half-written document whose YAML
 * tree is broken, and costs one pass over the lines above the cursor at most.
 */
import type { ManifestDocument } from '../../document/manifestDocument';
import type { Span } from '../../document/range';
import { besideFlow, flowAt, type FlowCollection, type FlowEntry, type FlowPosition } from './flow';
import { indentOf, isBlockScalarHeader, lineInfo, topListKeyLine, type LineInfo } from './lines';
import { ITEM, schemaAt, typeOf } from './schema';

export type ContextKind = 'key' | 'value' | 'listItem';

export interface CursorContext {
  kind: ContextKind;
  /** Keys and ITEM from the root to the map that holds the key, value or list at the cursor. */
  path: string[];
  /** 'value': the key whose value is at the cursor; 'listItem': the key whose list it is; 'key': the key under the cursor, when written. */
  key?: string;
  /** The token at the cursor (empty when nothing is typed yet): what completion replaces and hover describes. */
  range: Span;
  /** The token's text up to the cursor. */
  typed: string;
  /** Keys already written in the map at the cursor, with their inline values; the key being typed is left out. */
  siblings: Map<string, string>;
  /** The other items of the list at the cursor ('listItem'). */
  listItems: string[];
  /** The cursor starts a new item of a list (a `- ` line, or where its dash goes). */
  newItem: boolean;
  /** Text inserted here must begin with `- `. */
  needsDash: boolean;
  /** 'key': the colon is already written, insert the name only. */
  hasColon: boolean;
  /** Text inserted here must begin with a space (the cursor follows `:` or `-` directly). */
  needsSpace: boolean;
  /** Column of the keys of the map at the cursor (of the dash when `needsDash`): where inserted lines start. */
  column: number;
  /** Inside a flow collection (`[...]`, `{...}`): insert single-line text only. */
  flow: boolean;
}

interface Walk {
  path: string[];
  siblings: LineInfo[];
  /** The cursor's column is the dash column of a list (a blank line between or after list items). */
  seqHere: boolean;
  /** The cursor is inside a block scalar (`description: |`). */
  blockScalar: boolean;
}

/**
 * Walks up from `fromLine` to the root. `seq` says whether the level at `col` is a list
 * (its dashes at `col`) or a map (its keys at `col`); `seeds` are the ITEM segments the
 * cursor line itself contributes.
 */
function walkUp(document: ManifestDocument, fromLine: number, start: { seq: boolean; col: number }, seeds: readonly string[]): Walk {
  const reversed: string[] = [...seeds].reverse();
  let { seq, col } = start;
  let first = !seq;
  const siblings: LineInfo[] = [];
  let seqHere = false;
  const enterSeq = (info: LineInfo) => {
    for (let d = 0; d < info.dashes.length; d++) reversed.push(ITEM);
    seq = true;
    col = info.dashes[0]!;
    first = false;
  };
  /** The list column `topListKeyLine` was last asked about: once per list the walk is in. */
  let askedCol = -1;
  for (let l = fromLine - 1; l >= 0; l--) {
    if (!seq && col === 0 && !first) break;
    const indent = indentOf(document, l);
    if (indent < 0 || indent > col) continue;
    if (seq && indent === col && isDashAt(document, l, indent)) {
      // Another item of the list; when the list is a top-level key's value, go straight to that key.
      if (col !== askedCol) {
        askedCol = col;
        const keyLine = topListKeyLine(document, l, col);
        if (keyLine !== undefined && keyLine < l) l = keyLine + 1;
      }
      continue;
    }
    const info = lineInfo(document, l);
    if (info.blank) continue;
    if (seq) {
      if (info.dashes.length > 0 && info.dashes[0] === col) continue; // another item of the list
      if (info.key && info.contentCol <= col) {
        reversed.push(info.key.name);
        if (info.dashes.length > 0) enterSeq(info);
        else {
          seq = false;
          col = info.contentCol;
        }
      } else if (info.dashes.length > 0 && info.dashes[0]! < col && info.content.start === info.content.end) enterSeq(info);
      continue;
    }
    if (info.key && info.contentCol === col) {
      if (first) siblings.push(info);
      if (info.dashes.length > 0) enterSeq(info);
      continue;
    }
    if (info.dashes.length > 0 && info.dashes[0] === col) {
      // A list item at the cursor's column: the cursor stands where the next item's dash goes.
      if (first && siblings.length === 0) {
        seqHere = true;
        seq = true;
        first = false;
      }
      continue;
    }
    if (info.contentCol < col) {
      if (info.key) {
        const valueEmpty = info.value!.start === info.value!.end;
        if (isBlockScalarHeader(document, info.value)) return { path: [], siblings, seqHere, blockScalar: true };
        if (valueEmpty) {
          reversed.push(info.key.name);
          if (info.dashes.length > 0) enterSeq(info);
          else {
            col = info.contentCol;
            first = false;
          }
          continue;
        }
        // `key: value` left of the cursor's column: the cursor is one of its siblings, indented too far.
        col = info.contentCol;
        if (first && siblings.length === 0) siblings.push(info);
        if (info.dashes.length > 0) enterSeq(info);
        continue;
      }
      if (info.dashes.length > 0 && info.content.start === info.content.end) enterSeq(info); // a lone `-`: the map is its item
      continue;
    }
    if (info.key && first && siblings.length === 0) {
      // `- key: value` whose content starts right of the cursor: the cursor meant that item's column.
      col = info.contentCol;
      siblings.push(info);
      if (info.dashes.length > 0) enterSeq(info);
    }
  }
  return { path: reversed.reverse(), siblings, seqHere, blockScalar: false };
}

/** Keys of the map whose keys sit at `col`, on the lines after `fromLine`. */
function siblingsBelow(document: ManifestDocument, fromLine: number, col: number): LineInfo[] {
  const result: LineInfo[] = [];
  for (let l = fromLine + 1; l < document.lines.lineCount; l++) {
    const indent = indentOf(document, l);
    if (indent < 0 || indent > col) continue;
    if (indent < col) break;
    if (isDashAt(document, l, indent)) continue;
    const info = lineInfo(document, l);
    if (info.key) result.push(info);
  }
  return result;
}

function isDashAt(document: ManifestDocument, line: number, indent: number): boolean {
  const i = document.lines.lineStart(line) + indent;
  const next = document.text[i + 1];
  return document.text[i] === '-' && (next === ' ' || next === '\t' || next === '\n' || next === '\r' || next === undefined);
}

/** The scalar items of the block list whose dashes sit at `col`, around `line`. */
function blockListItems(document: ManifestDocument, line: number, col: number): string[] {
  const items: string[] = [];
  const take = (info: LineInfo) => {
    if (info.dashes[0] === col && !info.key && info.content.end > info.content.start)
      items.push(unquote(document.text.slice(info.content.start, info.content.end)));
  };
  for (let l = line - 1; l >= 0; l--) {
    const info = lineInfo(document, l);
    if (info.blank) continue;
    if (info.indent < col || (info.indent === col && info.dashes.length === 0)) break;
    take(info);
  }
  for (let l = line + 1; l < document.lines.lineCount; l++) {
    const info = lineInfo(document, l);
    if (info.blank) continue;
    if (info.indent < col || (info.indent === col && info.dashes.length === 0)) break;
    take(info);
  }
  return items;
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}

function siblingMap(document: ManifestDocument, lines: readonly LineInfo[], except?: LineInfo): Map<string, string> {
  const map = new Map<string, string>();
  for (const info of lines)
    if (info !== except && info.key) map.set(info.key.name, unquote(document.text.slice(info.value!.start, info.value!.end)));
  return map;
}

/** Where the cursor is, or undefined where nothing can be completed or described (a comment, a block scalar). */
export function cursorContext(document: ManifestDocument, offset: number): CursorContext | undefined {
  const text = document.text;
  offset = Math.max(0, Math.min(offset, text.length));
  const { line, character } = document.lines.positionAt(offset);
  const info = lineInfo(document, line);
  if (offset > info.content.end && text.slice(info.content.end, offset).includes('#')) return undefined;
  // Inside a flow collection (`{ ... }`, `[ ... ]`), which may have started on a line above.
  const flow = flowAt(document, offset, line);
  if (flow) return flowContext(document, flow, offset);
  if (besideFlow(document, offset, info)) return undefined;
  const before = offset > info.start ? text[offset - 1] : '';
  const needsSpace = before === ':' || before === '-';

  const base = {
    typed: '',
    listItems: [] as string[],
    newItem: false,
    needsDash: false,
    hasColon: false,
    needsSpace: false,
    flow: false,
  };

  // A blank line: the cursor's column says which map (or list) it is in.
  if (info.blank) {
    const col = character;
    const walk = walkUp(document, line, { seq: false, col }, []);
    if (walk.blockScalar) return undefined;
    const range = { start: offset, end: offset };
    const listHere = walk.seqHere || typeOf(schemaAt(walk.path)) === 'array';
    if (listHere) return listPosition(document, walk.path, { ...base, range, needsDash: true, column: col }, line, col);
    const siblings = [...walk.siblings, ...siblingsBelow(document, line, col)];
    return { ...base, kind: 'key', path: walk.path, range, siblings: siblingMap(document, siblings), column: col };
  }

  if (character < info.contentCol && !(info.dashes.length > 0 && character > info.dashes[info.dashes.length - 1]!)) return undefined;

  // A line that starts with dashes: a new list item, or a key of the map that item starts.
  const seeds = info.dashes.map(() => ITEM);
  const walk = info.dashes.length > 0 ? walkUp(document, line, { seq: true, col: info.dashes[0]! }, seeds) : walkUp(document, line, { seq: false, col: info.contentCol }, []);
  if (walk.blockScalar) return undefined;
  const below = siblingsBelow(document, line, info.contentCol);
  const word: Span = offset >= info.content.start ? info.content : { start: offset, end: offset };

  if (!info.key) {
    if (info.dashes.length > 0) {
      const listPath = walk.path.slice(0, -1);
      return listPosition(document, listPath, { ...base, range: word, typed: text.slice(word.start, offset), needsSpace, column: info.contentCol, newItem: true }, line, info.dashes.at(-1)!, below);
    }
    const siblings = [...walk.siblings, ...below];
    return { ...base, kind: 'key', path: walk.path, range: word, typed: text.slice(word.start, offset), siblings: siblingMap(document, siblings), column: info.contentCol };
  }

  const mapPath = walk.path;
  const siblingLines = [...walk.siblings, ...below, info];
  if (offset <= info.key.span.end) {
    // On the key itself.
    return {
      ...base,
      kind: 'key',
      path: mapPath,
      key: info.key.name,
      range: info.key.span,
      typed: text.slice(info.key.span.start, offset),
      hasColon: true,
      siblings: siblingMap(document, siblingLines, info),
      column: info.contentCol,
    };
  }
  const value = info.value!;
  if (isBlockScalarHeader(document, value)) return undefined;
  const siblings = siblingMap(document, siblingLines, info);
  const common = { ...base, siblings, column: info.contentCol, needsSpace: offset === value.start && needsSpace };
  let { start, end } = value.start === value.end ? { start: offset, end: offset } : value;
  if (/^["']/.test(text[start] ?? '')) {
    start++;
    if (end > start && text[end - 1] === text[start - 1]) end--;
  }
  return { ...common, kind: 'value', path: mapPath, key: info.key.name, range: { start, end: Math.max(end, offset) }, typed: text.slice(start, offset) };
}

/** The block position a flow collection's host line gives it: the path of the collection, and the keys beside it in its block map. */
function hostContext(document: ManifestDocument, info: LineInfo): { path: string[]; siblings: Map<string, string> } | undefined {
  const walk =
    info.dashes.length > 0
      ? walkUp(document, info.line, { seq: true, col: info.dashes[0]! }, info.dashes.map(() => ITEM))
      : walkUp(document, info.line, { seq: false, col: info.contentCol }, []);
  if (walk.blockScalar) return undefined;
  if (!info.key) return { path: walk.path, siblings: new Map() };
  const lines = [...walk.siblings, ...siblingsBelow(document, info.line, info.contentCol), info];
  return { path: [...walk.path, info.key.name], siblings: siblingMap(document, lines, info) };
}

/** The keys written in a flow map, with their values, leaving out the entry `except`. */
function flowSiblings(text: string, map: FlowCollection, except: FlowEntry | undefined): Map<string, string> {
  const result = new Map<string, string>();
  for (const e of map.entries) if (e !== except && e.key) result.set(e.key.name, unquote(text.slice(e.value!.start, e.value!.end)));
  return result;
}

/**
 * The token at the cursor as an edit range on the cursor's line: `span` when the cursor is in
 * it or in the blanks just before it on the same line, the cursor alone when nothing is written.
 */
function tokenRange(document: ManifestDocument, span: Span, offset: number, unquoted: boolean): Span {
  const lines = document.lines;
  const line = lines.positionAt(offset).line;
  if (span.start === span.end || lines.positionAt(span.start).line !== line) return { start: offset, end: offset };
  let { start } = span;
  let end = Math.min(span.end, lines.lineEnd(line));
  const text = document.text;
  if (unquoted && /^["']/.test(text[start] ?? '')) {
    start++;
    if (end > start && text[end - 1] === text[start - 1]) end--;
  }
  return { start, end: Math.max(end, offset) };
}

/** What the cursor stands on inside a flow collection: a key or a value of a flow map, or an item of a flow sequence. */
function flowContext(document: ManifestDocument, flow: FlowPosition, offset: number): CursorContext | undefined {
  const text = document.text;
  const { host, frames, via, entry } = flow;
  const hostAt = hostContext(document, host);
  if (!hostAt) return undefined;
  const container = [...hostAt.path];
  for (let i = 1; i < frames.length; i++) container.push(frames[i - 1]!.open === '[' ? ITEM : (via[i - 1]!.key?.name ?? ''));
  const inner = frames.at(-1)!;
  const base = { typed: '', listItems: [] as string[], newItem: false, needsDash: false, hasColon: false, needsSpace: false, column: host.contentCol, flow: true };
  const at = (range: Span) => ({ range, typed: range.start <= offset ? text.slice(range.start, offset) : '' });

  if (inner.open === '[') {
    // The cursor on a nested collection's bracket, or after it: nothing to complete there.
    if (entry.child) return undefined;
    const parent = frames.at(-2);
    const siblings = parent?.open === '{' ? flowSiblings(text, parent, via.at(-1)) : frames.length === 1 ? hostAt.siblings : new Map<string, string>();
    const listItems = inner.entries.filter((e) => e !== entry && !e.child && e.token.end > e.token.start).map((e) => unquote(text.slice(e.token.start, e.token.end)));
    return { ...base, kind: 'listItem', path: container.slice(0, -1), key: container.at(-1)!, ...at(tokenRange(document, entry.token, offset, true)), siblings, listItems };
  }

  const siblings = flowSiblings(text, inner, entry);
  if (entry.colon !== undefined && offset > entry.colon) {
    if (entry.child || !entry.key) return undefined;
    const range = tokenRange(document, entry.value!, offset, true);
    return { ...base, kind: 'value', path: container, key: entry.key.name, ...at(range), siblings, needsSpace: range.start >= offset && text[offset - 1] === ':' };
  }
  if (entry.key) {
    // On a written key (or in the blanks before it): rename it; between the key and its colon there is nothing to offer.
    if (offset > entry.key.span.end) return undefined;
    const range = tokenRange(document, entry.key.span, offset, false);
    return { ...base, kind: 'key', path: container, key: entry.key.name, ...at(range), siblings, hasColon: true };
  }
  return { ...base, kind: 'key', path: container, ...at(tokenRange(document, entry.token, offset, false)), siblings };
}

/** The cursor starts (or is in) an item of the list at `listPath`: keys of a new map item, or a scalar item. */
function listPosition(
  document: ManifestDocument,
  listPath: string[],
  partial: Omit<CursorContext, 'kind' | 'path' | 'siblings'>,
  line: number,
  dashCol: number,
  below: LineInfo[] = [],
): CursorContext {
  const itemPath = [...listPath, ITEM];
  if (typeOf(schemaAt(itemPath)) === 'object')
    return { ...partial, kind: 'key', path: itemPath, newItem: true, siblings: siblingMap(document, below) };
  return {
    ...partial,
    kind: 'listItem',
    path: listPath.slice(0, -1),
    key: listPath.at(-1) ?? '',
    newItem: true,
    siblings: listOwnerSiblings(document, line, dashCol, listPath.at(-1)),
    listItems: blockListItems(document, line, dashCol),
  };
}

/**
 * The keys beside the key that owns the block list whose dashes sit at `dashCol` (for `via`:
 * the integration's `from` and `to`), as a flow sequence at that key would see them.
 */
function listOwnerSiblings(document: ManifestDocument, line: number, dashCol: number, key: string | undefined): Map<string, string> {
  for (let l = line - 1; l >= 0; l--) {
    const indent = indentOf(document, l);
    if (indent < 0 || indent > dashCol || (indent === dashCol && isDashAt(document, l, indent))) continue;
    const info = lineInfo(document, l);
    // No owning key (a list at the top), another key, or a key with an inline value: no siblings.
    if (!info.key || info.key.name !== key || !info.value || info.value.start !== info.value.end) return new Map();
    const walk =
      info.dashes.length > 0
        ? walkUp(document, l, { seq: true, col: info.dashes[0]! }, info.dashes.map(() => ITEM))
        : walkUp(document, l, { seq: false, col: info.contentCol }, []);
    return siblingMap(document, [...walk.siblings, ...siblingsBelow(document, l, info.contentCol), info], info);
  }
  return new Map();
}
