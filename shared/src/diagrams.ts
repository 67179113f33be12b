/**
 * The diagram set: what the server's diagram request answers (see `requests.ts`) and what the
 * extension posts to the webview. Shared by the server, the client and the webview, so this
 * file imports only the other shared types.
 */
import type { ImpactInfo, LandscapeFacets, LandscapeRequest, OverviewInfo } from './landscape';

/** The parameters of the diagram request: `{ uri, focus?, landscape?, only? }`. */
export interface DiagramsParams {
  uri: string;
  /** A system id: draw the application diagram around this system only (the focus view). */
  focus?: string;
  /** The overview's expanded domains, the filters and the impact the preview asks for. */
  landscape?: LandscapeRequest;
  /**
   * `application`: answer with the application diagram alone (an `ApplicationPart`), for a
   * change of focus or landscape, where nothing else of the set changes; absent: the whole set.
   */
  only?: 'application';
}

/**
 * The answer to a request with `only: 'application'`: the application diagram of the document
 * at `version`, and nothing else (the interaction diagrams, the checklist, the saved views and
 * the filters' values do not depend on the focus or the landscape asked for).
 */
export interface ApplicationPart {
  only: 'application';
  uri: string;
  /** The document version the diagram was made from. */
  version: number;
  application: ApplicationDiagram;
}

/** The whole set, or (asked with `only: 'application'`) the application diagram alone, or null when the document is not open. */
export type DiagramsResult = DiagramSet | ApplicationPart | null;

/** Whether an answer (or a message's payload) is the application diagram alone, with the fields the preview reads. */
export function isApplicationPart(v: unknown): v is ApplicationPart {
  const p = v as Partial<ApplicationPart> | null;
  return !!p && p.only === 'application' && typeof p.uri === 'string' && typeof p.version === 'number' && typeof p.application?.mermaid === 'string';
}

/** Which way the application diagram flows: left to right, or top to bottom. */
export type Direction = 'LR' | 'TB';

/** The `integrationManifests.preview.direction` setting: `auto` follows the panel's shape. */
export type DirectionSetting = Direction | 'auto';

/** A stretch of the document as UTF-16 offsets, `end` exclusive. */
export interface OffsetSpan {
  start: number;
  end: number;
}

/** What a drawn node, edge, participant or message stands for in the manifest. */
export interface DiagramTarget {
  /** The id of the system, integration or actor ('' when the item has none). */
  itemId: string;
  kind: 'system' | 'integration' | 'actor' | 'step' | 'domain';
  /** The whole item (or step) in the document: the cursor inside it highlights the drawing. */
  span: OffsetSpan;
  /** What a click selects: the id, or the reference or key that the drawing shows. */
  selection: OffsetSpan;
}

export interface LegendEntry {
  label: string;
  /** A CSS colour, for the line colour swatch; absent for entries that describe a line style. */
  color?: string;
  /** The colour in words, for text (Markdown). */
  colorName?: string;
  dashed?: boolean;
  symbol?: string;
}

export interface FocusInfo {
  /** The system the view is centred on. */
  systemId: string;
  systemName: string;
  shownSystems: number;
  totalSystems: number;
  shownIntegrations: number;
  totalIntegrations: number;
  /** Why the focus view is shown, in words for the user. */
  message: string;
  /** True when the whole diagram is too large to draw and the focus view was chosen for the user. */
  forced: boolean;
}

export interface ApplicationDiagram {
  mermaid: string;
  /** Mermaid node id (s0, s1, ...) → the system it draws. */
  nodes: Record<string, DiagramTarget>;
  /** Mermaid edge id (e0, e1, ...) → the integration it belongs to (one integration may draw several edges through its `via`). */
  edges: Record<string, DiagramTarget>;
  systemCount: number;
  integrationCount: number;
  edgeCount: number;
  /** Set when the diagram shows one system and its neighbours instead of everything. */
  focus?: FocusInfo;
  /** Every system, for the focus picker: id and name, in manifest order. */
  systems: { id: string; name: string }[];
  legend: LegendEntry[];
  /** Set when the diagram is the overview of the landscape: one node per domain (SPEC 11). */
  overview?: OverviewInfo;
  /** Set when the diagram marks a system's impact. */
  impact?: ImpactInfo;
  /** Set when the preview's filters leave integrations out: what they keep, in words. */
  filtered?: { message: string; shownIntegrations: number; totalIntegrations: number };
}

/** A saved view of the manifest (`views:`): its own application diagram. */
export interface ViewDiagram {
  id: string;
  title: string;
  description: string;
  application: ApplicationDiagram;
}

export interface InteractionDiagram {
  integrationId: string;
  title: string;
  mermaid: string;
  /** Whether the sequence comes from `steps` or is derived from from/via/to. */
  source: 'steps' | 'derived';
  /** Mermaid participant id → the system or actor. */
  participants: Record<string, DiagramTarget>;
  /** One entry per message arrow, in the order Mermaid draws them. */
  messages: DiagramTarget[];
  span: OffsetSpan;
  /** Error and warning counts of the integration. */
  errors: number;
  warnings: number;
}

export interface MappingRow {
  from: string;
  to: string;
  transform: string;
}

export interface FieldMapping {
  integrationId: string;
  title: string;
  fromSystem: string;
  toSystem: string;
  rows: MappingRow[];
  span: OffsetSpan;
}

export interface WaiverEntry {
  itemId: string;
  itemName: string;
  rule: string;
  reason: string;
  expires: string;
  /** `active` silences the rule; an expired waiver or one without a reason silences nothing. */
  status: 'active' | 'expired' | 'no-reason' | 'bad-date';
  span: OffsetSpan;
}

/** One item of the integration strategy checklist as the preview's Checklist tab shows it (server/src/checklist). */
export interface ChecklistEntry {
  id: string;
  sectionTitle: string;
  text: string;
  status: 'met' | 'at-risk' | 'open' | 'manual';
  /** Markdown-free lines (keys in backticks are kept as written). */
  evidence: string[];
  findings: { rule: string; severity: string; message: string; span: OffsetSpan }[];
}

export interface ChecklistView {
  counts: Record<ChecklistEntry['status'], number>;
  items: ChecklistEntry[];
  /** The estimated operating costs per month, one total per currency (`EUR 600.00/month`). */
  costs: string;
}

export interface DiagramSet {
  uri: string;
  /** The document version the diagrams were made from. */
  version: number;
  solutionName: string;
  application: ApplicationDiagram;
  interactions: InteractionDiagram[];
  mappings: FieldMapping[];
  waivers: WaiverEntry[];
  /** The integration strategy checklist (the preview's Checklist tab); absent from the command line's diagrams. */
  checklist?: ChecklistView;
  /** The values the preview's filters offer (absent from sets made before the landscape existed). */
  landscape?: LandscapeFacets;
  /** One diagram per saved view. */
  views?: ViewDiagram[];
}
