import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'unused-goal';

/** BASE with a second goal that no integration lists. */
const TWO_GOALS = BASE.replace('    title: Sales sees order status\n', '    title: Sales sees order status\n  - id: fast-close\n    title: Close the books in three days\n');

ruleTester(RULE, {
  valid: [
    { name: 'every goal is served', code: BASE },
    { name: 'counts a goal listed by any integration', code: withIntegration({ goals: '[fast-close, visibility]' }, TWO_GOALS) },
    { name: 'a manifest without goals', code: 'integrationManifest: 1\nsolution: { name: Empty }\n' },
  ],
  invalid: [
    {
      name: 'fires on a goal no integration lists, on its id',
      code: TWO_GOALS,
      errors: [
        {
          at: 'fast-close',
          severity: 'info',
          message: /Goal `fast-close` \(Close the books in three days\) is served by no integration\. Add it to the `goals` of the integrations that deliver it/,
        },
      ],
    },
    { name: 'reports every goal when no integration lists one', code: withIntegration({ goals: null }, TWO_GOALS), errors: [{}, {}] },
    { name: 'reports a goal of a manifest without integrations', code: 'integrationManifest: 1\nsolution: { name: Empty }\ngoals:\n  - id: g\n    title: A goal\n', errors: [{}] },
  ],
});

describe(RULE, () => {
  it('has no quick fix: which integration serves a goal is a design decision', () => {
    assert.equal(typeof findRule(RULE)!.fixes, 'undefined');
  });
});
