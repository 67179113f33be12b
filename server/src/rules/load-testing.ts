import { setIn } from '../document/edits';
import { formatPerHour, ratePerHour } from '../model/rate';
import { at, integrationAt } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'load-testing',
  severity: 'info',
  category: 'guidance',
  summary: 'A high-volume integration plans testing under realistic loads.',
  threshold: '1000/hour',
  perIntegration: true,
  *check({ manifest, threshold }) {
    for (const integration of manifest.integrations) {
      const rate = integration.ratePerHour;
      if (rate === undefined || rate < threshold) continue;
      const load = integration.testing.load;
      if (load !== undefined && load !== 'none') continue;
      // On `load: none` when written, else on the rate the rule read.
      const span = load !== undefined ? at(integration, ['testing', 'load']) : at(integration, [ratePerHour(integration.peak) !== undefined ? 'peak' : 'volume']);
      yield {
        span,
        item: integration,
        message: `Integration \`${integration.id}\` carries ${formatPerHour(rate)} (threshold ${formatPerHour(threshold)}) and ${load === 'none' ? 'is not' : 'has no plan to be'} load tested. Plan a test under realistic volumes and peaks (\`testing.load: planned\`), so limits and slow steps show up before go-live rather than after.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    return [{ title: 'Set `testing.load: planned`', preferred: true, edits: setIn(manifest.document, integration.node, ['testing', 'load'], 'planned') }];
  },
});
