import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'unused-goal';

/** BASE with a second goal that no integration lists. */
const TWO_GOALS = BASE.replace('    title: Sales sees order status\n', '    title: Sales sees order status\n  - id: fast-close\n    title: Close the books in three days\n');

describe(RULE, () => {
  it('is silent when every goal is served', () => {
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('fires on a goal no integration lists, on its id', () => {
    const analysis = lintText(TWO_GOALS);
    const found = analysis.problems.filter((p) => p.rule === RULE);
    assert.deepEqual(found.map((p) => spanText(analysis, p)), ['fast-close']);
    assert.equal(found[0]!.severity, 'info');
    assert.match(found[0]!.message, /Goal `fast-close` \(Close the books in three days\) is served by no integration\. Add it to the `goals` of the integrations that deliver it/);
  });

  it('counts a goal listed by any integration, and reports every goal when none is listed', () => {
    assert.equal(findingsOf(withIntegration({ goals: '[fast-close, visibility]' }, TWO_GOALS), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ goals: null }, TWO_GOALS), RULE).length, 2);
  });

  it('reports a goal of a manifest without integrations, and nothing without goals', () => {
    const text = 'integrationManifest: 1\nsolution: { name: Empty }\ngoals:\n  - id: g\n    title: A goal\n';
    assert.equal(findingsOf(text, RULE).length, 1);
    assert.equal(findingsOf('integrationManifest: 1\nsolution: { name: Empty }\n', RULE).length, 0);
  });

  it('has no quick fix: which integration serves a goal is a design decision', () => {
    assert.equal(findRule(RULE)!.fixes, undefined);
  });
});
