import assert from 'node:assert/strict';
import { ruleTester } from '../../helpers/ruleTester';
import { applyFixAndCheck, BASE, findingsOf, joinLines, withIntegration } from '../../helpers/text';

const RULE = 'unknown-reference';

/** Its fixes leave no yaml-syntax or schema finding at all. */
const CLEAN = ['yaml-syntax', 'schema'];

/** BASE with an actor `clerk`. */
const WITH_CLERK = BASE.replace('systems:\n', 'actors:\n  - id: clerk\n    name: Order clerk\nsystems:\n');

ruleTester(RULE, {
  valid: [
    { name: 'every reference resolves', code: BASE },
    { name: 'an actor as a step participant', code: withIntegration({ steps: '[{ from: clerk, to: sales, action: Opens the order }]' }, WITH_CLERK) },
    {
      name: 'a waiver on the integration silences it for that integration',
      code: withIntegration({ to: 'warehouse', waivers: '[{ rule: unknown-reference, reason: Declared in the logistics manifest }]' }),
    },
  ],
  invalid: [
    {
      name: 'reports a misspelt `to` on the reference and suggests the closest system',
      code: withIntegration({ to: 'sale # the CRM' }),
      errors: [{ at: 'sale', severity: 'error', message: '`to` names `sale`, but no system has that id; did you mean `sales`?' }],
    },
    ...(
      [
        ['from', 'erpp', 'erpp'],
        ['via', '[buss]', 'buss'],
        ['systemOfRecord', 'ERP2', 'ERP2'],
      ] as const
    ).map(([key, value, bad]) => ({ name: `checks \`${key}\` against the systems`, code: withIntegration({ [key]: value }), errors: [{ at: bad }] })),
    {
      name: 'does not accept a goal or an actor where a system belongs',
      code: withIntegration({ to: 'visibility' }),
      errors: [{ message: /^`to` names `visibility`, but no system has that id/ }],
    },
    {
      name: 'checks `goals` against the goals',
      code: withIntegration({ goals: '[visibilty]' }),
      errors: [{ message: '`goals` names `visibilty`, but no goal has that id; did you mean `visibility`?' }],
    },
    {
      name: 'says so when a step participant is neither a system nor an actor',
      code: withIntegration({ steps: '[{ from: planner, to: sales, action: Plans }]' }, WITH_CLERK),
      errors: [{ message: /^`from` names `planner`, but no system or actor has that id\. Declare it under `systems` \(or `actors`, for a person or role\)/ }],
    },
    {
      name: 'checks the rule a waiver names',
      code: withIntegration({ waivers: '[{ rule: monitoring-require, reason: Monitored by the ERP team }]' }),
      errors: [{ at: 'monitoring-require', message: /no rule has that id; did you mean `monitoring-required`\?/ }],
    },
    { name: 'checks the keys of the `rules:` block', code: BASE + 'rules:\n  goal-alignmnt: off\n', errors: [{ at: 'goal-alignmnt' }] },
    // fixes
    {
      name: 'fix: renames to the closest id, keeping the comment after it',
      code: withIntegration({ to: 'sale # the CRM' }),
      errors: [{ at: 'sale' }],
      output: /\n {4}to: sales # the CRM\n/,
      clean: CLEAN,
    },
    {
      name: 'fix: renames inside a flow list',
      code: withIntegration({ goals: '[visibilty]' }),
      errors: [{ at: 'visibilty' }],
      output: /\n {4}goals: \[visibility\]\n/,
      clean: CLEAN,
    },
    {
      name: 'fix: offers to rename first and to create the system second',
      code: withIntegration({ to: 'salez' }),
      errors: [{ at: 'salez' }],
      fixes: ['Change to `sales`', 'Create system `salez`'],
    },
    {
      name: 'fix: "Create system" declares it under systems, with no hosting it cannot know',
      code: withIntegration({ to: 'warehouse' }),
      errors: [{ at: 'warehouse' }],
      fixes: ['Create system `warehouse`'],
      fix: 'Create system `warehouse`',
      output: /\n {2}- id: bus\n {4}name: Service Bus\n {4}kind: service-bus\n {4}hosting: cloud\n {4}cost: \{ monthly: 600, currency: EUR \}\n {2}- id: warehouse\n {4}name: warehouse\n {4}kind: custom\nintegrations:\n/,
      clean: CLEAN,
    },
    {
      name: 'fix: a step participant can be created as an actor',
      code: withIntegration({ steps: '[{ from: planner, to: sales, action: Plans }]' }),
      errors: [{ at: 'planner' }],
      fixes: ['Create system `planner`', 'Create actor `planner`'],
      fix: 'Create actor `planner`',
      output: /\nactors:\n {2}- id: planner\n {4}name: planner\n/,
      clean: CLEAN,
    },
    {
      name: 'fix: "Create goal" declares a goal',
      code: withIntegration({ goals: '[faster-invoicing]' }),
      errors: [{ at: 'faster-invoicing' }],
      fix: 'Create goal `faster-invoicing`',
      output: /\n {2}- id: faster-invoicing\n {4}title: faster-invoicing\nsystems:\n/,
      clean: CLEAN,
    },
    { name: 'fix: offers no "Create" for an id the format would reject', code: withIntegration({ to: '"9 lives"' }), errors: [{}], output: null },
    { name: 'fix: offers no "Create" for a rule id', code: withIntegration({ waivers: '[{ rule: no-such-rule-at-all, reason: x }]' }), errors: [{}], output: null },
  ],
});

describe(RULE, () => {
  it('fix: "Create system" adds a `systems` list when the manifest has none, and one declaration resolves both ends', () => {
    const text = joinLines('integrationManifest: 1', 'solution:', '  name: New', 'integrations:', '  - id: a', '    name: A', '    type: ui', '    from: portal', '    to: portal');
    assert.equal(findingsOf(text, RULE).length, 2);
    const after = applyFixAndCheck(text, RULE, 'Create system `portal`', { clean: CLEAN });
    assert.match(after, /\nsystems:\n {2}- id: portal\n/);
  });
});
