import { formatPerHour } from '../model/rate';
import { at } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'prefer-low-code',
  severity: 'hint',
  category: 'guidance',
  summary: 'A low-volume integration uses an out-of-box or connector-based solution before a custom build.',
  threshold: '100/hour',
  perIntegration: true,
  *check({ manifest, threshold }) {
    for (const integration of manifest.integrations) {
      const rate = integration.ratePerHour;
      if (integration.pattern !== 'custom' || rate === undefined || rate >= threshold) continue;
      yield {
        span: at(integration, ['pattern']),
        item: integration,
        message: `Integration \`${integration.id}\` is custom-built for ${formatPerHour(rate)} (below ${formatPerHour(threshold)}). At this volume an out-of-box integration or a connector (Power Automate, Logic Apps, a third-party connector) is usually enough and cheaper to maintain: look for one first, and keep custom code for what neither can do.`,
      };
    }
  },
});
