/**
 * Hostile input (SECURITY.md, "Hostile files") through the engine and the language service: deep nesting, alias
 * bombs, binary garbage, 10 MB files, floods of errors, odd encodings and line ends. Each
 * gets its clear diagnostic, in bounded memory, every range inside the document, and the
 * service keeps answering correctly (the hover and the completion a normal manifest gets,
 * after each). A hang fails on mocha's per-test timeout; how fast each case goes is
 * measured by the benchmarks, not asserted here.
 *
 * The 10 MB cases run by default; HOSTILE_BIG=0 leaves them out for a quick run.
 */
import assert from 'node:assert/strict';
import type { Diagnostic, Position } from 'vscode-languageserver';
import { analyzeText } from '../../server/src/analysis/analyze';
import { isSeq, type YAMLMap } from 'yaml';
import { appendToSeq, applyEdits, insertPair } from '../../server/src/document/edits';
import { MAX_NESTING, MAX_SYNTAX_PROBLEMS, parseManifest } from '../../server/src/document/manifestDocument';
import { diagramsFor } from '../../server/src/diagram';
import { createLanguageService, memoryDocuments } from '../../server/src/languageService';
import { closest } from '../../server/src/model/suggest';
import { assertModeHover, assertViaCompletion, flowLists, hostileCases, MB, MODE_KEY, SPEC_EXAMPLE, VIA_VALUE } from '../helpers/hostileInputs';
import { askAt } from '../helpers/features';
import { TODAY } from '../helpers/text';

const BIG = process.env['HOSTILE_BIG'] !== '0';
/** Generous: the machine is shared; what matters is that nothing grows without bound. */
const MEMORY_LIMIT_BYTES = 2.5 * 1024 * MB;

function assertInside(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    const { start, end } = d.range;
    assert.ok(start.line < lines.length && end.line < lines.length, `range past the last line: ${JSON.stringify(d.range)} ${d.message}`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `reversed range ${JSON.stringify(d.range)}`);
    assert.ok(end.character <= lines[end.line]!.length, `range past the end of line ${end.line}: ${JSON.stringify(d.range)}`);
  }
}

/** A few positions spread over the text, for hovers and completions. */
function probes(text: string): Position[] {
  const lines = text.split(/\r\n|\r|\n/);
  const picks = [0, 1, Math.floor(lines.length / 2), lines.length - 1];
  return picks.map((line) => ({ line, character: Math.min(3, lines[line]?.length ?? 0) }));
}

