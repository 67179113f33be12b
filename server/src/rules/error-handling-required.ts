import { setIn } from '../document/edits';
import { at, integrationAt } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'error-handling-required',
  severity: 'warning',
  category: 'guidance',
  summary: 'Every integration designs its abnormal path: retries, dead-lettering and who is notified.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (integration.errorHandling.present) continue;
      yield {
        span: at(integration, ['errorHandling']),
        item: integration,
        message: `Integration \`${integration.id}\` does not say what happens when it fails. Add \`errorHandling\`: retries with exponential backoff for passing faults, a dead-letter queue for messages that keep failing, and who is notified.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    const notify = integration.owner ?? 'Integration support team';
    return [
      {
        title: 'Add error handling: retries with exponential backoff, dead-letter and notification',
        preferred: true,
        edits: setIn(manifest.document, integration.node, ['errorHandling'], {
          retry: { attempts: 5, backoff: 'exponential' },
          deadLetter: true,
          notify,
        }),
      },
    ];
  },
});
