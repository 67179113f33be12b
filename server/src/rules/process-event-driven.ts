import { setIn } from '../document/edits';
import { at, integrationAt } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'process-event-driven',
  severity: 'info',
  category: 'guidance',
  summary: 'A process step that runs on a schedule but is not a batch could be started by the business event it waits for (`trigger: event`).',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      // A user's action is an event; a scheduled batch is a step the guidance expects in processes.
      if (integration.type !== 'process' || integration.trigger !== 'schedule' || integration.mode === 'batch') continue;
      yield {
        span: at(integration, ['trigger']),
        item: integration,
        message: `Process integration \`${integration.id}\` runs on a schedule, one item at a time rather than as a batch, so it polls for what an event would announce. Processes that span systems are characteristically event driven: if the step before it can raise an event, set \`trigger: event\`, so the next system acts as soon as that step is done. If the schedule is how the work is meant to run, make it a batch (\`mode: batch\`).`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    return [{ title: 'Set `trigger: event`', preferred: true, edits: setIn(manifest.document, integration.node, ['trigger'], 'event') }];
  },
});
