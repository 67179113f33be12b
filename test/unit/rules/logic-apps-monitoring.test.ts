import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'logic-apps-monitoring';

const fixAndCheck = (text: string): string => applyFixAndCheck(text, RULE);

/** BASE with a Logic Apps system `flows` on the integration's path, next to the bus. */
const LOGIC = BASE.replace('  - id: bus\n', '  - id: flows\n    name: Order flows\n    kind: logic-apps\n    hosting: cloud\n  - id: bus\n').replace(
  '    via: [bus]',
  '    via: [bus, flows]',
);

describe(RULE, () => {
  it('fires on the Logic Apps reference when the integration has no monitoring', () => {
    const a = lintText(withIntegration({ monitoring: null }, LOGIC));
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.equal(spanText(a, found[0]!), 'flows');
    assert.match(found[0]!.message, /runs through Logic Apps \(`flows`\) without alerts/);
    assert.match(found[0]!.message, /add `monitoring` with a tool such as Application Insights and `alerts: true`/);
  });

  it('fires on `alerts` when alerts are off, and on `monitoring` when they are not mentioned', () => {
    const off = lintText(withIntegration({ monitoring: '{ tool: azure-monitor, alerts: false }' }, LOGIC));
    assert.equal(spanText(off, off.problems.find((p) => p.rule === RULE)!), 'false');
    const unsaid = lintText(withIntegration({ monitoring: '{ tool: azure-monitor }' }, LOGIC));
    assert.equal(spanText(unsaid, unsaid.problems.find((p) => p.rule === RULE)!), 'monitoring');
  });

  it('stays silent with alerts, or without Logic Apps on the path', () => {
    assert.deepEqual(findingsOf(LOGIC, RULE), []);
    assert.deepEqual(findingsOf(withIntegration({ monitoring: null }), RULE), []);
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ monitoring: null, waivers: '[{ rule: logic-apps-monitoring, reason: Alerts live in the central SOC tool }]' }, LOGIC);
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('the fix adds monitoring with Application Insights and alerts, keeping the comments', () => {
    const text = withIntegration({ monitoring: null }, LOGIC).replace('    errorHandling:', '    # failure path\n    errorHandling:');
    const after = fixAndCheck(text);
    assert.match(after, /\n {4}monitoring:\n {6}tool: application-insights\n {6}alerts: true\n/);
  });

  it('the fix keeps a chosen tool and turns alerts on in a block map', () => {
    const text = LOGIC.replace('      alerts: true', '      # alerts: later\n      alerts: false # noisy');
    const after = fixAndCheck(text.replace('      tool: application-insights', '      tool: azure-monitor # central'));
    assert.match(after, /tool: azure-monitor # central\n {6}# alerts: later\n {6}alerts: true # noisy\n/);
  });

  it('the fix merges into a flow map', () => {
    const text = withIntegration({ monitoring: '{ audit: true } # audit only' }, LOGIC);
    assert.match(fixAndCheck(text), /monitoring: \{ audit: true, tool: application-insights, alerts: true \} # audit only\n/);
  });

  it('the fix replaces `tool: none`', () => {
    const text = withIntegration({ monitoring: '{ tool: none }' }, LOGIC);
    assert.match(fixAndCheck(text), /monitoring: \{ tool: application-insights, alerts: true \}/);
  });
});
