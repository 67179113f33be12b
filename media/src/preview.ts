/**
 * The preview webview: tabs for the application diagram and each interaction diagram,
 * rendered by the bundled Mermaid. Says `ready` first, drops stale versions, renders offscreen
 * and swaps (no flicker), never redraws an unchanged diagram, and keeps its state with
 * `setState` so a restored panel redraws at once.
 *
 * Legible at first sight (SPEC 9): the application diagram flows the way the panel is shaped
 * (`integrationManifests.preview.direction`), and each drawing is fitted without going below
 * a legible zoom (viewport.ts). A drawing is fitted again when what it shows changes (the set
 * of systems, the direction) or the panel is resized; a zoom or pan the user made is kept
 * across redraws that show the same systems. Interaction tabs that do not fit on the row give
 * way to a filterable list.
 */
import { directionSetting, type ExportFormat, type ToWebview, type WebviewState } from '../../shared/src/webviewMessages';
import { isApplicationPart, type ApplicationDiagram, type ApplicationPart, type DiagramSet, type Direction, type DirectionSetting, type OffsetSpan } from '../../shared/src/diagrams';
import { withDirection } from '../../shared/src/mermaidText';
import { installChangeView, isChangeView, showChangeView } from './changeView';
import { applicationDetails, interactionDetails } from './details';
import { CHECKLIST_TAB, renderChecklist } from './checklist';
import { pngDataUrl, svgText } from './exporter';
import { installExportMenu } from './exportMenu';
import { LandscapeControls } from './landscape';
import { legibilityOf } from './legibility';
import { closePicker, findingsText, marker, pickerButton } from './picker';
import { configureMermaid, currentTheme, renderDiagram, warmUp, type Theme } from './render';
import { TargetIndex, type TabTargets } from './targets';
import { Viewport, type View } from './viewport';
import { savedState, vscode } from './vscodeApi';

interface Tab {
  key: string;
  title: string;
  /** Its Mermaid as generated; the application diagram is turned to the chosen direction when drawn. */
  mermaid: string;
  targets: TabTargets;
  interaction: boolean;
  exportName: string;
  /** The integration's id, for the list's filter. */
  keywords: string;
  errors: number;
  warnings: number;
  /** What the drawing shows, apart from its labels: its systems (or participants). */
  content: string;
  /** The application diagram drawn: the manifest's, or a saved view's (SPEC 11); undefined for an interaction diagram. */
  app?: ApplicationDiagram;
}
/** The most rendered drawings kept for instant tab switches. */
const CACHE_SIZE = 24;
/** Larger diagram sets are not kept in the webview state (they are asked for again on restore). */
const MAX_STATE_CHARS = 4_000_000;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  tabs: $<HTMLElement>('tabs'),
  banner: $<HTMLElement>('banner'),
  viewport: $<HTMLElement>('viewport'),
  canvas: $<HTMLElement>('canvas'),
  placeholder: $<HTMLElement>('placeholder'),
  details: $<HTMLElement>('details'),
  checklist: $<HTMLElement>('checklist'),
  offscreen: $<HTMLElement>('offscreen'),
  focusLabel: $<HTMLElement>('focus-label'),
  focus: $<HTMLSelectElement>('focus'),
};

const state: WebviewState = savedState();
let set: DiagramSet | undefined;
/** The length of `set` as JSON: small enough sets are kept in the webview state. */
let setChars = 0;
let tabs: Tab[] = [];
let activeKey = state.tab ?? 'application';
/** The zoom and pan the user made, per tab, and what the tab showed then (`contentKey`). */
const views: Record<string, View> = { ...(state.views ?? {}) };
const viewKeys: Record<string, string> = { ...(state.viewKeys ?? {}) };
// The saved state is what an earlier version of this page saved: read it as unknown.
let legendOpen = typeof state.legend === 'boolean' ? state.legend : true;
let directionChoice: DirectionSetting = directionSetting(state.direction) ?? 'auto';
let direction: Direction = panelDirection(undefined);
let cursor: { uri: string; version: number; offset: number } | undefined;
let theme: Theme = currentTheme();
let shown: { tab: string; renderKey: string; content: string } | undefined;
let index: TargetIndex | undefined;
let renderToken = 0;
const cache = new Map<string, SVGSVGElement>();

