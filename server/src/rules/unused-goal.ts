import { defineRule } from './types';

export default defineRule({
  id: 'unused-goal',
  severity: 'info',
  category: 'guidance',
  summary: 'Every declared business goal is served by at least one integration of the manifests connected by imports.',
  *check({ manifest }) {
    const served = new Set([...(manifest.estate?.elsewhere.goals ?? []), ...manifest.integrations.flatMap((i) => i.goals.map((g) => g.id))]);
    for (const goal of manifest.goals) {
      if (!goal.id || served.has(goal.id)) continue;
      yield {
        span: goal.idSpan,
        item: goal,
        message: `Goal \`${goal.id}\`${goal.name ? ` (${goal.name})` : ''} is served by no integration${manifest.estate ? ' of this manifest or those connected to it by imports' : ''}. Add it to the \`goals\` of the integrations that deliver it, or remove it if it is not a goal of these integrations.`,
      };
    }
  },
});
