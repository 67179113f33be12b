/**
 * Saved views (`views:`, SPEC 11): the integrations and systems a view includes. An
 * integration is included when it matches every list of `include` that is given (one entry of
 * each); `neighbours: n` then adds the integrations up to n steps from the systems included.
 */
import type { Integration, System, View } from '../model/manifest';
import { systemsOf } from './filter';
import { pathIds, type Landscape } from './graph';

export interface ViewSelection {
  integrations: Integration[];
  systems: System[];
}

export function viewSelection(landscape: Landscape, view: View): ViewSelection {
  const { include } = view;
  const all = landscape.manifest.integrations;
  const endsOf = (i: Integration) => [i.from?.id, i.to?.id].map((id) => landscape.systems.get(id ?? '')).filter((s): s is System => s !== undefined);
  const some = <T>(list: readonly T[], test: (value: T) => boolean) => list.length === 0 || list.some(test);
  const domains = new Set(include.domains.map((d) => d.value));
  const systemIds = new Set(include.systems.map((r) => r.id));
  const goals = new Set(include.goals.map((r) => r.id));
  const tags = new Set(include.tags);
  const matches = (i: Integration): boolean =>
    some(include.types, (t) => i.type === t) &&
    some(include.patterns, (p) => i.pattern === p) &&
    some([...domains], (d) => endsOf(i).some((s) => s.domain === d)) &&
    some([...systemIds], (id) => pathIds(i).includes(id)) &&
    some([...goals], (g) => i.goals.some((r) => r.id === g)) &&
    some([...tags], (t) => i.tags.includes(t) || endsOf(i).some((s) => s.tags.includes(t)));
  const chosen = new Set(all.filter(matches));
  // Neighbours: the integrations that touch a system already shown, step by step.
  let reached = new Set(systemsOf(landscape, [...chosen]).map((s) => s.id));
  for (let step = 0; step < view.neighbours; step++) {
    const added = all.filter((i) => !chosen.has(i) && pathIds(i).some((id) => reached.has(id)));
    if (!added.length) break;
    for (const i of added) chosen.add(i);
    reached = new Set(systemsOf(landscape, [...chosen]).map((s) => s.id));
  }
  const integrations = all.filter((i) => chosen.has(i));
  const listed = (s: System) => systemIds.has(s.id) || (s.domain !== undefined && domains.has(s.domain));
  const systems = [...landscape.systems.values()].filter((s) => reached.has(s.id) || listed(s));
  return { integrations, systems };
}