const viewport = new Viewport(ui.viewport, ui.canvas);
let saveTimer: ReturnType<typeof setTimeout> | undefined;
viewport.onChange = (view, cause) => {
  if (!shown || cause === 'set') return;
  if (cause === 'user') {
    views[shown.tab] = { ...view };
    viewKeys[shown.tab] = shown.content;
  } else {
    // A fit: the tab follows the panel again.
    delete views[shown.tab];
    delete viewKeys[shown.tab];
  }
  // Zoom and pan fire many times a second: save once they settle.
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(saveState, 250);
};

configureMermaid(theme);

/** Expand, collapse, filters and impact of the application tab; what they ask for is kept with the panel. */
const landscape = new LandscapeControls(
  document.querySelector<HTMLElement>('.toolbar .actions')!,
  ui.banner,
  state.landscape ?? {},
  (request) => {
    saveState();
    if (set) vscode.postMessage({ type: 'landscape', uri: set.uri, request });
  },
  (text) => banner(text, 'info'),
);

// ---- messages from the extension -------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as ToWebview | null;
  if (!message || typeof message !== 'object' || typeof message.type !== 'string') return;
  switch (message.type) {
    case 'diagrams':
      if (isDiagramSet(message.set)) void show(message.set);
      break;
    case 'application':
      if (isApplicationPart(message.part)) void showApplication(message.part);
      break;
    case 'cursor':
      if (typeof message.offset === 'number' && typeof message.uri === 'string' && typeof message.version === 'number') {
        cursor = { uri: message.uri, version: message.version, offset: message.offset };
        highlightCursor();
      }
      break;
    case 'status':
      if (typeof message.message === 'string') status(message.message, message.severity === 'error' ? 'error' : 'info');
      break;
    case 'changes':
      if (isChangeView(message.view)) void showChangeView(message.view);
      break;
    case 'options': {
      const choice = directionSetting(message.direction);
      if (choice && choice !== directionChoice) {
        directionChoice = choice;
        saveState();
        onPanelChange();
      }
      break;
    }
  }
});

function isDiagramSet(v: unknown): v is DiagramSet {
  const s = v as DiagramSet | null;
  return !!s && typeof s.uri === 'string' && typeof s.version === 'number' && !!s.application && typeof s.application.mermaid === 'string' && Array.isArray(s.interactions);
}

/** Shows a new diagram set, unless it is older than the one shown for the same document. */
async function show(next: DiagramSet): Promise<void> {
  if (set && next.uri === set.uri && next.version < set.version) return;
  if (set && next.uri !== set.uri) {
    // Another manifest: its diagrams start fitted, on the application tab.
    for (const k of Object.keys(views)) delete views[k];
    for (const k of Object.keys(viewKeys)) delete viewKeys[k];
    activeKey = 'application';
    shown = undefined;
    landscape.forget();
  }
  set = next;
  setChars = JSON.stringify(next).length;
  tabs = tabsOf(next);
  if (!tabs.some((t) => t.key === activeKey) && !onChecklist()) activeKey = 'application';
  saveState();
  drawTabs();
  await renderActive();
}

/**
 * A new application diagram for the set shown (the focus or the landscape changed): the other
 * tabs, the checklist and the change view stay as they are. A part of another document or
 * version is dropped: the extension sends the whole set of that text.
 */
async function showApplication(part: ApplicationPart): Promise<void> {
  if (!set || part.uri !== set.uri || part.version !== set.version) return;
  setChars += JSON.stringify(part.application).length - JSON.stringify(set.application).length;
  set = { ...set, application: part.application };
  tabs = tabs.map((t) => (t.key === 'application' ? applicationTab(part.application) : t));
  saveState();
  await renderActive();
}

const itemIds = (targets: Record<string, { itemId: string }>) => Object.entries(targets).map(([id, t]) => `${id}=${t.itemId}`).sort().join(' ');

