import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { ruleTester } from '../../helpers/ruleTester';
import { BASE, findingsOf, TODAY, withIntegration } from '../../helpers/text';

const RULE = 'waiver-expired';

const expiring = (expires: string) => withIntegration({ systemOfRecord: null, waivers: `[{ rule: system-of-record, reason: Reference data only, expires: ${expires} }]` });

ruleTester(RULE, {
  valid: [
    { name: `a waiver that expires today (${TODAY})`, code: expiring(TODAY) },
    { name: 'a waiver that expires later', code: expiring('2027-06-30') },
    { name: 'a waiver that never expires', code: withIntegration({ waivers: '[{ rule: load-testing, reason: Capped }]' }) },
    { name: 'no waiver', code: BASE },
    { name: 'a date in another form is left to the schema', code: expiring('"30/06/2020"') },
  ],
  invalid: [
    {
      name: `fires on a waiver that expired the day before today (${TODAY}), on the date`,
      code: expiring('2026-11-21'),
      errors: [
        {
          at: '2026-11-21',
          severity: 'warning',
          message:
            /The waiver of `system-of-record` on `status` expired on 2026-11-21, so the rule reports again\. Review the deviation: fix the design, or, if the reason still holds, renew the waiver with a later `expires` date/,
        },
      ],
    },
    { name: 'uses the date it is given as today', code: expiring('2027-06-30'), options: { today: '2027-07-01' }, errors: [{}] },
    {
      name: 'fires on waivers of systems, in block lists',
      code: BASE.replace('    kind: erp\n', '    kind: erp\n    waivers:\n      - rule: unused-system\n        reason: Being replaced\n        expires: 2026-01-31  # end of phase 1\n'),
      errors: [{ at: '2026-01-31', message: /waiver of `unused-system` on `erp`/ }],
    },
    {
      name: 'cannot be silenced by a waiver, not even one of waiver-expired itself',
      code: withIntegration({ waivers: '[{ rule: load-testing, reason: Capped, expires: 2026-01-01 }, { rule: waiver-expired, reason: Renewal pending }]' }),
      errors: [{}],
    },
  ],
});

describe(RULE, () => {
  it('the rule an expired waiver waived reports again', () => {
    assert.equal(findingsOf(expiring('2026-11-21'), 'system-of-record').length, 1);
  });

  it('has no quick fix: renewing a waiver is a decision to review', () => {
    assert.equal(typeof findRule(RULE)!.fixes, 'undefined');
  });
});
