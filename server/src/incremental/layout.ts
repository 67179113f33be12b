/**
 * Splits a manifest's text into units that eemeli/yaml parses the same way alone as in
 * the whole document: the top-level keys, and the items of every top-level block list
 * (`systems:`, `integrations:`, ...). A unit starts at a line that resets the parser to a
 * known state (a plain key at column 0, or a `- ` at the list's indentation) and takes the
 * comment and blank lines just before that line with it.
 *
 * Whatever this module cannot vouch for (a document marker, a directive, tabs in
 * indentation, lone CR line breaks, a byte-order mark, a document that is not a block map
 * of plain keys) yields `undefined`: the caller then parses the whole text.
 */

export type UnitKind = 'top' | 'item';

export interface Unit {
  kind: UnitKind;
  /** Offsets in the text: `start` inclusive, `end` exclusive; units tile the text. */
  start: number;
  end: number;
  /** For items: the index of the section (top-level key) they belong to. */
  section: number;
}

export interface Section {
  /** The unit that holds the key (and, for a plain section, its whole value). */
  head: Unit;
  /** The list items under the key, when its value is a block list split into items. */
  items: Unit[];
}

export interface Layout {
  sections: Section[];
  /** Every unit, in text order. */
  units: Unit[];
}

/**
 * Text no chunking can vouch for: document markers, directives, tabs in indentation, lone
 * CRs, a BOM, and block scalars that keep their trailing blank lines (`|+`, `>+`), which
 * would reach into the next unit's leading blank lines.
 */
const UNSAFE = /^(?:---|\.\.\.)(?:[ \t\r\n]|$)|^%|^ *\t|\r(?!\n)|^\uFEFF|[|>][1-9]?\+[1-9]?[ \t]*(?:#.*)?\r?$/m;

/** A plain key at column 0, followed by `:` and a space or the line's end. */
const TOP_KEY = /^[A-Za-z0-9_][^:#\r\n]*:(?:[ \t\r\n]|$)/;

/** What a line starts with. */
interface LineInfo {
  start: number;
  /** Offset after the line break (or the text's end). */
  next: number;
  indent: number;
  /** 'blank', 'comment', or 'content'. */
  type: 'blank' | 'comment' | 'content';
}

function lineAt(text: string, start: number): LineInfo {
  let nl = text.indexOf('\n', start);
  const next = nl < 0 ? text.length : nl + 1;
  if (nl < 0) nl = text.length;
  let i = start;
  while (i < nl && text.charCodeAt(i) === 32) i++;
  const c = i < nl ? text.charCodeAt(i) : -1;
  const type = c === -1 || (c === 13 && i === nl - 1) ? 'blank' : c === 35 /* # */ ? 'comment' : 'content';
  return { start, next, indent: i - start, type };
}

function isItemStart(text: string, line: LineInfo, indent: number): boolean {
  if (line.type !== 'content' || line.indent !== indent) return false;
  const at = line.start + indent;
  if (text.charCodeAt(at) !== 45 /* - */) return false;
  const after = text.charCodeAt(at + 1);
  return after === 32 || after === 10 || after === 13 || Number.isNaN(after);
}

function headerHasNoValue(text: string, line: LineInfo): boolean {
  // `key:` then only spaces and perhaps a comment.
  const lineText = text.slice(line.start, line.next);
  const colon = lineText.search(/:(?:[ \t]|\r?\n|\r?$)/);
  return colon >= 0 && /^:[ ]*(?:#.*)?\r?\n?$/.test(lineText.slice(colon));
}

/**
 * Where the comment and blank lines between two units belong. eemeli/yaml's parser hands
 * every comment and blank line after a node's last content to the innermost open
 * collection; when that collection closes, they move up to its parent only if all their
 * comments sit left of the collection's indentation (and a comment deeper than the
 * innermost collection right after a value sticks to that value). So:
 * - before a list item at indentation d, comments all at or left of d go up to the list
 *   and lead the next item;
 * - before a top-level key, comments all at column 0 lead the key;
 * - before a top-level key that ends a list at indentation d > 0, comments all at or right
 *   of d stay in the list (or deeper): they end the last item's unit;
 * - before a top-level key that ends a block value at indentation v > 0, comments all at
 *   or right of v stay in that value: they end its unit.
 * Any other mix is not split: an item boundary is dropped (the items share a unit), a
 * top-level boundary after a top-level unit likewise; after a list item, the whole text
 * is parsed.
 */
interface Run {
  /** Offset of the run's first line, or -1 when there is no run. */
  start: number;
  minComment: number;
  maxComment: number;
}

const NO_RUN: Run = { start: -1, minComment: Infinity, maxComment: -1 };

export function layoutOf(text: string): Layout | undefined {
  if (UNSAFE.test(text)) return undefined;
  const sections: Section[] = [];
  const units: Unit[] = [];
  let run: Run = NO_RUN;
  /** The list indentation of the current section; -1 while undecided, -2 for a value that is not a split list. */
  let listIndent = -2;
  /** For a top-level unit: the indentation of its block value (0 when the value sits on the key's line). */
  let valueIndent = 0;
  let awaitingValue = false;
  let current: Unit | undefined;

  const open = (kind: UnitKind, start: number) => {
    if (current) current.end = start;
    current = { kind, start, end: text.length, section: kind === 'top' ? sections.length : sections.length - 1 };
    units.push(current);
    if (kind === 'top') sections.push({ head: current, items: [] });
    else sections[sections.length - 1]!.items.push(current);
  };

  for (let at = 0; at < text.length; ) {
    const line = lineAt(text, at);
    at = line.next;
    if (line.type !== 'content') {
      if (run.start < 0) run = { ...NO_RUN, start: line.start };
      if (line.type === 'comment') {
        run.minComment = Math.min(run.minComment, line.indent);
        run.maxComment = Math.max(run.maxComment, line.indent);
      }
      continue;
    }
    const before = run;
    run = NO_RUN;
    const leading = before.start >= 0 ? before.start : line.start;
    const noComments = before.maxComment < 0;
    if (line.indent === 0 && TOP_KEY.test(text.slice(line.start, Math.min(line.next, line.start + 1024)))) {
      const hasNoValue = headerHasNoValue(text, line);
      if (!current) {
        if (leading !== 0) return undefined; // only comments and blank lines may come before the first key
        open('top', 0);
      } else if (noComments || before.maxComment === 0) {
        open('top', leading);
      } else if (current.kind === 'item' && listIndent > 0 && before.minComment >= listIndent) {
        open('top', line.start);
      } else if (current.kind === 'top' && valueIndent > 0 && before.minComment >= valueIndent) {
        open('top', line.start);
      } else if (current.kind === 'top') {
        // This key joins the current unit; a list under it hangs on the unit's last key.
      } else return undefined;
      listIndent = hasNoValue ? -1 : -2;
      awaitingValue = hasNoValue;
      valueIndent = 0;
      continue;
    }
    if (!current) return undefined;
    if (awaitingValue) {
      awaitingValue = false;
      valueIndent = line.indent;
    }
    if (listIndent === -1) {
      // The first content line under a `key:` decides whether the value is a block list.
      listIndent = isItemStart(text, line, line.indent) ? line.indent : -2;
      if (listIndent >= 0) {
        open('item', leading);
        continue;
      }
    } else if (listIndent >= 0 && isItemStart(text, line, listIndent)) {
      if (noComments || before.maxComment <= listIndent) open('item', leading);
      // else: a comment deeper than the list may stay with the item before: keep them together.
      continue;
    }
  }
  if (!current) return undefined;
  current.end = text.length;
  return { sections, units };
}
