/**
 * The catalog meta-test: every rule of the catalog exists as a module with a doc page and a
 * test file, its doc page has the agreed shape, its Bad example fires, its Good example
 * does not, its first quick fix clears the Bad example's finding, and the doc's table says
 * what the module does.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS, findRule } from '../../server/src/rules';
import { ruleDocsUrl } from '../../shared/src/product';
import type { Severity } from '../../server/src/rules/types';
import { applyFixAndCheck, lintText } from '../helpers/text';

const ROOT = join(__dirname, '..', '..');

type Guidance = 'business-goals' | 'checklist' | 'choose-design' | 'general-guidance' | 'integration-overview';

/** The catalog (README and docs/rules), row by row: id, default severity, whether a quick fix must exist, the guidance it cites. */
const SPEC: readonly (readonly [id: string, severity: Severity, fix: boolean, guidance?: Guidance])[] = [
  ['yaml-syntax', 'error', false],
  ['schema', 'error', true],
  ['duplicate-id', 'error', false],
  ['unknown-reference', 'error', true],
  ['import-unresolved', 'error', false],
  ['self-integration', 'error', false],
  ['system-of-record-participant', 'error', true, 'choose-design'],
  ['no-inline-secrets', 'error', true, 'general-guidance'],
  ['transport-tls', 'error', true, 'general-guidance'],
  ['authentication-required', 'error', true, 'general-guidance'],
  ['dual-write-scope', 'error', false, 'general-guidance'],
  ['prefer-async-messaging', 'warning', true, 'checklist'],
  ['service-protection-limits', 'warning', true, 'checklist'],
  ['system-of-record', 'warning', true, 'choose-design'],
  ['shared-data-layer', 'warning', false, 'choose-design'],
  ['hybrid-gateway', 'warning', true, 'general-guidance'],
  ['logic-apps-monitoring', 'warning', true, 'choose-design'],
  ['monitoring-required', 'warning', true, 'general-guidance'],
  ['error-handling-required', 'warning', true, 'integration-overview'],
  ['dead-letter', 'warning', true, 'general-guidance'],
  ['process-event-driven', 'info', true, 'choose-design'],
  ['ui-embedded', 'warning', false, 'choose-design'],
  ['dmf-bulk', 'warning', true, 'general-guidance'],
  ['dmf-scope', 'error', false, 'general-guidance'],
  ['odata-bulk', 'warning', true, 'general-guidance'],
  ['pii-protection', 'warning', true, 'general-guidance'],
  ['goal-alignment', 'info', true, 'business-goals'],
  ['unused-goal', 'info', false, 'business-goals'],
  ['unused-system', 'info', false],
  ['volume-declared', 'info', false, 'checklist'],
  ['load-testing', 'info', true, 'checklist'],
  ['prefer-low-code', 'hint', false, 'integration-overview'],
  ['middleware-hub', 'info', false, 'general-guidance'],
  ['governance-declared', 'info', true, 'checklist'],
  ['waiver-reason', 'error', false],
  ['waiver-expired', 'warning', false],
];

interface RuleDoc {
  title: string;
  summary: string;
  table: { severity: string; quickFix: string; options: string } | undefined;
  sections: Map<string, string>;
  bad: string | undefined;
  good: string | undefined;
}

/** Reads a `docs/rules/<id>.md` page into its parts (see CONTRIBUTING.md for the shape). */
function parseDoc(markdown: string): RuleDoc {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const title = lines[0]?.startsWith('# ') ? lines[0].slice(2).trim() : '';
  const firstSection = lines.findIndex((l) => l.startsWith('## '));
  const head = lines.slice(1, firstSection < 0 ? lines.length : firstSection);
  const tableAt = head.findIndex((l) => /^\|\s*Default severity\s*\|\s*Quick fix\s*\|\s*Options\s*\|\s*$/.test(l));
  const summary = head
    .slice(0, tableAt < 0 ? head.length : tableAt)
    .join(' ')
    .trim();
  let table: RuleDoc['table'];
  const row = tableAt >= 0 ? head[tableAt + 2] : undefined;
  if (row && /^\|\s*-/.test(head[tableAt + 1] ?? '')) {
    const cells = row.split('|').slice(1, -1).map((c) => c.trim());
    table = { severity: cells[0] ?? '', quickFix: cells[1] ?? '', options: cells[2] ?? '' };
  }
  const sections = new Map<string, string>();
  let current: string | undefined;
  for (const line of lines.slice(firstSection < 0 ? lines.length : firstSection)) {
    if (line.startsWith('## ')) sections.set((current = line.slice(3).trim()), '');
    else if (current !== undefined) sections.set(current, sections.get(current)! + line + '\n');
  }
  return { title, summary, table, sections, bad: yamlBlock(sections.get('Bad')), good: yamlBlock(sections.get('Good')) };
}

