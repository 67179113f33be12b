import { forEveryUser, setIn } from '../document/edits';
import type { Integration, Manifest, System } from '../model/manifest';
import { addToVia, at, ends, integrationAt, isCrossBoundary, viaHasKind, viaSystems } from './helpers';
import { defineRule, type Fix } from './types';

/** Middleware that can securely bridge on-premises systems and cloud services. */
const BRIDGES: readonly string[] = ['on-premises-data-gateway', 'api-management', 'service-bus'];

/** Cloud services that reach on-premises data through connectors, and so through an on-premises data gateway. */
const GATEWAY_USERS: readonly string[] = ['power-automate', 'power-apps', 'power-bi', 'logic-apps', 'data-factory'];

/** Patterns built in code or on finance and operations services: a data gateway does not serve them. */
const NOT_THROUGH_GATEWAY: readonly string[] = ['custom', 'dmf', 'dual-write'];

/**
 * Whether a connector, Power Platform, Logic Apps or Data Factory reaches the on-premises side:
 * the on-premises data gateway is their bridge. Otherwise (custom code, DMF, dual-write, an
 * API) API Management or Service Bus is.
 */
function reachedThroughConnectors(manifest: Manifest, integration: Integration, cloud: System): boolean {
  if (integration.pattern !== undefined && NOT_THROUGH_GATEWAY.includes(integration.pattern)) return false;
  if (integration.pattern === 'connector') return true;
  return [cloud, ...viaSystems(manifest, integration)].some((s) => s.systemKind !== undefined && GATEWAY_USERS.includes(s.systemKind));
}

function sides(manifest: Manifest, integration: Integration): { onPremises: System; cloud: System } | undefined {
  const { from, to } = ends(manifest, integration);
  if (!from || !to) return undefined;
  return from.hosting === 'on-premises' ? { onPremises: from, cloud: to } : { onPremises: to, cloud: from };
}

export default defineRule({
  id: 'hybrid-gateway',
  severity: 'warning',
  category: 'guidance',
  summary: 'An integration between an on-premises and a cloud system goes through a gateway, API Management or Service Bus.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (!isCrossBoundary(manifest, integration) || viaHasKind(manifest, integration, BRIDGES)) continue;
      const found = sides(manifest, integration);
      if (!found) continue; // cannot happen across the boundary; narrows the types
      const { onPremises, cloud } = found;
      const advice = reachedThroughConnectors(manifest, integration, cloud)
        ? 'Add an on-premises data gateway to `via`, so the cloud reaches the on-premises system securely: connectors, Power Platform, Logic Apps and Data Factory reach on-premises data through it.'
        : 'Route it through API Management (for calls) or Service Bus (for messages) in `via`, so the cloud reaches the on-premises system securely: the on-premises data gateway serves connectors, not custom code, DMF or dual-write.';
      yield {
        span: at(integration, ['via']),
        item: integration,
        message: `Integration \`${integration.id}\` connects \`${onPremises.id}\` on-premises with \`${cloud.id}\` in the cloud, with nothing on its path to bridge them. ${advice}`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    const found = integration && sides(manifest, integration);
    if (!integration || !found) return [];
    if (reachedThroughConnectors(manifest, integration, found.cloud)) {
      const gateway = addToVia(manifest, integration, ['on-premises-data-gateway'], { id: 'data-gateway', name: 'On-premises data gateway', kind: 'on-premises-data-gateway', hosting: 'on-premises' });
      return [{ title: `Route it through the on-premises data gateway${gateway.declared ? ' (declares a gateway system)' : ` (\`${gateway.systemId}\`)`}`, preferred: true, edits: gateway.edits }];
    }
    const viaApi: Fix = throughApiManagement(manifest, integration);
    const viaBus: Fix = throughServiceBus(manifest, integration);
    // Messages that wait for nobody go through the bus; calls that wait for an answer through API Management.
    return integration.mode === 'sync' ? [{ ...viaApi, preferred: true }, viaBus] : [{ ...viaBus, preferred: true }, viaApi];
  },
});

function throughApiManagement(manifest: Manifest, integration: Integration): Fix {
  const api = addToVia(manifest, integration, ['api-management'], { id: 'api-management', name: 'API Management', kind: 'api-management', hosting: 'cloud' });
  return { title: `Route it through API Management${api.declared ? ' (declares an API Management system)' : ` (\`${api.systemId}\`)`}`, edits: api.edits };
}

/** Through Service Bus, with the dead-letter queue the guidance asks of every Service Bus path (the whole pattern). */
function throughServiceBus(manifest: Manifest, integration: Integration): Fix {
  const bus = addToVia(manifest, integration, ['service-bus'], { id: 'service-bus', name: 'Service Bus', kind: 'service-bus', hosting: 'cloud' });
  const edits = [...bus.edits];
  // Dead-lettering is right for every integration that shares an `errorHandling` anchor.
  if (integration.errorHandling.deadLetter !== true) edits.push(...forEveryUser(setIn(manifest.document, integration.node, ['errorHandling', 'deadLetter'], true)));
  return { title: `Route it through Service Bus with a dead-letter queue${bus.declared ? ' (declares a Service Bus system)' : ` (\`${bus.systemId}\`)`}`, edits };
}
