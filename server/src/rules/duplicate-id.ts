import { defineRule } from './types';

export default defineRule({
  id: 'duplicate-id',
  severity: 'error',
  category: 'correctness',
  summary: 'Ids are unique across systems, integrations, goals and actors.',
  *check({ manifest }) {
    for (const [id, items] of manifest.byId) {
      if (items.length < 2) continue;
      for (const item of items.slice(1))
        yield {
          span: item.idSpan,
          message: `The id \`${id}\` is already used by the ${items[0]!.kind} on line ${manifest.document.lines.positionAt(items[0]!.idSpan.start).line + 1}. Give this ${item.kind} an id of its own.`,
        };
    }
  },
});