function applicationTab(app: ApplicationDiagram): Tab {
  // Systems not declared are drawn too (x0, x1...), with no target of their own.
  const undeclared = (app.mermaid.match(/^ {2}x\d+\[/gm) ?? []).length;
  return {
    key: 'application',
    title: 'Application',
    mermaid: app.mermaid,
    targets: { nodes: app.nodes, edges: app.edges },
    interaction: false,
    exportName: 'application',
    keywords: '',
    errors: 0,
    warnings: 0,
    content: `${itemIds(app.nodes)} +${undeclared}`,
    app,
  };
}

function tabsOf(s: DiagramSet): Tab[] {
  const result: Tab[] = [applicationTab(s.application)];
  // A tab per saved view, after the application diagram.
  for (const v of s.views ?? [])
    result.push({
      key: `v:${v.id}`,
      title: v.title,
      mermaid: v.application.mermaid,
      targets: { nodes: v.application.nodes, edges: v.application.edges },
      interaction: false,
      exportName: `view-${v.id.replace(/[^\w.-]/g, '_').slice(0, 80)}`,
      keywords: v.id,
      errors: 0,
      warnings: 0,
      content: itemIds(v.application.nodes),
      app: v.application,
    });
  const seen = new Map<string, number>();
  for (const d of s.interactions) seen.set(d.integrationId, (seen.get(d.integrationId) ?? 0) + 1);
  s.interactions.forEach((d, i) => {
    const unique = d.integrationId && seen.get(d.integrationId) === 1;
    result.push({
      key: unique ? `i:${d.integrationId}` : `i#${i}`,
      // Numbered as on the application diagram's edges.
      title: `${i + 1}. ${d.title || d.integrationId || 'Unnamed integration'}`,
      mermaid: d.mermaid,
      targets: { participants: d.participants, messages: d.messages },
      interaction: true,
      exportName: `interaction-${(unique ? d.integrationId : String(i + 1)).replace(/[^\w.-]/g, '_').slice(0, 80)}`,
      keywords: d.integrationId,
      errors: d.errors,
      warnings: d.warnings,
      content: itemIds(d.participants),
    });
  });
  return result;
}

// ---- tabs ------------------------------------------------------------------------------

/** One tab per diagram when they fit on the row; else the application, the interaction shown, and a list of all. */
function drawTabs(): void {
  closePicker();
  if (!tabs.length) return;
  ui.tabs.classList.remove('compact', 'own-row');
  ui.tabs.replaceChildren(...tabs.map(tabButton), ...checklistTab());
  if (ui.tabs.scrollWidth <= ui.tabs.clientWidth + 1) return;
  const interactions = tabs.filter((t) => t.interaction);
  const active = interactions.find((t) => t.key === activeKey);
  const list = interactions.map((t) => ({ key: t.key, title: t.title, keywords: t.keywords, errors: t.errors, warnings: t.warnings, selected: t.key === activeKey }));
  ui.tabs.classList.add('compact');
  ui.tabs.replaceChildren(...tabs.filter((t) => !t.interaction).map(tabButton), ...(active ? [tabButton(active)] : []), pickerButton(list, selectTab), ...checklistTab());
  // Still too narrow beside the buttons: the tabs take the whole row and the buttons go below.
  if (ui.tabs.scrollWidth > ui.tabs.clientWidth + 1) ui.tabs.classList.add('own-row');
}

/** Whether the Checklist tab is the one shown (it is a tab only when the set carries a checklist). */
function onChecklist(): boolean {
  return activeKey === CHECKLIST_TAB && !!set?.checklist;
}

/** The Checklist tab's button, after the diagrams; marked when an item is at risk. */
function checklistTab(): HTMLButtonElement[] {
  const checklist = set?.checklist;
  if (!checklist) return [];
  const b = document.createElement('button');
  const risky = checklist.counts['at-risk'];
  b.type = 'button';
  b.className = 'tab checklist-tab' + (risky ? ' warning' : '');
  b.setAttribute('role', 'tab');
  b.setAttribute('aria-selected', String(onChecklist()));
  b.dataset['tab'] = CHECKLIST_TAB;
  b.textContent = (risky ? '▲ ' : '') + 'Checklist';
  b.title = `Integration strategy checklist: ${checklist.counts.met} met, ${risky} at risk, ${checklist.counts.open} open, ${checklist.counts.manual} to answer by hand`;
  b.addEventListener('click', () => selectTab(CHECKLIST_TAB));
  return [b];
}

/** Shows the checklist instead of the drawing (the drawing stays, hidden, for the way back). */
function showChecklist(on: boolean): void {
  ui.checklist.hidden = !on;
  ui.viewport.hidden = on;
  ui.details.hidden = on;
  document.body.classList.toggle('on-checklist', on);
  if (on && set?.checklist) renderChecklist(ui.checklist, set.checklist, reveal);
}

function tabButton(tab: Tab): HTMLButtonElement {
  const b = document.createElement('button');
  const kind = tab.errors ? 'error' : tab.warnings ? 'warning' : '';
  b.type = 'button';
  b.className = 'tab' + (kind ? ` ${kind}` : '');
  b.setAttribute('role', 'tab');
  b.setAttribute('aria-selected', String(tab.key === activeKey));
  b.dataset['tab'] = tab.key;
  b.textContent = marker(tab.errors, tab.warnings) + tab.title;
  // Manifest text only as text content, never in an attribute.
  const findings = findingsText(tab.errors, tab.warnings);
  b.title = tab.interaction ? `Interaction diagram${findings ? ` (${findings})` : ''}` : tab.key === 'application' ? 'Application integration diagram' : 'Saved view (views: in the manifest)';
  b.addEventListener('click', () => selectTab(tab.key));
  return b;
}

function selectTab(key: string): void {
  if (key === activeKey) return;
  activeKey = key;
  saveState();
  drawTabs();
  void renderActive();
}

// ---- rendering -------------------------------------------------------------------------

/** The Mermaid a tab draws: the application diagram turned to the direction chosen for the panel. */
function shownMermaid(tab: Tab): string {
  return tab.interaction ? tab.mermaid : withDirection(tab.mermaid, direction);
}

/** What a tab shows, apart from its labels: when it changes, the tab is fitted again. */
function contentKey(tab: Tab): string {
  return tab.interaction ? tab.content : `${direction} ${tab.content}`;
}

async function renderActive(): Promise<void> {
  if (!set) return;
  showChecklist(onChecklist());
  if (onChecklist()) {
    document.body.dataset['rendered'] = String(++renderToken);
    return;
  }
  const tab = tabs.find((t) => t.key === activeKey) ?? tabs[0]!;
  const mermaid = shownMermaid(tab);
  const renderKey = `${theme}\n${mermaid}`;
  drawChrome(tab);
  if (shown && shown.tab === tab.key && shown.renderKey === renderKey) {
    // Same drawing: only the spans behind it may have moved.
    reindex(tab);
    return;
  }
  const token = ++renderToken;
  let svg = cache.get(renderKey)?.cloneNode(true) as SVGSVGElement | undefined;
  if (!svg) {
    const result = await renderDiagram(mermaid, ui.offscreen);
    if (token !== renderToken) return; // a newer update or tab switch took over
    if ('error' in result) {
      renderError(tab, result.error);
      return;
    }
    remember(renderKey, result.svg);
    svg = result.svg.cloneNode(true) as SVGSVGElement;
  }
  if (token !== renderToken) return;
  svg.classList.add('diagram');
  ui.canvas.replaceChildren(svg);
  ui.placeholder.hidden = true;
  const content = contentKey(tab);
  shown = { tab: tab.key, renderKey, content };
  reindex(tab);
  viewport.legibility = legibilityOf(svg, viewport.view.scale, tab.app ? landscape.expandedFrame(svg, tab.app) : undefined);
  // The user's zoom and pan stay while the tab shows the same systems; otherwise it is fitted.
  const saved = views[tab.key];
  if (saved && viewKeys[tab.key] === content) viewport.set(saved);
  else viewport.fit();
  document.body.dataset['direction'] = tab.interaction ? '' : direction;
  document.body.dataset['rendered'] = String(token);
  hideError();
}

function remember(key: string, svg: SVGSVGElement): void {
  cache.set(key, svg);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

function reindex(tab: Tab): void {
  const svg = ui.canvas.querySelector('svg');
  if (!svg) return;
  for (const hit of Array.from(svg.querySelectorAll('.im-hit'))) hit.remove();
  for (const el of Array.from(svg.querySelectorAll('[data-im]'))) el.removeAttribute('data-im');
  index = new TargetIndex(svg, tab.targets, tab.interaction);
  if (tab.app) landscape.mark(index, tab.app);
  highlightCursor();
}

/** A render error: the message instead of a blank panel; a previous drawing of the same tab stays. */
function renderError(tab: Tab, message: string): void {
  const keepOld = shown?.tab === tab.key && ui.canvas.querySelector('svg');
  const firstLine = message.split('\n')[0]!.trim().replace(/:$/, '');
  showError(keepOld ? `This diagram could not be drawn (${firstLine}); the last good drawing is shown.` : `This diagram could not be drawn (${firstLine}); the details are below.`);
  if (!keepOld) {
    shown = undefined;
    index = undefined;
    const block = (className: string, text: string, tag: 'p' | 'pre') => {
      const e = document.createElement(tag);
      e.className = className;
      e.textContent = text;
      return e;
    };
    ui.canvas.replaceChildren(
      block('error-text', 'This diagram could not be drawn. Mermaid says:', 'p'),
      block('error-message', message, 'pre'),
      block('error-text', 'The diagram source:', 'p'),
      block('source', tab.mermaid, 'pre'),
    );
    ui.placeholder.hidden = true;
    viewport.set({ scale: 1, x: 16, y: 16 });
  }
  document.body.dataset['renderError'] = String(renderToken);
}

/** Focus picker, focus message, and the details below the diagram. */
function drawChrome(tab: Tab): void {
  if (!set) return;
  const app = set.application;
  const isApp = tab.key === 'application';
  landscape.update(set, isApp);
  ui.focusLabel.hidden = !isApp || app.systems.length === 0;
  if (isApp) {
    const options = [new Option(app.focus?.forced ? 'All systems (too many to draw)' : 'All systems', '')];
    if (app.focus?.forced) options[0]!.disabled = true;
    for (const s of app.systems) options.push(new Option(s.name, s.id));
    ui.focus.replaceChildren(...options);
    ui.focus.value = app.focus?.systemId ?? '';
  }
  if (!ui.banner.classList.contains('error')) banner(infoText(tab), 'info');
  const interaction = tab.interaction ? set.interactions[tabs.filter((t) => t.interaction).indexOf(tab)] : undefined;
  ui.details.replaceChildren(
    ...(interaction
      ? interactionDetails(set, interaction, reveal)
      : applicationDetails(set, reveal, {
          open: legendOpen,
          toggled: (open) => {
            legendOpen = open;
            saveState();
          },
        })),
  );
}

// ---- cursor, clicks, reveal ------------------------------------------------------------

function highlightCursor(): void {
  if (!index || !set) return;
  const c = cursor && cursor.uri === set.uri && cursor.version === set.version ? cursor.offset : undefined;
  // The system under the editor's cursor is the one Impact is for.
  const system = index.highlightAt(c).find((i) => i.target.kind === 'system');
  if (system) landscape.chosenSystem = system.target.itemId;
}

ui.viewport.addEventListener('click', (e) => {
  if (viewport.dragged || !index) return;
  const item = index.itemOf(e.target as Element);
  const tab = tabs.find((t) => t.key === activeKey);
  if (!item) {
    // The frame of an expanded domain on the overview: a click collapses it.
    const overview = tab?.key === 'application' ? tab.app?.overview : undefined;
    const frame = overview ? (e.target as Element).closest('g.cluster') : null;
    const n = frame ? /(?:^|[-_])d(\d+)$/.exec(frame.id)?.[1] : undefined;
    const group = n !== undefined ? overview!.groups[Number(n)] : undefined;
    if (group?.expanded && tab?.app) landscape.collapse(group.key, tab.app);
    return;
  }
  if (item.target.kind === 'domain') {
    // A domain of the application tab's overview expands in place; on a saved view, the application tab shows it expanded.
    if (activeKey !== 'application') selectTab('application');
    landscape.expand(item.target.itemId);
    return;
  }
  if (item.target.kind === 'system') landscape.chosenSystem = item.target.itemId;
  reveal(item.target.selection);
});

/** Asks the extension to select `selection` in the editor; its cursor message then highlights the drawing. */
function reveal(selection: OffsetSpan): void {
  if (!set) return;
  vscode.postMessage({ type: 'reveal', uri: set.uri, version: set.version, selection });
}

ui.focus.addEventListener('change', () => {
  if (!set) return;
  const systemId = ui.focus.value || null;
  state.focus = systemId;
  saveState();
  vscode.postMessage({ type: 'focus', uri: set.uri, systemId });
});

// ---- toolbar ---------------------------------------------------------------------------

$('zoom-in').addEventListener('click', () => viewport.zoomBy(1.25));
$('zoom-out').addEventListener('click', () => viewport.zoomBy(1 / 1.25));
$('fit').addEventListener('click', () => viewport.fit());
installExportMenu($<HTMLButtonElement>('export'), $('export-menu'));
$('export-svg').addEventListener('click', () => void exportAs('svg'));
$('export-png').addEventListener('click', () => void exportAs('png'));
$('export-mermaid').addEventListener('click', () => void exportAs('mermaid'));
installChangeView(document.querySelector<HTMLElement>('.toolbar .actions')!, ui.offscreen);

async function exportAs(format: ExportFormat): Promise<void> {
  const tab = tabs.find((t) => t.key === activeKey);
  if (!set || !tab) return;
  const svg = ui.canvas.querySelector('svg');
  if (format !== 'mermaid' && !svg) {
    showError('There is no drawing to export; fix the diagram error first, or export the Mermaid source.');
    return;
  }
  const background = getComputedStyle(document.body).backgroundColor || '#ffffff';
  try {
    const data = format === 'mermaid' ? shownMermaid(tab) : format === 'svg' ? svgText(svg!, background) : await pngDataUrl(svg!, background);
    vscode.postMessage({ type: 'export', uri: set.uri, format, name: tab.exportName, data });
  } catch (e) {
    showError(`The diagram could not be exported: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// ---- theme -----------------------------------------------------------------------------

new MutationObserver(() => {
  const next = currentTheme();
  if (next === theme) return;
  theme = next;
  configureMermaid(theme);
  cache.clear();
  void renderActive();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// ---- the panel's size and shape ------------------------------------------------------

/**
 * Left to right in a wide panel, top to bottom in a tall one (or as the setting says). Near
 * square the direction stays as it is, so that a small resize does not turn the drawing.
 */
function panelDirection(current: Direction | undefined): Direction {
  if (directionChoice !== 'auto') return directionChoice;
  const { innerWidth: w, innerHeight: h } = window;
  if (!current) return w > h ? 'LR' : 'TB';
  if (current === 'TB' && w > 1.1 * h) return 'LR';
  if (current === 'LR' && w < 0.9 * h) return 'TB';
  return current;
}

/** After a resize or a change of setting: turn the drawing if the direction changes, else fit it again unless the user moved it. */
function onPanelChange(): void {
  const next = panelDirection(direction);
  drawTabs();
  if (next !== direction) {
    direction = next;
    void renderActive();
  } else if (shown && !views[shown.tab]) {
    viewport.fit();
  }
}

let resizeFrame = 0;
const resized = new ResizeObserver(() => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(onPanelChange);
});
// The body for the panel's shape and the tab row; the diagram area also when the legend folds.
resized.observe(document.body);
resized.observe(ui.viewport);

// ---- banner and state ------------------------------------------------------------------

function banner(text: string, kind: 'info' | 'error'): void {
  ui.banner.textContent = text;
  ui.banner.hidden = !text;
  ui.banner.classList.toggle('error', kind === 'error' && !!text);
}

function showError(text: string): void {
  banner(text, 'error');
}

function hideError(): void {
  if (ui.banner.classList.contains('error')) banner('', 'info');
  const tab = tabs.find((t) => t.key === activeKey);
  if (tab) banner(infoText(tab), 'info');
}

/** What the banner says of a tab: why it shows what it shows (focus, overview, filters, impact). */
function infoText(tab: Tab): string {
  const app = tab.app;
  if (!app) return '';
  return [app.focus?.message, app.overview?.message, app.filtered?.message, app.impact?.message].filter(Boolean).join(' ');
}

function status(text: string, kind: 'info' | 'error'): void {
  if (!set) {
    ui.placeholder.textContent = text;
    ui.placeholder.hidden = false;
    ui.placeholder.classList.toggle('error', kind === 'error');
  } else {
    banner(text, kind);
  }
}

function saveState(): void {
  const keep = set && setChars <= MAX_STATE_CHARS ? set : undefined;
  const next: WebviewState = {
    tab: activeKey,
    views,
    viewKeys,
    legend: legendOpen,
    direction: directionChoice,
    focus: state.focus ?? null,
    landscape: landscape.request,
    ...(set ? { uri: set.uri } : {}),
    ...(keep ? { set: keep } : {}),
  };
  vscode.setState(next);
}

// ---- start -----------------------------------------------------------------------------

vscode.postMessage({ type: 'ready' });
if (state.set && isDiagramSet(state.set)) void show(state.set);
else void warmUp();
