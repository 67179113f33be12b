import assert from 'node:assert/strict';
/** Test helpers shared by the unit and protocol suites. */
import { analyzeText, type Analysis, type AnalysisOptions } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/document/edits';
import { findRule } from '../../server/src/rules';

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

/** Applies the first (or the titled) quick fix of the first finding of `rule`; returns the new text. */
export function applyFix(text: string, rule: string, title?: string | RegExp, options: AnalysisOptions = {}): string {
  const analysis = lintText(text, options);
  const problem = analysis.problems.find((p) => p.rule === rule);
  if (!problem) throw new Error(`no ${rule} finding to fix`);
  const fixes = findRule(rule)!.fixes?.(analysis.manifest, { span: problem.span, data: problem.data }) ?? [];
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

/** The one finding of `rule` in `text`, with its analysis; fails unless there is exactly one. */
export function onlyFinding(text: string, rule: string): { analysis: Analysis; finding: Analysis['problems'][number] } {
  const analysis = lintText(text);
  const found = analysis.problems.filter((p) => p.rule === rule);
  assert.equal(found.length, 1, `expected one ${rule} finding, got ${found.length}`);
  return { analysis, finding: found[0]! };
}

/**
 * Applies a rule's quick fix and checks it: the finding is gone, no yaml-syntax or schema
 * finding appears that was not there before, and every comment is kept. Returns the new text.
 */
export function applyFixAndCheck(before: string, rule: string, title?: string | RegExp): string {
  const after = applyFix(before, rule, title);
  assert.deepEqual(findingsOf(after, rule), [], `the fix did not clear the finding:\n${after}`);
  const broken = (t: string) => lintText(t).problems.filter((p) => p.rule === 'yaml-syntax' || p.rule === 'schema').map((p) => p.message);
  const was = broken(before);
  assert.deepEqual(broken(after).filter((m) => !was.includes(m)), [], after);
  assert.deepEqual(commentsOf(after), commentsOf(before));
  return after;
}
