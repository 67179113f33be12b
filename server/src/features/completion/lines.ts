/**
 * One line of a manifest read as YAML block structure, without the YAML parser: its
 * indentation, its `- ` sequence indicators, its key and inline value. Completion and hover
 * read the text this way so that they work on a half-written document whose tree is broken.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { ManifestDocument } from '../../document/manifestDocument';
import type { Span } from '../../document/range';

export interface LineInfo {
  line: number;
  /** Offset of the line's first character. */
  start: number;
  /** Offset of the end of the line's content (before the line break). */
  end: number;
  /** Leading spaces. */
  indent: number;
  /** Columns of the `- ` sequence indicators at the start of the line. */
  dashes: number[];
  /** Column of the content after the indentation and the dashes. */
  contentCol: number;
  /** The content after the dashes, without a trailing comment; empty on a blank line. */
  content: Span;
  /** Nothing but spaces or a comment (dashes make a line non-blank). */
  blank: boolean;
  /** The key token when the content is `key:` (quotes included) and the key's name. */
  key?: { name: string; span: Span };
  /** The inline value after `key:` without a trailing comment (empty when the value is on the next lines). */
  value?: Span;
}

/** A plain key (letters, digits, `_ $ . / -`) or a quoted one, then `:` and a space or the end. */
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[A-Za-z0-9_$./][^\s:#,[\]{}]*)[ \t]*:(?=[ \t]|$)/;

export function lineInfo(document: ManifestDocument, line: number): LineInfo {
  const text = document.text;
  const start = document.lines.lineStart(line);
  const end = document.lines.lineEnd(line);
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const indent = i - start;
  const dashes: number[] = [];
  while (i < end && text[i] === '-' && (i + 1 === end || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    dashes.push(i - start);
    i++;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  }
  const contentEnd = endOfContent(text, i, end);
  const info: LineInfo = {
    line,
    start,
    end,
    indent,
    dashes,
    contentCol: i - start,
    content: { start: i, end: contentEnd },
    blank: dashes.length === 0 && contentEnd === i,
  };
  if (contentEnd === i) return info;
  const m = KEY.exec(text.slice(i, Math.min(contentEnd, i + 300)));
  if (m) {
    const raw = m[1]!;
    const name = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
    info.key = { name, span: { start: i, end: i + raw.length } };
    let v = i + m[0].length;
    while (v < contentEnd && (text[v] === ' ' || text[v] === '\t')) v++;
    info.value = { start: v, end: Math.max(v, contentEnd) };
  }
  return info;
}

/** The end of a line's content before a ` #` comment that is outside quotes, trailing spaces trimmed. */
function endOfContent(text: string, from: number, end: number): number {
  let quote = '';
  let stop = end;
  for (let i = from; i < end; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      // A quote opens a quoted scalar only at the start of a value or flow entry.
      const prev = i === from ? ' ' : text[i - 1]!;
      if (/[\s,[{:]/.test(prev)) quote = c;
    } else if (c === '#' && (i === from || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      stop = i;
      break;
    }
  }
  while (stop > from && (text[stop - 1] === ' ' || text[stop - 1] === '\t')) stop--;
  return stop;
}

/**
 * Leading spaces of a line, or -1 when the line is blank or a comment: a cheap first look
 * that lets a scan skip the many lines deeper than the level it looks for.
 */
export function indentOf(document: ManifestDocument, line: number): number {
  const text = document.text;
  const start = document.lines.lineStart(line);
  let i = start;
  while (text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return i >= text.length || c === 10 || c === 13 || c === 35 /* # */ ? -1 : i - start;
}

/** The value starts a block scalar (`|`, `>-`, ...): the lines below are text, not keys. */
export function isBlockScalarHeader(document: ManifestDocument, value: Span | undefined): boolean {
  return value !== undefined && /^[|>][0-9+-]*$/.test(document.text.slice(value.start, value.end));
}

/**
 * The line of the top-level key whose block list (dashes at `col`) holds `line`, when the YAML
 * tree vouches for it: parsed without errors, every line of such a list is one of its items'
 * dash lines, a deeper line, a blank line or a comment, which a walk up the lines passes over one
 * by one (200,000 lines near the end of a 10,000-integration manifest). Undefined otherwise: the
 * walk then reads the lines.
 */
export function topListKeyLine(document: ManifestDocument, line: number, col: number): number | undefined {
  const { yaml, lines } = document;
  if (yaml.errors.length > 0 || !isMap(yaml.contents)) return undefined;
  const at = lines.lineStart(line);
  for (const pair of yaml.contents.items) {
    const list = pair.value;
    if (!isSeq(list) || list.flow || !list.range || !isScalar(pair.key) || !pair.key.range) continue;
    if (at <= list.range[0] || at >= list.range[1]) continue;
    const key = lines.positionAt(pair.key.range[0]);
    return lines.positionAt(list.range[0]).character === col && key.character === 0 ? key.line : undefined;
  }
  return undefined;
}
