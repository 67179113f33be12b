import { pathSystems } from '../model/cost';
import type { Integration, Manifest, System } from '../model/manifest';
import { at } from './helpers';
import { defineRule } from './types';

/** Middleware kinds that are billed services: Azure charges for them by use or by tier. */
export const PAID_MIDDLEWARE: readonly string[] = ['logic-apps', 'service-bus', 'api-management', 'azure-functions', 'data-factory', 'event-grid', 'event-hubs'];

/** The paid middleware on an integration's path that no `cost` prices (none when the integration has its own cost). */
function unpriced(manifest: Manifest, integration: Integration): System[] {
  if (integration.cost) return [];
  return pathSystems(manifest, integration).filter((s) => s.systemKind !== undefined && PAID_MIDDLEWARE.includes(s.systemKind) && !s.cost);
}

export default defineRule({
  id: 'cost-estimated',
  severity: 'info',
  category: 'guidance',
  summary: 'An integration that runs through paid middleware has an estimate of what it costs, on the integration or on the middleware.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      const systems = unpriced(manifest, integration);
      const first = systems[0];
      if (!first) continue;
      // On the first place the integration names that middleware: in `via`, else the end.
      const viaIndex = integration.via.findIndex((v) => v.id === first.id);
      const span = viaIndex >= 0 ? integration.via[viaIndex]!.span : at(integration, [integration.from?.id === first.id ? 'from' : 'to']);
      const names = systems.map((s) => `\`${s.id}\`${s.name ? ` (${s.name})` : ''}`).join(', ');
      yield {
        span,
        item: integration,
        message: `Integration \`${integration.id}\` runs through ${names}, ${systems.length === 1 ? 'a paid service' : 'paid services'} with no estimated cost. Give ${systems.length === 1 ? 'it' : 'each'} a \`cost\` (\`{ monthly: 120, currency: EUR }\`, or \`{ perMillion: 0.4, currency: EUR }\` for a price per million messages), or give the integration one, so the operating costs, and how they grow with volume, are known before go-live.`,
      };
    }
  },
});
