/**
 * A table-driven rule tester in the manner of typescript-eslint's `RuleTester`: a rule's test
 * lists manifests it must stay silent on (`valid`) and manifests it must report (`invalid`),
 * with the findings expected and, optionally, the text its quick fix produces.
 *
 *     ruleTester('transport-tls', {
 *       valid: [BASE, { name: 'TLS 1.3', code: withTransport('tls1.3') }],
 *       invalid: [
 *         {
 *           name: 'plain HTTP, fixed in a flow map',
 *           code: withTransport('http'),
 *           errors: [{ at: 'http', severity: 'error', message: [/plain HTTP/, /`transport: tls1\.2`/] }],
 *           output: /transport: tls1\.2 \}/,
 *         },
 *       ],
 *     });
 *
 * Each case is one mocha `it` under `describe(<rule id>)` › `valid` or `invalid`. A fix is applied
 * and checked by `applyFixAndCheck` (test/helpers/text.ts), the one fix-and-check of the suite.
 */
import assert from 'node:assert/strict';
import type { Analysis, AnalysisOptions, Problem } from '../../server/src/analysis/analyze';
import type { Severity } from '../../server/src/rules/types';
import { applyFixAndCheck, fixesFor, lintText, spanText } from './text';

/** A manifest the rule must find nothing in: its text, or the text with a name and analysis options. */
export type ValidCase = string | { name?: string; code: string; options?: AnalysisOptions };

/** One expected finding. Every field left out is not checked. */
export interface ExpectedFinding {
  /** The text the finding's span covers (as `spanText` gives it), or a pattern it matches. */
  at?: string | RegExp;
  /** The 1-based line the finding's span starts on. */
  line?: number;
  /** The whole message (a string), or patterns it must match (every one of them). */
  message?: string | RegExp | readonly RegExp[];
  severity?: Severity;
}

export interface InvalidCase {
  name: string;
  code: string;
  /** Every finding of the rule, in the order reported (document order): the count must match too. */
  errors: readonly ExpectedFinding[];
  /**
   * The text after the quick fix for the first finding: the exact text, or patterns it must
   * match (every one of them). The fix is checked by `applyFixAndCheck`: the fixed finding is
   * gone (the others stay), nothing breaks, every comment is kept. `null`: the rule offers no
   * fix for any of the findings. Left out: the fix is not tried.
   */
  output?: string | RegExp | readonly RegExp[] | null;
  /** The fix to apply, by title (exact, or a pattern); the first fix offered when left out. */
  fix?: string | RegExp;
  /** The titles of every fix offered for the first finding, in order. */
  fixes?: readonly string[];
  /** Rules that must find nothing at all once the fix is applied (see `applyFixAndCheck`). */
  clean?: readonly string[];
  /** Rules whose findings must be the same after the fix as before. */
  unchanged?: readonly string[];
  /** Analysis options (settings, today) for the text before and after the fix. */
  options?: AnalysisOptions;
}

export interface RuleTests {
  valid?: readonly ValidCase[];
  invalid?: readonly InvalidCase[];
}

/** The findings of `rule`, listed for assertion messages. */
function listed(analysis: Analysis, found: readonly Problem[]): string {
  return found.length === 0 ? '(none)' : found.map((p) => `\n  ${p.severity} on ${JSON.stringify(spanText(analysis, p))}: ${p.message}`).join('');
}

function matchesAll(actual: string, expected: string | RegExp | readonly RegExp[], what: string): void {
  if (typeof expected === 'string') assert.equal(actual, expected, what);
  else for (const pattern of expected instanceof RegExp ? [expected] : expected) assert.match(actual, pattern, what);
}

function checkFinding(analysis: Analysis, problem: Problem, expected: ExpectedFinding, what: string): void {
  if (expected.at !== undefined) {
    const at = spanText(analysis, problem);
    if (typeof expected.at === 'string') assert.equal(at, expected.at, `${what}: span`);
    else assert.match(at, expected.at, `${what}: span`);
  }
  if (expected.line !== undefined) assert.equal(analysis.document.lines.positionAt(problem.span.start).line + 1, expected.line, `${what}: line`);
  if (expected.message !== undefined) matchesAll(problem.message, expected.message, `${what}: message`);
  if (expected.severity !== undefined) assert.equal(problem.severity, expected.severity, `${what}: severity`);
}

function runValid(rule: string, test: ValidCase): void {
  const { code, options = {} } = typeof test === 'string' ? { code: test } : test;
  const analysis = lintText(code, options);
  const found = analysis.problems.filter((p) => p.rule === rule);
  assert.equal(found.length, 0, `expected no ${rule} finding, got:${listed(analysis, found)}\nin:\n${code}`);
}

function runInvalid(rule: string, test: InvalidCase): void {
  const { code, errors, options = {} } = test;
  assert.ok(errors.length > 0, 'an invalid case expects at least one finding (else it is a valid case)');
  const analysis = lintText(code, options);
  const found = analysis.problems.filter((p) => p.rule === rule);
  assert.equal(found.length, errors.length, `expected ${errors.length} ${rule} finding(s), got:${listed(analysis, found)}\nin:\n${code}`);
  errors.forEach((expected, i) => checkFinding(analysis, found[i]!, expected, `finding ${i + 1}`));

  if (test.fixes !== undefined)
    assert.deepEqual(
      fixesFor(analysis, found[0]!).map((f) => f.title),
      test.fixes,
      'the fixes offered for the first finding',
    );

  if (test.output === null) {
    for (const problem of found) assert.deepEqual(fixesFor(analysis, problem).map((f) => f.title), [], 'no fix is offered');
  } else if (test.output !== undefined) {
    const { clean = [], unchanged = [] } = test;
    const after = applyFixAndCheck(code, rule, test.fix, { options, remaining: found.length - 1, clean, unchanged });
    matchesAll(after, test.output, `the text after the fix:\n${after}`);
  }
}

/** The 1-based number of the first line of `text` that contains `needle` (for `ExpectedFinding.line`). */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return index + 1;
}

/**
 * A pattern that matches a text in which `needle` occurs exactly `times` times: for a message
 * that must not repeat a secret (`occurs(secret, 0)`), or a fix that must not declare a second
 * system (`occurs('kind: service-bus', 1)`).
 */
export function occurs(needle: string, times: number): RegExp {
  const n = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const gap = `(?:(?!${n})[\\s\\S])*`;
  return new RegExp(`^(?:${gap}${n}){${times}}${gap}$`);
}

/** Registers `describe(rule)` with one `it` per case: `valid` cases find nothing, `invalid` ones find exactly `errors`. */
export function ruleTester(rule: string, tests: RuleTests): void {
  const { valid = [], invalid = [] } = tests;
  describe(rule, () => {
    if (valid.length > 0)
      describe('valid', () => {
        valid.forEach((test, i) => {
          const name = typeof test === 'string' ? undefined : test.name;
          it(name ?? `valid #${i + 1}`, () => runValid(rule, test));
        });
      });
    if (invalid.length > 0)
      describe('invalid', () => {
        for (const test of invalid) it(test.name, () => runInvalid(rule, test));
      });
  });
}
