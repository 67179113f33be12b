/**
 * No stale state (ARCHITECTURE.md, "incremental analysis equals full analysis"): thousands of random incremental `didChange` edits through the real
 * LSP connection (typing, deleting, pasting, breaking and mending lines, several changes in
 * one notification), with diagnostics, hovers and completions asked for in between without
 * waiting; afterwards the server's diagnostics equal those of a fresh analysis of the final
 * text, in pull and in push mode.
 *
 * STALE_EDITS sets the number of edits (default 3,000); STALE_SEED replays a run.
 */
import assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError, type Position, type Range, type TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../../server/src/analysis/analyze';
import { diagnostics as toDiagnostics } from '../../server/src/features/diagnostics';
import { prng } from '../../bench/generate';
import { SPEC_EXAMPLE } from '../helpers/hostileInputs';
import { TODAY } from '../helpers/text';
import { startHarness, type Harness } from './harness';

const EDITS = Number(process.env['STALE_EDITS'] ?? 3_000);
// CI replays a fixed seed so a landing never depends on luck; elsewhere each run explores a new one.
const SEED = Number(process.env['STALE_SEED'] ?? (process.env['CI'] ? 37568413 : Date.now() % 2 ** 31));

const SNIPPETS = SPEC_EXAMPLE.split('\n');
const TYPED = [...'abcxyz-_:[]{},#"\' \n\n\n  ', '\t', '\r\n', 'é', '😀', 'async', 'erp', 'via: [bus]', '  - id: x\n', 'mode: sync\n'];

/** One random change, in the coordinates of `document`. */
function randomEdit(document: TextDocument, next: () => number, cursor: { offset: number }): TextEdit {
  const text = document.getText();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const at = (offset: number): Position => document.positionAt(Math.max(0, Math.min(offset, text.length)));
  const range = (start: number, end: number): Range => ({ start: at(start), end: at(end) });
  const r = next();
  // Typing at a cursor that moves like a person's: the most common change.
  if (r < 0.45) {
    if (next() < 0.1) cursor.offset = Math.floor(next() * (text.length + 1));
    const typed = pick(TYPED);
    const edit = { range: range(cursor.offset, cursor.offset), newText: typed };
    cursor.offset += typed.length;
    return edit;
  }
  if (r < 0.65) {
    // Backspace or delete a word.
    const length = 1 + Math.floor(next() * (next() < 0.8 ? 2 : 12));
    const start = Math.max(0, cursor.offset - length);
    cursor.offset = start;
    return { range: range(start, start + length), newText: '' };
  }
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  const lineStart = document.offsetAt({ line, character: 0 });
  if (r < 0.75) return { range: range(lineStart, lineStart), newText: `${pick(SNIPPETS)}\n` }; // paste a line
  if (r < 0.82) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }; // delete a line
  if (r < 0.88) return { range: range(lineStart, lineStart), newText: next() < 0.5 ? '  ' : '- ' }; // indent
  if (r < 0.93) {
    // Replace a stretch with a run of the example: mends a document typing has broken.
    const start = Math.floor(next() * text.length);
    const from = Math.floor(next() * SNIPPETS.length);
    return { range: range(start, start + Math.floor(next() * 200)), newText: SNIPPETS.slice(from, from + 1 + Math.floor(next() * 8)).join('\n') + '\n' };
  }
  // A change at the very end or the very start.
  return next() < 0.5 ? { range: range(text.length, text.length), newText: pick(TYPED) } : { range: range(0, 0), newText: pick(TYPED) };
}

/** Several changes that do not overlap, for one notification. */
function randomEdits(document: TextDocument, next: () => number, cursor: { offset: number }): TextEdit[] {
  const count = next() < 0.85 ? 1 : 2 + Math.floor(next() * 3);
  const edits: TextEdit[] = [];
  for (let i = 0; i < count; i++) {
    const edit = randomEdit(document, next, cursor);
    const start = document.offsetAt(edit.range.start);
    const end = document.offsetAt(edit.range.end);
    const overlaps = edits.some((e) => document.offsetAt(e.range.start) <= end && start <= document.offsetAt(e.range.end));
    if (!overlaps) edits.push(edit);
  }
  return edits;
}

const isCancelled = (e: unknown) => e instanceof ResponseError && (e.code === LSPErrorCodes.ServerCancelled || e.code === LSPErrorCodes.RequestCancelled);
/** A request the server cancelled (overtaken by an edit) answers nothing; any other failure fails the test. */
function emptyIfCancelled(e: unknown): never[] {
  if (isCancelled(e)) return [];
  throw e;
}

for (const mode of ['pull', 'push'] as const) {
  describe(`protocol: no stale state after ${EDITS} random edits (${mode} diagnostics)`, function () {
    this.timeout(600_000);
    let h: Harness;
    before(async () => {
      h = await startHarness({ diagnostics: mode });
    });
    after(() => h.dispose());

    /** The server's diagnostics for the current text are those of a fresh analysis of it. */
    async function assertFresh(uri: string, when: string) {
      const text = h.text(uri);
      const actual = await h.diagnostics(uri);
      const expected = toDiagnostics(analyzeText(text, uri, { today: TODAY }));
      assert.deepEqual(actual, expected, `${when} (seed ${SEED}) the server's diagnostics differ from a fresh analysis of:\n${JSON.stringify(text)}`);
      return actual;
    }

    it(`ends with the diagnostics of a fresh analysis of the final text (seed ${SEED})`, async () => {
      const next = prng(SEED + (mode === 'push' ? 1 : 0));
      const uri = await h.open(SPEC_EXAMPLE);
      const cursor = { offset: SPEC_EXAMPLE.indexOf('mode: async') };
      const inFlight: Promise<unknown>[] = [];
      let changes = 0;
      for (let i = 0; i < EDITS; i++) {
        const document = TextDocument.create(uri, 'integration-manifest', 0, h.text(uri));
        const edits = randomEdits(document, next, cursor);
        changes += edits.length;
        await h.applyEdit({ changes: { [uri]: edits } });
        cursor.offset = Math.min(cursor.offset, h.text(uri).length);
        // Requests fired without waiting: answered, cancelled or overtaken, never wrong or lost.
        if (i % 7 === 0) {
          const position = TextDocument.create(uri, 'x', 0, h.text(uri)).positionAt(cursor.offset);
          inFlight.push(h.hover(uri, position), h.completion(uri, position));
        }
        if (mode === 'pull' && i % 11 === 0) inFlight.push(h.diagnostics(uri).catch(emptyIfCancelled));
        if (i % 13 === 0) inFlight.push(h.codeActions(uri, []).catch(emptyIfCancelled));
        // Checkpoints on the way, not only at the end.
        if (i % 250 === 249) await assertFresh(uri, `after ${i + 1} notifications`);
        // Now and then the text grows back from the example, so that it stays a manifest to check.
        if (h.text(uri).length < 200 || h.text(uri).length > 20_000) {
          await h.change(uri, SPEC_EXAMPLE);
          cursor.offset = 0;
        }
      }
      await Promise.all(inFlight);
      const actual = await assertFresh(uri, `after ${changes} changes`);
      assert.ok(actual.length > 0, 'the final text has findings to compare');
      console.log(`      ${mode}: ${EDITS} notifications with ${changes} changes, ${inFlight.length} requests in flight; final text ${h.text(uri).length} characters, ${actual.length} diagnostics`);
    });
  });
}
