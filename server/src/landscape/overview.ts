/**
 * The overview of a large landscape (SPEC 11): each group (a domain, or a kind's family for
 * systems without one) is one node, and the integrations between two nodes are one edge that
 * counts them and names their types. An expanded group is drawn with its systems and the
 * integrations among them; its integrations with other groups stay aggregated, drawn from its
 * frame (an edge per system would make hundreds, which Mermaid takes many seconds to lay out).
 *
 * Bounded: a drawing holds at most `OVERVIEW_LIMITS.expandedSystems` systems of expanded groups
 * (groups are expanded in the order asked until the next would pass it) and at most
 * `OVERVIEW_LIMITS.nodes` group nodes (the least busy groups beyond it share one node). So no
 * estate, however large, asks Mermaid for more than it draws in reasonable time.
 */
import type { Integration, System } from '../model/manifest';
import type { IntegrationType } from '../model/vocabulary';
import type { Landscape } from './graph';
import { groupOf, groupsOf, type Group } from './groups';

export const OVERVIEW_LIMITS = { expandedSystems: 80, nodes: 40 } as const;

/** The node that stands for the groups that did not fit. */
export const OTHER_GROUPS = 'other:';

export interface OverviewGroup {
  group: Group;
  systems: System[];
  expanded: boolean;
  /** Integrations with both ends in this group, while it is collapsed. */
  internal: Integration[];
}

/** A drawn end: a system of an expanded group, or a group's node. */
export type Endpoint = { kind: 'system'; key: string; system: System } | { kind: 'group'; key: string; group: OverviewGroup };

export interface AggregateEdge {
  from: Endpoint;
  to: Endpoint;
  integrations: Integration[];
  /** The types of those integrations, in the order ui, data, process, then `none` for undeclared. */
  types: (IntegrationType | 'none')[];
  /** Some integration goes each way (a two-way one, or integrations in both directions). */
  twoWay: boolean;
}

export interface Overview {
  groups: OverviewGroup[];
  /** Groups merged into one node because there were too many, if any. */
  merged: OverviewGroup[];
  edges: AggregateEdge[];
  /** Groups asked to expand that were not, because the drawing would hold too many systems. */
  notExpanded: OverviewGroup[];
}

const TYPE_ORDER: readonly (IntegrationType | 'none')[] = ['ui', 'data', 'process', 'none'];

/**
 * The overview of these integrations and systems (a filter may have left some out), with the
 * groups of `expand` drawn with their systems (`'all'`: every group, as far as the limit allows).
 */
export function overviewOf(landscape: Landscape, integrations: readonly Integration[], systems: readonly System[], expand: readonly string[] | 'all'): Overview {
  const groups: OverviewGroup[] = groupsOf(systems).map(({ group, systems }) => ({ group, systems, expanded: false, internal: [] }));
  const byKey = new Map(groups.map((g) => [g.group.key, g]));
  const wanted = expand === 'all' ? groups : [...new Set(expand)].map((k) => byKey.get(k)).filter((g): g is OverviewGroup => g !== undefined);
  const notExpanded: OverviewGroup[] = [];
  let room = OVERVIEW_LIMITS.expandedSystems;
  for (const g of wanted) {
    if (g.systems.length <= room) {
      g.expanded = true;
      room -= g.systems.length;
    } else notExpanded.push(g);
  }

  // Too many group nodes: the busiest keep their own, the others share one.
  const drawnIntegrations = integrations.filter((i) => landscape.systems.has(i.from?.id ?? '') && landscape.systems.has(i.to?.id ?? ''));
  const collapsed = groups.filter((g) => !g.expanded);
  let merged: OverviewGroup[] = [];
  let other: OverviewGroup | undefined;
  if (collapsed.length > OVERVIEW_LIMITS.nodes) {
    const busy = new Map<string, number>();
    for (const i of drawnIntegrations)
      for (const id of [i.from!.id, i.to!.id]) {
        const key = groupOf(landscape.systems.get(id)!).key;
        busy.set(key, (busy.get(key) ?? 0) + 1);
      }
    const ranked = [...collapsed].sort((a, b) => (busy.get(b.group.key) ?? 0) - (busy.get(a.group.key) ?? 0));
    merged = ranked.slice(OVERVIEW_LIMITS.nodes - 1);
    other = { group: { key: OTHER_GROUPS, title: `${merged.length} more groups` }, systems: merged.flatMap((g) => g.systems), expanded: false, internal: [] };
  }
  const mergedKeys = new Set(merged.map((g) => g.group.key));
  const kept = groups.filter((g) => !mergedKeys.has(g.group.key));
  if (other) kept.push(other);

  // An integration inside an expanded group joins its two systems; one between two groups joins
  // the groups (a node, or an expanded group's frame), so a drawing has few edges however busy.
  const groupOfSystem = new Map<string, OverviewGroup>();
  for (const g of kept) for (const s of g.systems) groupOfSystem.set(s.id, g);
  const groupEnd = (g: OverviewGroup): Endpoint => ({ kind: 'group', key: `g:${g.group.key}`, group: g });
  const edges = new Map<string, AggregateEdge>();
  for (const i of drawnIntegrations) {
    const gFrom = groupOfSystem.get(i.from!.id);
    const gTo = groupOfSystem.get(i.to!.id);
    if (!gFrom || !gTo) continue;
    let from: Endpoint;
    let to: Endpoint;
    if (gFrom !== gTo) {
      from = groupEnd(gFrom);
      to = groupEnd(gTo);
    } else if (gFrom.expanded) {
      from = { kind: 'system', key: `s:${i.from!.id}`, system: landscape.systems.get(i.from!.id)! };
      to = { kind: 'system', key: `s:${i.to!.id}`, system: landscape.systems.get(i.to!.id)! };
    } else {
      gFrom.internal.push(i);
      continue;
    }
    // One edge per pair of nodes, whichever way: both ways make it two-way.
    const key = from.key < to.key ? `${from.key}|${to.key}` : `${to.key}|${from.key}`;
    const edge = edges.get(key) ?? { from, to, integrations: [], types: [], twoWay: false };
    edge.integrations.push(i);
    edge.twoWay ||= i.twoWay || edge.from.key !== from.key;
    edges.set(key, edge);
  }
  for (const edge of edges.values()) {
    const types = new Set(edge.integrations.map((i) => i.type ?? 'none'));
    edge.types = TYPE_ORDER.filter((t) => types.has(t));
  }
  return { groups: kept, merged, edges: [...edges.values()], notExpanded };
}
