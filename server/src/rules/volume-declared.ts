import { defineRule } from './types';

export default defineRule({
  id: 'volume-declared',
  severity: 'info',
  category: 'guidance',
  summary: 'Every integration states its expected volume or frequency.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (integration.volume !== undefined || integration.peak !== undefined || integration.frequency !== undefined) continue;
      yield {
        span: integration.idSpan,
        item: integration,
        message: `Integration \`${integration.id}\` states neither its volume nor its frequency. Add \`volume\` (such as \`500/day\`), \`peak\` (\`2k/hour\`) or \`frequency\` (\`hourly\`, \`on-demand\`), so its pattern, limits and load tests can be checked against the load it must carry.`,
      };
    }
  },
});
