/**
 * The application tab at any size (SPEC 11): the filters, then the whole diagram or the
 * overview, then the impact of a system; the filters' values; and one diagram per saved view.
 * `diagramsFor` calls these; the aggregation itself is in `landscape/`.
 */
import type { Integration, Manifest } from '../model/manifest';
import type { ApplicationDiagram, Direction, ViewDiagram } from '../../../shared/src/diagrams';
import { isFiltering, type ImpactInfo, type LandscapeFacets, type LandscapeRequest } from '../../../shared/src/landscape';
import { applicationDiagram } from './application';
import { NO_FINDINGS, type Counts } from './findings';
import { overviewDiagram } from './overview';
import { filterIntegrations, filterText, systemsOf } from '../landscape/filter';
import { landscapeOf, type Landscape } from '../landscape/graph';
import { groupOf, groupsOf } from '../landscape/groups';
import { impactOf } from '../landscape/impact';
import { overviewOf } from '../landscape/overview';
import { viewSelection } from '../landscape/views';

/**
 * Beyond these the preview opens on the overview rather than the whole diagram. Measured
 * (BENCHMARKS.md, "The overview threshold", two integrations per system, a 700 × 800 panel):
 * the whole diagram of 20 systems takes about twice as long as the overview to draw, 40 systems
 * nearly four times (some 4 s, well past the 1.5 s of SPEC 16), and 80 more than two minutes;
 * at every one of those sizes only about 5 systems are in view at first sight and labels
 * overlap, where the overview draws every domain with none.
 */
export const OVERVIEW_THRESHOLD = { systems: 20, integrations: 40 } as const;

export interface LandscapeOptions {
  counts: ReadonlyMap<Integration, Counts>;
  direction: Direction;
  edgeIds: boolean;
  request: LandscapeRequest;
}

/** What the filters keep, and the sentence that says so (undefined when they keep everything). */
export function filtered(manifest: Manifest, options: Pick<LandscapeOptions, 'counts' | 'request'>) {
  const landscape = landscapeOf(manifest);
  const filter = options.request.filter;
  if (!isFiltering(filter)) return { landscape, only: undefined, message: undefined };
  const findings = (i: Integration) => {
    const c = options.counts.get(i) ?? NO_FINDINGS;
    return c.errors + c.warnings;
  };
  const integrations = filterIntegrations(landscape, filter, findings);
  const systems = systemsOf(landscape, integrations);
  const titles = new Map(groupsOf([...landscape.systems.values()]).map(({ group }) => [group.key, group.title]));
  const what = filterText(filter!, (key) => titles.get(key) ?? key);
  const total = manifest.integrations.length;
  const message = integrations.length
    ? `Filtered (${what}): ${integrations.length} of ${total} integrations shown.`
    : `No integration matches the filters (${what}). Clear a filter to see more.`;
  return { landscape, only: { systems, integrations }, message };
}

/** Whether the whole diagram of these would be too large to draw quickly and legibly. */
export function wantsOverview(systems: number, integrations: number): boolean {
  return systems > OVERVIEW_THRESHOLD.systems || integrations > OVERVIEW_THRESHOLD.integrations;
}

/**
 * The overview of the landscape (after the filters), or undefined when the request does not
 * ask for one and the manifest is small enough to draw whole, or when it has fewer than two
 * groups (nothing to collapse: the focus view serves better).
 */
