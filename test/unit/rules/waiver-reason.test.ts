import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { ruleTester } from '../../helpers/ruleTester';
import { BASE, findingsOf, withIntegration } from '../../helpers/text';

const RULE = 'waiver-reason';

const waivers = (list: string) => withIntegration({ systemOfRecord: null, waivers: list });

ruleTester(RULE, {
  valid: [
    { name: 'a waiver with a reason', code: waivers('[{ rule: system-of-record, reason: Reference data only }]') },
    { name: 'no waiver', code: BASE },
  ],
  invalid: [
    {
      name: 'fires on a waiver without a reason, on its rule id, as an error',
      code: waivers('[{ rule: system-of-record, expires: 2027-01-31 }]'),
      errors: [
        {
          at: 'system-of-record',
          severity: 'error',
          message: /This waiver of `system-of-record` on `status` gives no reason, so it silences nothing\. Add a `reason` that says why the deviation is accepted/,
        },
      ],
    },
    ...['[{ rule: system-of-record, reason: "" }]', '[{ rule: system-of-record, reason: "   " }]', '[{ rule: system-of-record, reason: }]'].map((list) => ({
      name: `counts an empty or blank reason as none: ${list}`,
      code: waivers(list),
      errors: [{}],
    })),
    {
      name: 'fires on waivers of systems, in block lists, once per waiver',
      code: BASE.replace(
        '    kind: erp\n',
        '    kind: erp\n    waivers:\n      - rule: unused-system  # placeholder\n      - rule: middleware-hub\n        reason: Phase 2\n      - rule: waiver-expired\n',
      ),
      errors: [{ at: 'unused-system' }, { at: 'waiver-expired' }],
    },
    {
      name: 'cannot be silenced by a waiver, not even one of waiver-reason itself',
      code: waivers('[{ rule: system-of-record }, { rule: waiver-reason, reason: We accept unexplained waivers }]'),
      errors: [{}],
    },
  ],
});

describe(RULE, () => {
  it('a waiver without a reason silences nothing: the waived rule still reports', () => {
    assert.equal(findingsOf(waivers('[{ rule: system-of-record }]'), 'system-of-record').length, 1);
  });

  it('has no quick fix: only the author knows the reason', () => {
    assert.equal(typeof findRule(RULE)!.fixes, 'undefined');
  });
});
