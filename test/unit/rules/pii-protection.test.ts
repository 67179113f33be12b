import { lineOf, ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'pii-protection';

const MONITORING_BLOCK = '    monitoring:\n      tool: application-insights\n      alerts: true\n';

const UNAUDITED = withIntegration({ data: '{ entities: [Contact], pii: true }' });

ruleTester(RULE, {
  valid: [
    { name: 'personal data is audited', code: withIntegration({ data: '{ pii: true }', monitoring: '{ tool: application-insights, alerts: true, audit: true }' }) },
    { name: 'there is no personal data', code: withIntegration({ data: '{ pii: false }' }) },
    { name: 'the clean base', code: BASE },
    { name: 'a waiver with a reason silences it', code: withIntegration({ data: '{ pii: true }', waivers: '[{ rule: pii-protection, reason: Audited in the target system }]' }) },
  ],
  invalid: [
    {
      // `true` occurs once on the line of `pii: true`: the span is that value.
      name: 'fires on personal data without audit, on `pii`',
      code: UNAUDITED,
      errors: [{ at: 'true', line: lineOf(UNAUDITED, 'pii: true'), severity: 'warning', message: /`status` moves personal data but does not audit it\. Set `monitoring\.audit: true`/ }],
    },
    {
      name: 'fires on `audit: false`, on that value',
      code: withIntegration({ data: '{ pii: true }', monitoring: '{ tool: application-insights, alerts: true, audit: false }' }),
      errors: [{ at: 'false' }],
    },
    {
      name: 'fix: adds `audit: true` to a block `monitoring` map, keeping comments',
      code: withIntegration({ data: '{ pii: true }  # names and emails' }).replace(
        MONITORING_BLOCK,
        '    monitoring:  # ops dashboard\n      tool: application-insights\n      # alerts go to the on-call rota\n      alerts: true  # agreed\n',
      ),
      errors: [{ at: 'true' }],
      output: /alerts: true {2}# agreed\n {6}audit: true\n/,
    },
    {
      name: 'fix: adds it to a flow `monitoring` map',
      code: withIntegration({ data: '{ pii: true }', monitoring: '{ tool: log-analytics, alerts: true }  # shared workspace' }),
      errors: [{ at: 'true' }],
      output: /monitoring: \{ tool: log-analytics, alerts: true, audit: true \} {2}# shared workspace/,
    },
    {
      name: 'fix: turns `audit: false` into true',
      code: withIntegration({ data: '{ pii: true }', monitoring: '{ tool: application-insights, alerts: true, audit: false }  # todo' }),
      errors: [{ at: 'false' }],
      output: /alerts: true, audit: true \} {2}# todo/,
    },
    {
      name: 'fix: sets `monitoring` up whole when it is missing: a tool, alerts and auditing (monitoring-required is satisfied too)',
      code: withIntegration({ data: '{ pii: true }  # HR data', monitoring: null }),
      errors: [{ at: 'true' }],
      fixes: ['Add monitoring with Application Insights, alerts and auditing'],
      output: /\n {4}monitoring:\n {6}tool: application-insights\n {6}alerts: true\n {6}audit: true\n/,
      clean: ['monitoring-required'],
    },
  ],
});
