import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'volume-declared';

describe(RULE, () => {
  it('is silent when `volume`, `peak` or `frequency` is given', () => {
    assert.equal(findingsOf(BASE, RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ volume: null, peak: '2k/hour' }), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ volume: null, frequency: 'on-demand' }), RULE).length, 0);
  });

  it('fires when none is given, on the integration id', () => {
    const analysis = lintText(withIntegration({ volume: null }));
    const found = analysis.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(spanText(analysis, found[0]!), 'status');
    assert.equal(found[0]!.severity, 'info');
    assert.match(found[0]!.message, /`status` states neither its volume nor its frequency\. Add `volume` \(such as `500\/day`\), `peak` \(`2k\/hour`\) or `frequency`/);
  });

  it('leaves a malformed volume to the schema', () => {
    assert.equal(findingsOf(withIntegration({ volume: 'lots' }), RULE).length, 0);
  });

  it('a waiver with a reason silences it', () => {
    assert.equal(findingsOf(withIntegration({ volume: null, waivers: '[{ rule: volume-declared, reason: Sized in the pilot }]' }), RULE).length, 0);
  });

  it('has no quick fix: only the business knows the numbers', () => {
    assert.equal(findRule(RULE)!.fixes, undefined);
  });
});
