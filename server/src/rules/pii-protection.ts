import { forEveryUser, setIn } from '../document/edits';
import { at, completeMonitoring, integrationAt } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'pii-protection',
  severity: 'warning',
  category: 'guidance',
  summary: 'An integration that moves personal data audits access to it (`monitoring.audit: true`).',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (integration.data.pii !== true || integration.monitoring.audit === true) continue;
      const auditWritten = integration.monitoring.audit !== undefined;
      yield {
        span: auditWritten ? at(integration, ['monitoring', 'audit']) : at(integration, ['data', 'pii']),
        item: integration,
        message: `Integration \`${integration.id}\` moves personal data but does not audit it. Set \`monitoring.audit: true\`, so who read or changed the data can be shown when data protection rules (such as GDPR) ask for it.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    // Auditing access costs another integration nothing it needs: a shared monitoring block may take it.
    if (integration.monitoring.present)
      return [{ title: 'Set `monitoring.audit: true`', preferred: true, edits: forEveryUser(setIn(manifest.document, integration.node, ['monitoring', 'audit'], true)) }];
    // No monitoring yet: set it up whole (a tool and alerts, as monitoring-required asks), with auditing.
    return [
      {
        title: 'Add monitoring with Application Insights, alerts and auditing',
        preferred: true,
        edits: forEveryUser(setIn(manifest.document, integration.node, ['monitoring'], completeMonitoring(integration))),
      },
    ];
  },
});
