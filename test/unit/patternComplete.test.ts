/**
 * A recommended pattern is complete: no quick fix brings a finding of another rule that its
 * pattern covers. Making an integration asynchronous through Service Bus also dead-letters;
 * setting monitoring up gives it a tool, alerts and, for personal data, auditing.
 *
 * Every quick fix of every finding is applied, on every example in examples/ and on generated
 * manifests (test/helpers/arbitraries.ts); the findings of the OTHER rules (rule id and item)
 * must not grow, except the ones listed in EXCEPTIONS, each with why a fix cannot cover it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Analysis, Problem } from '../../server/src/analysis/analyze';
import { applyEdits } from '../../server/src/document/edits';
import { manifestArb, renderManifest } from '../helpers/arbitraries';
import { applyFixAndCheck, BASE, fixesFor, lintText, withIntegration } from '../helpers/text';

interface Exception {
  /** The rule whose fix it is, and the fix (its title). */
  rule: string;
  fix: RegExp;
  /** The rule whose finding may follow (`*`: any rule but those in `except`). */
  follows: string;
  except?: readonly string[];
  why: string;
}

/** Why a fix that routes through middleware may bring cost-estimated. */
const PAID_ROUTE =
  'routing an integration through paid middleware (Service Bus, API Management) puts a billed service on its path; what that service costs (its tier, its price per million messages) only the author knows, so the fix writes no `cost` and cost-estimated asks for the estimate. A fix that wrote a price would state a fact it cannot know.';