describe('hostile input: engine and language service', function () {
  this.timeout(120_000);

  const documents = memoryDocuments();
  const service = createLanguageService({ documents, today: () => TODAY });
  const healthy = 'file:///healthy.integration.yaml';
  documents.set(healthy, SPEC_EXAMPLE);

  /** The service answers on a normal manifest as it should: the guidance on `mode`, the example's one middleware system in `via`. */
  function assertStillAnswering(): void {
    assertModeHover(service.hover(healthy, MODE_KEY));
    assertViaCompletion(service.completion(healthy, VIA_VALUE).items);
  }

  for (const c of hostileCases(BIG)) {
    it(`survives ${c.name}`, async () => {
      // yaml's warnings quote the manifest, and the server's stderr is the editor's output panel.
      const warnings: string[] = [];
      const onWarning = (warning: Error) => warnings.push(warning.message);
      process.on('warning', onWarning);
      const uri = `file:///hostile/${encodeURIComponent(c.name)}.integration.yaml`;
      documents.set(uri, c.text);
      const diagnostics = service.diagnostics(uri);
      assert.ok(!diagnostics.some((d) => d.code === 'internal-error'), `checking failed: ${diagnostics.find((d) => d.code === 'internal-error')?.message}`);
      if (c.expect) {
        const expect = c.expect;
        assert.ok(diagnostics.some((d) => expect.test(d.message)), `no diagnostic matching ${expect}; got:\n${diagnostics.slice(0, 8).map((d) => `${d.code}: ${d.message}`).join('\n')}`);
      }
      assertInside(c.text, diagnostics);
      for (const d of diagnostics) assert.ok(d.message.length < 1_000, `a message of ${d.message.length} characters: ${d.message.slice(0, 120)}`);
      // Every other feature on the same document: none throws.
      for (const position of probes(c.text)) askAt(service, uri, position);
      service.documentSymbols(uri);
      service.codeLenses(uri);
      service.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, diagnostics.slice(0, 50));
      const analysis = service.analysis(uri);
      assert.ok(analysis, 'the service has an analysis of the hostile text');
      assert.equal(analysis.document.text, c.text, 'the service analysed the hostile text');
      diagramsFor(analysis, { today: TODAY });
      assert.ok(process.resourceUsage().maxRSS * 1024 < MEMORY_LIMIT_BYTES, `peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
      documents.delete(uri);
      service.forget(uri);
      assertStillAnswering();
      await new Promise((resolve) => setImmediate(resolve)); // process warnings arrive on a later tick
      process.off('warning', onWarning);
      assert.deepEqual(warnings, [], 'the engine printed a warning to stderr');
    });
  }

  describe('the guards behind them', () => {
    it(`cuts collections off below ${MAX_NESTING} levels, so no recursive walk meets the rest`, () => {
      const doc = parseManifest(`a: ${flowLists(MAX_NESTING + 50)}\n`);
      let depth = 0;
      for (let node: unknown = doc.yaml.contents; node && typeof node === 'object' && 'items' in node; depth++) {
        const items = (node as { items: unknown[] }).items;
        const first = items[0] as { value?: unknown } | undefined;
        node = first && typeof first === 'object' && 'value' in first && !('items' in first) ? first.value : first;
      }
      assert.ok(depth <= MAX_NESTING, `read ${depth} levels`);
      assert.equal(doc.syntaxProblems.filter((p) => /nested more than/.test(p.message)).length, 1, 'one nesting problem, not one per level');
      assert.doesNotThrow(() => doc.yaml.toJS());
    });

    it('leaves a manifest nested to the limit alone', () => {
      const doc = parseManifest(`a: ${flowLists(MAX_NESTING - 1)}\n`);
      assert.deepEqual(doc.syntaxProblems, []);
    });

    it(`keeps ${MAX_SYNTAX_PROBLEMS} syntax problems and one that counts the rest`, () => {
      const doc = parseManifest('- ]\n'.repeat(5_000));
      assert.equal(doc.syntaxProblems.length, MAX_SYNTAX_PROBLEMS + 1);
      assert.match(doc.syntaxProblems.at(-1)!.message, /^\d+ more YAML syntax errors follow/);
      assert.ok(doc.yaml.errors.length <= MAX_SYNTAX_PROBLEMS, 'the dropped errors are not stored either');
    });

    it('still reports duplicate keys, on the repeated key, in block and flow maps', () => {
      const text = 'a: 1\nb: {x: 1, x: 2}\na: 2\n';
      const problems = analyzeText(text).problems.filter((p) => p.rule === 'yaml-syntax');
      assert.deepEqual(
        problems.map((p) => [text.slice(p.span.start, p.span.end), p.message]),
        [
          ['x', 'Map keys must be unique. Each key may appear once in a map: remove or rename the repeated key.'],
          ['a', 'Map keys must be unique. Each key may appear once in a map: remove or rename the repeated key.'],
        ],
      );
    });

    it('places a problem the parser puts past the end on the end', () => {
      const text = 'integrationManifest: 1\nsolution: "';
      for (const p of analyzeText(text).problems) assert.ok(p.span.start <= text.length && p.span.end <= text.length, JSON.stringify(p.span));
    });

    it('reads CRLF and LF alike: the same findings on the same lines', () => {
      const lf = analyzeText(SPEC_EXAMPLE.replace('mode: async', 'mode: sync'), undefined, { today: TODAY });
      const crlfText = SPEC_EXAMPLE.replace('mode: async', 'mode: sync').replace(/\n/g, '\r\n');
      const crlf = analyzeText(crlfText, undefined, { today: TODAY });
      const at = (a: typeof lf) => a.problems.map((p) => `${a.document.lines.positionAt(p.span.start).line}: ${p.rule}`);
      assert.deepEqual(at(crlf), at(lf));
      assert.ok(lf.problems.length > 0);
    });

    it('appends to a list left unclosed inside it, not into the comment after it (found by the fuzzer)', () => {
      const doc = parseManifest('systems:\n  [# a comment\n# another\nintegrationManifest: 1\n');
      const seq = doc.yaml.contents && (doc.yaml.contents as YAMLMap).items[0]!.value;
      assert.ok(isSeq(seq) && seq.flow);
      const edit = appendToSeq(doc, doc.yaml.contents as YAMLMap, 'systems', { id: 'bank' });
      assert.equal(applyEdits(doc.text, [edit]), 'systems:\n  [{ id: bank } # a comment\n# another\nintegrationManifest: 1\n');
      const map = parseManifest('a: {x: 1, # note\nb: 2\n');
      const pair = insertPair(map, (map.yaml.contents as YAMLMap).items[0]!.value as YAMLMap, 'y', 2);
      assert.equal(applyEdits(map.text, [pair]), 'a: {y: 2, x: 1, # note\nb: 2\n');
    });

    it('does not measure a very long word against candidates that cannot be close', () => {
      // Measured against each of 100,000 short candidates, a 1 MB word would cost some 10^12
      // steps: far past this test's timeout. Skipped by length, it answers at once.
      const candidates = Array.from({ length: 100_000 }, (_, i) => `value-${i}`);
      assert.equal(closest('x'.repeat(MB), candidates), undefined);
      assert.equal(closest('x'.repeat(MB), ['sync', 'async', 'batch']), undefined);
      assert.equal(closest('asynk', ['sync', 'async', 'batch']), 'async');
      assert.equal(closest('value-4', candidates), 'value-4');
    });
  });
});
