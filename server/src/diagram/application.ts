/**
 * The application integration diagram (ARCHITECTURE.md, "The diagram path"): every system, grouped by where it is hosted,
 * and every integration as a path of edges through its middleware. Pure: manifest in, Mermaid out.
 *
 * Systems without `hosting` are drawn in a third group, "Hosting not declared", rather than
 * guessed into Cloud: the guidance asks for the cloud/on-premises boundary to be explicit, and
 * the group shows at a glance which systems still need that answer.
 */
import type { Integration, Manifest, Ref, System } from '../model/manifest';
import type { Hosting } from '../model/vocabulary';
import { flowchartText, mermaidId } from '../../../shared/src/mermaidText';
import { findingMarker, NO_FINDINGS, type Counts } from './findings';
import { groupsOf } from '../landscape/groups';
import type { ApplicationDiagram, DiagramTarget, Direction, FocusInfo, LegendEntry } from '../../../shared/src/diagrams';

/** Line colours per integration type, readable on light and dark backgrounds. */
export const TYPE_COLORS = { ui: '#2f81f7', data: '#1a9e5c', process: '#a259d9', none: '#8c8c8c' } as const;
/** Label colours of integrations with findings. */
export const SEVERITY_COLORS = { error: '#e5484d', warning: '#d9822b' } as const;

export const LEGEND: LegendEntry[] = [
  { label: 'UI integration', color: TYPE_COLORS.ui, colorName: 'blue' },
  { label: 'Data integration', color: TYPE_COLORS.data, colorName: 'green' },
  { label: 'Process integration', color: TYPE_COLORS.process, colorName: 'purple' },
  { label: 'Type not declared', color: TYPE_COLORS.none, colorName: 'grey' },
  { label: 'Solid: synchronous' },
  { label: 'Dashed: asynchronous or batch', dashed: true },
  { label: 'Arrow at both ends: two-way' },
  { label: 'Hexagon: middleware' },
  { label: 'Has warnings', symbol: '⚠', color: SEVERITY_COLORS.warning, colorName: 'orange' },
  { label: 'Has errors', symbol: '✖', color: SEVERITY_COLORS.error, colorName: 'red' },
];

const CLASS_STYLES: Record<string, string> = {
  middleware: 'stroke-width:2px',
  undeclared: `stroke:${SEVERITY_COLORS.error},stroke-width:2px,stroke-dasharray:5 4`,
  focus: 'stroke-width:4px',
  imported: 'stroke-dasharray:2 3',
};

/** The legend's line for systems of an imported manifest, shown when the diagram has one. */
export const IMPORTED_LEGEND: LegendEntry = { label: 'Dotted border: declared in an imported manifest', dashed: true };

const GROUPS: { hosting: Hosting | undefined; id: string; title: string }[] = [
  { hosting: 'cloud', id: 'g_cloud', title: 'Cloud' },
  { hosting: 'on-premises', id: 'g_onprem', title: 'On-premises' },
  { hosting: undefined, id: 'g_unset', title: 'Hosting not declared' },
];

export interface ApplicationOptions {
  /** Error and warning counts per integration. */
  counts?: ReadonlyMap<Integration, Counts>;
  /** Draw only this system, its integrations and their other ends. */
  focus?: { systemId: string; forced: boolean; reason?: string; maxEdges?: number | undefined };
  /**
   * Name each edge (`s1 e0@--> s2`, Mermaid 11.6+) so the preview can tell which integration a
   * clicked line belongs to. Off for Markdown and the command line, whose readers may have an
   * older Mermaid.
   */
  edgeIds?: boolean;
  /**
   * Which way the diagram flows: left to right (the preview's default, which turns it to suit
   * the panel: `withDirection`) or top to bottom (a page, for Markdown and the command line).
   */
  direction?: Direction;
  /** Draw only these systems and integrations (a filter or a view chose them); all when absent. */
  only?: { systems: readonly System[]; integrations: readonly Integration[] };
  /**
   * How systems are grouped: by hosting and, within it, by domain (or kind family for systems
   * without one) once any system shown declares a domain; by domain alone; or not at all.
   */
  groupBy?: 'hosting' | 'domain' | 'none';
}

