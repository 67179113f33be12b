import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { applyFix, BASE, commentsOf, findingsOf, joinLines, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'unknown-reference';

function fixAndCheck(text: string, title?: string | RegExp): string {
  const before = findingsOf(text, RULE).length;
  const after = applyFix(text, RULE, title);
  const a = lintText(after);
  assert.equal(a.problems.filter((p) => p.rule === RULE).length, before - 1, `the fix did not clear the finding:\n${after}`);
  assert.deepEqual(a.problems.filter((p) => p.rule === 'yaml-syntax' || p.rule === 'schema'), []);
  assert.deepEqual(commentsOf(after), commentsOf(text));
  return after;
}

function fixTitles(text: string): string[] {
  const a = lintText(text);
  const p = a.problems.find((x) => x.rule === RULE)!;
  return (findRule(RULE)!.fixes?.(a.manifest, { span: p.span, data: p.data }) ?? []).map((f) => f.title);
}

describe(RULE, () => {
  it('stays silent when every reference resolves', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
  });

  it('reports a misspelt `to` on the reference and suggests the closest system', () => {
    const text = withIntegration({ to: 'sale # the CRM' });
    const a = lintText(text);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'error');
    assert.equal(spanText(a, found[0]!), 'sale');
    assert.equal(found[0]!.message, '`to` names `sale`, but no system has that id; did you mean `sales`?');
  });

  for (const [key, value, bad] of [
    ['from', 'erpp', 'erpp'],
    ['via', '[buss]', 'buss'],
    ['systemOfRecord', 'ERP2', 'ERP2'],
  ] as const) {
    it(`checks \`${key}\` against the systems`, () => {
      const a = lintText(withIntegration({ [key]: value }));
      const found = a.problems.filter((p) => p.rule === RULE);
      assert.equal(found.length, 1, key);
      assert.equal(spanText(a, found[0]!), bad);
    });
  }

  it('does not accept a goal or an actor where a system belongs', () => {
    const text = withIntegration({ to: 'visibility' });
    assert.match(findingsOf(text, RULE)[0]!.message, /^`to` names `visibility`, but no system has that id/);
  });

  it('checks `goals` against the goals', () => {
    const [p] = findingsOf(withIntegration({ goals: '[visibilty]' }), RULE);
    assert.equal(p!.message, '`goals` names `visibilty`, but no goal has that id; did you mean `visibility`?');
  });

  it('accepts an actor or a system as a step participant, and says so when neither matches', () => {
    const text = BASE.replace('systems:\n', 'actors:\n  - id: clerk\n    name: Order clerk\nsystems:\n');
    assert.deepEqual(findingsOf(withIntegration({ steps: '[{ from: clerk, to: sales, action: Opens the order }]' }, text), RULE), []);
    const [p] = findingsOf(withIntegration({ steps: '[{ from: planner, to: sales, action: Plans }]' }, text), RULE);
    assert.match(p!.message, /^`from` names `planner`, but no system or actor has that id\. Declare it under `systems` \(or `actors`, for a person or role\)/);
  });

  it('checks the rule a waiver names, and the keys of the `rules:` block', () => {
    const waiver = lintText(withIntegration({ waivers: '[{ rule: monitoring-require, reason: Monitored by the ERP team }]' }));
    const [w] = waiver.problems.filter((p) => p.rule === RULE);
    assert.equal(spanText(waiver, w!), 'monitoring-require');
    assert.match(w!.message, /no rule has that id; did you mean `monitoring-required`\?/);
    const block = lintText(BASE + 'rules:\n  goal-alignmnt: off\n');
    const [r] = block.problems.filter((p) => p.rule === RULE);
    assert.equal(spanText(block, r!), 'goal-alignmnt');
  });

  it('a waiver on the integration silences it for that integration', () => {
    const text = withIntegration({ to: 'warehouse', waivers: '[{ rule: unknown-reference, reason: Declared in the logistics manifest }]' });
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  describe('fixes', () => {
    it('renames to the closest id, keeping the comment after it', () => {
      const after = fixAndCheck(withIntegration({ to: 'sale # the CRM' }));
      assert.match(after, /\n {4}to: sales # the CRM\n/);
    });

    it('renames inside a flow list', () => {
      assert.match(fixAndCheck(withIntegration({ goals: '[visibilty]' })), /\n {4}goals: \[visibility\]\n/);
    });

    it('offers to rename first and to create the system second', () => {
      assert.deepEqual(fixTitles(withIntegration({ to: 'salez' })), ['Change to `sales`', 'Create system `salez`']);
    });

    it('"Create system" declares it under systems', () => {
      const text = withIntegration({ to: 'warehouse' });
      assert.deepEqual(fixTitles(text), ['Create system `warehouse`']);
      const after = fixAndCheck(text, 'Create system `warehouse`');
      assert.match(after, /\n {2}- id: bus\n {4}name: Service Bus\n {4}kind: service-bus\n {4}hosting: cloud\n {2}- id: warehouse\n {4}name: warehouse\n {4}kind: custom\n {4}hosting: cloud\nintegrations:\n/);
    });

    it('"Create system" adds a `systems` list when the manifest has none', () => {
      const text = joinLines('integrationManifest: 1', 'solution:', '  name: New', 'integrations:', '  - id: a', '    name: A', '    type: ui', '    from: portal', '    to: portal');
      assert.equal(findingsOf(text, RULE).length, 2);
      const after = applyFix(text, RULE, 'Create system `portal`');
      assert.match(after, /\nsystems:\n {2}- id: portal\n/);
      // One declaration resolves both ends.
      assert.deepEqual(lintText(after).problems.filter((p) => [RULE, 'schema', 'yaml-syntax'].includes(p.rule)), []);
    });

    it('a step participant can be created as an actor', () => {
      const text = withIntegration({ steps: '[{ from: planner, to: sales, action: Plans }]' });
      assert.deepEqual(fixTitles(text), ['Create system `planner`', 'Create actor `planner`']);
      const after = fixAndCheck(text, 'Create actor `planner`');
      assert.match(after, /\nactors:\n {2}- id: planner\n {4}name: planner\n/);
    });

    it('"Create goal" declares a goal', () => {
      const after = fixAndCheck(withIntegration({ goals: '[faster-invoicing]' }), 'Create goal `faster-invoicing`');
      assert.match(after, /\n {2}- id: faster-invoicing\n {4}title: faster-invoicing\nsystems:\n/);
    });

    it('offers no "Create" for an id the format would reject, nor for a rule id', () => {
      assert.deepEqual(fixTitles(withIntegration({ to: '"9 lives"' })), []);
      assert.deepEqual(fixTitles(withIntegration({ waivers: '[{ rule: no-such-rule-at-all, reason: x }]' })), []);
    });
  });
});
