import { capacityPools } from '../model/capacity';
import { formatPerHour } from '../model/rate';
import { defineRule } from './types';

/** How many contributors a message names before "and N more". */
const NAMED = 3;

export default defineRule({
  id: 'dataverse-capacity',
  severity: 'warning',
  category: 'guidance',
  summary: 'The integrations that write into one Dataverse app as the same identity, outside batches, stay together within its service protection limits.',
  threshold: '72000/hour',
  *check({ manifest, threshold }) {
    const pools = capacityPools(manifest);
    for (const system of manifest.systems) {
      for (const pool of pools.get(system.id) ?? []) {
        // One integration alone is service-protection-limits' to judge; this rule adds up several.
        if (pool.integrations.length < 2 || pool.perHour < threshold) continue;
        const shown = pool.integrations.slice(0, NAMED).map((i) => `\`${i.id}\` ${formatPerHour(i.ratePerHour!)}`);
        const more = pool.integrations.length > NAMED ? ` and ${pool.integrations.length - NAMED} more` : '';
        const who = pool.identity ? `as \`${pool.identity}\`` : 'without a declared identity (`security.identity`), so possibly as one user,';
        yield {
          span: system.idSpan,
          item: system,
          message: `${pool.integrations.length} integrations write ${formatPerHour(pool.perHour)} into \`${system.id}\`, a Dataverse app, outside batches ${who} (threshold ${formatPerHour(threshold)}); the largest: ${shown.join(', ')}${more}. Dataverse counts its service protection limits per user, so together they will be throttled (429 Too Many Requests). Spread them over separate application users (\`security.identity\`), send the heaviest in batches (\`mode: batch\`), or lower their peaks.`,
        };
      }
    }
  },
});