export function applicationDiagram(manifest: Manifest, options: ApplicationOptions = {}): ApplicationDiagram {
  const counts = options.counts ?? new Map<Integration, Counts>();
  const nodes: Record<string, DiagramTarget> = {};
  const edges: Record<string, DiagramTarget> = {};

  // Every declared system gets a node id by position; references resolve to the first system of that id.
  const nodeOf = new Map<System, string>();
  const nodeById = new Map<string, string>();
  manifest.systems.forEach((system, i) => {
    const id = mermaidId('s', i);
    nodeOf.set(system, id);
    if (system.id && !nodeById.has(system.id)) nodeById.set(system.id, id);
  });

  const focusSystem = options.focus ? manifest.systems.find((s) => s.id === options.focus!.systemId) : undefined;
  const candidates = options.only?.integrations ?? manifest.integrations;
  const touching = focusSystem ? candidates.filter((i) => touches(i, focusSystem.id)) : candidates;
  // A focus on a very busy system still keeps to the edges a diagram can show: its first integrations.
  const drawn = focusSystem && options.focus?.maxEdges !== undefined ? withinEdges(touching, options.focus.maxEdges) : touching;

  // References to systems that are not declared are drawn too, marked, so the path stays visible.
  const undeclared = new Map<string, string>();
  const resolve = (ref: Ref): string => {
    const known = nodeById.get(ref.id);
    if (known) return known;
    let id = undeclared.get(ref.id);
    if (!id) {
      id = mermaidId('x', undeclared.size);
      undeclared.set(ref.id, id);
    }
    return id;
  };

  const edgeLines: string[] = [];
  const linkStyles = new Map<string, number[]>();
  const used = new Set<string>();
  const numberOf = new Map(manifest.integrations.map((i, n) => [i, n + 1]));
  for (const integration of drawn) {
    if (!integration.from || !integration.to) continue;
    const n = numberOf.get(integration)!;
    const path = [integration.from, ...integration.via, integration.to].map(resolve);
    path.forEach((n) => used.add(n));
    const c = counts.get(integration) ?? NO_FINDINGS;
    const dashed = integration.mode === 'async' || integration.mode === 'batch';
    const arrow = integration.twoWay ? (dashed ? '<-.->' : '<-->') : dashed ? '-.->' : '-->';
    const style = linkStyle(integration, c, dashed);
    for (let k = 0; k + 1 < path.length; k++) {
      const index = edgeLines.length;
      const edgeId = mermaidId('e', index);
      // The first edge carries the full label; edges beyond a middleware repeat the number, so the path can be followed.
      const label = k === 0 ? `|"${edgeLabel(integration, c, n)}"|` : `|"${n}"|`;
      edgeLines.push(`  ${path[k]} ${options.edgeIds === false ? '' : `${edgeId}@`}${arrow}${label} ${path[k + 1]}`);
      const refSpan = k + 1 < path.length - 1 ? integration.via[k]!.span : integration.to.span;
      edges[edgeId] = { itemId: integration.id, kind: 'integration', span: integration.span, selection: k === 0 ? integration.idSpan : refSpan };
      const list = linkStyles.get(style) ?? [];
      list.push(index);
      linkStyles.set(style, list);
    }
  }

  const onlySystems = options.only && new Set(options.only.systems);
  const shownSystems = focusSystem
    ? manifest.systems.filter((s) => s === focusSystem || used.has(nodeOf.get(s)!))
    : onlySystems
      ? manifest.systems.filter((s) => onlySystems.has(s) || used.has(nodeOf.get(s)!))
      : manifest.systems;
  const lines = [`flowchart ${options.direction ?? 'LR'}`, '  accTitle: Application integration diagram'];
  if (!shownSystems.length && !undeclared.size) {
    const why = manifest.systems.length ? 'No integration matches the filters: clear a filter to see more' : 'No systems yet: declare them under systems, then connect them under integrations';
    lines.push(`  empty["${why}"]`);
  }
  const classes = new Map<string, string[]>();
  const addClass = (cls: string, id: string) => classes.set(cls, [...(classes.get(cls) ?? []), id]);
  const drawSystem = (system: System, indent: string) => {
    const id = nodeOf.get(system)!;
    lines.push(`${indent}${id}${shape(system)}`);
    nodes[id] = { itemId: system.id, kind: 'system', span: system.span, selection: system.idSpan };
    if (system.family === 'middleware') addClass('middleware', id);
    if (system === focusSystem) addClass('focus', id);
    if (system.origin) addClass('imported', id);
  };
  const groupBy = options.groupBy ?? 'hosting';
  // Domains within hosting once any system declares one; until then the hosting groups alone, as before domains existed.
  const byDomain = groupBy === 'domain' || (groupBy === 'hosting' && shownSystems.some((s) => s.domain));
  /** The systems in their domain groups (each a subgraph), or as they are. */
  const drawGroups = (members: readonly System[], parent: string, indent: string) => {
    if (!byDomain) return members.forEach((s) => drawSystem(s, indent));
    groupsOf(members).forEach(({ group, systems }, n) => {
      lines.push(`${indent}subgraph ${parent}_${n}["${flowchartText(group.title, 60) || 'Unnamed domain'}"]`);
      systems.forEach((s) => drawSystem(s, `${indent}  `));
      lines.push(`${indent}end`);
    });
  };
  if (groupBy === 'hosting') {
    for (const group of GROUPS) {
      const members = shownSystems.filter((s) => s.hosting === group.hosting);
      if (!members.length) continue;
      lines.push(`  subgraph ${group.id}["${group.title}"]`);
      drawGroups(members, group.id, '    ');
      lines.push('  end');
    }
  } else drawGroups(shownSystems, 'g', '  ');
  for (const [ref, id] of undeclared) {
    lines.push(`  ${id}["${flowchartText(ref)}<br/>not declared under systems"]`);
    addClass('undeclared', id);
  }
  lines.push(...edgeLines);
  for (const [style, indexes] of linkStyles) lines.push(`  linkStyle ${indexes.join(',')} ${style}`);
  for (const [cls, ids] of classes) lines.push(`  classDef ${cls} ${CLASS_STYLES[cls]}`, `  class ${ids.join(',')} ${cls}`);

  const result: ApplicationDiagram = {
    mermaid: lines.join('\n') + '\n',
    nodes,
    edges,
    systemCount: shownSystems.length,
    integrationCount: drawn.length,
    edgeCount: edgeLines.length,
    systems: manifest.systems.filter((s) => s.id).map((s) => ({ id: s.id, name: s.name ?? s.id })),
    legend: shownSystems.some((s) => s.origin) ? [...LEGEND, IMPORTED_LEGEND] : LEGEND,
  };
  if (focusSystem && options.focus) result.focus = focusInfo(manifest, focusSystem, shownSystems.length, drawn.length, touching.length, options.focus);
  return result;
}

