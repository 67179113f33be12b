/**
 * The messages between the extension and the preview webview, both ways, as discriminated
 * unions. Shared by client/src/preview (the extension side) and media/src (the webview).
 * Everything the webview sends is untrusted input: `parseWebviewMessage` checks its shape.
 */
import type { ChangeView } from './changes';
import type { ApplicationPart, DiagramSet, DirectionSetting, OffsetSpan } from './diagrams';
import { landscapeRequest, type LandscapeRequest } from './landscape';

/** Extension → webview. */
export type ToWebview =
  /** A new diagram set; the webview drops sets older than the one it shows. */
  | { type: 'diagrams'; set: DiagramSet }
  /**
   * The application diagram alone, after a change of focus or landscape, for the set the webview
   * shows (same document, same version): the other tabs stay as they are. A part of another
   * version is dropped (the whole set of that version follows).
   */
  | { type: 'application'; part: ApplicationPart }
  /** The editor's cursor moved: highlight what is drawn for the item at this offset. */
  | { type: 'cursor'; uri: string; version: number; offset: number }
  /** Nothing to draw, and why (no manifest open, the server is not ready...). */
  | { type: 'status'; message: string; severity: 'info' | 'error' }
  /** The preview's settings: which way the application diagram flows (`integrationManifests.preview.direction`). */
  | { type: 'options'; direction: DirectionSetting }
  /** What the manifest changes against its last commit ("Compare with HEAD"), drawn over the diagrams until closed. */
  | { type: 'changes'; view: ChangeView };

export type ExportFormat = 'svg' | 'png' | 'mermaid';

/** Webview → extension. */
export type FromWebview =
  /** The script has loaded and listens: send it the current diagrams. */
  | { type: 'ready' }
  /** A node, edge, participant or message was clicked: select this stretch of the document. */
  | { type: 'reveal'; uri: string; version: number; selection: OffsetSpan }
  /** Save a diagram: SVG or Mermaid text, or a PNG as a `data:image/png;base64,` URL. */
  | { type: 'export'; uri: string; format: ExportFormat; name: string; data: string }
  /** Centre the application diagram on a system, or (null) show all systems. */
  | { type: 'focus'; uri: string; systemId: string | null }
  /** The overview's expanded domains, the filters and the impact asked for (SPEC 11): draw the application diagram so. */
  | { type: 'landscape'; uri: string; request: LandscapeRequest }
  /** "Compare with HEAD" was clicked. */
  | { type: 'compare' }
  /** The change view was closed: stop comparing. */
  | { type: 'closeChanges' };

/** What the webview keeps with `setState`, so a restored panel redraws at once. */
export interface WebviewState {
  uri?: string;
  tab?: string;
  focus?: string | null;
  /** The overview's expanded domains, the filters and the impact of the application tab. */
  landscape?: LandscapeRequest;
  set?: DiagramSet;
  /** The zoom and pan the user made, per tab; a tab without one is fitted to the panel. */
  views?: Record<string, { scale: number; x: number; y: number }>;
  /** What each of those tabs showed (its systems, its direction): when that changes, the tab is fitted again. */
  viewKeys?: Record<string, string>;
  /** Whether the legend is open (it is unless the user folded it). */
  legend?: boolean;
  direction?: DirectionSetting;
}

/** The `direction` setting when it is one, else undefined. */
export function directionSetting(value: unknown): DirectionSetting | undefined {
  return value === 'auto' || value === 'LR' || value === 'TB' ? value : undefined;
}

/** The largest export the extension accepts from the webview (a PNG of a large diagram fits). */
export const MAX_EXPORT_CHARS = 64 * 1024 * 1024;

/** The webview's message when it has the expected shape, else undefined (unknown or malformed messages are ignored). */
export function parseWebviewMessage(data: unknown): FromWebview | undefined {
  if (!isRecord(data) || typeof data['type'] !== 'string') return undefined;
  switch (data['type']) {
    case 'ready':
      return { type: 'ready' };
    case 'compare':
      return { type: 'compare' };
    case 'closeChanges':
      return { type: 'closeChanges' };
    case 'reveal': {
      const { uri, version, selection } = data;
      if (typeof uri !== 'string' || !isCount(version) || !isSpan(selection)) return undefined;
      return { type: 'reveal', uri, version, selection: { start: selection.start, end: selection.end } };
    }
    case 'export': {
      const { uri, format, name, data: payload } = data;
      if (typeof uri !== 'string' || (format !== 'svg' && format !== 'png' && format !== 'mermaid')) return undefined;
      if (typeof name !== 'string' || !/^[\w.-]{1,100}$/.test(name)) return undefined;
      if (typeof payload !== 'string' || payload.length > MAX_EXPORT_CHARS) return undefined;
      if (format === 'png' && !payload.startsWith('data:image/png;base64,')) return undefined;
      return { type: 'export', uri, format, name, data: payload };
    }
    case 'focus': {
      const { uri, systemId } = data;
      if (typeof uri !== 'string' || (systemId !== null && typeof systemId !== 'string')) return undefined;
      return { type: 'focus', uri, systemId };
    }
    case 'landscape': {
      const { uri } = data;
      const request = landscapeRequest(data['request']);
      if (typeof uri !== 'string' || !request) return undefined;
      return { type: 'landscape', uri, request };
    }
    default:
      return undefined;
  }
}

/** The document the preview follows, as the extension sees it. */
export interface FollowedDocument {
  uri: string;
  version: number;
  /** Its length in UTF-16 code units. */
  length: number;
}

/**
 * What a `reveal` may select: a stretch of the followed document, at the version the diagram
 * was drawn from, inside its text. Anything else (another document, an old version, a span
 * past the end) selects nothing.
 */
export function revealSelection(message: Extract<FromWebview, { type: 'reveal' }>, followed: FollowedDocument | undefined): OffsetSpan | undefined {
  if (!followed || message.uri !== followed.uri || message.version !== followed.version) return undefined;
  const { start, end } = message.selection;
  return start <= end && end <= followed.length ? { start, end } : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function isSpan(v: unknown): v is OffsetSpan {
  return isRecord(v) && isCount(v['start']) && isCount(v['end']) && v['start'] <= v['end'];
}
