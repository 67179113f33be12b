import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'prefer-low-code';

const custom = (volume: string | null) => withIntegration({ pattern: 'custom', volume });

/** A `rules:` block that sets the threshold to 500/hour. */
const AT_500 = 'rules:\n  prefer-low-code: { threshold: 500/hour }\n';

ruleTester(RULE, {
  valid: [
    { name: 'a custom integration at 100/hour', code: custom('100/hour') },
    { name: 'a custom integration without a rate', code: withIntegration({ pattern: 'custom', volume: null, frequency: 'daily' }) },
    { name: 'other patterns', code: withIntegration({ pattern: 'connector', volume: '5/day' }) },
    { name: 'the clean base', code: BASE },
    { name: 'reads `peak` before `volume`: a peak of 150/hour', code: withIntegration({ pattern: 'custom', volume: '100/day', peak: '150/hour' }) },
    { name: 'at a configured threshold', code: custom('500/hour') + AT_500 },
    {
      name: 'a waiver with a reason silences it',
      code: withIntegration({ pattern: 'custom', volume: '10/day', waivers: '[{ rule: prefer-low-code, reason: No connector speaks the plant protocol }]' }),
    },
  ],
  invalid: [
    {
      name: 'fires on a custom integration at 99/hour, on `pattern`',
      code: custom('99/hour'),
      errors: [
        {
          at: 'custom',
          severity: 'hint',
          message: [
            /`status` is custom-built for 99\/hour \(below 100\/hour\)/,
            /an out-of-box integration or a connector \(Power Automate, Logic Apps, a third-party connector\) is usually enough/,
          ],
        },
      ],
    },
    { name: 'reads `peak` before `volume`: a peak of 50/hour', code: withIntegration({ pattern: 'custom', volume: '10k/day', peak: '50/hour' }), errors: [{}] },
    { name: 'below a configured threshold', code: custom('499/hour') + AT_500, errors: [{}] },
  ],
});

describe(RULE, () => {
  it('has no quick fix: choosing a connector is a design decision', () => {
    assert.equal(typeof findRule(RULE)!.fixes, 'undefined');
  });
});
