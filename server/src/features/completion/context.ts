/**
 * What the cursor stands on, worked out from the text line by line: the keys of the
 * enclosing lines (by indentation) give the path, the current line says whether a key, a
 * value or a list item is being typed. This works on a half-written document whose YAML
 * tree is broken, and costs one pass over the lines above the cursor at most.
 */
import type { ManifestDocument } from '../../document/manifestDocument';
import type { Span } from '../../document/range';
import { indentOf, isBlockScalarHeader, lineInfo, type LineInfo } from './lines';
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
  for (let l = fromLine - 1; l >= 0; l--) {
    if (!seq && col === 0 && !first) break;
    const indent = indentOf(document, l);
    if (indent < 0 || indent > col) continue;
    if (seq && indent === col && isDashAt(document, l, indent)) continue; // another item of the list
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
  const flow = scanFlow(text, value.start, offset);
  if (flow.frames.length === 0) {
    let { start, end } = value.start === value.end ? { start: offset, end: offset } : value;
    if (/^["']/.test(text[start] ?? '')) {
      start++;
      if (end > start && text[end - 1] === text[start - 1]) end--;
    }
    return { ...common, kind: 'value', path: mapPath, key: info.key.name, range: { start, end: Math.max(end, offset) }, typed: text.slice(start, offset) };
  }

  // Inside a flow collection on this line.
  const container = [...mapPath, info.key.name];
  for (let i = 0; i < flow.frames.length - 1; i++) container.push(flow.frames[i]!.open === '[' ? ITEM : (flow.frames[i + 1]!.key ?? ''));
  const inner = flow.frames.at(-1)!;
  const entryEnd = endOfEntry(text, offset, value.end);
  if (inner.open === '[') {
    const start = skipSpaces(text, flow.entryStart, offset);
    const range = { start, end: Math.max(entryEnd, offset) };
    const items = flowEntries(text, inner.at + 1, value.end).filter((e) => e.start !== start);
    return {
      ...common,
      kind: 'listItem',
      path: container.slice(0, -1),
      key: container.at(-1)!,
      range,
      typed: text.slice(start, offset),
      listItems: items.map((e) => unquote(text.slice(e.start, e.end))),
      flow: true,
      needsSpace: false,
    };
  }
  const entries = flowEntries(text, inner.at + 1, value.end);
  const flowKeys = new Map<string, string>();
  for (const e of entries) {
    const m = /^([^:\s]+)\s*:\s*(.*)$/.exec(text.slice(e.start, e.end));
    if (m && !(offset >= e.start && offset <= e.end)) flowKeys.set(m[1]!, m[2]!);
  }
  if (flow.entryKey === undefined) {
    const start = skipSpaces(text, flow.entryStart, offset);
    return { ...common, kind: 'key', path: container, range: { start, end: Math.max(wordEnd(text, offset, value.end), offset) }, typed: text.slice(start, offset), siblings: flowKeys, flow: true, needsSpace: false };
  }
  const start = skipSpaces(text, flow.valueStart, offset);
  return {
    ...common,
    kind: 'value',
    path: container,
    key: flow.entryKey,
    range: { start, end: Math.max(entryEnd, offset) },
    typed: text.slice(start, offset),
    siblings: flowKeys,
    flow: true,
    needsSpace: start === offset && text[offset - 1] === ':',
  };
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
    siblings: new Map(),
    listItems: blockListItems(document, line, dashCol),
  };
}

interface Frame {
  open: '[' | '{';
  /** Offset of the bracket. */
  at: number;
  /** The flow-map key whose value this collection is. */
  key?: string;
}

/** The flow collections open at `to`, scanning a value from `from`; and the entry the cursor is in. */
function scanFlow(text: string, from: number, to: number): { frames: Frame[]; entryStart: number; entryKey?: string; valueStart: number } {
  const frames: Frame[] = [];
  let entryStart = from;
  let entryKey: string | undefined;
  let valueStart = from;
  let quote = '';
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && /[\s,[{:]/.test(text[i - 1] ?? ' ')) quote = c;
    else if (c === '[' || c === '{') {
      frames.push({ open: c, at: i, ...(entryKey !== undefined ? { key: entryKey } : {}) });
      entryStart = valueStart = i + 1;
      entryKey = undefined;
    } else if (c === ']' || c === '}') {
      frames.pop();
      entryKey = undefined;
    } else if (c === ',' && frames.length > 0) {
      entryStart = valueStart = i + 1;
      entryKey = undefined;
    } else if (c === ':' && frames.at(-1)?.open === '{' && entryKey === undefined && /[\s,\]}]|^$/.test(text[i + 1] ?? '')) {
      entryKey = text.slice(entryStart, i).trim();
      valueStart = i + 1;
    }
  }
  return { frames, entryStart, ...(entryKey !== undefined ? { entryKey } : {}), valueStart };
}

function skipSpaces(text: string, from: number, limit: number): number {
  while (from < limit && (text[from] === ' ' || text[from] === '\t')) from++;
  return from;
}

/** End of the flow entry the cursor is in: before the next `,`, `]` or `}`, trailing spaces trimmed. */
function endOfEntry(text: string, offset: number, limit: number): number {
  let i = offset;
  while (i < limit && !/[,\]}]/.test(text[i]!)) i++;
  while (i > offset && /\s/.test(text[i - 1]!)) i--;
  return i;
}

function wordEnd(text: string, offset: number, limit: number): number {
  let i = offset;
  while (i < limit && !/[\s,:\]}]/.test(text[i]!)) i++;
  return i;
}

/** The entries of a flow collection whose content starts at `from`, up to its closing bracket. */
function flowEntries(text: string, from: number, limit: number): Span[] {
  const entries: Span[] = [];
  let depth = 0;
  let start = from;
  let quote = '';
  const push = (end: number) => {
    const s = skipSpaces(text, start, end);
    let e = end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) entries.push({ start: s, end: e });
  };
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (depth === 0) {
        push(i);
        return entries;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(limit);
  return entries;
}
