import { setIn } from '../document/edits';
import { formatPerHour } from '../model/rate';
import { at, ends, integrationAt } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'service-protection-limits',
  severity: 'warning',
  summary: 'High-volume writes into Dataverse are batched, so that they stay within the service protection limits.',
  threshold: '72000/hour',
  perIntegration: true,
  *check({ manifest, threshold }) {
    for (const integration of manifest.integrations) {
      const rate = integration.ratePerHour;
      if (integration.mode === 'batch' || rate === undefined || rate < threshold) continue;
      const { to } = ends(manifest, integration);
      if (to?.family !== 'dataverse') continue;
      const span = integration.mode !== undefined ? at(integration, ['mode']) : at(integration, [integration.peak !== undefined ? 'peak' : 'volume']);
      yield {
        span,
        item: integration,
        message: `Integration \`${integration.id}\` sends ${formatPerHour(rate)} into \`${to.id}\`, a Dataverse app (threshold ${formatPerHour(threshold)}). At this rate it meets Dataverse's service protection limits (about 6,000 requests per 5 minutes per user): send the data in batches (\`mode: batch\`), or plan the volume with the limits in mind.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    return [{ title: 'Send in batches (`mode: batch`)', preferred: true, edits: setIn(manifest.document, integration.node, ['mode'], 'batch') }];
  },
});