export function overviewApplication(manifest: Manifest, options: LandscapeOptions): ApplicationDiagram | undefined {
  const { landscape, only, message } = filtered(manifest, options);
  const systems = only?.systems ?? [...landscape.systems.values()];
  const integrations = only?.integrations ?? manifest.integrations;
  const layout = options.request.layout ?? 'auto';
  const large = wantsOverview(systems.length, integrations.length);
  if (layout === 'whole' || (layout === 'auto' && !large)) return undefined;
  const expand = options.request.expandAll ? 'all' : (options.request.expanded ?? []);
  const overview = overviewOf(landscape, integrations, systems, expand);
  if (overview.groups.length < 2 && layout === 'auto') return undefined;
  const lead = large
    ? `This landscape has ${systems.length} systems and ${integrations.length} integrations, more than one diagram draws legibly (${OVERVIEW_THRESHOLD.systems} systems or ${OVERVIEW_THRESHOLD.integrations} integrations), so it opens as an overview.`
    : 'Overview of the landscape.';
  const diagram = overviewDiagram(manifest, overview, { counts: options.counts, direction: options.direction, edgeIds: options.edgeIds, lead, automatic: large });
  if (message && only) diagram.filtered = { message, shownIntegrations: only.integrations.length, totalIntegrations: manifest.integrations.length };
  return diagram;
}

/** The impact of a system, as the preview marks it; undefined when no system has the id. */
export function impactInfo(landscape: Landscape, systemId: string): ImpactInfo | undefined {
  const impact = impactOf(landscape, systemId);
  if (!impact) return undefined;
  const name = impact.system.name ?? impact.system.id;
  const lit = [impact.system, ...impact.upstream, ...impact.downstream];
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  return {
    systemId,
    systemName: name,
    upstream: impact.upstream.map((s) => s.id),
    downstream: impact.downstream.map((s) => s.id),
    integrations: impact.integrations.map((i) => i.id).filter(Boolean),
    groups: [...new Set(lit.map((s) => groupOf(s).key))],
    message: `Impact of ${name}: ${n(impact.upstream.length, 'system')} upstream, ${n(impact.downstream.length, 'system')} downstream, through ${n(impact.integrations.length, 'integration')}; the rest is dimmed.`,
  };
}

/** The values the filters offer: what the manifest uses. */
export function facetsOf(manifest: Manifest): LandscapeFacets {
  const landscape = landscapeOf(manifest);
  const used = <T>(values: (T | undefined)[]) => [...new Set(values.filter((v): v is T => v !== undefined))];
  const systems = [...landscape.systems.values()];
  return {
    groups: groupsOf(systems).map(({ group }) => ({ key: group.key, title: group.title })),
    types: used(manifest.integrations.map((i) => i.type)),
    modes: used(manifest.integrations.map((i) => i.mode)),
    patterns: used(manifest.integrations.map((i) => i.pattern)),
    hostings: used(systems.map((s) => s.hosting ?? 'none')),
    goals: manifest.goals.filter((g) => g.id).map((g) => ({ id: g.id, title: g.name ?? g.id })),
  };
}

/** One application diagram per saved view: its systems and integrations, grouped as it says; an overview when it is large. */
export function viewDiagrams(manifest: Manifest, options: Omit<LandscapeOptions, 'request'>): ViewDiagram[] {
  const landscape = landscapeOf(manifest);
  const seen = new Set<string>();
  const result: ViewDiagram[] = [];
  for (const view of manifest.views) {
    if (!view.id || seen.has(view.id)) continue;
    seen.add(view.id);
    result.push({ id: view.id, title: view.title ?? view.id, description: view.description ?? '', application: viewApplication(manifest, landscape, view.id, options) });
  }
  return result;
}

export function viewApplication(manifest: Manifest, landscape: Landscape, viewId: string, options: Omit<LandscapeOptions, 'request'> & { portable?: boolean }): ApplicationDiagram {
  const view = manifest.views.find((v) => v.id === viewId)!;
  const only = viewSelection(landscape, view);
  if (!options.portable && wantsOverview(only.systems.length, only.integrations.length)) {
    const overview = overviewOf(landscape, only.integrations, only.systems, []);
    const lead = `This view holds ${only.systems.length} systems and ${only.integrations.length} integrations, more than one diagram draws legibly, so it is shown as an overview.`;
    if (overview.groups.length >= 2) return overviewDiagram(manifest, overview, { ...options, lead, automatic: true });
  }
  return applicationDiagram(manifest, { counts: options.counts, edgeIds: options.edgeIds, direction: options.direction, only, groupBy: view.groupBy });
}
