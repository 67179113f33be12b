import { forEveryUser, setIn } from '../document/edits';
import { at, completeMonitoring, integrationAt } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'monitoring-required',
  severity: 'warning',
  category: 'guidance',
  summary: 'Every integration is monitored, so that failures are seen and acted on.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (integration.monitoring.present && integration.monitoring.tool !== 'none') continue;
      yield {
        span: integration.monitoring.present ? at(integration, ['monitoring', 'tool']) : integration.idSpan,
        item: integration,
        message: `Integration \`${integration.id}\` has no monitoring. Add \`monitoring\` with a tool such as Application Insights and alerts, so failures reach the people who support it.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    // The whole pattern: a tool, alerts, and auditing for personal data (what logic-apps-monitoring and pii-protection ask).
    const value = completeMonitoring(integration);
    return [
      {
        title: value['audit'] ? 'Add monitoring with Application Insights, alerts and auditing' : 'Add monitoring with Application Insights and alerts',
        preferred: true,
        // Every integration is to be monitored: a shared monitoring block may take it.
        edits: forEveryUser(setIn(manifest.document, integration.node, ['monitoring'], value)),
      },
    ];
  },
});
