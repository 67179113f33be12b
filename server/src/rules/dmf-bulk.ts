import { setIn, type TextEdit } from '../document/edits';
import type { Integration, Manifest } from '../model/manifest';
import { REAL_TIME_FREQUENCIES } from '../model/rate';
import { at, integrationAt } from './helpers';
import { defineRule } from './types';

/** The schedule a fix gives a bulk job that was written as real-time; people adjust it to the business need. */
export const BATCH_FREQUENCY = 'daily';

/**
 * Edits that make an integration a scheduled batch: `mode: batch`, and `frequency: daily`
 * when it said real-time or near-real-time. Shared with odata-bulk, whose fix moves bulk
 * traffic to DMF.
 */
export function toBatch(manifest: Manifest, integration: Integration): { edits: TextEdit[]; changes: string[] } {
  const changes = ['`mode: batch`'];
  const edits = integration.mode === 'batch' ? [] : setIn(manifest.document, integration.node, ['mode'], 'batch');
  if (integration.frequency !== undefined && REAL_TIME_FREQUENCIES.includes(integration.frequency)) {
    edits.push(...setIn(manifest.document, integration.node, ['frequency'], BATCH_FREQUENCY));
    changes.push(`\`frequency: ${BATCH_FREQUENCY}\``);
  }
  return { edits, changes };
}

export default defineRule({
  id: 'dmf-bulk',
  severity: 'warning',
  category: 'guidance',
  summary: 'A Data Management Framework (DMF) integration runs as a scheduled batch, not synchronously or in real time.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (integration.pattern !== 'dmf') continue;
      const sync = integration.mode === 'sync';
      const realTime = integration.frequency !== undefined && REAL_TIME_FREQUENCIES.includes(integration.frequency);
      if (!sync && !realTime) continue;
      yield {
        span: sync ? at(integration, ['mode']) : at(integration, ['frequency']),
        item: integration,
        message: `Integration \`${integration.id}\` uses the Data Management Framework ${sync ? 'synchronously' : `\`${integration.frequency}\``}. DMF moves data in bulk imports and exports; set \`mode: batch\` and a schedule (\`frequency: hourly\`, \`daily\`, \`every 4h\`...). For record-by-record, real-time exchange use OData or business events instead.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    const { edits, changes } = toBatch(manifest, integration);
    return [{ title: `Run it as a batch: ${changes.join(', ')}`, preferred: true, edits }];
  },
});
