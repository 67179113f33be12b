import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'volume-declared';

ruleTester(RULE, {
  valid: [
    { name: '`volume` is given', code: BASE },
    { name: '`peak` is given', code: withIntegration({ volume: null, peak: '2k/hour' }) },
    { name: '`frequency` is given', code: withIntegration({ volume: null, frequency: 'on-demand' }) },
    { name: 'a malformed volume is left to the schema', code: withIntegration({ volume: 'lots' }) },
    { name: 'a waiver with a reason silences it', code: withIntegration({ volume: null, waivers: '[{ rule: volume-declared, reason: Sized in the pilot }]' }) },
  ],
  invalid: [
    {
      name: 'fires when none is given, on the integration id',
      code: withIntegration({ volume: null }),
      errors: [
        {
          at: 'status',
          severity: 'info',
          message: /`status` states neither its volume nor its frequency\. Add `volume` \(such as `500\/day`\), `peak` \(`2k\/hour`\) or `frequency`/,
        },
      ],
    },
  ],
});

describe(RULE, () => {
  it('has no quick fix: only the business knows the numbers', () => {
    assert.equal(typeof findRule(RULE)!.fixes, 'undefined');
  });
});
