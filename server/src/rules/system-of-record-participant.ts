import { setIn } from '../document/edits';
import { findSystem } from '../model/manifest';
import { integrationAt, integrationName } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'system-of-record-participant',
  severity: 'error',
  category: 'correctness',
  summary: 'The system of record of an integration is one of its two ends, `from` or `to`.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      const owner = integration.systemOfRecord;
      if (!owner || owner.id === integration.from?.id || owner.id === integration.to?.id) continue;
      const ends = [...new Set([integration.from?.id, integration.to?.id])].filter((id): id is string => id !== undefined).map((id) => `\`${id}\``);
      yield {
        span: owner.span,
        item: integration,
        message: `\`systemOfRecord\` of ${integrationName(integration)} is \`${owner.id}\`, which takes no part in it. Name the end that owns this data${ends.length ? ` (${ends.join(' or ')})` : ''}, or model the flow from the real owner as an integration of its own.`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    // Only an end that is a declared system: naming an undeclared one would only move the problem to unknown-reference.
    if (!integration?.from || !findSystem(manifest, integration.from.id)) return [];
    return [
      {
        title: `Set \`systemOfRecord: ${integration.from.id}\``,
        preferred: true,
        edits: setIn(manifest.document, integration.node, ['systemOfRecord'], integration.from.id),
      },
    ];
  },
});
