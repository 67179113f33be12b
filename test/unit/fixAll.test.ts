/**
 * Fix all (server/src/analysis/fixAll.ts), the engine of `lint --fix`, `source.fixAll` and
 * "Apply all recommended patterns to this integration": on every example and on generated
 * manifests it leaves no finding with a preferred fix, keeps every comment, and stops within
 * its bound of passes; a text with YAML errors is left alone.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fixableProblems, fixAll, MAX_FIX_PASSES } from '../../server/src/analysis/fixAll';
import { manifestArb, renderManifest } from '../helpers/arbitraries';
import { BASE, commentsOf, TODAY, withIntegration } from '../helpers/text';

const EXAMPLES = join(__dirname, '../../examples');

function check(text: string, what: string): { applied: number } {
  const result = fixAll(text, 'file:///t.integration.yaml', { today: TODAY });
  assert.equal(result.yamlErrors, undefined, `${what}: no YAML errors`);
  assert.deepEqual(fixableProblems(result.analysis).map((p) => `${p.rule}: ${p.message}`), [], `${what}: no fixable finding left\n${result.text}`);
  assert.deepEqual(commentsOf(result.text), commentsOf(text), `${what}: every comment in place`);
  assert.ok(result.passes <= MAX_FIX_PASSES);
  return { applied: result.applied.length };
}

describe('fix all', () => {
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.integration.yaml')))
    it(`examples/${file}: no fixable finding left, every comment kept`, () => {
      check(readFileSync(join(EXAMPLES, file), 'utf8'), file);
    });

  it('generated manifests: no fixable finding left, every comment kept', function () {
    this.timeout(180_000);
    let applied = 0;
    fc.assert(
      fc.property(manifestArb, (m) => {
        const text = renderManifest(m);
        applied += check(text, text).applied;
      }),
      { numRuns: 120, seed: 1818 },
    );
    assert.ok(applied > 200, `${applied} fixes applied`);
  });

  it('a pattern in one go: an integration without monitoring and error handling gets both, dead-lettered', () => {
    const result = fixAll(withIntegration({ monitoring: null, errorHandling: null }), undefined, { today: TODAY });
    assert.deepEqual(result.analysis.problems.map((p) => p.rule), []);
    assert.ok(result.applied.length >= 2);
    assert.match(result.text, /monitoring:/);
    assert.match(result.text, /deadLetter: true/);
  });

  it('only the given integration when asked', () => {
    const two = withIntegration({ monitoring: null }) + '  - id: other\n    name: Other\n    type: data\n    from: sales\n    to: erp\n    mode: async\n    via: [bus]\n    systemOfRecord: sales\n    goals: [visibility]\n    trigger: event\n    volume: 10/day\n    pattern: business-events\n    security: { authentication: entra-id, secrets: key-vault, transport: tls1.2 }\n    errorHandling: { retry: { attempts: 3, backoff: exponential }, deadLetter: true, notify: ops }\n';
    const result = fixAll(two, undefined, { today: TODAY, integrationId: 'other' });
    assert.ok(result.applied.length > 0);
    assert.ok(result.applied.every((a) => a.item?.id === 'other'), JSON.stringify(result.applied));
    assert.ok(result.analysis.problems.some((p) => p.rule === 'monitoring-required' && p.item?.id === 'status'), 'the other integration is left as it was');
  });

  it('never touches a text with YAML errors', () => {
    const broken = withIntegration({ monitoring: null }) + 'oops: [unclosed\n';
    const result = fixAll(broken, undefined, { today: TODAY });
    assert.equal(result.yamlErrors, true);
    assert.equal(result.text, broken);
    assert.deepEqual(result.applied, []);
  });

  it('a clean manifest is left as it is', () => {
    const result = fixAll(BASE, undefined, { today: TODAY });
    assert.equal(result.text, BASE);
    assert.equal(result.passes, 0);
  });
});
