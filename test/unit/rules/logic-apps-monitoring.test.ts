import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'logic-apps-monitoring';

/** BASE with a Logic Apps system `flows` on the integration's path, next to the bus. */
const LOGIC = BASE.replace('  - id: bus\n', '  - id: flows\n    name: Order flows\n    kind: logic-apps\n    hosting: cloud\n  - id: bus\n').replace(
  '    via: [bus]',
  '    via: [bus, flows]',
);

ruleTester(RULE, {
  valid: [
    { name: 'Logic Apps on the path, with alerts', code: LOGIC },
    { name: 'no Logic Apps on the path', code: withIntegration({ monitoring: null }) },
    {
      name: 'a waiver with a reason silences it',
      code: withIntegration({ monitoring: null, waivers: '[{ rule: logic-apps-monitoring, reason: Alerts live in the central SOC tool }]' }, LOGIC),
    },
  ],
  invalid: [
    {
      name: 'fires on the Logic Apps reference when the integration has no monitoring',
      code: withIntegration({ monitoring: null }, LOGIC),
      errors: [
        {
          at: 'flows',
          severity: 'warning',
          message: [/runs through Logic Apps \(`flows`\) without alerts/, /add `monitoring` with a tool such as Application Insights and `alerts: true`/],
        },
      ],
    },
    { name: 'fires on `alerts` when alerts are off', code: withIntegration({ monitoring: '{ tool: azure-monitor, alerts: false }' }, LOGIC), errors: [{ at: 'false' }] },
    { name: 'fires on `monitoring` when alerts are not mentioned', code: withIntegration({ monitoring: '{ tool: azure-monitor }' }, LOGIC), errors: [{ at: 'monitoring' }] },
    {
      name: 'the fix adds monitoring with Application Insights and alerts, keeping the comments',
      code: withIntegration({ monitoring: null }, LOGIC).replace('    errorHandling:', '    # failure path\n    errorHandling:'),
      errors: [{ at: 'flows' }],
      output: /\n {4}monitoring:\n {6}tool: application-insights\n {6}alerts: true\n/,
    },
    {
      name: 'the fix keeps a chosen tool and turns alerts on in a block map',
      code: LOGIC.replace('      alerts: true', '      # alerts: later\n      alerts: false # noisy').replace('      tool: application-insights', '      tool: azure-monitor # central'),
      errors: [{ at: 'false' }],
      output: /tool: azure-monitor # central\n {6}# alerts: later\n {6}alerts: true # noisy\n/,
    },
    {
      name: 'the fix merges into a flow map',
      code: withIntegration({ monitoring: '{ audit: true } # audit only' }, LOGIC),
      errors: [{ at: 'monitoring' }],
      output: /monitoring: \{ audit: true, tool: application-insights, alerts: true \} # audit only\n/,
    },
    {
      name: 'the fix replaces `tool: none`',
      code: withIntegration({ monitoring: '{ tool: none }' }, LOGIC),
      errors: [{}],
      output: /monitoring: \{ tool: application-insights, alerts: true \}/,
    },
  ],
});
