import assert from 'node:assert/strict';
import { applyFix, BASE, commentsOf, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'monitoring-required';

function fixAndCheck(text: string): string {
  const after = applyFix(text, RULE);
  const a = lintText(after);
  assert.deepEqual(a.problems.filter((p) => p.rule === RULE), [], `the fix did not clear the finding:\n${after}`);
  assert.deepEqual(a.problems.filter((p) => p.rule === 'yaml-syntax' || p.rule === 'schema'), []);
  assert.deepEqual(commentsOf(after), commentsOf(text));
  return after;
}

describe(RULE, () => {
  it('stays silent on a monitored integration', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
  });

  it('fires on an integration without `monitoring`, on its id', () => {
    const a = lintText(withIntegration({ monitoring: null }));
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.equal(spanText(a, found[0]!), 'status');
    assert.equal(
      found[0]!.message,
      'Integration `status` has no monitoring. Add `monitoring` with a tool such as Application Insights and alerts, so failures reach the people who support it.',
    );
  });

  it('fires on `tool: none`, on the tool', () => {
    const a = lintText(withIntegration({ monitoring: '{ tool: none }' }));
    const [p] = a.problems.filter((x) => x.rule === RULE);
    assert.equal(spanText(a, p!), 'none');
  });

  it('accepts any tool other than none', () => {
    for (const tool of ['azure-monitor', 'log-analytics', 'power-platform-admin', 'other'])
      assert.deepEqual(findingsOf(withIntegration({ monitoring: `{ tool: ${tool} }` }), RULE), [], tool);
  });

  it('can be raised to an error in the manifest', () => {
    const [p] = findingsOf(withIntegration({ monitoring: null }) + 'rules:\n  monitoring-required: error\n', RULE);
    assert.equal(p!.severity, 'error');
  });

  it('a waiver with a reason silences it; an expired one does not', () => {
    const waived = (expires: string) =>
      findingsOf(withIntegration({ monitoring: null, waivers: `[{ rule: monitoring-required, reason: Watched by the ERP vendor, expires: ${expires} }]` }), RULE).length;
    assert.equal(waived('2026-11-22'), 0, 'a waiver holds through its last day');
    assert.equal(waived('2026-11-21'), 1);
  });

  describe('fix', () => {
    it('adds a monitoring block with Application Insights and alerts, after the last key', () => {
      const text = withIntegration({ monitoring: null }).replace('      notify: support@contoso.com', '      notify: support@contoso.com # the on-call mailbox');
      const after = fixAndCheck(text);
      assert.ok(after.endsWith('      notify: support@contoso.com # the on-call mailbox\n    monitoring:\n      tool: application-insights\n      alerts: true\n'), after);
    });

    it('replaces `tool: none` and keeps the other monitoring keys', () => {
      const text = BASE.replace('      tool: application-insights\n      alerts: true\n', '      tool: none # nobody owns it yet\n      audit: true\n');
      const after = fixAndCheck(text);
      assert.match(after, /\n {4}monitoring:\n {6}tool: application-insights # nobody owns it yet\n {6}audit: true\n {6}alerts: true\n/);
    });

    it('merges into a flow map', () => {
      assert.match(fixAndCheck(withIntegration({ monitoring: '{ tool: none, audit: true }' })), /monitoring: \{ tool: application-insights, audit: true, alerts: true \}/);
    });

    it('fills an empty `monitoring:` key', () => {
      const text = withIntegration({ monitoring: null }).replace('    errorHandling:', '    monitoring:\n    errorHandling:');
      assert.equal(findingsOf(text, RULE).length, 1);
      assert.match(fixAndCheck(text), /\n {4}monitoring:\n {6}tool: application-insights\n {6}alerts: true\n {4}errorHandling:\n/);
    });

    it('works on a CRLF document', () => {
      const after = applyFix(withIntegration({ monitoring: null }).replace(/\n/g, '\r\n'), RULE);
      assert.ok(!/[^\r]\n/.test(after));
      assert.deepEqual(findingsOf(after, RULE), []);
    });
  });
});
