import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'prefer-low-code';

const custom = (volume: string | null) => withIntegration({ pattern: 'custom', volume });

describe(RULE, () => {
  it('fires on a custom integration at 99/hour, on `pattern`', () => {
    const analysis = lintText(custom('99/hour'));
    const found = analysis.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(spanText(analysis, found[0]!), 'custom');
    assert.equal(found[0]!.severity, 'hint');
    assert.match(found[0]!.message, /`status` is custom-built for 99\/hour \(below 100\/hour\)/);
    assert.match(found[0]!.message, /an out-of-box integration or a connector \(Power Automate, Logic Apps, a third-party connector\) is usually enough/);
  });

  it('is silent at 100/hour, without a rate, on other patterns and on the clean base', () => {
    assert.equal(findingsOf(custom('100/hour'), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ pattern: 'custom', volume: null, frequency: 'daily' }), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ pattern: 'connector', volume: '5/day' }), RULE).length, 0);
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('reads `peak` before `volume`', () => {
    assert.equal(findingsOf(withIntegration({ pattern: 'custom', volume: '100/day', peak: '150/hour' }), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ pattern: 'custom', volume: '10k/day', peak: '50/hour' }), RULE).length, 1);
  });

  it('takes a configured threshold', () => {
    const rules = 'rules:\n  prefer-low-code: { threshold: 500/hour }\n';
    assert.equal(findingsOf(custom('499/hour') + rules, RULE).length, 1);
    assert.equal(findingsOf(custom('500/hour') + rules, RULE).length, 0);
  });

  it('a waiver with a reason silences it', () => {
    assert.equal(findingsOf(withIntegration({ pattern: 'custom', volume: '10/day', waivers: '[{ rule: prefer-low-code, reason: No connector speaks the plant protocol }]' }), RULE).length, 0);
  });

  it('has no quick fix: choosing a connector is a design decision', () => {
    assert.equal(findRule(RULE)!.fixes, undefined);
  });
});
