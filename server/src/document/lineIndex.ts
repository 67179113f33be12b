/** Offsets (UTF-16 code units, as JavaScript strings and LSP count) to 0-based line/character and back. */
export interface Position {
  line: number;
  character: number;
}

/** How much text `LineIndex.inSteps` reads in one step: about 2 ms. */
const LINES_STEP_CHARS = 1 << 20;

/** Pushes to `starts` where each line begins after a line feed in `text` from `from` to before `to`. */
function lineFeeds(text: string, from: number, to: number, starts: number[]): void {
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
}

export class LineIndex {
  /** Where each line starts; packed (no garbage to collect, and an edit copies it as one block). */
  private readonly starts: Uint32Array;

  constructor(private readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // Line feeds alone (the common case): found at memory speed.
      lineFeeds(text, 0, text.length, starts);
      this.starts = Uint32Array.from(starts);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = Uint32Array.from(starts);
  }

  /**
   * `new LineIndex(text)`, a step after each megabyte of a text with line feeds alone (the
   * 10 MB manifest's 330,000 lines take some 20 ms at once).
   */
  static *inSteps(text: string): Generator<void, LineIndex> {
    if (text.length <= LINES_STEP_CHARS || text.includes('\r')) return new LineIndex(text);
    const starts = [0];
    for (let from = 0; from < text.length; from += LINES_STEP_CHARS) {
      if (from > 0) yield;
      lineFeeds(text, from, from + LINES_STEP_CHARS, starts);
    }
    return LineIndex.of(text, Uint32Array.from(starts));
  }

  /**
   * The index of `text`, made from `previous` (the index of the text before one edit that
   * replaced `previous`'s `start`..`oldEnd` with `text`'s `start`..`newEnd`): only the lines
   * around the edit are scanned again. Equal to `new LineIndex(text)`.
   */
  static afterEdit(previous: LineIndex, text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const old = previous.starts;
    const delta = newEnd - oldEnd;
    // Keep the lines before the one that holds the character before the edit (a CR there may pair with an inserted LF).
    let keep = 0;
    for (let lo = 0, hi = old.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (old[mid]! <= Math.max(0, start - 1)) {
        keep = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Reuse (moved) the line starts well after the edit: their line breaks are untouched.
    let after = old.length;
    for (let lo = keep, hi = old.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (old[mid]! > oldEnd + 1) {
        after = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    const scanEnd = after < old.length ? old[after]! + delta : text.length;
    const limit = after < old.length ? scanEnd : Infinity;
    const middle: number[] = [];
    for (let i = old[keep]!; i < scanEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        if (i + 1 < limit) middle.push(i + 1);
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        if (i + 1 < limit) middle.push(i + 1);
      }
    }
    // Block copies and one pass over the moved part: a file of 100,000 lines takes well under a millisecond.
    const moved = keep + 1 + middle.length;
    const starts = new Uint32Array(moved + old.length - after);
    starts.set(old.subarray(0, keep + 1));
    starts.set(middle, keep + 1);
    starts.set(old.subarray(after), moved);
    if (delta !== 0) for (let k = moved; k < starts.length; k++) starts[k]! += delta;
    return LineIndex.of(text, starts);
  }

  /** An index of `text` whose line starts are already known. */
  private static of(text: string, starts: Uint32Array): LineIndex {
    const index = Object.create(LineIndex.prototype) as LineIndex;
    Object.assign(index, { text, starts });
    return index;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** End of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1]!;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    return Math.min(this.starts[position.line]! + Math.max(0, position.character), this.lineEnd(position.line));
  }
}
