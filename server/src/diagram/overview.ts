/**
 * The overview diagram (SPEC 11): the landscape's aggregation (`landscape/overview.ts`) drawn as
 * Mermaid. A collapsed group is one node (its title, how many systems, how many integrations
 * stay inside it); an expanded group is a frame holding its systems; an edge between two nodes
 * counts its integrations and names their types, or, for one integration, labels it as the
 * application diagram does. Pure: the landscape in, Mermaid out.
 */
import type { Integration, Manifest } from '../model/manifest';
import { flowchartText, mermaidId } from '../../../shared/src/mermaidText';
import type { ApplicationDiagram, DiagramTarget, Direction } from '../../../shared/src/diagrams';
import type { OverviewInfo } from '../../../shared/src/landscape';
import { edgeLabel, LEGEND, linkStyle, shape, TYPE_COLORS } from './application';
import { NO_FINDINGS, type Counts } from './findings';
import type { AggregateEdge, Overview } from '../landscape/overview';
import { OVERVIEW_LIMITS } from '../landscape/overview';

const TYPE_NAMES = { ui: 'UI', data: 'data', process: 'process', none: 'type not declared' } as const;
/** Mixed types draw grey-blue; a single type its own colour. */
const MIXED = '#5b7a99';

export interface OverviewOptions {
  counts: ReadonlyMap<Integration, Counts>;
  direction: Direction;
  edgeIds: boolean;
  /** The sentence that says why the overview is shown, before what it shows. */
  lead: string;
  automatic: boolean;
}

export function overviewDiagram(manifest: Manifest, overview: Overview, options: OverviewOptions): ApplicationDiagram {
  const nodes: Record<string, DiagramTarget> = {};
  const edges: Record<string, DiagramTarget> = {};
  const lines = [`flowchart ${options.direction}`, '  accTitle: Overview of the application landscape'];
  const idOf = new Map<string, string>();
  const classes: string[] = [];
  const numberOf = new Map(manifest.integrations.map((i, n) => [i, n + 1]));
  let systemCount = 0;
  overview.groups.forEach((g, n) => {
    const id = mermaidId('d', n);
    const title = flowchartText(g.group.title, 60) || 'Unnamed domain';
    const first = g.systems[0]!;
    if (g.expanded) {
      // Its edges with other groups join its frame.
      idOf.set(`g:${g.group.key}`, id);
      lines.push(`  subgraph ${id}["${title}"]`);
      g.systems.forEach((s, k) => {
        const sid = `${id}s${k}`;
        idOf.set(`s:${s.id}`, sid);
        lines.push(`    ${sid}${shape(s)}`);
        nodes[sid] = { itemId: s.id, kind: 'system', span: s.span, selection: s.idSpan };
      });
      lines.push('  end');
      systemCount += g.systems.length;
    } else {
      idOf.set(`g:${g.group.key}`, id);
      const inside = g.internal.length ? `<br/>${g.internal.length} integration${g.internal.length === 1 ? '' : 's'} inside` : '';
      lines.push(`  ${id}["${title}<br/>${g.systems.length} system${g.systems.length === 1 ? '' : 's'}${inside}"]`);
      nodes[id] = { itemId: g.group.key, kind: 'domain', span: first.span, selection: first.idSpan };
      classes.push(id);
    }
  });
  const styles = new Map<string, number[]>();
  let integrationCount = 0;
  overview.edges.forEach((edge, index) => {
    const from = idOf.get(edge.from.key);
    const to = idOf.get(edge.to.key);
    if (!from || !to) return;
    const edgeId = mermaidId('e', index);
    const first = edge.integrations[0]!;
    const dashed = edge.integrations.every((i) => i.mode === 'async' || i.mode === 'batch');
    const arrow = edge.twoWay ? (dashed ? '<-.->' : '<-->') : dashed ? '-.->' : '-->';
    lines.push(`  ${from} ${options.edgeIds ? `${edgeId}@` : ''}${arrow}|"${label(edge, options.counts, numberOf)}"| ${to}`);
    edges[edgeId] = { itemId: first.id, kind: 'integration', span: first.span, selection: first.idSpan };
    const style = edge.integrations.length === 1 ? linkStyle(first, options.counts.get(first) ?? NO_FINDINGS, dashed) : aggregateStyle(edge, dashed);
    styles.set(style, [...(styles.get(style) ?? []), index]);
    integrationCount += edge.integrations.length;
  });
  for (const [style, indexes] of styles) lines.push(`  linkStyle ${indexes.join(',')} ${style}`);
  if (classes.length) lines.push('  classDef domain stroke-width:3px', `  class ${classes.join(',')} domain`);
  for (const g of overview.groups) integrationCount += g.internal.length;
  const info: OverviewInfo = {
    groups: overview.groups.map((g) => ({ key: g.group.key, title: g.group.title, systems: g.systems.length, expanded: g.expanded })),
    message: message(overview, options.lead),
    automatic: options.automatic,
  };
  return {
    mermaid: lines.join('\n') + '\n',
    nodes,
    edges,
    systemCount,
    integrationCount,
    edgeCount: Object.keys(edges).length,
    systems: manifest.systems.filter((s) => s.id).map((s) => ({ id: s.id, name: s.name ?? s.id })),
    legend: LEGEND,
    overview: info,
  };
}

