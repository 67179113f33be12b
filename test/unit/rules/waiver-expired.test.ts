import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { BASE, findingsOf, lintText, spanText, TODAY, withIntegration } from '../../helpers/text';

const RULE = 'waiver-expired';

const expiring = (expires: string) => withIntegration({ systemOfRecord: null, waivers: `[{ rule: system-of-record, reason: Reference data only, expires: ${expires} }]` });

describe(RULE, () => {
  it(`fires on a waiver that expired the day before today (${TODAY}), on the date`, () => {
    const analysis = lintText(expiring('2026-11-21'));
    const found = analysis.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(spanText(analysis, found[0]!), '2026-11-21');
    assert.equal(found[0]!.severity, 'warning');
    assert.match(found[0]!.message, /The waiver of `system-of-record` on `status` expired on 2026-11-21, so the rule reports again\. Review the deviation: fix the design, or, if the reason still holds, renew the waiver with a later `expires` date/);
    // and the rule it waived reports again
    assert.equal(findingsOf(expiring('2026-11-21'), 'system-of-record').length, 1);
  });

  it('is silent on a waiver that expires today or later, or never', () => {
    assert.equal(findingsOf(expiring(TODAY), RULE).length, 0);
    assert.equal(findingsOf(expiring('2027-06-30'), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ waivers: '[{ rule: load-testing, reason: Capped }]' }), RULE).length, 0);
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('uses the date it is given as today', () => {
    assert.equal(findingsOf(expiring('2027-06-30'), RULE, { today: '2027-07-01' }).length, 1);
  });

  it('leaves a date in another form to the schema', () => {
    assert.equal(findingsOf(expiring('"30/06/2020"'), RULE).length, 0);
  });

  it('fires on waivers of systems, in block lists', () => {
    const text = BASE.replace('    kind: erp\n', '    kind: erp\n    waivers:\n      - rule: unused-system\n        reason: Being replaced\n        expires: 2026-01-31  # end of phase 1\n');
    const analysis = lintText(text);
    const found = analysis.problems.filter((p) => p.rule === RULE);
    assert.deepEqual(found.map((p) => spanText(analysis, p)), ['2026-01-31']);
    assert.match(found[0]!.message, /waiver of `unused-system` on `erp`/);
  });

  it('cannot be silenced by a waiver, not even one of waiver-expired itself', () => {
    const text = withIntegration({ waivers: '[{ rule: load-testing, reason: Capped, expires: 2026-01-01 }, { rule: waiver-expired, reason: Renewal pending }]' });
    assert.equal(findingsOf(text, RULE).length, 1);
  });

  it('has no quick fix: renewing a waiver is a decision to review', () => {
    assert.equal(findRule(RULE)!.fixes, undefined);
  });
});
