/**
 * The diagram set of one analysed manifest: the application diagram, one interaction diagram
 * per integration, the field mappings and the waivers. What the preview shows and the `docs`
 * command writes. Deterministic: the same document gives the same text.
 */
import { todayUtc, type Analysis } from '../analysis/analyze';
import type { Integration, Item, Manifest } from '../model/manifest';
import { applicationDiagram } from './application';
import { countsByIntegration, type Counts } from './findings';
import { interactionDiagram } from './interaction';
import type { ApplicationDiagram, ApplicationPart, DiagramSet, Direction, FieldMapping, WaiverEntry } from '../../../shared/src/diagrams';
import { waiverStatus } from '../model/waivers';
import { checklistOf, checklistView } from '../checklist/checklist';
import type { LandscapeRequest } from '../../../shared/src/landscape';
import { facetsOf, filtered, impactInfo, overviewApplication, viewDiagrams } from './landscape';

/** Beyond these the whole application diagram is not legible, and the focus view is drawn instead. */
export const LIMITS = { systems: 60, edges: 150, mermaidChars: 100_000 } as const;

export interface DiagramOptions {
  /** A system id to centre the application diagram on. */
  focus?: string;
  /** YYYY-MM-DD, for waiver expiry; today in UTC when absent. */
  today?: string;
  /**
   * For Markdown and the command line: the whole application diagram however large (no focus
   * view chosen for the reader), and no edge ids (readers may have an older Mermaid).
   */
  portable?: boolean;
  /** The application diagram's direction (LR unless said). */
  direction?: Direction;
  /** The overview's expanded domains, the filters and the impact the preview asks for (SPEC 11). */
  landscape?: LandscapeRequest;
}

export function diagramsFor(analysis: Analysis, options: DiagramOptions = {}): DiagramSet {
  const { manifest } = analysis;
  const counts = countsByIntegration(analysis);
  const edgeIds = !options.portable;
  const direction = options.direction ?? 'LR';
  return {
    uri: analysis.document.uri,
    version: analysis.document.version,
    solutionName: manifest.solutionName ?? '',
    application: applicationOf(analysis, options, counts),
    interactions: manifest.integrations.map((i) => interactionDiagram(manifest, i, counts.get(i))),
    mappings: mappings(manifest),
    waivers: waivers(manifest, options.today ?? todayUtc()),
    ...(options.portable ? {} : { checklist: checklistView(checklistOf(analysis)) }),
    landscape: facetsOf(manifest),
    views: viewDiagrams(manifest, { counts, edgeIds, direction }),
  };
}

/**
 * The application diagram alone, as `diagramsFor` draws it: what the preview asks for when only
 * the focus or the landscape changed (`only: 'application'`); nothing else of the set is made.
 */
export function applicationPartFor(analysis: Analysis, options: Omit<DiagramOptions, 'portable' | 'today'> = {}): ApplicationPart {
  return { only: 'application', uri: analysis.document.uri, version: analysis.document.version, application: applicationOf(analysis, options, countsByIntegration(analysis)) };
}

