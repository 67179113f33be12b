import { setIn } from '../document/edits';
import { at, integrationAt } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'end-to-end-testing',
  severity: 'info',
  category: 'guidance',
  summary: 'A process integration plans a test of the end-to-end process across the systems it joins.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (integration.type !== 'process') continue;
      const planned = integration.testing.endToEnd;
      if (planned === 'planned' || planned === 'done') continue;
      // On `endToEnd: none` when written, else on the process type.
      const span = planned !== undefined ? at(integration, ['testing', 'endToEnd']) : at(integration, ['type']);
      yield {
        span,
        item: integration,
        message: `Process integration \`${integration.id}\` ${planned === 'none' ? 'has no end-to-end test' : 'has no end-to-end test planned'}. Plan a test of the whole process, before the integration, across the system boundary and after it, at the expected volumes and limits (\`testing.endToEnd: planned\`).`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    return [{ title: 'Plan an end-to-end test (`testing.endToEnd: planned`)', preferred: true, edits: setIn(manifest.document, integration.node, ['testing', 'endToEnd'], 'planned') }];
  },
});
