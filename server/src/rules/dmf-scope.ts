import { at, ends } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'dmf-scope',
  severity: 'error',
  category: 'guidance',
  summary: 'The Data Management Framework (DMF) is used only where it exists: with a finance and operations app at one end.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (integration.pattern !== 'dmf') continue;
      const { from, to } = ends(manifest, integration);
      // An end that is not declared, or whose kind is unknown, is another rule's to report: its family is not known.
      if (!from?.family || !to?.family || from.family === 'finance-operations' || to.family === 'finance-operations') continue;
      const toDataverse = from.family === 'dataverse' || to.family === 'dataverse';
      yield {
        span: at(integration, ['pattern']),
        item: integration,
        message:
          `Integration \`${integration.id}\` uses the Data Management Framework between \`${from.id}\` and \`${to.id}\`, but neither is a finance and operations app, and DMF exists only there. ` +
          (toDataverse
            ? 'For bulk loads with Dataverse, send batches through the Web API (`pattern: web-api` with `$batch`, or CreateMultiple and UpdateMultiple) or use Data Factory.'
            : 'Use the bulk interface of the systems involved (a file transfer, Data Factory, or their own batch API) and name it in `pattern`.'),
      };
    }
  },
});