/** Findings a fix legitimately cannot cover. */
const EXCEPTIONS: readonly Exception[] = [
  {
    rule: 'schema',
    fix: /^(Change to|Rename the key to|Add the missing keys?) /,
    follows: '*',
    why: 'a corrected value or key is what the author meant and misspelt: once the rules can read it they judge it (a misspelt `mode: synk` hid prefer-async-messaging, `tls1.1x` hid transport-tls). The fix restores what was written; it cannot redesign it.',
  },
  {
    rule: 'unknown-reference',
    fix: /^Change to /,
    follows: '*',
    except: ['self-integration'],
    why: 'a corrected reference names the item the author meant: once the rules can follow it they judge the integration with it (a corrected end can make a system a hub for middleware-hub). The suggestion is never the other end of the integration, so the fix never makes it go to itself.',
  },
  {
    rule: 'unknown-reference',
    fix: /^Create system /,
    follows: '*',
    except: ['self-integration'],
    why: 'an integration whose end names no declared system is not yet written (`isWritten`): the guidance waits for it. Declaring the system makes it written, and the findings that waited come (no error handling, no monitoring...); the fix declares an end, it cannot design the integration. A new system also needs a `kind` only the author knows: the fix writes `custom`, and the rules that judge an integration by the kinds of its ends (dual-write-scope, dmf-scope) can then judge it.',
  },
  {
    rule: 'system-of-record-participant',
    fix: /^Set `systemOfRecord: /,
    follows: 'unused-system',
    why: 'the system named as system of record took no part in the integration, which is the finding; once the integration names its real owner, that system may be named by nothing. Whether to remove it or to add the integrations it has is for the author.',
  },
  {
    rule: 'prefer-async-messaging',
    fix: /through Service Bus/,
    follows: 'cost-estimated',
    why: PAID_ROUTE,
  },
  {
    rule: 'hybrid-gateway',
    fix: /^Route it through (API Management|Service Bus)/,
    follows: 'cost-estimated',
    why: PAID_ROUTE,
  },
];

function exempt(rule: string, title: string, follows: string): boolean {
  return EXCEPTIONS.some((e) => e.rule === rule && e.fix.test(title) && (e.follows === '*' ? !e.except?.includes(follows) : e.follows === follows));
}

/** A finding as this test counts it: its rule and item (or, for a finding on no item, its message without numbers, which move). */
const keyOf = (p: Problem) => `${p.rule} ${p.item ? `${p.item.kind} ${p.item.id}` : p.message.replace(/\d+/g, '#')}`;

function counts(analysis: Analysis): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of analysis.problems) out.set(keyOf(p), (out.get(keyOf(p)) ?? 0) + 1);
  return out;
}

/** Every finding of another rule that the fix brought and that no exception allows. */
function broughtBy(text: string, before: Map<string, number>, problem: Problem, title: string, edits: Parameters<typeof applyEdits>[1]): string[] {
  const after = lintText(applyEdits(text, edits));
  const grown: string[] = [];
  for (const [key, n] of counts(after)) {
    const rule = key.split(' ')[0]!;
    if (rule === problem.rule || n <= (before.get(key) ?? 0) || exempt(problem.rule, title, rule)) continue;
    const example = after.problems.find((p) => keyOf(p) === key)!;
    grown.push(`${problem.rule} "${title}" brought ${rule}: ${example.message}`);
  }
  return grown;
}

function everyFix(text: string): { fixes: number; grown: string[] } {
  const analysis = lintText(text);
  const before = counts(analysis);
  let fixes = 0;
  const grown: string[] = [];
  for (const problem of analysis.problems)
    for (const fix of fixesFor(analysis, problem)) {
      fixes++;
      grown.push(...broughtBy(text, before, problem, fix.title, fix.edits));
    }
  return { fixes, grown };
}

const EXAMPLES = join(__dirname, '../../examples');

describe('a recommended pattern is complete', () => {
  describe('no fix brings another rule’s finding its pattern covers', () => {
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.integration.yaml')))
      it(`every fix of examples/${file}`, () => {
        const { grown } = everyFix(readFileSync(join(EXAMPLES, file), 'utf8'));
        assert.deepEqual(grown, []);
      });

    it('every fix of generated manifests', function () {
      this.timeout(120_000);
      let fixes = 0;
      fc.assert(
        fc.property(manifestArb, (m) => {
          const text = renderManifest(m);
          const result = everyFix(text);
          fixes += result.fixes;
          assert.deepEqual(result.grown, [], text);
        }),
        { numRuns: 150, seed: 424242 },
      );
      assert.ok(fixes > 1000, `${fixes} fixes applied`);
    });

    it('lists each exception with its reason', () => {
      for (const e of EXCEPTIONS) assert.ok(e.why.length > 40, `${e.rule} -> ${e.follows}`);
    });
  });

  describe('the patterns, written out', () => {
    const ASYNC_ONLY = ['dead-letter', 'prefer-async-messaging', 'error-handling-required'];

    it('making an integration asynchronous through Service Bus also dead-letters (prefer-async-messaging)', () => {
      const code = withIntegration({ mode: 'sync', volume: '5k/hour', via: null, errorHandling: '{ notify: ops }' });
      const after = applyFixAndCheck(code, 'prefer-async-messaging', undefined, { clean: ASYNC_ONLY });
      assert.match(after, /errorHandling: \{ notify: ops, deadLetter: true \}/);
    });

    it('… also when the integration has no errorHandling yet', () => {
      const code = withIntegration({ mode: 'sync', volume: '5k/hour', via: null, errorHandling: null });
      const after = applyFixAndCheck(code, 'prefer-async-messaging', undefined, { clean: ['dead-letter', 'error-handling-required'] });
      assert.match(after, /\n {4}errorHandling:\n {6}deadLetter: true\n/);
    });

    it('… and through a shared errorHandling, where its anchor is (dead-lettering is right for every user)', () => {
      const code = withIntegration({ mode: 'sync', volume: '5k/hour', via: null, errorHandling: '&eh { notify: ops }' }) + '  - id: other\n    name: Other\n    type: data\n    from: erp\n    to: sales\n    errorHandling: *eh\n';
      const after = applyFixAndCheck(code, 'prefer-async-messaging', undefined, { clean: ['dead-letter'] });
      assert.match(after, /errorHandling: &eh \{ notify: ops, deadLetter: true \}/);
      assert.match(after, /errorHandling: \*eh\n/);
    });

    it('setting monitoring up for personal data through Logic Apps clears monitoring-required, logic-apps-monitoring and pii-protection at once', () => {
      const code = withIntegration({ via: '[flows]', monitoring: null, data: '{ pii: true }' }).replace('integrations:', '  - id: flows\n    name: Flows\n    kind: logic-apps\n    hosting: cloud\nintegrations:');
      for (const rule of ['monitoring-required', 'logic-apps-monitoring', 'pii-protection']) {
        const after = applyFixAndCheck(code, rule, undefined, { clean: ['monitoring-required', 'logic-apps-monitoring', 'pii-protection'] });
        assert.match(after, /\n {4}monitoring:\n {6}tool: application-insights\n {6}alerts: true\n {6}audit: true\n/, rule);
      }
    });

    it('auditing an integration that has monitoring changes only `audit` (pii-protection)', () => {
      const after = applyFixAndCheck(withIntegration({ data: '{ pii: true }' }), 'pii-protection');
      assert.match(after, /\n {6}alerts: true\n {6}audit: true\n/);
    });

    it('routing through Service Bus across the boundary also dead-letters (hybrid-gateway)', () => {
      const code = BASE.replace('    hosting: cloud\n  - id: bus', '    hosting: on-premises\n  - id: bus').replace('    via: [bus]\n', '').replace('      deadLetter: true\n', '');
      const analysis = lintText(code);
      const problem = analysis.problems.find((p) => p.rule === 'hybrid-gateway');
      assert.ok(problem, 'hybrid-gateway fires');
      const viaBus = fixesFor(analysis, problem).find((f) => /Service Bus/.test(f.title));
      assert.ok(viaBus, 'a fix routes it through Service Bus');
      assert.deepEqual(lintText(applyEdits(code, viaBus.edits)).problems.filter((p) => p.rule === 'dead-letter'), []);
    });

    it('a new system declares no hosting it cannot know (unknown-reference), so no boundary is invented', () => {
      const code = withIntegration({ to: 'crm' });
      const after = applyFixAndCheck(code, 'unknown-reference', /^Create system/, { clean: ['hybrid-gateway', 'authentication-required'] });
      assert.match(after, /\n {2}- id: crm\n {4}name: crm\n {4}kind: custom\nintegrations:/);
    });

    it('a misspelt end is never corrected to the other end (unknown-reference), which would make it go to itself', () => {
      const analysis = lintText(withIntegration({ from: 'erp', to: 'erpp' }));
      const problem = analysis.problems.find((p) => p.rule === 'unknown-reference')!;
      assert.doesNotMatch(problem.message, /did you mean `erp`/);
      assert.ok(fixesFor(analysis, problem).every((f) => !/^Change to `erp`/.test(f.title)));
    });
  });
});