function yamlBlock(section: string | undefined): string | undefined {
  const match = /```ya?ml\n([\s\S]*?)```/.exec(section ?? '');
  return match?.[1];
}

function relevant(text: string, rule: string) {
  return lintText(text).problems.filter((p) => p.rule === rule);
}

describe('rule catalog', () => {
  it('the registry holds exactly the rules of the catalog, in its order', () => {
    assert.deepEqual(RULE_IDS, SPEC.map(([id]) => id));
  });

  it('rule ids are unique', () => {
    assert.equal(new Set(RULE_IDS).size, RULE_IDS.length);
  });

  it('each rule says its category: these report what is wrong as written at once, the others judge the design once an integration is written', () => {
    const correctness = ['yaml-syntax', 'schema', 'duplicate-id', 'unknown-reference', 'import-unresolved', 'self-integration', 'system-of-record-participant', 'no-inline-secrets', 'waiver-reason', 'waiver-expired'];
    for (const id of RULE_IDS) assert.equal(findRule(id)?.category, correctness.includes(id) ? 'correctness' : 'guidance', id);
  });

  for (const [id, severity, specFix, guidance] of SPEC) {
    describe(id, () => {
      const rule = findRule(id);
      const docPath = join(ROOT, 'docs', 'rules', `${id}.md`);
      const doc = existsSync(docPath) ? parseDoc(readFileSync(docPath, 'utf8')) : undefined;

      it('has a module, a test file and a doc page', () => {
        assert.ok(rule, `${id} is not in RULES`);
        assert.ok(existsSync(join(ROOT, 'server', 'src', 'rules', `${id}.ts`)), `server/src/rules/${id}.ts is missing`);
        assert.ok(existsSync(join(ROOT, 'test', 'unit', 'rules', `${id}.test.ts`)), `test/unit/rules/${id}.test.ts is missing`);
        assert.ok(doc, `docs/rules/${id}.md is missing`);
        assert.ok(ruleDocsUrl(id).endsWith(`/docs/rules/${id}.md`));
      });

      it('the module has the severity and quick fix the catalog gives, and a real summary', () => {
        assert.ok(rule);
        assert.equal(rule.severity, severity);
        if (specFix) assert.equal(typeof rule.fixes, 'function', `the catalog asks for a quick fix for ${id}`);
        assert.ok(rule.summary.length > 20 && !/\bTODO\b/.test(rule.summary), `summary of ${id}: ${rule.summary}`);
      });

      it('the doc page has the title, summary, table and sections of the template', () => {
        assert.ok(doc);
        assert.equal(doc.title, id);
        assert.ok(doc.summary.length > 20, 'a one-paragraph summary under the title');
        assert.ok(doc.table, 'a `| Default severity | Quick fix | Options |` table under the summary');
        assert.deepEqual([...doc.sections.keys()], ['Why', 'Bad', 'Good', 'Fix']);
        for (const [name, body] of doc.sections) assert.ok(body.trim().length > 0, `## ${name} is empty`);
        if (guidance) assert.match(doc.sections.get('Why')!, new RegExp(`Guidance: ${guidance}\\.md — \\S`), `## Why ends with "Guidance: ${guidance}.md — <idea>"`);
      });

      it('the doc table says what the module does', () => {
        assert.ok(rule && doc?.table);
        assert.equal(doc.table.severity, rule.severity);
        assert.equal(doc.table.quickFix, rule.fixes ? 'yes' : 'no');
        if (rule.threshold) assert.match(doc.table.options, /`threshold`/);
      });

      it('the Bad example makes the rule fire', () => {
        assert.ok(doc?.bad, 'a ```yaml block under ## Bad');
        assert.ok(relevant(doc.bad, id).length > 0, `${id} does not fire on its Bad example`);
        if (id !== 'yaml-syntax') assert.deepEqual(relevant(doc.bad, 'yaml-syntax'), [], 'the Bad example parses');
      });

      it('the Good example is valid and the rule stays silent', () => {
        assert.ok(doc?.good, 'a ```yaml block under ## Good');
        const problems = lintText(doc.good).problems;
        assert.deepEqual(problems.filter((p) => p.rule === id).map((p) => p.message), []);
        assert.deepEqual(problems.filter((p) => p.rule === 'yaml-syntax' || p.rule === 'schema').map((p) => p.message), []);
      });

      if (specFix || rule?.fixes)
        it('the first quick fix clears the Bad example’s first finding and keeps the YAML valid', () => {
          assert.ok(rule?.fixes && doc?.bad);
          const found = relevant(doc.bad, id);
          assert.ok(found.length > 0);
          // The one fix-and-check: the finding goes, the YAML stays valid, every comment stays.
          applyFixAndCheck(doc.bad, id, undefined, { remaining: found.length - 1 });
        });
    });
  }
});
