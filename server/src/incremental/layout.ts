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

import type { UnitParse } from './unitParse';
import { runToEnd } from '../analysis/analyze';

export type UnitKind = 'top' | 'item';

/** The nodes of a unit not parsed yet. */
const NO_NODES: readonly unknown[] = [];

export interface Unit {
  kind: UnitKind;
  /** Offsets in the text: `start` inclusive, `end` exclusive; units tile the text. */
  start: number;
  end: number;
  /** The scanner's state where the unit starts: scanning can resume there. */
  state: ScanState;
  /** The unit's parse, once the parser has it (kept with the unit while its text is unchanged). */
  parse: UnitParse | undefined;
  /**
   * Where the parse's nodes sit (what `start` was when they were last moved), and what moving
   * them and assembling the document read of the parse (see `attach` in unitParse.ts). They are
   * kept here, not read from the parse: the units of a layout lie together in memory, the parses
   * among their nodes, and after an edit every unit that follows it is moved.
   */
  placed: number;
  /** The packed block that holds the parse's ranges, and where they lie in it. */
  block: Int32Array | undefined;
  from: number;
  to: number;
  /** The parse is clean (see `UnitParse.clean`): no errors or warnings to move or collect, nothing to check. */
  clean: boolean;
  /** The parse's nodes. */
  nodes: readonly unknown[];
}

/** What the scanner knows about the section it is in, besides the current unit. */
export interface ScanState {
  /** The list indentation of the current section; -1 while undecided, -2 for a value that is not a split list. */
  listIndent: number;
  /** For a top-level unit: the indentation of its block value (0 when the value sits on the key's line). */
  valueIndent: number;
  /** The last key had no value on its line, and no content line followed it yet. */
  awaitingValue: boolean;
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
  /** Units of the previous layout that this one does not keep (their text changed or moved). */
  replaced: Unit[];
}

/**
 * Text no chunking can vouch for: document markers, directives, tabs in indentation, lone
 * CRs, a BOM, and block scalars that keep their trailing blank lines (`|+`, `>+`), which
 * would reach into the next unit's leading blank lines.
 */
