import { lineOf, ruleTester } from '../../helpers/ruleTester';
import { BASE, joinLines, withIntegration } from '../../helpers/text';

const RULE = 'system-of-record-participant';

const BUS_OWNS = withIntegration({ systemOfRecord: 'bus' });

ruleTester(RULE, {
  valid: [
    { name: 'the system of record is `from`', code: BASE },
    { name: 'the system of record is `to`', code: withIntegration({ systemOfRecord: 'sales' }) },
    { name: 'no system of record is given', code: withIntegration({ systemOfRecord: null }) },
    {
      name: 'a waiver with a reason silences it',
      code: withIntegration({ systemOfRecord: 'bus', waivers: '[{ rule: system-of-record-participant, reason: Bus keeps the golden copy }]' }),
    },
  ],
  invalid: [
    {
      // `bus` occurs once on the line of `systemOfRecord: bus`: the span is that value.
      name: 'fires on `systemOfRecord` when it names a system that is neither end',
      code: BUS_OWNS,
      errors: [
        {
          at: 'bus',
          line: lineOf(BUS_OWNS, 'systemOfRecord: bus'),
          severity: 'error',
          message: [/`bus`, which takes no part in it/, /Name the end that owns this data \(`erp` or `sales`\)/],
        },
      ],
    },
    {
      name: 'the fix sets it to `from` in a block map and keeps the comments around it',
      code: withIntegration({ systemOfRecord: 'bus # the bus owns it?' }).replace('    systemOfRecord:', '    # who owns the data\n    systemOfRecord:'),
      errors: [{ at: 'bus' }],
      output: /\n {4}# who owns the data\n {4}systemOfRecord: erp # the bus owns it\?\n/,
    },
    {
      name: 'the fix works in a flow-map integration',
      code: joinLines(
        ...BASE.split('\n').slice(0, BASE.split('\n').indexOf('integrations:') + 1),
        '  # one flow map',
        '  - { id: status, name: Order status, type: data, from: erp, to: sales, systemOfRecord: bus } # inline',
      ),
      errors: [{ at: 'bus' }],
      output: /systemOfRecord: erp \} # inline/,
    },
  ],
});
