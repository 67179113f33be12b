import { setIn } from '../document/edits';
import { at, integrationAt } from './helpers';
import { defineRule } from './types';

const STARTED_BY: Record<string, string> = { schedule: 'on a schedule', user: 'by a user action' };

export default defineRule({
  id: 'process-event-driven',
  severity: 'warning',
  summary: 'A process integration is started by the business event it reacts to (`trigger: event`).',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      const trigger = integration.trigger;
      // An absent trigger is not reported: the design does not say yet what starts it.
      if (integration.type !== 'process' || trigger === undefined || trigger === 'event') continue;
      yield {
        span: at(integration, ['trigger']),
        item: integration,
        message: `Process integration \`${integration.id}\` is started ${STARTED_BY[trigger] ?? `by \`${trigger}\``}. A process that spans systems should move on when its business event happens: set \`trigger: event\`, so the next system acts as soon as the step before it is done, not when a schedule or a person gets to it.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    return [{ title: 'Set `trigger: event`', preferred: true, edits: setIn(manifest.document, integration.node, ['trigger'], 'event') }];
  },
});
