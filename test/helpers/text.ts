/** Test helpers shared by the unit and protocol suites. */
import assert from 'node:assert/strict';
import { analyzeText, type Analysis, type AnalysisOptions, type Problem } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/document/edits';
import { findRule } from '../../server/src/rules';
import { fixesOf, type Fix } from '../../server/src/rules/types';

export function joinLines(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A fixed date so that waiver expiry is deterministic in tests. */
export const TODAY = '2026-11-22';

export function lintText(text: string, options: AnalysisOptions = {}): Analysis {
  return analyzeText(text, 'file:///test.integration.yaml', { today: TODAY, ...options });
}

export function findingsOf(text: string, rule: string, options: AnalysisOptions = {}) {
  return lintText(text, options).problems.filter((p) => p.rule === rule);
}

/** The text a finding's span covers. */
export function spanText(analysis: Analysis, problem: { span: { start: number; end: number } }): string {
  return analysis.document.text.slice(problem.span.start, problem.span.end);
}

/**
 * The quick fixes the rule of `problem` offers for it (none when the rule has no fixes), as a
 * code action request gets them: the finding's data is read back by the rule's `readData`.
 */
export function fixesFor(analysis: Analysis, problem: Problem): Fix[] {
  const rule = findRule(problem.rule);
  if (!rule) throw new Error(`no rule ${problem.rule}`);
  return fixesOf(rule, analysis.manifest, problem.span, problem.data);
}

/** The quick fixes offered for the first finding of `rule` in `text`. */
export function fixesOfFirst(text: string, rule: string, options: AnalysisOptions = {}): Fix[] {
  const analysis = lintText(text, options);
  const problem = analysis.problems.find((p) => p.rule === rule);
  if (!problem) throw new Error(`no ${rule} finding to fix`);
  return fixesFor(analysis, problem);
}

/** Applies the first (or the titled) quick fix of the first finding of `rule`; returns the new text. */
function applyFix(text: string, rule: string, title?: string | RegExp, options: AnalysisOptions = {}): string {
  const fixes = fixesOfFirst(text, rule, options);
  const fix = title === undefined ? fixes[0] : fixes.find((f) => (typeof title === 'string' ? f.title === title : title.test(f.title)));
  if (!fix) throw new Error(`no fix ${String(title ?? '')} for ${rule}; have: ${fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}

/** Every comment line (text from `#`) of a document, to check that fixes keep them. */
export function commentsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => /(^|\s)#.*$/.exec(l)?.[0].trim())
    .filter((c): c is string => c !== undefined);
}

/** A small valid manifest: one cloud Sales, one on-premises ERP, and a clean integration between them. */
export const BASE = joinLines(
  'integrationManifest: 1',
  'solution:',
  '  name: Test solution',
  'governance:',
  '  alm: azure-devops',
  '  versionControl: true',
  'goals:',
  '  - id: visibility',
  '    title: Sales sees order status',
  'systems:',
  '  - id: sales',
  '    name: Dynamics 365 Sales',
  '    kind: dynamics-365-sales',
  '    hosting: cloud',
  '  - id: erp',
  '    name: ERP',
  '    kind: erp',
  '    hosting: cloud',
  '  - id: bus',
  '    name: Service Bus',
  '    kind: service-bus',
  '    hosting: cloud',
  '    cost: { monthly: 600, currency: EUR }',
  'integrations:',
  '  - id: status',
  '    name: Order status',
  '    type: data',
  '    from: erp',
  '    to: sales',
  '    mode: async',
  '    trigger: event',
  '    volume: 500/day',
  '    pattern: business-events',
  '    via: [bus]',
  '    systemOfRecord: erp',
  '    goals: [visibility]',
  '    security:',
  '      authentication: entra-id',
  '      secrets: key-vault',
  '      transport: tls1.2',
  '    monitoring:',
  '      tool: application-insights',
  '      alerts: true',
  '    errorHandling:',
  '      retry: { attempts: 5, backoff: exponential }',
  '      deadLetter: true',
  '      notify: support@contoso.com',
);

/** BASE with the integration's lines edited: `set` replaces or adds `key: value` lines of the first integration. */
export function withIntegration(set: Record<string, string | null>, base = BASE): string {
  const lines = base.trimEnd().split('\n');
  const start = lines.indexOf('  - id: status');
  for (const [key, value] of Object.entries(set)) {
    const i = lines.findIndex((l, n) => n > start && l.startsWith(`    ${key}:`));
    if (i >= 0) {
      // remove the key and its indented children
      let j = i + 1;
      while (j < lines.length && lines[j]!.startsWith('      ')) j++;
      if (value === null) lines.splice(i, j - i);
      else lines.splice(i, j - i, `    ${key}: ${value}`);
    } else if (value !== null) lines.push(`    ${key}: ${value}`);
  }
  return lines.join('\n') + '\n';
}

/** What `applyFixAndCheck` checks beyond its defaults. */
export interface FixCheck {
  /** Analysis options (settings, today) for the text before and after the fix. */
  options?: AnalysisOptions;
  /** How many findings of the rule are left after the fix: 0 unless the fixed finding was one of several. */
  remaining?: number;
  /** Rules that must find nothing at all after the fix (by default only new yaml-syntax and schema findings fail). */
  clean?: readonly string[];
  /** Rules whose findings (their messages, in order) must be the same after the fix as before. */
  unchanged?: readonly string[];
  /** Comments the fix removes on purpose (inside a value it replaces); every other comment is kept. */
  droppedComments?: readonly string[];
}

/**
 * Applies a rule's quick fix (the first, or the titled one, for the rule's first finding) and
 * checks it: the finding is gone (`remaining` of the rule's findings are left, none by default),
 * no yaml-syntax or schema finding appears that was not there before, the `clean` rules find
 * nothing, the `unchanged` rules find what they found before, and every comment is kept. Returns the new text. The one fix-and-check of the suite:
 * the rule tester (test/helpers/ruleTester.ts) and the rule tests call it.
 */
export function applyFixAndCheck(before: string, rule: string, title?: string | RegExp, check: FixCheck = {}): string {
  const { options = {}, remaining = 0, clean = [], unchanged = [], droppedComments = [] } = check;
  const after = applyFix(before, rule, title, options);
  const problemsBefore = lintText(before, options).problems;
  const problems = lintText(after, options).problems;
  const of = (list: readonly Problem[], rules: readonly string[]) => list.filter((p) => rules.includes(p.rule)).map((p) => `${p.rule}: ${p.message}`);
  const left = of(problems, [rule]);
  assert.equal(left.length, remaining, `the fix did not clear the finding (left: ${left.join(' | ')}):\n${after}`);
  const was = of(problemsBefore, ['yaml-syntax', 'schema']);
  assert.deepEqual(of(problems, ['yaml-syntax', 'schema']).filter((m) => !was.includes(m)), [], `the fix broke the manifest:\n${after}`);
  assert.deepEqual(of(problems, clean), [], `after the fix:\n${after}`);
  assert.deepEqual(of(problems, unchanged), of(problemsBefore, unchanged), `the fix changed these findings:\n${after}`);
  assert.deepEqual(commentsOf(after), commentsOf(before).filter((c) => !droppedComments.includes(c)), 'the comments after the fix');
  return after;
}
