/**
 * Flow collections (`{ id: erp, kind: erp }`, `[bus, flows]`) read from the text, without the
 * YAML parser, so that completion and hover work inside them while they are half written: an
 * unclosed brace, a trailing comma, a collection spread over several lines, comments between.
 *
 * A flow collection starts on a "host" line, after `key:` or after the `- ` of a list item.
 * Its following lines are indented deeper than the host line (YAML requires it); a line that
 * is not ends a collection left unclosed, so a missing `}` never swallows the items below.
 */
import { MAX_NESTING, type ManifestDocument } from '../../document/manifestDocument';
import type { Span } from '../../document/range';
import { indentOf, lineInfo, topListKeyLine, type LineInfo } from './lines';

export interface FlowEntry {
  /** Just after the separator before it: the opening bracket or a comma. */
  from: number;
  /** At the separator after it (a comma or the closing bracket), or where the collection broke off. */
  to: number;
  /** The entry's text without the blanks and comments around it; empty (start === end) for an empty entry. */
  token: Span;
  /** In a map: the key before `:` (quotes included in the span, not in the name). */
  key?: { name: string; span: Span };
  /** Offset of the `:` that ends the key. */
  colon?: number;
  /** The text after the colon without the blanks and comments around it (empty when nothing is written yet). */
  value?: Span;
  /** The flow collection that is this entry's value (in a map) or the entry itself (in a list). */
  child?: FlowCollection;
}

export interface FlowCollection {
  open: '{' | '[';
  /** Offset of the opening bracket. */
  at: number;
  /** Offset of the closing bracket; undefined when the collection is not closed. */
  close?: number;
  /** Where reading stopped: after the closing bracket, or at the line break before the line that ends an unclosed collection. */
  end: number;
  entries: FlowEntry[];
}

/** The flow collection holding the cursor, from the outermost (on `host`) to the innermost. */
export interface FlowPosition {
  /** The line the outermost collection starts on. */
  host: LineInfo;
  /** Outermost first; each after the first is the value of an entry of the one before. */
  frames: FlowCollection[];
  /** For each frame after the first, the entry of the previous frame it is the value of. */
  via: FlowEntry[];
  /** The entry of the innermost frame the cursor is in. */
  entry: FlowEntry;
}

/** Where a flow collection starts on a line: the value after `key:`, or the content after the dashes. */
export function flowStart(text: string, info: LineInfo): number | undefined {
  if (info.blank) return undefined;
  const at = info.key ? info.value!.start : info.content.start;
  const c = text[at];
  return at < info.content.end && (c === '{' || c === '[') ? at : undefined;
}

const BLANK = /[ \t\r\n]/;

/** What reading one entry has seen so far. */
interface EntryScan {
  /** First and (exclusive) last offset of its text; -1 while nothing is written. */
  start: number;
  last: number;
  colon?: number;
  /** The same for the text after the colon. */
  valueStart: number;
  valueLast: number;
  /** The next non-blank character starts a scalar (a quote opens a quoted scalar only there). */
  atStart: boolean;
}

/** Records text from `begin` to `end` in the entry (and in its value, after the colon). */
function mark(e: EntryScan, begin: number, end: number): void {
  if (e.start < 0) e.start = begin;
  e.last = end;
  if (e.colon !== undefined) {
    if (e.valueStart < 0) e.valueStart = begin;
    e.valueLast = end;
  }
  e.atStart = false;
}

/**
 * Reads the flow collection whose opening bracket is at `at`, on a host line indented
 * `hostIndent`: its entries, keys, values and nested collections, up to its closing bracket or
 * to the first following line not indented deeper than the host line.
 */
export function readFlow(text: string, at: number, hostIndent: number): FlowCollection {
  return new FlowReader(text, hostIndent).collection(at);
}

