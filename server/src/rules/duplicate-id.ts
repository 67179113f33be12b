import { estateItemsById, type EstateItem } from '../model/estate';
import { defineRule } from './types';

export default defineRule({
  id: 'duplicate-id',
  severity: 'error',
  category: 'correctness',
  summary: 'Ids are unique across systems, integrations, goals and actors, and across every manifest connected by imports.',
  *check({ manifest }) {
    for (const [id, items] of manifest.byId) {
      if (items.length < 2) continue;
      for (const item of items.slice(1))
        yield {
          span: item.idSpan,
          message: `The id \`${id}\` is already used by the ${items[0]!.kind} on line ${manifest.document.lines.positionAt(items[0]!.idSpan.start).line + 1}. Give this ${item.kind} an id of its own.`,
        };
    }
    // Across the estate: each manifest reports its own occurrence, pointing at the others (in the order of the estate's items).
    const estate = manifest.estate ? estateItemsById(manifest.estate) : undefined;
    const elsewhere: [string, { first: number; items: readonly EstateItem[] }][] = [];
    for (const id of manifest.byId.keys()) {
      const found = estate?.get(id);
      if (found) elsewhere.push([id, found]);
    }
    elsewhere.sort(([, a], [, b]) => a.first - b.first);
    for (const [id, { items: others }] of elsewhere) {
      const item = manifest.byId.get(id)![0]!;
      const first = others[0]!;
      const where = `${first.at.file}\` (line ${first.at.range.start.line + 1})${others.length > 1 ? ` and ${others.length - 1} more` : ''}`;
      yield {
        span: item.idSpan,
        message: `The id \`${id}\` is also used by the ${first.kind} in \`${where}. Ids are unique across the manifests connected by imports: give this ${item.kind} an id of its own, or use the one declared there instead of declaring it again.`,
        related: others.map((o) => ({ at: o.at, message: `The ${o.kind} \`${id}\`${o.name ? ` (${o.name})` : ''} in ${o.at.file}` })),
      };
    }
  },
});
