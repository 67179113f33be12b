import type { Manifest } from '../model/manifest';
import { defineRule } from './types';

/** Every system id an integration names, here or in another manifest of the estate: its ends, middleware, system of record and steps. */
function namedSystems(manifest: Manifest): Set<string> {
  const named = new Set<string>(manifest.estate?.elsewhere.systems);
  for (const i of manifest.integrations)
    for (const ref of [i.from, i.to, i.systemOfRecord, ...i.via, ...i.steps.flatMap((s) => [s.from, s.to])]) if (ref) named.add(ref.id);
  return named;
}

export default defineRule({
  id: 'unused-system',
  severity: 'info',
  category: 'guidance',
  summary: 'Every declared system other than middleware takes part in at least one integration of the manifests connected by imports.',
  *check({ manifest }) {
    const named = namedSystems(manifest);
    for (const system of manifest.systems) {
      if (!system.id || system.family === 'middleware' || named.has(system.id)) continue;
      yield {
        span: system.idSpan,
        item: system,
        message: `System \`${system.id}\`${system.name ? ` (${system.name})` : ''} takes part in no integration${manifest.estate ? ' of this manifest or those connected to it by imports' : ''}. Add the integrations it has, or remove it from \`systems\` if the solution does not integrate with it.`,
      };
    }
  },
});
