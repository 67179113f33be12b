import assert from 'node:assert/strict';
import { ruleTester } from '../../helpers/ruleTester';
import { GOALS_NAMED } from '../../../server/src/rules/goal-alignment';
import { BASE, findingsOf, fixesOfFirst, withIntegration } from '../../helpers/text';

const RULE = 'goal-alignment';

/** BASE with a second goal that has nothing to do with order status. */
const TWO_GOALS = BASE.replace('    title: Sales sees order status\n', '    title: Sales sees order status\n  - id: fast-close\n    title: Close the books in three days\n');

const NO_GOALS = withIntegration({ goals: null }, BASE.replace('goals:\n  - id: visibility\n    title: Sales sees order status\n', ''));

ruleTester(RULE, {
  valid: [
    { name: 'the integration lists a goal', code: BASE },
    { name: 'a waiver with a reason silences it', code: withIntegration({ goals: null, waivers: '[{ rule: goal-alignment, reason: Technical plumbing }]' }) },
  ],
  invalid: [
    {
      name: 'fires on an integration without `goals`, on its id, naming the declared goals',
      code: withIntegration({ goals: null }, TWO_GOALS),
      errors: [{ at: 'status', severity: 'info', message: /`status` serves no business goal\. List the goals it supports in `goals` \(declared: `visibility`, `fast-close`\)/ }],
    },
    {
      name: 'fires on an empty `goals` list, on the key',
      code: withIntegration({ goals: '[]' }),
      errors: [{ at: 'goals' }],
    },
    {
      name: 'with no goal declared, says to declare one, and offers no fix',
      code: NO_GOALS,
      errors: [{ message: /the manifest declares none\. Declare the solution's business goals under `goals:`/ }],
      output: null,
    },
    {
      name: 'fix: creates the `goals` key, keeping comments',
      code: withIntegration({ goals: null, systemOfRecord: 'erp  # ERP owns order status' }, TWO_GOALS),
      errors: [{ at: 'status' }],
      fix: /fast-close/,
      output: /\n {4}goals:\n {6}- fast-close\n/,
    },
    {
      name: 'fix: appends to an empty flow list',
      code: withIntegration({ goals: '[]  # to be agreed' }),
      errors: [{ at: 'goals' }],
      output: /\n {4}goals: \[visibility\] {2}# to be agreed\n/,
    },
    {
      name: 'fix: fills a `goals` key that has no value yet',
      code: withIntegration({ goals: '  # to be agreed' }).replace('goals:   #', 'goals:  #'),
      errors: [{ at: 'goals' }],
      output: /\n {4}goals: {2}# to be agreed\n {6}- visibility\n/,
    },
  ],
});

describe(RULE, () => {
  it('offers one fix per declared goal, the closest first and preferred', () => {
    const text = withIntegration({ goals: null }, TWO_GOALS);
    assert.equal(findingsOf(text, RULE).length, 1);
    assert.deepEqual(
      fixesOfFirst(text, RULE).map((f) => [f.title, f.preferred ?? false]),
      [
        ['Link goal `visibility` (Sales sees order status)', true],
        ['Link goal `fast-close` (Close the books in three days)', false],
      ],
    );
  });

  it('prefers no goal when none is clearly closer', () => {
    const unrelated = withIntegration({ goals: null, name: 'Nightly export' }, TWO_GOALS.replace('Sales sees order status', 'Customers are happy'));
    assert.equal(findingsOf(unrelated, RULE).length, 1);
    assert.ok(fixesOfFirst(unrelated, RULE).every((f) => !f.preferred));
  });

  it('names the first five declared goals and how many more there are, and offers the five closest', () => {
    const many = Array.from({ length: 1200 }, (_, i) => `  - id: goal-${i}\n    title: Goal number ${i}\n`).join('');
    const text = withIntegration({ goals: null }, TWO_GOALS.replace('goals:\n', `goals:\n${many}`));
    const [finding] = findingsOf(text, RULE);
    assert.match(finding!.message, /\(declared: `goal-0`, `goal-1`, `goal-2`, `goal-3`, `goal-4` and 1,197 more\), so everyone can see why/);
    const fixes = fixesOfFirst(text, RULE);
    assert.equal(fixes.length, GOALS_NAMED);
    // The closest goal, declared after the 1,200 others, is among them and preferred.
    assert.deepEqual([fixes[0]!.title, fixes[0]!.preferred], ['Link goal `visibility` (Sales sees order status)', true]);
  });
});
