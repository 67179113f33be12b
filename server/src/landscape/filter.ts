/**
 * The preview's filters (SPEC 11): type, mode, pattern, domain, hosting, goal and "with
 * findings only". An integration is kept when it matches every list given; the systems kept
 * are those its path touches.
 */
import type { Integration, System } from '../model/manifest';
import { isFiltering, type LandscapeFilter } from '../../../shared/src/landscape';
import type { Landscape } from './graph';
import { groupOf } from './groups';

/** Errors and warnings of an integration (for "with findings only"). */
export type FindingCount = (integration: Integration) => number;

/** The integrations the filter keeps, in manifest order; every integration when it leaves nothing out. */
export function filterIntegrations(landscape: Landscape, filter: LandscapeFilter | undefined, findings: FindingCount = () => 0): Integration[] {
  const all = landscape.manifest.integrations;
  if (!filter || !isFiltering(filter)) return all;
  const end = (i: Integration, which: 'from' | 'to'): System | undefined => landscape.systems.get(i[which]?.id ?? '');
  const has = (list: string[] | undefined, ...values: (string | undefined)[]) => !list?.length || values.some((v) => v !== undefined && list.includes(v));
  return all.filter((i) => {
    const ends = [end(i, 'from'), end(i, 'to')];
    return (
      has(filter.types, i.type) &&
      has(filter.modes, i.mode) &&
      has(filter.patterns, i.pattern) &&
      has(filter.domains, ...ends.map((s) => (s ? groupOf(s).key : undefined))) &&
      has(filter.hostings, ...ends.map((s) => (s ? (s.hosting ?? 'none') : undefined))) &&
      has(filter.goals, ...i.goals.map((g) => g.id)) &&
      (!filter.findingsOnly || findings(i) > 0)
    );
  });
}

/** The declared systems these integrations touch (ends and middleware), in manifest order. */
export function systemsOf(landscape: Landscape, integrations: readonly Integration[]): System[] {
  const ids = new Set<string>();
  for (const i of integrations) for (const id of [i.from?.id, ...i.via.map((v) => v.id), i.to?.id]) if (id) ids.add(id);
  return [...landscape.systems.values()].filter((s) => ids.has(s.id));
}

/** A filter in words: `type data, domain Finance, with findings only`. */
export function filterText(filter: LandscapeFilter, titleOfGroup: (key: string) => string): string {
  const parts: string[] = [];
  const list = (label: string, values: string[] | undefined) => {
    if (values?.length) parts.push(`${label} ${values.join(' or ')}`);
  };
  list('type', filter.types);
  list('mode', filter.modes);
  list('pattern', filter.patterns);
  list('domain', filter.domains?.map(titleOfGroup));
  list('hosting', filter.hostings?.map((h) => (h === 'none' ? 'not declared' : h)));
  list('goal', filter.goals);
  if (filter.findingsOnly) parts.push('with findings only');
  return parts.join(', ');
}
