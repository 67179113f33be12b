import { at, ends } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'shared-data-layer',
  severity: 'warning',
  category: 'guidance',
  summary: 'Two Dataverse apps share one data layer: a data integration between them copies what both already have.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (integration.type !== 'data') continue;
      const { from, to } = ends(manifest, integration);
      if (!from || !to || from === to || from.family !== 'dataverse' || to.family !== 'dataverse') continue;
      yield {
        span: at(integration, ['type']),
        item: integration,
        message: `Data integration \`${integration.id}\` copies data from \`${from.id}\` to \`${to.id}\`, but both are Dataverse apps that already share one data layer. Let both apps work on the same Dataverse tables instead of synchronizing copies.`,
      };
    }
  },
});
