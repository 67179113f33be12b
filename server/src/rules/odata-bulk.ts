import { setIn } from '../document/edits';
import { formatPerHour } from '../model/rate';
import { toBatch } from './dmf-bulk';
import { at, integrationAt } from './helpers';
import { defineRule } from './types';

const BULK_PATTERNS: readonly string[] = ['odata', 'web-api'];

export default defineRule({
  id: 'odata-bulk',
  severity: 'warning',
  summary: 'OData and the Web API serve real-time record operations; bulk volumes go through the Data Management Framework in batch.',
  threshold: '50000/hour',
  perIntegration: true,
  *check({ manifest, threshold }) {
    for (const integration of manifest.integrations) {
      const rate = integration.ratePerHour;
      if (integration.pattern === undefined || !BULK_PATTERNS.includes(integration.pattern)) continue;
      if (rate === undefined || rate < threshold) continue;
      const api = integration.pattern === 'odata' ? 'OData' : 'the Web API';
      yield {
        span: at(integration, ['pattern']),
        item: integration,
        message: `Integration \`${integration.id}\` moves ${formatPerHour(rate)} through ${api} (threshold ${formatPerHour(threshold)}). OData and the Web API fit real-time create, read, update and delete of single records; at this volume use the Data Management Framework for bulk import and export: set \`pattern: dmf\` and \`mode: batch\`.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    const batch = toBatch(manifest, integration);
    return [
      {
        title: `Move it to DMF in batch: \`pattern: dmf\`, ${batch.changes.join(', ')}`,
        preferred: true,
        edits: [...setIn(manifest.document, integration.node, ['pattern'], 'dmf'), ...batch.edits],
      },
    ];
  },
});
