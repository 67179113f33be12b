import { forEveryUser, setIn } from '../document/edits';
import { at, completeMonitoring, integrationAt, viaSystems } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'logic-apps-monitoring',
  severity: 'warning',
  category: 'guidance',
  summary: 'An integration through Logic Apps adds monitoring with alerts, which Logic Apps alone does not give.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      const logicApps = viaSystems(manifest, integration).find((s) => s.systemKind === 'logic-apps');
      if (!logicApps || integration.monitoring.alerts === true) continue;
      const ref = integration.via.find((r) => r.id === logicApps.id)!;
      yield {
        span: integration.monitoring.present ? at(integration, ['monitoring', 'alerts']) : ref.span,
        item: integration,
        message: `Integration \`${integration.id}\` runs through Logic Apps (\`${logicApps.id}\`) without alerts. Logic Apps alone does not give the monitoring and alerting a middleware needs: add \`monitoring\` with a tool such as Application Insights and \`alerts: true\`.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    const { tool, present } = integration.monitoring;
    // Keep a monitoring tool already chosen; only add what is missing. Monitoring set up anew is the whole pattern (auditing for personal data too).
    const addTool = tool === undefined || tool === 'none';
    const value: Record<string, string | boolean> = present ? (addTool ? { tool: 'application-insights', alerts: true } : { alerts: true }) : completeMonitoring(integration);
    return [
      {
        title: addTool ? 'Monitor with Application Insights and alerts' : 'Turn on alerts',
        preferred: true,
        // Alerts (and a monitoring tool) are right for every integration: a shared monitoring block may take them.
        edits: forEveryUser(setIn(manifest.document, integration.node, ['monitoring'], value)),
      },
    ];
  },
});