/** The application diagram: the focus view, the overview of the landscape, or the whole diagram (the focus view when too large). */
function applicationOf(analysis: Analysis, options: DiagramOptions, counts: Map<Integration, Counts>): ApplicationDiagram {
  const { manifest } = analysis;
  const requested = options.focus && manifest.systems.some((s) => s.id === options.focus) ? options.focus : undefined;
  const edgeIds = !options.portable;
  const direction = options.direction ?? 'LR';
  const maxEdges = options.portable ? undefined : LIMITS.edges;
  const request = options.landscape ?? {};
  const { landscape, only, message } = filtered(manifest, { counts, request });
  const whole = () => applicationDiagram(manifest, { counts, edgeIds, direction, ...(only ? { only } : {}) });
  let application: ApplicationDiagram | undefined;
  if (requested) {
    application = applicationDiagram(manifest, { counts, edgeIds, direction, focus: { systemId: requested, forced: false, maxEdges }, ...(only ? { only } : {}) });
  } else if (!options.portable) {
    // A large landscape opens on the overview of its domains (SPEC 11).
    application = overviewApplication(manifest, { counts, edgeIds, direction, request });
    if (!application) {
      // Counting first spares drawing a whole diagram of thousands of edges only to set it aside.
      const integrations = only?.integrations ?? manifest.integrations;
      let reason = tooLarge({ systemCount: only?.systems.length ?? manifest.systems.length, edgeCount: integrations.reduce((n, i) => n + (i.from && i.to ? i.via.length + 1 : 0), 0), mermaid: '' });
      if (!reason) reason = tooLarge((application = whole()));
      const centre = reason ? busiestSystem(manifest) : undefined;
      if (reason && centre) application = applicationDiagram(manifest, { counts, edgeIds, direction, focus: { systemId: centre, forced: true, reason, maxEdges }, ...(only ? { only } : {}) });
    }
  }
  application ??= whole();
  if (message && only && !application.filtered) application.filtered = { message, shownIntegrations: only.integrations.length, totalIntegrations: manifest.integrations.length };
  if (request.impact) {
    const impact = impactInfo(landscape, request.impact);
    if (impact) application.impact = impact;
  }
  return application;
}

/** Why the whole diagram cannot be drawn legibly, or undefined when it can. */
export function tooLarge(d: { systemCount: number; edgeCount: number; mermaid: string }): string | undefined {
  if (d.systemCount > LIMITS.systems) return `This manifest has ${d.systemCount} systems, more than the ${LIMITS.systems} a diagram shows legibly`;
  if (d.edgeCount > LIMITS.edges) return `This manifest draws ${d.edgeCount} connections, more than the ${LIMITS.edges} a diagram shows legibly`;
  if (d.mermaid.length > LIMITS.mermaidChars) return `This manifest's diagram is ${d.mermaid.length} characters of Mermaid, more than the ${LIMITS.mermaidChars} it draws in reasonable time`;
  return undefined;
}

/**
 * The system that takes part in the most integrations (the first of equals). Middleware only
 * when nothing else takes part: a bus that every integration crosses would centre on everything.
 */
function busiestSystem(manifest: Manifest): string | undefined {
  const count = new Map<string, number>();
  for (const i of manifest.integrations) {
    for (const id of new Set([i.from?.id, i.to?.id, ...i.via.map((v) => v.id)])) if (id) count.set(id, (count.get(id) ?? 0) + 1);
  }
  let best: string | undefined;
  let most = -1;
  for (const middleware of [false, true]) {
    for (const s of manifest.systems) {
      const n = count.get(s.id) ?? 0;
      if (s.id && (s.family === 'middleware') === middleware && n > most) {
        best = s.id;
        most = n;
      }
    }
    if (most > 0) break;
  }
  return best;
}

function mappings(manifest: Manifest): FieldMapping[] {
  return manifest.integrations
    .filter((i) => i.data.mapping.length > 0)
    .map((i) => ({
      integrationId: i.id,
      title: i.name ?? i.id,
      fromSystem: nameOf(manifest, i.from?.id),
      toSystem: nameOf(manifest, i.to?.id),
      rows: i.data.mapping.map((m) => ({ from: m.from ?? '', to: m.to ?? '', transform: m.transform ?? '' })),
      span: i.span,
    }));
}

function waivers(manifest: Manifest, today: string): WaiverEntry[] {
  const items: Item[] = [...manifest.systems, ...manifest.integrations, ...manifest.actors, ...manifest.goals].sort((a, b) => a.span.start - b.span.start);
  const result: WaiverEntry[] = [];
  for (const item of items) {
    for (const w of item.waivers) {
      const status = waiverStatus(w, today);
      result.push({ itemId: item.id, itemName: item.name ?? item.id, rule: w.rule ?? '', reason: w.reason ?? '', expires: w.expires ?? '', status, span: w.span });
    }
  }
  return result;
}

function nameOf(manifest: Manifest, id: string | undefined): string {
  if (!id) return '';
  const item = manifest.byId.get(id)?.[0];
  return item?.name ?? id;
}

export { applicationDiagram } from './application';
export { interactionDiagram } from './interaction';
export type * from '../../../shared/src/diagrams';
