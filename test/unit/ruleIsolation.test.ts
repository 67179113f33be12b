/**
 * A rule that throws costs its own findings only: the analysis gets one `internal-error`
 * finding naming the rule, every other rule's findings are what they are without it, and the
 * logger gets one entry per failure, with the rule id and the error's name and stack frames
 * but no manifest text. In the whole analysis (`analyzeText`), the incremental analyzer, the
 * document analyses of the language service, and on the rules' worker thread.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { analyzeText, INTERNAL_ERROR, type Analysis, type Problem, type RuleRuntime } from '../../server/src/analysis/analyze';
import { diagnostics } from '../../server/src/features/diagnostics';
import { IncrementalAnalyzer } from '../../server/src/incremental/analyzer';
import { AnalysisWorker } from '../../server/src/node/analysisWorker';
import { DocumentAnalyses } from '../../server/src/incremental/documentAnalyses';
import { lineLogger, type Logger } from '../../server/src/logger';
import { RULES } from '../../server/src/rules';
import type { RuleDefinition } from '../../server/src/rules/types';
import { generateManifest } from '../../bench/generate';
import { TODAY } from '../helpers/text';

const URI = 'file:///isolation.integration.yaml';
const OPTIONS = { today: TODAY };
/** Written into every manifest here, and into every error a test rule throws: it must never reach the log. */
const MARKER = 'zq-MANIFEST-SECRET-7731';
const EXAMPLES = join(__dirname, '../../examples');

/** The manifests: the examples, and a generated one with many findings; each with the marker in a comment and a value. */
const MANIFESTS: { name: string; text: string }[] = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.integration.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(EXAMPLES, name), 'utf8') })),
  { name: 'generated (40 integrations)', text: generateManifest({ integrations: 40, seed: 8 }) },
].map(({ name, text }) => ({ name, text: `# ${MARKER}\n${text.replace(/^( {2}name: )(.*)$/m, `$1$2 ${MARKER}`)}` }));

/** A rule that reads the manifest and throws an error quoting it (as a real bug's message might). */
function throwingRule(id: string, how: 'at once' | 'after findings' | 'a string' = 'at once'): RuleDefinition {
  return {
    id,
    severity: 'warning',
    category: 'guidance',
    summary: 'Throws, for a test.',
    *check({ manifest }) {
      if (how === 'after findings') {
        // Findings given before the throw are lost with the rest.
        for (const integration of manifest.integrations) yield { span: integration.span, message: 'a finding before the throw', item: integration };
      }
      // A rule may throw anything: this one throws a string (typed unknown, as a caught value is).
      if (how === 'a string') {
        const thrown: unknown = `${MARKER} ${manifest.document.text}`;
        throw thrown;
      }
      throw new TypeError(`Cannot read the rate of ${MARKER} in ${manifest.document.text}`);
    },
  };
}

/** The catalog with `extra` inserted at `at`. */
function catalogWith(extra: RuleDefinition[], at = Math.floor(RULES.length / 2)): RuleDefinition[] {
  return [...RULES.slice(0, at), ...extra, ...RULES.slice(at)];
}

/** A logger that keeps each entry as the server's log would show it. */
function recordingLogger(): Logger & { entries: { level: string; line: string }[] } {
  const entries: { level: string; line: string }[] = [];
  const logger = lineLogger({
    error: (line) => entries.push({ level: 'error', line }),
    warn: (line) => entries.push({ level: 'warn', line }),
    info: (line) => entries.push({ level: 'info', line }),
  });
  return Object.assign(logger, { entries });
}

/** A problem as compared here: its item by kind and id (items are objects of one analysis). */
function comparable(p: Problem) {
  return { rule: p.rule, severity: p.severity, span: { ...p.span }, message: p.message, data: p.data, item: p.item ? `${p.item.kind}:${p.item.id}` : undefined };
}

/** One `internal-error` finding naming each rule of `failed`; every other finding is one of `baseline`, and all of them are there. */
function assertIsolated(got: readonly Problem[], baseline: readonly Problem[], failed: string[], where: string) {
  const internal = got.filter((p) => p.rule === INTERNAL_ERROR);
  assert.deepEqual(
    internal.map((p) => p.data['failedRule']),
    failed,
    `${where}: one internal-error finding per rule that threw`,
  );
  for (const [i, p] of internal.entries()) {
    assert.equal(p.severity, 'error');
    assert.equal(
      p.message,
      `Rule ${failed[i]} could not check this manifest; its findings are missing. The other rules' findings are shown. Please report this.`,
    );
    assert.ok(!p.message.includes(MARKER));
  }
  assert.deepEqual(
    got.filter((p) => p.rule !== INTERNAL_ERROR).map(comparable),
    baseline.map(comparable),
    `${where}: the other rules' findings are those of the analysis without the throwing rule`,
  );
}