/** One integration: as on the application diagram. Several: how many, and of which types. */
function label(edge: AggregateEdge, counts: ReadonlyMap<Integration, Counts>, numberOf: ReadonlyMap<Integration, number>): string {
  if (edge.integrations.length === 1) {
    const only = edge.integrations[0]!;
    return edgeLabel(only, counts.get(only) ?? NO_FINDINGS, numberOf.get(only) ?? 0);
  }
  let errors = 0;
  let warnings = 0;
  for (const i of edge.integrations) {
    const c = counts.get(i);
    if (c?.errors) errors++;
    else if (c?.warnings) warnings++;
  }
  const marker = errors ? '✖ ' : warnings ? '⚠ ' : '';
  return `${marker}${edge.integrations.length} integrations<br/>${edge.types.map((t) => TYPE_NAMES[t]).join(', ')}`;
}

function aggregateStyle(edge: AggregateEdge, dashed: boolean): string {
  const colour = edge.types.length === 1 ? TYPE_COLORS[edge.types[0]!] : MIXED;
  // Thicker for more integrations, so the busy routes stand out: 2 px for two, up to 6 px.
  const width = Math.min(6, 1 + Math.ceil(Math.log2(edge.integrations.length)));
  return `stroke:${colour},stroke-width:${width}px${dashed ? ',stroke-dasharray:8 5' : ''}`;
}

function message(overview: Overview, lead: string): string {
  const expanded = overview.groups.filter((g) => g.expanded);
  const parts = [lead];
  parts.push(
    expanded.length
      ? `${names(expanded.map((g) => g.group.title))} ${expanded.length === 1 ? 'is' : 'are'} drawn with ${expanded.length === 1 ? 'its' : 'their'} systems; click another domain to expand it.`
      : 'Each domain is one node; click one to see its systems.',
  );
  if (overview.notExpanded.length)
    parts.push(
      `${names(overview.notExpanded.map((g) => `${g.group.title} (${g.systems.length} systems)`))} ${overview.notExpanded.length === 1 ? 'stays' : 'stay'} collapsed: with ${overview.notExpanded.length === 1 ? 'it' : 'them'} the drawing would hold more than ${OVERVIEW_LIMITS.expandedSystems} systems. Collapse a domain first, or choose one system in the focus list to see its neighbours.`,
    );
  if (overview.merged.length) parts.push(`The ${overview.merged.length} least busy groups share one node.`);
  return parts.join(' ');
}

function names(list: string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}
