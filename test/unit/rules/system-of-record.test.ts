import assert from 'node:assert/strict';
import { ruleTester } from '../../helpers/ruleTester';
import { BASE, findingsOf, fixesOfFirst, withIntegration } from '../../helpers/text';

const RULE = 'system-of-record';

/** Its fixes name an end of the integration: no yaml-syntax, schema or system-of-record-participant finding after them. */
const CLEAN = ['yaml-syntax', 'schema', 'system-of-record-participant'];

ruleTester(RULE, {
  valid: [
    { name: 'a data integration names its system of record', code: BASE },
    { name: 'a UI integration', code: withIntegration({ systemOfRecord: null, type: 'ui' }) },
    { name: 'a process integration', code: withIntegration({ systemOfRecord: null, type: 'process' }) },
    {
      name: 'a waiver with a reason silences it',
      code: withIntegration({ systemOfRecord: null, waivers: '[{ rule: system-of-record, reason: Ownership is decided in the MDM project }]' }),
    },
    // A guidance rule waits for a half-written integration: the schema says its ends are missing.
    { name: 'waits while the integration has no ends yet', code: withIntegration({ systemOfRecord: null, from: null, to: null }) },
  ],
  invalid: [
    {
      name: 'fires on a data integration without one, on its `type`',
      code: withIntegration({ systemOfRecord: null }),
      errors: [
        {
          at: 'data',
          severity: 'warning',
          message:
            'Data integration `status` names no system of record. Set `systemOfRecord` to the system that owns this data, so every other copy is known to be a copy.',
        },
      ],
    },
    {
      name: 'the fix adds `systemOfRecord: <from>` to the integration and keeps comments',
      code: withIntegration({ systemOfRecord: null, goals: '[visibility] # agreed with Sales' }),
      errors: [{ at: 'data' }],
      output: [/\n {4}systemOfRecord: erp\n/, /goals: \[visibility\] # agreed with Sales\n/],
      clean: CLEAN,
    },
    {
      name: 'the second fix sets `to`',
      code: withIntegration({ systemOfRecord: null }),
      errors: [{ at: 'data' }],
      fix: 'Set `systemOfRecord: sales`',
      output: /\n {4}systemOfRecord: sales\n/,
      clean: CLEAN,
    },
    {
      name: 'fills an empty `systemOfRecord:` key',
      code: withIntegration({ systemOfRecord: ' # to decide' }).replace('systemOfRecord:  # to decide', 'systemOfRecord: # to decide'),
      errors: [{}],
      output: /\n {4}systemOfRecord: erp # to decide\n/,
      clean: CLEAN,
    },
  ],
});

describe(RULE, () => {
  it('offers `from` first (preferred) and `to` second', () => {
    const text = withIntegration({ systemOfRecord: null });
    assert.equal(findingsOf(text, RULE).length, 1);
    assert.deepEqual(
      fixesOfFirst(text, RULE).map((f) => [f.title, f.preferred === true]),
      [
        ['Set `systemOfRecord: erp`', true],
        ['Set `systemOfRecord: sales`', false],
      ],
    );
  });
});