/** One log entry (at error level) per rule of `failed`, naming it and the error, with no manifest text. */
function assertLogged(entries: { level: string; line: string }[], failed: string[], errorName: string, text: string, where: string) {
  assert.equal(entries.length, failed.length, `${where}: one log entry per failure, got ${JSON.stringify(entries)}`);
  for (const [i, { level, line }] of entries.entries()) {
    assert.equal(level, 'error');
    assert.ok(line.startsWith(`Rule ${failed[i]} could not check a manifest; its findings are missing: ${errorName}`), `${where}: ${line}`);
    assert.ok(!line.includes(MARKER), `${where}: the log holds manifest text: ${line}`);
    for (const textLine of text.split('\n').map((l) => l.trim()))
      if (textLine.length >= 12) assert.ok(!line.includes(textLine), `${where}: the log holds the manifest line ${JSON.stringify(textLine)}`);
  }
  if (errorName !== 'a thrown string') for (const { line } of entries) assert.match(line, /\n\s+at /, `${where}: the entry has the stack frames`);
}

describe('rule isolation: a rule that throws', () => {
  const baselines = new Map<string, Analysis>(MANIFESTS.map(({ name, text }) => [name, analyzeText(text, URI, OPTIONS)]));
  const baseline = (name: string) => baselines.get(name)!;

  it('the manifests here have findings to keep', () => {
    const total = MANIFESTS.reduce((n, { name }) => n + baseline(name).problems.length, 0);
    assert.ok(total >= 20, `${total} findings`);
  });

  describe('in the whole analysis (analyzeText)', () => {
    for (const { name, text } of MANIFESTS)
      it(`${name}: one internal-error finding, the other findings kept, one log entry without manifest text`, () => {
        for (const at of [0, Math.floor(RULES.length / 2), RULES.length]) {
          const logger = recordingLogger();
          const analysis = analyzeText(text, URI, OPTIONS, { rules: catalogWith([throwingRule('test-throws')], at), logger });
          assertIsolated(analysis.problems, baseline(name).problems, ['test-throws'], `${name}, rule at ${at}`);
          assertLogged(logger.entries, ['test-throws'], 'TypeError', text, `${name}, rule at ${at}`);
        }
      });

    it('drops the findings the rule gave before it threw', () => {
      const { name, text } = MANIFESTS.at(-1)!;
      const logger = recordingLogger();
      const analysis = analyzeText(text, URI, OPTIONS, { rules: catalogWith([throwingRule('test-throws', 'after findings')]), logger });
      assertIsolated(analysis.problems, baseline(name).problems, ['test-throws'], name);
      assertLogged(logger.entries, ['test-throws'], 'TypeError', text, name);
    });

    it('logs a thrown non-Error by its type, never its value', () => {
      const { name, text } = MANIFESTS[0]!;
      const logger = recordingLogger();
      const analysis = analyzeText(text, URI, OPTIONS, { rules: catalogWith([throwingRule('test-throws', 'a string')]), logger });
      assertIsolated(analysis.problems, baseline(name).problems, ['test-throws'], name);
      assertLogged(logger.entries, ['test-throws'], 'a thrown string', text, name);
    });

    it('two rules that throw: one finding and one log entry each', () => {
      const { name, text } = MANIFESTS[1]!;
      const logger = recordingLogger();
      const rules = [throwingRule('test-throws-a'), ...RULES, throwingRule('test-throws-b', 'after findings')];
      const analysis = analyzeText(text, URI, OPTIONS, { rules, logger });
      assertIsolated(analysis.problems, baseline(name).problems, ['test-throws-a', 'test-throws-b'], name);
      assertLogged(logger.entries, ['test-throws-a', 'test-throws-b'], 'TypeError', text, name);
    });

    it('a rule of the catalog that throws: its findings are the ones missing', () => {
      const { text } = MANIFESTS.at(-1)!;
      const victim = RULES.find((r) => r.perIntegration && analyzeText(text, URI, OPTIONS).problems.some((p) => p.rule === r.id))!;
      assert.ok(victim, 'a rule with findings on the generated manifest');
      const broken: RuleDefinition = {
        ...victim,
        check: () => {
          throw new RangeError(MARKER);
        },
      };
      const logger = recordingLogger();
      const analysis = analyzeText(text, URI, OPTIONS, { rules: RULES.map((r) => (r === victim ? broken : r)), logger });
      const without = analyzeText(text, URI, OPTIONS).problems.filter((p) => p.rule !== victim.id);
      assertIsolated(analysis.problems, without, [victim.id], victim.id);
      assertLogged(logger.entries, [victim.id], 'RangeError', text, victim.id);
    });

    it('becomes one error diagnostic, first, with the code internal-error and no rule page', () => {
      const { name, text } = MANIFESTS[2]!;
      const analysis = analyzeText(text, URI, OPTIONS, { rules: catalogWith([throwingRule('test-throws')]) });
      const [first, ...rest] = diagnostics(analysis);
      assert.equal(first?.code, INTERNAL_ERROR);
      assert.equal(first.severity, DiagnosticSeverity.Error);
      assert.equal(first.codeDescription, undefined);
      assert.match(first.message, /^Rule test-throws could not check this manifest/);
      assert.deepEqual(first.data, { failedRule: 'test-throws', rule: INTERNAL_ERROR });
      assert.deepEqual(rest, diagnostics(baseline(name)));
    });
  });

  describe('in the incremental analyzer', () => {
    it('equals the whole analysis with the same rules, version after version, one log entry per version', () => {
      const { name, text } = MANIFESTS.at(-1)!;
      const logger = recordingLogger();
      const runtime: RuleRuntime = { rules: catalogWith([throwingRule('test-throws')]), logger };
      const analyzer = new IncrementalAnalyzer(runtime);
      const first = analyzer.analyze(text, URI, 1, OPTIONS);
      assertIsolated(first.problems, baseline(name).problems, ['test-throws'], 'first version');
      // An edit inside one integration: the rules that read one integration at a time check only it.
      const edited = text.replace(/mode: (a?sync)/, (_, mode: string) => `mode: ${mode === 'sync' ? 'async' : 'sync'}`);
      assert.notEqual(edited, text);
      const second = analyzer.analyze(edited, URI, 2, OPTIONS);
      assert.ok(analyzer.ruleStats.reused > 0, 'findings of unchanged integrations were reused');
      assertIsolated(second.problems, analyzeText(edited, URI, OPTIONS).problems, ['test-throws'], 'second version');
      assertLogged(logger.entries, ['test-throws', 'test-throws'], 'TypeError', text, name);
    });

    it('a rule that reads one integration at a time and throws on one of them: nothing of it is kept, and it recovers', () => {
      const { text } = MANIFESTS.at(-1)!;
      const victim = RULES.find((r) => r.perIntegration && analyzeText(text, URI, OPTIONS).problems.some((p) => p.rule === r.id))!;
      // Throws, after its findings, while an integration's name says it is poisoned; an edit to that name changes nothing else it reads.
      const flaky: RuleDefinition = {
        ...victim,
        *check(context) {
          for (const finding of victim.check(context)) yield finding;
          if (context.manifest.integrations.some((i) => i.name?.endsWith('poisoned'))) throw new TypeError(MARKER);
        },
      };
      const logger = recordingLogger();
      const analyzer = new IncrementalAnalyzer({ rules: RULES.map((r) => (r === victim ? flaky : r)), logger });
      const name = /^ {4}name: (.+)$/m.exec(text.slice(text.indexOf('integrations:')))![0];
      const versions = [text, text.replace(name, `${name} poisoned`), text];
      versions.forEach((version, i) => {
        const got = analyzer.analyze(version, URI, i + 1, OPTIONS).problems;
        if (i > 0) assert.ok(analyzer.ruleStats.reused > 0, `version ${i + 1} was checked incrementally`);
        const whole = analyzeText(version, URI, OPTIONS).problems;
        if (i === 1) assertIsolated(got, whole.filter((p) => p.rule !== victim.id), [victim.id], `version ${i + 1}`);
        else assertIsolated(got, whole, [], `version ${i + 1}`);
      });
      assertLogged(logger.entries, [victim.id], 'TypeError', versions[1]!, victim.id);
    });
  });

  describe('in the language service', () => {
    it('document analyses on this thread: settled and read at once, one log entry for each analysis', async () => {
      const { name, text } = MANIFESTS[3]!;
      const logger = recordingLogger();
      const analyses = new DocumentAnalyses(undefined, { rules: catalogWith([throwingRule('test-throws')]), logger });
      const settled = await analyses.settle({ uri: URI, version: 1, getText: () => text }, 'v1', OPTIONS);
      assertIsolated(settled!.problems, baseline(name).problems, ['test-throws'], 'settled');
      const read = analyses.get({ uri: URI, version: 2, getText: () => text }, 'v2', OPTIONS).problems;
      assertIsolated(read, baseline(name).problems, ['test-throws'], 'read at once');
      assertLogged(logger.entries, ['test-throws', 'test-throws'], 'TypeError', text, name);
    });

    describe('on the rules’ worker thread', function () {
      this.timeout(60_000);
      let dir: string;
      let worker: AnalysisWorker;
      const logger = recordingLogger();

      before(() => {
        // The worker runs these sources (through tsx) with a throwing rule added to its own copy of the catalog: the main thread's is untouched.
        dir = mkdtempSync(join(tmpdir(), 'rule-isolation-'));
        const script = join(dir, 'worker.js');
        const src = join(__dirname, '../../server/src');
        writeFileSync(
          script,
          [
            `require(${JSON.stringify(require.resolve('tsx/cjs'))});`,
            `const { RULES } = require(${JSON.stringify(join(src, 'rules/index.ts'))});`,
            `const marker = ${JSON.stringify(MARKER)};`,
            'RULES.splice(RULES.length >> 1, 0, {',
            "  id: 'worker-throws', severity: 'warning', summary: 'Throws, for a test.',",
            '  check({ manifest }) { throw new SyntaxError(`${marker} ${manifest.document.text}`); },',
            '});',
            `require(${JSON.stringify(join(src, 'node/analysisWorker.ts'))});`,
          ].join('\n'),
        );
        worker = new AnalysisWorker(script, logger);
      });

      after(() => {
        worker?.dispose();
        if (dir) rmSync(dir, { recursive: true, force: true });
      });

      it('the problems come back with one internal-error finding, and the main thread logs the worker’s entry once', async () => {
        // Without the throwing rule on this thread: the failure can only have come from the worker.
        const analyses = new DocumentAnalyses(worker, { logger }, 0); // every text to the worker, however small
        for (const [i, { name, text }] of MANIFESTS.entries()) {
          logger.entries.length = 0;
          const uri = `file:///worker-${i}.integration.yaml`;
          const settled = await analyses.settle({ uri, version: 1, getText: () => text }, 'v1', OPTIONS);
          assert.ok(settled, name);
          const expected = analyzeText(text, uri, OPTIONS).problems;
          assertIsolated(settled.problems, expected, ['worker-throws'], `${name} on the worker`);
          assertLogged(logger.entries, ['worker-throws'], 'SyntaxError', text, `${name} on the worker`);
          // Read again: nothing computed or logged again.
          assert.equal((await analyses.settle({ uri, version: 1, getText: () => text }, 'v1', OPTIONS))?.problems, settled.problems);
          assert.equal(logger.entries.length, 1);
        }
      });

      it('an edit sent as a change: the worker checks it incrementally, with the same result', async () => {
        const analyses = new DocumentAnalyses(worker, { logger }, 0); // every text to the worker, however small
        const { name, text } = MANIFESTS.at(-1)!;
        const uri = 'file:///worker-edits.integration.yaml';
        const edited = text.replace(/mode: (a?sync)/, (_, mode: string) => `mode: ${mode === 'sync' ? 'async' : 'sync'}`);
        logger.entries.length = 0;
        for (const [version, t] of [text, edited, text].entries()) {
          const settled = await analyses.settle({ uri, version, getText: () => t }, `v${version}`, OPTIONS);
          assertIsolated(settled!.problems, analyzeText(t, uri, OPTIONS).problems, ['worker-throws'], `${name}, version ${version}`);
        }
        assertLogged(logger.entries, ['worker-throws', 'worker-throws', 'worker-throws'], 'SyntaxError', text, name);
      });
    });
  });
});
