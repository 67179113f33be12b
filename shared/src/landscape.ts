/**
 * The landscape of a large manifest (SPEC 11): what the preview asks for (the overview's
 * expanded domains, the filters, the impact of a system) and what the diagram set says about
 * it. Shared by the server, the extension and the webview, so this file imports nothing, and
 * `landscapeRequest` checks the shape of a request that came from the webview.
 */

/** The preview's filters: an integration is drawn when it matches every list given (one entry of each). */
export interface LandscapeFilter {
  types?: string[];
  modes?: string[];
  patterns?: string[];
  /** Group keys (`domain:Finance`, `family:middleware`): an integration with an end in one of them. */
  domains?: string[];
  /** `cloud`, `on-premises`, or `none` (hosting not declared): an integration with an end hosted there. */
  hostings?: string[];
  /** Goal ids: an integration that serves one of them. */
  goals?: string[];
  /** Only integrations with an error or a warning. */
  findingsOnly?: boolean;
}

/** What the application tab of the preview asks the server for, beyond the focus. */
export interface LandscapeRequest {
  /** `auto`: the overview when the whole diagram is too large; `overview`: always; `whole`: never (the whole diagram, or the focus view when too large). */
  layout?: 'auto' | 'overview' | 'whole';
  /** Group keys of the domains drawn with their systems in the overview. */
  expanded?: string[];
  /** Every domain drawn with its systems, as far as the diagram can hold. */
  expandAll?: boolean;
  filter?: LandscapeFilter;
  /** A system id: mark everything up- and downstream of it, dim the rest. */
  impact?: string;
}

/** A group of systems: a domain, or, for systems without one, their kind's family. */
export interface GroupInfo {
  key: string;
  title: string;
  systems: number;
  expanded: boolean;
}

/** Set when the application tab draws the overview: the domains, which are expanded, and what is shown. */
export interface OverviewInfo {
  groups: GroupInfo[];
  /** What the overview shows, in words for the user (and why, when it was chosen for them). */
  message: string;
  /** True when the preview chose the overview because the whole diagram is too large. */
  automatic: boolean;
}

/** Set when the diagram marks a system's impact: the ids that stay lit, the rest is dimmed. */
export interface ImpactInfo {
  systemId: string;
  systemName: string;
  upstream: string[];
  downstream: string[];
  /** Integration ids on the paths up- and downstream (and the system's own). */
  integrations: string[];
  /** Group keys holding a system that stays lit (for the overview's domain nodes). */
  groups: string[];
  message: string;
}

/** The values the filters offer: what the manifest uses. */
export interface LandscapeFacets {
  groups: { key: string; title: string }[];
  types: string[];
  modes: string[];
  patterns: string[];
  hostings: string[];
  goals: { id: string; title: string }[];
}

const FILTER_LISTS = ['types', 'modes', 'patterns', 'domains', 'hostings', 'goals'] as const;
/** Longest lists and values accepted from the webview. */
const MAX_ENTRIES = 500;
const MAX_TEXT = 500;

/** The request when it has the expected shape (unknown keys dropped), else undefined. */
export function landscapeRequest(value: unknown): LandscapeRequest | undefined {
  if (!isRecord(value)) return undefined;
  const result: LandscapeRequest = {};
  const { layout, expanded, expandAll, filter, impact } = value;
  if (layout !== undefined) {
    if (layout !== 'auto' && layout !== 'overview' && layout !== 'whole') return undefined;
    result.layout = layout;
  }
  if (expanded !== undefined) {
    const list = texts(expanded);
    if (!list) return undefined;
    result.expanded = list;
  }
  if (expandAll !== undefined) {
    if (typeof expandAll !== 'boolean') return undefined;
    result.expandAll = expandAll;
  }
  if (impact !== undefined) {
    if (typeof impact !== 'string' || impact.length > MAX_TEXT) return undefined;
    result.impact = impact;
  }
  if (filter !== undefined) {
    if (!isRecord(filter)) return undefined;
    const f: LandscapeFilter = {};
    for (const key of FILTER_LISTS) {
      if (filter[key] === undefined) continue;
      const list = texts(filter[key]);
      if (!list) return undefined;
      if (list.length) f[key] = list;
    }
    if (filter['findingsOnly'] !== undefined) {
      if (typeof filter['findingsOnly'] !== 'boolean') return undefined;
      if (filter['findingsOnly']) f.findingsOnly = true;
    }
    if (isFiltering(f)) result.filter = f;
  }
  return result;
}

/** Whether a filter leaves anything out. */
export function isFiltering(filter: LandscapeFilter | undefined): boolean {
  return !!filter && (filter.findingsOnly === true || FILTER_LISTS.some((k) => (filter[k]?.length ?? 0) > 0));
}

function texts(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_ENTRIES) return undefined;
  return v.every((s) => typeof s === 'string' && s.length <= MAX_TEXT) ? (v as string[]) : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