class FlowReader {
  private i = 0;
  /** Set when a line ends the flow (or the nesting is too deep to read): every open collection stops at `this.i`. */
  private broken = false;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly hostIndent: number,
  ) {}

  collection(at: number): FlowCollection {
    const text = this.text;
    const open = text[at] === '[' ? '[' : '{';
    const entries: FlowEntry[] = [];
    this.i = at + 1;
    this.depth++;
    try {
      for (;;) {
        const entry = this.entry(open === '{');
        entries.push(entry);
        if (this.broken || this.i >= text.length) return { open, at, end: this.i, entries };
        const c = text[this.i]!;
        this.i++;
        if (c !== ',') return { open, at, close: this.i - 1, end: this.i, entries };
      }
    } finally {
      this.depth--;
    }
  }

  /** One entry, up to the `,` or closing bracket after it (left at `this.i`). */
  private entry(inMap: boolean): FlowEntry {
    const text = this.text;
    const from = this.i;
    const e: EntryScan = { start: -1, last: from, valueStart: -1, valueLast: -1, atStart: true };
    let child: FlowCollection | undefined;
    while (this.i < text.length) {
      const c = text[this.i]!;
      if (c === ',' || c === ']' || c === '}') break;
      if (c === '\n' || c === '\r') {
        if (!this.continues(this.i)) {
          this.broken = true;
          break;
        }
        this.i++;
        continue;
      }
      if (c === ' ' || c === '\t') {
        this.i++;
        continue;
      }
      if (c === '#' && (this.i === from || BLANK.test(text[this.i - 1]!))) {
        while (this.i < text.length && text[this.i] !== '\n' && text[this.i] !== '\r') this.i++;
        continue;
      }
      if (c === '[' || c === '{') {
        // Deeper than the parser reads (it cuts such collections off): stop, rather than recurse without end.
        if (this.depth >= MAX_NESTING) {
          this.broken = true;
          break;
        }
        const begin = this.i;
        const nested = this.collection(begin);
        if (e.colon !== undefined || !inMap) child ??= nested;
        mark(e, begin, this.i);
        if (this.broken) break;
        continue;
      }
      if ((c === '"' || c === "'") && e.atStart) {
        const begin = this.i;
        this.quoted(c);
        mark(e, begin, this.i);
        if (this.broken) break;
        continue;
      }
      if (c === ':' && inMap && e.colon === undefined && (this.i + 1 >= text.length || /[ \t\r\n,[\]{}]/.test(text[this.i + 1]!) || /["']/.test(text[this.i - 1] ?? ''))) {
        e.colon = this.i;
        this.i++;
        e.atStart = true;
        continue;
      }
      mark(e, this.i, this.i + 1);
      this.i++;
    }
    const to = this.i;
    const blank = skipBlanks(text, from, to);
    const token = e.start < 0 ? { start: blank, end: blank } : { start: e.start, end: e.last };
    const entry: FlowEntry = { from, to, token };
    if (e.colon !== undefined) {
      const colon = e.colon;
      entry.colon = colon;
      const keyEnd = trimEnd(text, token.start, colon);
      if (keyEnd > token.start) {
        const raw = text.slice(token.start, keyEnd);
        entry.key = { name: /^(["']).*\1$/s.test(raw) ? raw.slice(1, -1) : raw, span: { start: token.start, end: keyEnd } };
      }
      entry.value = e.valueStart < 0 ? { start: colon + 1, end: colon + 1 } : { start: e.valueStart, end: e.valueLast };
      if (e.valueStart < 0) entry.token = { start: token.start, end: colon + 1 };
    }
    if (child) entry.child = child;
    return entry;
  }

  /** Skips a quoted scalar starting at `this.i` (it may span lines, but not past the end of the flow). */
  private quoted(quote: string): void {
    const text = this.text;
    this.i++;
    while (this.i < text.length) {
      const c = text[this.i]!;
      if (c === '\n' || c === '\r') {
        if (!this.continues(this.i)) {
          this.broken = true;
          return;
        }
      } else if (c === '\\' && quote === '"') this.i++;
      else if (c === quote) {
        if (quote === "'" && text[this.i + 1] === "'") this.i++;
        else {
          this.i++;
          return;
        }
      }
      this.i++;
    }
  }

  /** Whether the line after the line break at `at` may continue the flow: blank, a comment, or indented deeper than the host line. */
  private continues(at: number): boolean {
    const text = this.text;
    let s = at + 1;
    if (text[at] === '\r' && text[s] === '\n') s++;
    let j = s;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    const c = text[j];
    if (j >= text.length || c === '\n' || c === '\r' || c === '#') return true;
    return j - s > this.hostIndent;
  }
}

function skipBlanks(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const c = text[i]!;
    if (BLANK.test(c)) i++;
    else if (c === '#') {
      while (i < limit && text[i] !== '\n' && text[i] !== '\r') i++;
    } else break;
  }
  return i;
}

function trimEnd(text: string, from: number, end: number): number {
  while (end > from && BLANK.test(text[end - 1]!)) end--;
  return end;
}

/** The effective indentation of the cursor's line: its leading spaces, or the cursor's column on a blank line or in the leading spaces. */
function cursorIndent(document: ManifestDocument, line: number, offset: number): number {
  const start = document.lines.lineStart(line);
  const indent = indentOf(document, line);
  return indent < 0 ? offset - start : Math.min(indent, offset - start);
}

/** Whether `offset` lies inside `c`: after its opening bracket, up to its closing bracket (or to where an unclosed one stops). */
function holds(c: FlowCollection, offset: number): boolean {
  return offset > c.at && offset <= (c.close ?? c.end);
}

/** The most lines that start a flow collection read while searching the one around the cursor: flow collections nested over more indentation levels are not read. */
const MAX_HOSTS = 16;

/**
 * The flow collections around the cursor, outermost first; undefined when the cursor is not
 * inside one. The host is searched upwards: only a line indented less than every line
 * between it and the cursor can hold a collection that reaches the cursor.
 */
export function flowAt(document: ManifestDocument, offset: number, line: number): FlowPosition | undefined {
  const text = document.text;
  let found: { info: LineInfo; root: FlowCollection } | undefined;
  let hosts = 0;
  const test = (l: number) => {
    const info = lineInfo(document, l);
    const start = flowStart(text, info);
    if (start === undefined || start >= offset) return;
    hosts++;
    const root = readFlow(text, start, info.indent);
    if (holds(root, offset)) found = { info, root };
  };
  test(line);
  let below = cursorIndent(document, line, offset);
  for (let l = line - 1; l >= 0 && below > 0 && hosts < MAX_HOSTS; l--) {
    const indent = indentOf(document, l);
    if (indent < 0 || indent >= below) continue;
    test(l);
    below = indent;
    // A line of a top-level list (dashes at `below`): the lines up to its key are all deeper.
    const keyLine = topListKeyLine(document, l, below);
    if (keyLine !== undefined && keyLine < l) l = keyLine + 1;
  }
  if (!found) return undefined;
  const frames = [found.root];
  const via: FlowEntry[] = [];
  for (;;) {
    const inner = frames.at(-1)!;
    const entry = inner.entries.find((e) => offset >= e.from && offset <= e.to);
    if (!entry) return undefined;
    const child = entry.child;
    if (child && holds(child, offset)) {
      frames.push(child);
      via.push(entry);
      continue;
    }
    return { host: found.info, frames, via, entry };
  }
}

/** The cursor's line starts a flow collection at or before the cursor that does not hold it (the cursor is past it, or on its bracket). */
export function besideFlow(document: ManifestDocument, offset: number, info: LineInfo): boolean {
  const start = flowStart(document.text, info);
  if (start === undefined) return false;
  return info.key ? offset > info.key.span.end : offset >= info.content.start;
}
