import { forEveryUser, setIn } from '../document/edits';
import type { Span } from '../document/range';
import type { Integration, Manifest } from '../model/manifest';
import { at, integrationAt, viaSystems } from './helpers';
import { defineRule } from './types';

/** The Service Bus the integration goes through, if any. */
function serviceBusVia(manifest: Manifest, integration: Integration): { id: string; span: Span } | undefined {
  const bus = viaSystems(manifest, integration).find((s) => s.systemKind === 'service-bus');
  return bus ? integration.via.find((r) => r.id === bus.id) : undefined;
}

export default defineRule({
  id: 'dead-letter',
  severity: 'warning',
  category: 'guidance',
  summary: 'An asynchronous integration, or one through Service Bus, dead-letters the messages it cannot deliver.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (integration.errorHandling.deadLetter === true) continue;
      const bus = serviceBusVia(manifest, integration);
      const async = integration.mode === 'async';
      if (!async && !bus) continue;
      // On `deadLetter: false`, else on `errorHandling`, else on what makes it asynchronous.
      const span = integration.errorHandling.present
        ? at(integration, ['errorHandling', 'deadLetter'])
        : async
          ? at(integration, ['mode'])
          : bus!.span;
      const how = bus ? `goes through Service Bus \`${bus.id}\`` : 'is asynchronous';
      yield {
        span,
        item: integration,
        message: `Integration \`${integration.id}\` ${how} but does not dead-letter the messages it cannot deliver. Set \`errorHandling.deadLetter: true\`, so a message that keeps failing is set aside for support to inspect and replay instead of being lost or blocking the queue.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    return [
      {
        title: 'Set `errorHandling.deadLetter: true`',
        preferred: true,
        // Setting aside what cannot be delivered harms no integration: a shared errorHandling may take it.
        edits: forEveryUser(setIn(manifest.document, integration.node, ['errorHandling', 'deadLetter'], true)),
      },
    ];
  },
});
