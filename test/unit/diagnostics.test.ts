import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { analyzeText } from '../../server/src/analysis/analyze';
import { diagnostics, diagnosticsInSteps, MORE_FINDINGS_CODE, mostSevere } from '../../server/src/features/diagnostics';
import { createLanguageService, memoryDocuments } from '../../server/src/languageService';
import { generateManifest } from '../../bench/generate';
import { TODAY } from '../helpers/text';

const RANK = { error: 0, warning: 1, info: 2, hint: 3 } as const;

describe('diagnostics: at most maxProblems per manifest', () => {
  const text = generateManifest({ integrations: 60 });
  const analysis = analyzeText(text, 'file:///many.integration.yaml', { today: TODAY });
  const problems = analysis.problems;

  it('the generated manifest has findings of every severity (the premise of these tests)', () => {
    const severities = new Set(problems.map((p) => p.severity));
    assert.deepEqual([...severities].sort(), ['error', 'hint', 'info', 'warning']);
    assert.ok(problems.length > 100, `${problems.length} findings`);
  });

  it('keeps the most severe findings, in document order', () => {
    const errors = problems.filter((p) => p.severity === 'error').length;
    for (const max of [0, 1, errors, errors + 1, errors + 7, problems.length - 1, problems.length, problems.length + 5]) {
      const shown = mostSevere(problems, max);
      assert.equal(shown.length, Math.min(max, problems.length), `max ${max}`);
      // Order kept: the shown findings are a subsequence of the whole list.
      let at = 0;
      for (const p of shown) {
        at = problems.indexOf(p, at) + 1;
        assert.ok(at > 0, 'a shown finding is one of the findings, after the one before it');
      }
      // Nothing left out is more severe than something shown.
      const worstLeftOut = Math.min(...problems.filter((p) => !shown.includes(p)).map((p) => RANK[p.severity]));
      const mildestShown = Math.max(...shown.map((p) => RANK[p.severity]));
      if (shown.length && shown.length < problems.length) assert.ok(mildestShown <= worstLeftOut, `max ${max}`);
    }
  });

  it('chooses among thousands of findings a thousand at a step, and gives what choosing at once gives', () => {
    const many = analyzeText(generateManifest({ integrations: 800, seed: 3 }), 'file:///more.integration.yaml', { today: TODAY });
    assert.ok(many.problems.length > 3000, `${many.problems.length} findings`);
    const steps = diagnosticsInSteps(many, 10);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // Two passes over the findings, a step after each thousand, then a step per diagnostic made.
    assert.equal(yields, 2 * Math.floor(many.problems.length / 1000) + 10);
    assert.deepEqual(step.value, diagnostics(many, 10));
  });

  it('adds one note at the top saying how many findings there are, when some are left out', () => {
    const all = diagnostics(analysis, problems.length);
    assert.equal(all.length, problems.length);
    assert.ok(!all.some((d) => d.code === MORE_FINDINGS_CODE));

    const some = diagnostics(analysis, 10);
    assert.equal(some.length, 11);
    const note = some[10]!;
    assert.equal(note.code, MORE_FINDINGS_CODE);
    assert.equal(note.severity, DiagnosticSeverity.Information);
    assert.deepEqual(note.range.start, { line: 0, character: 0 });
    assert.match(note.message, new RegExp(`has ${problems.length.toLocaleString('en-US')} findings; the 10 most severe are shown`));
    assert.match(note.message, /integrationManifests\.maxProblems/);
    // The ten shown are the ten most severe: as many of each severity as sorting all findings by severity gives.
    const LSP_SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;
    const tenMostSevere = problems.map((p) => LSP_SEVERITY[p.severity]).sort((a, b) => a - b).slice(0, 10);
    assert.deepEqual(some.slice(0, 10).map((d) => d.severity).sort((a, b) => (a ?? 0) - (b ?? 0)), tenMostSevere);
  });

  it('the language service follows the setting, and a change of it changes the result id', async () => {
    const documents = memoryDocuments();
    const uri = 'file:///many.integration.yaml';
    documents.set(uri, text);
    const service = createLanguageService({ documents, today: () => TODAY, maxProblems: 5 });
    assert.equal(service.diagnostics(uri).length, 6);
    assert.equal((await service.settledDiagnostics(uri))?.length, 6);
    const id = service.resultId(uri);
    service.setSettings({}, { maxProblems: 100_000 });
    assert.notEqual(service.resultId(uri), id);
    assert.equal(service.diagnostics(uri).length, problems.length);
    assert.equal((await service.settledDiagnostics(uri))?.length, problems.length);
    // The other features still see every finding: a code lens counts them all.
    service.setSettings({}, { maxProblems: 1 });
    const counted = service.codeLenses(uri).reduce((n, lens) => n + Number(/(\d+) finding/.exec(lens.command?.title ?? '')?.[1] ?? 0), 0);
    assert.ok(counted > 1, `code lenses count ${counted} findings`);
  });
});
