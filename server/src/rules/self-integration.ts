import { integrationName } from './helpers';
import { defineRule } from './types';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export default defineRule({
  id: 'self-integration',
  severity: 'error',
  category: 'correctness',
  summary: 'An integration connects two different systems: `from` and `to` are not the same system.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      const { from, to } = integration;
      if (!from || !to || from.id !== to.id) continue;
      yield {
        span: to.span,
        item: integration,
        message: `${capitalize(integrationName(integration))} goes from \`${from.id}\` to itself. An integration connects two different systems: set \`to\` to the system that receives the data or continues the process.`,
      };
    }
  },
});
