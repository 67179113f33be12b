import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { applyFixAndCheck, BASE, findingsOf, onlyFinding, spanText, withIntegration } from '../../helpers/text';

const RULE = 'goal-alignment';

const only = (text: string) => onlyFinding(text, RULE);

function fixesOf(text: string) {
  const { analysis, finding } = only(text);
  return findRule(RULE)!.fixes!(analysis.manifest, finding);
}

const fixed = (before: string, title?: RegExp): string => applyFixAndCheck(before, RULE, title);

/** BASE with a second goal that has nothing to do with order status. */
const TWO_GOALS = BASE.replace('    title: Sales sees order status\n', '    title: Sales sees order status\n  - id: fast-close\n    title: Close the books in three days\n');

const NO_GOALS = withIntegration({ goals: null }, BASE.replace('goals:\n  - id: visibility\n    title: Sales sees order status\n', ''));

describe(RULE, () => {
  it('is silent when the integration lists a goal', () => {
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('fires on an integration without `goals`, on its id, naming the declared goals', () => {
    const { analysis, finding } = only(withIntegration({ goals: null }, TWO_GOALS));
    assert.equal(spanText(analysis, finding), 'status');
    assert.equal(finding.severity, 'info');
    assert.match(finding.message, /`status` serves no business goal\. List the goals it supports in `goals` \(declared: `visibility`, `fast-close`\)/);
  });

  it('fires on an empty `goals` list, on the key', () => {
    const { analysis, finding } = only(withIntegration({ goals: '[]' }));
    assert.equal(spanText(analysis, finding), 'goals');
  });

  it('with no goal declared, says to declare one, and offers no fix', () => {
    const { finding } = only(NO_GOALS);
    assert.match(finding.message, /the manifest declares none\. Declare the solution's business goals under `goals:`/);
    assert.deepEqual(fixesOf(NO_GOALS), []);
  });

  it('a waiver with a reason silences it', () => {
    assert.equal(findingsOf(withIntegration({ goals: null, waivers: '[{ rule: goal-alignment, reason: Technical plumbing }]' }), RULE).length, 0);
  });

  it('offers one fix per declared goal, the closest first and preferred', () => {
    const fixes = fixesOf(withIntegration({ goals: null }, TWO_GOALS));
    assert.deepEqual(
      fixes.map((f) => [f.title, f.preferred ?? false]),
      [
        ['Link goal `visibility` (Sales sees order status)', true],
        ['Link goal `fast-close` (Close the books in three days)', false],
      ],
    );
  });

  it('prefers no goal when none is clearly closer', () => {
    const unrelated = withIntegration({ goals: null, name: 'Nightly export' }, TWO_GOALS.replace('Sales sees order status', 'Customers are happy'));
    assert.ok(fixesOf(unrelated).every((f) => !f.preferred));
  });

  it('fix: creates the `goals` key, keeping comments', () => {
    const before = withIntegration({ goals: null, systemOfRecord: 'erp  # ERP owns order status' }, TWO_GOALS);
    const after = fixed(before, /fast-close/);
    assert.match(after, /\n {4}goals:\n {6}- fast-close\n/);
  });

  it('fix: appends to an empty flow list', () => {
    const before = withIntegration({ goals: '[]  # to be agreed' });
    assert.match(fixed(before), /\n {4}goals: \[visibility\] {2}# to be agreed\n/);
  });

  it('fix: fills a `goals` key that has no value yet', () => {
    const before = withIntegration({ goals: '  # to be agreed' }).replace('goals:   #', 'goals:  #');
    const after = fixed(before);
    assert.match(after, /\n {4}goals: {2}# to be agreed\n {6}- visibility\n/);
  });
});