/** The first integrations whose edges (one per hop) fit in `max`. */
function withinEdges(integrations: readonly Integration[], max: number): Integration[] {
  let edges = 0;
  const result: Integration[] = [];
  for (const i of integrations) {
    edges += i.via.length + 1;
    if (edges > max && result.length) break;
    result.push(i);
  }
  return result;
}

function touches(integration: Integration, systemId: string): boolean {
  return integration.from?.id === systemId || integration.to?.id === systemId || integration.via.some((v) => v.id === systemId);
}

export function shape(system: System): string {
  const name = flowchartText(system.name ?? system.id) || flowchartText(system.id) || 'unnamed system';
  const kind = system.systemKind ? flowchartText(system.systemKind) : 'kind not declared';
  const label = `"${name}<br/>${kind}"`;
  return system.family === 'middleware' ? `{{${label}}}` : `[${label}]`;
}

/**
 * The label of an integration's first edge: its number and name, then its rate as the author
 * wrote it (`8k/day · every 4h`), never converted: a reader checks the diagram against the manifest.
 */
export function edgeLabel(integration: Integration, c: Counts, n: number): string {
  const name = flowchartText(integration.name ?? integration.id, 48) || 'unnamed integration';
  const rate = writtenRate(integration);
  // Amount and frequency share a line when it is short; else each has its own, rather than a line that wraps after its `·`.
  const together = rate.join(' · ').length <= RATE_LINE;
  const lines = (together ? [rate.join(' · ')] : rate).filter(Boolean).map((s) => flowchartText(s, 32));
  return [`${findingMarker(c)}${n}. ${name}`, ...lines].join('<br/>');
}

/** The longest rate line (`8k/day · every 4h`) that labels draw whole: Mermaid wraps labels at 200 px. */
const RATE_LINE = 20;

/**
 * How much and how often, as written: the volume (or, without one, the peak) and the
 * frequency. `['8k/day', 'every 4h']`, `['peak 3k/hour']`, `[]`.
 */
export function writtenRate(integration: Integration): string[] {
  return [writtenAmount(integration), integration.frequency?.trim()].filter((s): s is string => !!s);
}

/** How much, as written: the volume, else the peak (`peak 3k/hour`), else undefined. */
export function writtenAmount(integration: Integration): string | undefined {
  return integration.volume?.trim() || (integration.peak?.trim() ? `peak ${integration.peak.trim()}` : undefined);
}

export function linkStyle(integration: Integration, c: Counts, dashed: boolean): string {
  const stroke = TYPE_COLORS[integration.type ?? 'none'];
  const label = c.errors ? `,color:${SEVERITY_COLORS.error}` : c.warnings ? `,color:${SEVERITY_COLORS.warning}` : '';
  // Mermaid draws -.-> dotted; dashes read better as "asynchronous" at a glance.
  return `stroke:${stroke},stroke-width:2px${dashed ? ',stroke-dasharray:8 5' : ''}${label}`;
}

function focusInfo(manifest: Manifest, system: System, shownSystems: number, shownIntegrations: number, touching: number, focus: NonNullable<ApplicationOptions['focus']>): FocusInfo {
  const name = system.name ?? system.id;
  const totalSystems = manifest.systems.length;
  const totalIntegrations = manifest.integrations.length;
  const what = `${name} and the ${shownSystems - 1} system${shownSystems - 1 === 1 ? '' : 's'} it connects to (${shownSystems} of ${totalSystems} systems, ${shownIntegrations} of ${totalIntegrations} integrations)`;
  const cut = shownIntegrations < touching ? ` Only the first ${shownIntegrations} of its ${touching} integrations fit in one diagram.` : '';
  const message = focus.forced
    ? `${focus.reason ?? 'This manifest is too large to draw legibly as a whole'}, so the diagram shows ${what}.${cut} Pick another system to move the focus.`
    : `Showing ${what}.${cut} Choose "All systems" to see everything.`;
  return { systemId: system.id, systemName: name, shownSystems, totalSystems, shownIntegrations, totalIntegrations, message, forced: focus.forced };
}
