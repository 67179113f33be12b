import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, onlyFinding, spanText, withIntegration } from '../../helpers/text';

const RULE = 'pii-protection';

const only = (text: string) => onlyFinding(text, RULE);

const fixed = (before: string): string => applyFixAndCheck(before, RULE);

const MONITORING_BLOCK = '    monitoring:\n      tool: application-insights\n      alerts: true\n';

describe(RULE, () => {
  it('fires on personal data without audit, on `pii`', () => {
    const { analysis, finding } = only(withIntegration({ data: '{ entities: [Contact], pii: true }' }));
    assert.equal(spanText(analysis, finding), 'true');
    assert.equal(analysis.document.text.slice(finding.span.start - 5, finding.span.start), 'pii: ');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /`status` moves personal data but does not audit it\. Set `monitoring\.audit: true`/);
  });

  it('fires on `audit: false`, on that value', () => {
    const text = withIntegration({ data: '{ pii: true }', monitoring: '{ tool: application-insights, alerts: true, audit: false }' });
    const { analysis, finding } = only(text);
    assert.equal(spanText(analysis, finding), 'false');
  });

  it('is silent when personal data is audited, and when there is none', () => {
    assert.equal(findingsOf(withIntegration({ data: '{ pii: true }', monitoring: '{ tool: application-insights, alerts: true, audit: true }' }), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ data: '{ pii: false }' }), RULE).length, 0);
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ data: '{ pii: true }', waivers: '[{ rule: pii-protection, reason: Audited in the target system }]' });
    assert.equal(findingsOf(text, RULE).length, 0);
  });

  it('fix: adds `audit: true` to a block `monitoring` map, keeping comments', () => {
    const before = withIntegration({ data: '{ pii: true }  # names and emails' }).replace(
      MONITORING_BLOCK,
      '    monitoring:  # ops dashboard\n      tool: application-insights\n      # alerts go to the on-call rota\n      alerts: true  # agreed\n',
    );
    const after = fixed(before);
    assert.match(after, /alerts: true {2}# agreed\n {6}audit: true\n/);
  });

  it('fix: adds it to a flow `monitoring` map', () => {
    const before = withIntegration({ data: '{ pii: true }', monitoring: '{ tool: log-analytics, alerts: true }  # shared workspace' });
    assert.match(fixed(before), /monitoring: \{ tool: log-analytics, alerts: true, audit: true \} {2}# shared workspace/);
  });

  it('fix: turns `audit: false` into true', () => {
    const before = withIntegration({ data: '{ pii: true }', monitoring: '{ tool: application-insights, alerts: true, audit: false }  # todo' });
    assert.match(fixed(before), /alerts: true, audit: true \} {2}# todo/);
  });

  it('fix: adds `monitoring` when it is missing', () => {
    const before = withIntegration({ data: '{ pii: true }  # HR data', monitoring: null });
    assert.match(fixed(before), /\n {4}monitoring:\n {6}audit: true\n/);
  });
});
