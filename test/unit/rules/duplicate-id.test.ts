import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { ruleTester } from '../../helpers/ruleTester';
import { BASE, joinLines } from '../../helpers/text';

const RULE = 'duplicate-id';

/** BASE with the bus given the ERP's id; the lines (1-based) of the two `- id: erp`. */
const TWO_ERPS = BASE.replace('  - id: bus\n    name: Service Bus', '  - id: erp\n    name: Service Bus');
const FIRST_ERP = TWO_ERPS.split('\n').indexOf('  - id: erp') + 1;
const SECOND_ERP = TWO_ERPS.split('\n').indexOf('  - id: erp', FIRST_ERP) + 1;

ruleTester(RULE, {
  valid: [
    { name: 'every id is unique', code: BASE },
    { name: 'it can be turned off in the manifest', code: BASE.replace('  - id: bus\n', '  - id: erp\n') + 'rules:\n  duplicate-id: off\n' },
  ],
  invalid: [
    {
      name: 'reports the second system with an id, on its id, naming the line of the first',
      code: TWO_ERPS,
      errors: [
        {
          at: 'erp',
          line: SECOND_ERP,
          severity: 'error',
          message: `The id \`erp\` is already used by the system on line ${FIRST_ERP}. Give this system an id of its own.`,
        },
      ],
    },
    {
      name: 'treats goals, systems, integrations and actors as one namespace',
      code: BASE.replace('  - id: visibility', '  - id: sales'),
      errors: [{ message: /already used by the goal on line 8\. Give this system an id of its own\./ }],
    },
    {
      name: 'reports each repetition after the first',
      code: joinLines(BASE.trimEnd(), 'actors:', '  - id: status', '    name: Order taker', '  - id: status', '    name: Clerk'),
      errors: [{}, {}],
    },
    {
      // The finding belongs to no item, so an item's waiver does not apply to it.
      name: 'is not silenced by a waiver: waivers belong to an item, and the id is what is ambiguous',
      code: BASE.replace('  - id: bus\n    name: Service Bus', '  - id: erp\n    name: Service Bus\n    waivers: [{ rule: duplicate-id, reason: migrating }]'),
      errors: [{}],
    },
  ],
});

describe(RULE, () => {
  it('has no quick fix: only the author knows which item to rename', () => {
    assert.equal(typeof findRule(RULE)!.fixes, 'undefined');
  });
});
