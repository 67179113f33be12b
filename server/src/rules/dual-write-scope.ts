import { at, ends } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'dual-write-scope',
  severity: 'error',
  category: 'guidance',
  summary: 'Dual-write connects a finance and operations app with a Dataverse app, and nothing else.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (integration.pattern !== 'dual-write') continue;
      const { from, to } = ends(manifest, integration);
      // An undeclared end or one without a kind is reported by other rules; judge only known pairs.
      if (!from?.family || !to?.family) continue;
      const families = [from.family, to.family].sort().join('+');
      if (families === 'dataverse+finance-operations') continue;
      yield {
        span: at(integration, ['pattern']),
        item: integration,
        message: `Integration \`${integration.id}\` uses dual-write between \`${from.id}\` (${from.systemKind}) and \`${to.id}\` (${to.systemKind}). Dual-write only synchronizes a finance and operations app with a Dataverse app; choose another pattern for this pair, such as business events, OData or messaging.`,
      };
    }
  },
});
