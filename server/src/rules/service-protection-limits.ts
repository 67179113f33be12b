import { setIn } from '../document/edits';
import { formatPerHour } from '../model/rate';
import { at, ends, integrationAt } from './helpers';
import { defineRule } from './types';

/** The service protection limits as the platform defines them, for the message. */
const LIMITS =
  'Dataverse limits each user, on each web server, within a sliding 5-minute window: 6,000 requests, 20 minutes of combined execution time, and 52 concurrent requests; beyond them it answers 429 Too Many Requests with a Retry-After header';

export default defineRule({
  id: 'service-protection-limits',
  severity: 'warning',
  category: 'guidance',
  summary: 'High-volume reads from and writes into Dataverse are batched, so that they stay within the service protection limits.',
  threshold: '72000/hour',
  perIntegration: true,
  *check({ manifest, threshold }) {
    for (const integration of manifest.integrations) {
      const rate = integration.ratePerHour;
      if (integration.mode === 'batch' || rate === undefined || rate < threshold) continue;
      const { from, to } = ends(manifest, integration);
      // Writes into Dataverse, and reads from it: both count against the limits.
      const [dataverse, direction] = to?.family === 'dataverse' ? [to, 'sends'] : from?.family === 'dataverse' ? [from, 'reads'] : [undefined, ''];
      if (!dataverse) continue;
      const span = integration.mode !== undefined ? at(integration, ['mode']) : at(integration, [integration.peak !== undefined ? 'peak' : 'volume']);
      yield {
        span,
        item: integration,
        message: `Integration \`${integration.id}\` ${direction} ${formatPerHour(rate)} ${direction === 'sends' ? 'into' : 'from'} \`${dataverse.id}\`, a Dataverse app (threshold ${formatPerHour(threshold)}). ${LIMITS}. At this rate, send the data in batches (\`mode: batch\`) and retry after the time Dataverse asks for, or plan the volume with the limits in mind.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    return [{ title: 'Send in batches (`mode: batch`)', preferred: true, edits: setIn(manifest.document, integration.node, ['mode'], 'batch') }];
  },
});
