import { forEveryUser, setIn } from '../document/edits';
import { formatPerHour } from '../model/rate';
import { addToVia, at, integrationAt, viaHasKind } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'prefer-async-messaging',
  severity: 'warning',
  category: 'guidance',
  summary: 'High-volume and process integrations use asynchronous messaging rather than synchronous calls.',
  threshold: '1000/hour',
  perIntegration: true,
  *check({ manifest, threshold }) {
    for (const integration of manifest.integrations) {
      if (integration.mode !== 'sync') continue;
      const rate = integration.ratePerHour;
      const highVolume = rate !== undefined && rate >= threshold;
      if (!highVolume && integration.type !== 'process') continue;
      yield {
        span: at(integration, ['mode']),
        item: integration,
        message: highVolume
          ? `Integration \`${integration.id}\` calls synchronously at ${formatPerHour(rate)} (threshold ${formatPerHour(threshold)}). Make it asynchronous through a message queue such as Service Bus, so a slow or unavailable system does not hold the other back.`
          : `Process integration \`${integration.id}\` is synchronous. Let the systems exchange messages asynchronously (for example through Service Bus), so each step of the process can proceed and recover on its own.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    const edits = setIn(manifest.document, integration.node, ['mode'], 'async');
    let title = 'Make it asynchronous';
    if (!viaHasKind(manifest, integration, ['service-bus'])) {
      const bus = addToVia(manifest, integration, ['service-bus'], { id: 'service-bus', name: 'Service Bus', kind: 'service-bus', hosting: 'cloud' });
      edits.push(...bus.edits);
      title = `Make it asynchronous through Service Bus${bus.declared ? ' (declares a Service Bus system)' : ` (\`${bus.systemId}\`)`}`;
    }
    // The whole pattern: an asynchronous integration dead-letters what it cannot deliver (dead-letter).
    // Right for every user of a shared errorHandling, as dead-letter's own fix.
    if (integration.errorHandling.deadLetter !== true) {
      edits.push(...forEveryUser(setIn(manifest.document, integration.node, ['errorHandling', 'deadLetter'], true)));
      title += ', with a dead-letter queue';
    }
    return [{ title, preferred: true, edits }];
  },
});