const UNSAFE = /^(?:---|\.\.\.)(?:[ \t\r\n]|$)|^%|^ *\t|\r(?!\n)|^\uFEFF|[|>][1-9]?\+[1-9]?[ \t]*(?:#.*)?\r?$/m;

/**
 * Whether `text` holds anything `UNSAFE` names. Every such thing needs one of a few
 * characters, found at memory speed: the whole pattern is tried only on a text that has one
 * (on a 10 MB manifest it would take a long time).
 */
function unsafe(text: string): boolean {
  return runToEnd(unsafeSteps(text));
}

/** How much of a text `unsafeSteps` looks through in one step: about 2 ms. */
const SUSPECT_CHARS_PER_STEP = 1 << 20;

/** `unsafe`, a step after each megabyte of text looked through (a 10 MB text takes some 20 ms). */
function* unsafeSteps(text: string): Generator<void, boolean> {
  // `^` also matches after \r, U+2028 and U+2029: a text with one of those is tried in full.
  let suspect = text.startsWith('%') || text.startsWith('---') || text.startsWith('...');
  for (let from = 0; !suspect && from < text.length; from += SUSPECT_CHARS_PER_STEP) {
    if (from > 0) yield;
    // From three characters before: a line break and `---` or `...` across the cut are seen.
    const part = text.slice(Math.max(0, from - 3), from + SUSPECT_CHARS_PER_STEP);
    suspect = /[\t\r\uFEFF+\u2028\u2029]/.test(part) || part.includes('\n%') || part.includes('\n---') || part.includes('\n...');
  }
  return suspect && UNSAFE.test(text);
}

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

/**
 * A key or dash with no value and a comment after it (`waivers:   # none yet`): eemeli/yaml's
 * empty value then spans the comment, the line break and the next line's indentation.
 */
function opensWithComment(text: string, line: LineInfo): boolean {
  const first = text.indexOf('#', line.start);
  if (first < 0 || first >= line.next) return false; // most lines: no comment, nothing to slice
  const content = text.slice(line.start, line.next);
  const hash = content.search(/[ \t]#/);
  if (hash < 0) return false;
  const before = content.slice(0, hash).trimEnd();
  return before.endsWith(':') || before.endsWith('-');
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
  if (unsafe(text)) return undefined;
  const units: Unit[] = [];
  return scan(text, 0, units, { listIndent: -2, valueIndent: 0, awaitingValue: false }) === 'done' ? withSections(units, []) : undefined;
}

/** Units scanned between two steps of `layoutSteps`. */
const UNITS_PER_STEP = 500;

/** `layoutOf`, a step after every few hundred units: the scan resumes at a unit's start, as `relayout` does. */
export function* layoutSteps(text: string): Generator<void, Layout | undefined> {
  if (yield* unsafeSteps(text)) return undefined;
  const units: Unit[] = [];
  let opened = 0;
  const pause = () => ++opened % UNITS_PER_STEP === 0;
  let result = scan(text, 0, units, { listIndent: -2, valueIndent: 0, awaitingValue: false }, pause);
  while (result === 'stopped') {
    yield;
    const next = units.pop()!; // opened just before the pause: scanned again from its start
    result = scan(text, next.start, units, { ...next.state }, pause);
  }
  return result === 'done' ? withSections(units, []) : undefined;
}

/**
 * The layout of `text`, from the layout of `old` (the previous version): only the stretch
 * around the change is scanned again; the units after it are the old ones, moved.
 * Gives the same units as `layoutOf(text)`.
 */
export function relayout(oldText: string, old: Layout, text: string, edit: TextEdit = editBetween(oldText, text)): Layout | undefined {
  const { prefix, suffix } = edit;
  if (prefix === oldText.length && prefix === text.length) return { ...old, replaced: [] };
  const delta = text.length - oldText.length;
  const changeEnd = text.length - suffix;
  // Was safe before: only the lines the change touches can make it unsafe.
  const from = text.lastIndexOf('\n', Math.max(0, prefix - 1)) + 1;
  let to = text.indexOf('\n', changeEnd + 1);
  to = to < 0 ? text.length : to + 1;
  if (unsafe(text.slice(from, to)) || (prefix === 0 && text.charCodeAt(0) === 0xfeff)) return undefined;
  // Resume one unit before the one the change starts in: its boundary may move.
  const oldUnits = old.units;
  const at = Math.max(0, unitAt(oldUnits, prefix) - 1);
  const units = oldUnits.slice(0, at);
  let kept = oldUnits.length;
  const result = scan(text, oldUnits[at]!.start, units, { ...oldUnits[at]!.state }, (unit) => {
    if (unit.start < changeEnd) return false;
    const j = unitStartingAt(oldUnits, unit.start - delta);
    if (j < 0 || oldUnits[j]!.kind !== unit.kind || !sameState(oldUnits[j]!.state, unit.state)) return false;
    kept = j;
    return true;
  });
  if (result === 'unsafe') return undefined;
  if (kept < oldUnits.length) {
    units.pop(); // the unit the scan just opened is the old one, moved
    for (let k = kept; k < oldUnits.length; k++) {
      const unit = oldUnits[k]!;
      unit.start += delta;
      unit.end += delta;
      units.push(unit);
    }
  }
  return withSections(units, oldUnits.slice(at, kept));
}

/** Index of the unit that holds `offset` (the last one starting at or before it). */
function unitAt(units: readonly Unit[], offset: number): number {
  let lo = 0;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (units[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function unitStartingAt(units: readonly Unit[], offset: number): number {
  const i = unitAt(units, offset);
  return units[i]?.start === offset ? i : -1;
}

function sameState(a: ScanState, b: ScanState): boolean {
  return a.listIndent === b.listIndent && a.valueIndent === b.valueIndent && a.awaitingValue === b.awaitingValue;
}

const BLOCK = 4096;

/** Length of the longest common prefix (string equality compares whole blocks at memory speed). */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= max && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How one text became another: the lengths of their common prefix and (after it) common suffix. */
export interface TextEdit {
  prefix: number;
  suffix: number;
}

export function editBetween(before: string, after: string): TextEdit {
  const prefix = commonPrefix(before, after);
  return { prefix, suffix: commonSuffix(before, after, Math.min(before.length, after.length) - prefix) };
}

/** Length of the longest common suffix, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + BLOCK <= max && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

function withSections(units: Unit[], replaced: Unit[]): Layout | undefined {
  const sections: Section[] = [];
  for (const unit of units) {
    if (unit.kind === 'top') sections.push({ head: unit, items: [] });
    else {
      const section = sections[sections.length - 1];
      if (!section) return undefined;
      section.items.push(unit);
    }
  }
  return { sections, units, replaced };
}

/**
 * Scans lines from `at`, opening units (appended to `units`; the last one there is the unit
 * the scan is in). `stop` may end the scan at a unit it has just opened.
 */
function scan(text: string, at: number, units: Unit[], s: ScanState, stop?: (unit: Unit) => boolean): 'done' | 'stopped' | 'unsafe' {
  let run: Run = NO_RUN;
  /** The last content line was a key (or dash) with no value but a comment: its empty value reaches to the next content. */
  let openWithComment = false;
  let current: Unit | undefined = units[units.length - 1];
  const open = (kind: UnitKind, start: number, state: ScanState): boolean => {
    if (current) current.end = start;
    current = { kind, start, end: text.length, state, parse: undefined, placed: 0, block: undefined, from: 0, to: 0, clean: false, nodes: NO_NODES };
    units.push(current);
    return stop?.(current) ?? false;
  };

  while (at < text.length) {
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
    const state: ScanState = { listIndent: s.listIndent, valueIndent: s.valueIndent, awaitingValue: s.awaitingValue };
    const openBefore = openWithComment;
    openWithComment = opensWithComment(text, line);
    const before = run;
    run = NO_RUN;
    const leading = before.start >= 0 ? before.start : line.start;
    const noComments = before.maxComment < 0;
    if (line.indent === 0 && TOP_KEY.test(text.slice(line.start, Math.min(line.next, line.start + 1024)))) {
      const hasNoValue = headerHasNoValue(text, line);
      if (!current) {
        if (leading !== 0) return 'unsafe'; // only comments and blank lines may come before the first key
        if (open('top', 0, state)) return 'stopped';
      } else if (
        noComments ||
        before.maxComment === 0 ||
        (current.kind === 'item' && s.listIndent > 0 && before.minComment >= s.listIndent) ||
        (current.kind === 'top' && s.valueIndent > 0 && before.minComment >= s.valueIndent)
      ) {
        // Comments at column 0 lead the key; comments that stay in the value before end its unit.
        const alone = noComments || before.maxComment === 0;
        if (open('top', alone ? leading : line.start, state)) return 'stopped';
      } else if (current.kind !== 'top') return 'unsafe';
      // else: this key joins the current unit; a list under it hangs on the unit's last key.
      s.listIndent = hasNoValue ? -1 : -2;
      s.awaitingValue = hasNoValue;
      s.valueIndent = 0;
      continue;
    }
    if (!current) return 'unsafe';
    if (s.awaitingValue) {
      s.awaitingValue = false;
      s.valueIndent = line.indent;
    }
    if (s.listIndent === -1) {
      // The first content line under a `key:` decides whether the value is a block list.
      s.listIndent = isItemStart(text, line, line.indent) ? line.indent : -2;
      if (s.listIndent >= 0 && open('item', leading, state)) return 'stopped';
    } else if (s.listIndent >= 0 && isItemStart(text, line, s.listIndent)) {
      // A comment deeper than the list may stay with the item before, and an empty value with a
      // comment reaches up to this line's dash: then the items share a unit.
      if ((noComments || before.maxComment <= s.listIndent) && !openBefore && open('item', leading, state)) return 'stopped';
    }
  }
  if (!current) return 'unsafe';
  current.end = text.length;
  return 'done';
}
