import { appendToSeq } from '../document/edits';
import type { Goal, Integration } from '../model/manifest';
import { at, integrationAt } from './helpers';
import { defineRule, type Fix } from './types';

function words(...texts: (string | undefined)[]): Set<string> {
  return new Set(
    texts
      .join(' ')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3),
  );
}

/** How many of the goal's words the integration's own words share: a rough measure of which goal is closest. */
function closeness(goal: Goal, integration: Integration): number {
  const mine = words(integration.id, integration.name, integration.description, ...integration.data.entities);
  let score = 0;
  for (const w of words(goal.id, goal.name, goal.metric, goal.description)) if (mine.has(w)) score++;
  return score;
}

/** At most this many goals are named in a message or offered as fixes: a manifest may declare hundreds. */
export const GOALS_NAMED = 5;

/** The declared goals, the first `GOALS_NAMED` by name and how many more there are. */
function quote(ids: string[]): string {
  const named = ids.slice(0, GOALS_NAMED).map((id) => `\`${id}\``).join(', ');
  const more = ids.length - GOALS_NAMED;
  return more > 0 ? `${named} and ${more.toLocaleString('en')} more` : named;
}

export default defineRule({
  id: 'goal-alignment',
  severity: 'info',
  category: 'guidance',
  summary: 'Every integration names the business goals it serves.',
  perIntegration: true,
  *check({ manifest }) {
    const declared = manifest.goals.filter((g) => g.id).map((g) => g.id);
    for (const integration of manifest.integrations) {
      if (integration.goals.length > 0) continue;
      yield {
        span: at(integration, ['goals'], 'key'),
        item: integration,
        message: declared.length
          ? `Integration \`${integration.id}\` serves no business goal. List the goals it supports in \`goals\` (declared: ${quote(declared)}), so everyone can see why it is built and what its success is measured by.`
          : `Integration \`${integration.id}\` serves no business goal, and the manifest declares none. Declare the solution's business goals under \`goals:\`, then list the ones this integration supports in its \`goals\`.`,
      };
    }
  },
  fixes(manifest, { span }): Fix[] {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    const ranked = manifest.goals
      .filter((g) => g.id)
      .map((goal) => ({ goal, score: closeness(goal, integration) }))
      .sort((a, b) => b.score - a.score);
    // The closest goal is the preferred fix only when it is clearly the closest (or the only one).
    const clearWinner = ranked.length === 1 || (ranked.length > 1 && ranked[0]!.score > ranked[1]!.score);
    return ranked.slice(0, GOALS_NAMED).map(({ goal }, i) => ({
      title: `Link goal \`${goal.id}\`${goal.name ? ` (${goal.name})` : ''}`,
      ...(i === 0 && clearWinner ? { preferred: true } : {}),
      edits: [appendToSeq(manifest.document, integration.node, 'goals', goal.id)],
    }));
  },
});
