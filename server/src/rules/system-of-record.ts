import { setIn } from '../document/edits';
import { findSystem } from '../model/manifest';
import { at, integrationAt } from './helpers';
import { defineRule, type Fix } from './types';

export default defineRule({
  id: 'system-of-record',
  severity: 'warning',
  category: 'guidance',
  summary: 'A data integration names its system of record: the system that owns the data.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations)
      if (integration.type === 'data' && !integration.systemOfRecord)
        yield {
          span: at(integration, ['type']),
          item: integration,
          message: `Data integration \`${integration.id}\` names no system of record. Set \`systemOfRecord\` to the system that owns this data, so every other copy is known to be a copy.`,
        };
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    // The data usually flows out of its owner, so `from` comes first; `to` is offered for the
    // integrations that write back to the owner.
    // Only ends that are declared systems: naming an undeclared one would only move the problem to unknown-reference.
    const ends = [integration.from?.id, integration.to?.id].filter((id, i, all): id is string => !!id && all.indexOf(id) === i && findSystem(manifest, id) !== undefined);
    return ends.map(
      (id, i): Fix => ({
        title: `Set \`systemOfRecord: ${id}\``,
        ...(i === 0 ? { preferred: true } : {}),
        edits: setIn(manifest.document, integration.node, ['systemOfRecord'], id),
      }),
    );
  },
});
