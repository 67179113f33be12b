import assert from 'node:assert/strict';
import { ruleTester } from '../../helpers/ruleTester';
import { applyFixAndCheck, BASE, withIntegration } from '../../helpers/text';

const RULE = 'monitoring-required';

/** Its fixes leave no yaml-syntax or schema finding at all. */
const CLEAN = ['yaml-syntax', 'schema'];

const waived = (expires: string) =>
  withIntegration({ monitoring: null, waivers: `[{ rule: monitoring-required, reason: Watched by the ERP vendor, expires: ${expires} }]` });

ruleTester(RULE, {
  valid: [
    { name: 'a monitored integration', code: BASE },
    ...['azure-monitor', 'log-analytics', 'power-platform-admin', 'other'].map((tool) => ({ name: `accepts \`tool: ${tool}\``, code: withIntegration({ monitoring: `{ tool: ${tool} }` }) })),
    { name: 'a waiver with a reason silences it, through its last day', code: waived('2026-11-22') },
  ],
  invalid: [
    {
      name: 'fires on an integration without `monitoring`, on its id',
      code: withIntegration({ monitoring: null }),
      errors: [
        {
          at: 'status',
          severity: 'warning',
          message:
            'Integration `status` has no monitoring. Add `monitoring` with a tool such as Application Insights and alerts, so failures reach the people who support it.',
        },
      ],
    },
    { name: 'fires on `tool: none`, on the tool', code: withIntegration({ monitoring: '{ tool: none }' }), errors: [{ at: 'none' }] },
    { name: 'can be raised to an error in the manifest', code: withIntegration({ monitoring: null }) + 'rules:\n  monitoring-required: error\n', errors: [{ severity: 'error' }] },
    { name: 'an expired waiver does not silence it', code: waived('2026-11-21'), errors: [{}] },
    {
      name: 'fix: adds a monitoring block with Application Insights and alerts, after the last key',
      code: withIntegration({ monitoring: null }).replace('      notify: support@contoso.com', '      notify: support@contoso.com # the on-call mailbox'),
      errors: [{ at: 'status' }],
      output: /\n {6}notify: support@contoso\.com # the on-call mailbox\n {4}monitoring:\n {6}tool: application-insights\n {6}alerts: true\n$/,
      clean: CLEAN,
    },
    {
      name: 'fix: replaces `tool: none` and keeps the other monitoring keys',
      code: BASE.replace('      tool: application-insights\n      alerts: true\n', '      tool: none # nobody owns it yet\n      audit: true\n'),
      errors: [{ at: 'none' }],
      output: /\n {4}monitoring:\n {6}tool: application-insights # nobody owns it yet\n {6}audit: true\n {6}alerts: true\n/,
      clean: CLEAN,
    },
    {
      name: 'fix: merges into a flow map',
      code: withIntegration({ monitoring: '{ tool: none, audit: true }' }),
      errors: [{ at: 'none' }],
      output: /monitoring: \{ tool: application-insights, audit: true, alerts: true \}/,
      clean: CLEAN,
    },
    {
      name: 'fix: fills an empty `monitoring:` key',
      code: withIntegration({ monitoring: null }).replace('    errorHandling:', '    monitoring:\n    errorHandling:'),
      errors: [{}],
      output: /\n {4}monitoring:\n {6}tool: application-insights\n {6}alerts: true\n {4}errorHandling:\n/,
      clean: CLEAN,
    },
  ],
});

describe(RULE, () => {
  it('fix: works on a CRLF document', () => {
    const after = applyFixAndCheck(withIntegration({ monitoring: null }).replace(/\n/g, '\r\n'), RULE);
    assert.ok(!/[^\r]\n/.test(after), 'a bare LF slipped in');
  });
});
