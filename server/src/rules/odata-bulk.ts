import { setIn } from '../document/edits';
import type { Integration, Manifest } from '../model/manifest';
import { formatPerHour } from '../model/rate';
import { toBatch } from './dmf-bulk';
import { at, ends, integrationAt } from './helpers';
import { defineRule } from './types';

const BULK_PATTERNS: readonly string[] = ['odata', 'web-api'];

/** How a bulk load with Dataverse is sent in batches: there is no DMF on that side. */
const DATAVERSE_BATCHING = 'group the requests (Web API `$batch`, or CreateMultiple and UpdateMultiple), or move the load to Data Factory';

/** How a bulk load with another system is sent in batches. */
const OTHER_BATCHING = "use the system's own bulk interface, or move the load to Data Factory";

/** Whether an end of the integration is a finance and operations app: the Data Management Framework exists only there. */
function hasFinanceOperationsEnd(manifest: Manifest, integration: Integration): boolean {
  const { from, to } = ends(manifest, integration);
  return from?.family === 'finance-operations' || to?.family === 'finance-operations';
}

/** How to batch the load when there is no DMF: the Dataverse way when an end is Dataverse. */
function batching(manifest: Manifest, integration: Integration): string {
  const { from, to } = ends(manifest, integration);
  return from?.family === 'dataverse' || to?.family === 'dataverse' ? DATAVERSE_BATCHING : OTHER_BATCHING;
}

export default defineRule({
  id: 'odata-bulk',
  severity: 'warning',
  category: 'guidance',
  summary:
    'OData and the Web API serve real-time record operations; bulk volumes go in batch: through the Data Management Framework for finance and operations apps, in grouped Web API requests or Data Factory otherwise.',
  threshold: '50000/hour',
  perIntegration: true,
  *check({ manifest, threshold }) {
    for (const integration of manifest.integrations) {
      const rate = integration.ratePerHour;
      if (integration.pattern === undefined || !BULK_PATTERNS.includes(integration.pattern)) continue;
      if (rate === undefined || rate < threshold) continue;
      const financeOperations = hasFinanceOperationsEnd(manifest, integration);
      // Without a finance and operations end there is no DMF to move to: batches of Web API requests are the pattern.
      if (!financeOperations && integration.mode === 'batch') continue;
      const api = integration.pattern === 'odata' ? 'OData' : 'the Web API';
      const advice = financeOperations
        ? 'at this volume use the Data Management Framework of the finance and operations app for bulk import and export: set `pattern: dmf` and `mode: batch`.'
        : `at this volume send the records in batches: set \`mode: batch\` and ${batching(manifest, integration)}. (The Data Management Framework exists only in finance and operations apps.)`;
      yield {
        span: at(integration, ['pattern']),
        item: integration,
        message: `Integration \`${integration.id}\` moves ${formatPerHour(rate)} through ${api} (threshold ${formatPerHour(threshold)}). OData and the Web API fit real-time create, read, update and delete of single records; ${advice}`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    const batch = toBatch(manifest, integration);
    if (!hasFinanceOperationsEnd(manifest, integration))
      return [{ title: `Send it in batches: ${batch.changes.join(', ')} (then ${batching(manifest, integration)})`, preferred: true, edits: batch.edits }];
    return [
      {
        title: `Move it to DMF in batch: \`pattern: dmf\`, ${batch.changes.join(', ')}`,
        preferred: true,
        edits: [...setIn(manifest.document, integration.node, ['pattern'], 'dmf'), ...batch.edits],
      },
    ];
  },
});
