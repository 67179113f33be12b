import { addToVia, at, ends, integrationAt, isCrossBoundary, viaHasKind } from './helpers';
import { defineRule } from './types';

/** Middleware that can securely bridge on-premises systems and cloud services. */
const BRIDGES: readonly string[] = ['on-premises-data-gateway', 'api-management', 'service-bus'];

export default defineRule({
  id: 'hybrid-gateway',
  severity: 'warning',
  summary: 'An integration between an on-premises and a cloud system goes through a gateway, API Management or Service Bus.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (!isCrossBoundary(manifest, integration) || viaHasKind(manifest, integration, BRIDGES)) continue;
      const { from, to } = ends(manifest, integration);
      if (!from || !to) continue; // cannot happen across the boundary; narrows the types
      const [onPremises, cloud] = from.hosting === 'on-premises' ? [from, to] : [to, from];
      yield {
        span: at(integration, ['via']),
        item: integration,
        message: `Integration \`${integration.id}\` connects \`${onPremises.id}\` on-premises with \`${cloud.id}\` in the cloud, with nothing on its path to bridge them. Add an on-premises data gateway to \`via\` (or route it through API Management or Service Bus), so the cloud reaches the on-premises system securely.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    const gateway = addToVia(manifest, integration, ['on-premises-data-gateway'], {
      id: 'data-gateway',
      name: 'On-premises data gateway',
      kind: 'on-premises-data-gateway',
      hosting: 'on-premises',
    });
    return [
      {
        title: `Route it through the on-premises data gateway${gateway.declared ? ' (declares a gateway system)' : ` (\`${gateway.systemId}\`)`}`,
        preferred: true,
        edits: gateway.edits,
      },
    ];
  },
});
