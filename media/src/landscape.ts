/**
 * The landscape controls of the preview (SPEC 11): "Expand all" and "Collapse all" for the
 * overview, a click on a domain to expand it and on an expanded domain's frame to collapse it,
 * the filters (type, mode, pattern, domain, hosting, goal, with findings only), and "Impact",
 * which lights what lies up- and downstream of the chosen system and dims the rest.
 *
 * The server aggregates, filters and walks the impact (`server/src/landscape`); this module
 * only keeps what the panel asks for (saved with the webview's state), sends it, and marks the
 * drawing it gets back.
 */
import type { ApplicationDiagram, DiagramSet } from '../../shared/src/diagrams';
import { isFiltering, type LandscapeFacets, type LandscapeFilter, type LandscapeRequest } from '../../shared/src/landscape';
import type { TargetIndex } from './targets';

type ListKey = 'types' | 'modes' | 'patterns' | 'domains' | 'hostings' | 'goals';

const LIST_TITLES: [ListKey, string][] = [
  ['types', 'Type'],
  ['modes', 'Mode'],
  ['patterns', 'Pattern'],
  ['domains', 'Domain'],
  ['hostings', 'Hosting'],
  ['goals', 'Goal'],
];

export class LandscapeControls {
  private readonly expandAll = button('landscape-expand-all', 'Expand all', 'Draw every domain with its systems, as far as one drawing holds them');
  private readonly collapseAll = button('landscape-collapse-all', 'Collapse all', 'Draw each domain as one node');
  private readonly filtersButton = button('landscape-filters', 'Filters', 'Show only some integrations: by type, mode, pattern, domain, hosting, goal, or with findings');
  private readonly impactButton = button('landscape-impact', 'Impact', 'Light what lies upstream and downstream of the chosen system (click it, or put the cursor on it), and dim the rest');
  private readonly panel: HTMLElement;
  private facets: LandscapeFacets | undefined;
  /** What each filter list's options stand for: an option's value is its index here, so no text of the manifest sits in an attribute. */
  private filterValues: Partial<Record<ListKey, string[]>> = {};
  /** The system last clicked or under the editor's cursor: what Impact is for. */
  chosenSystem: string | undefined;
  /** The domain a click asked to expand, until its drawing is shown: the fit brings it into view. */
  private opened: string | undefined;

  constructor(
    actions: HTMLElement,
    below: HTMLElement,
    public request: LandscapeRequest,
    private readonly send: (request: LandscapeRequest) => void,
    private readonly say: (text: string) => void,
  ) {
    this.panel = document.createElement('div');
    this.panel.setAttribute('role', 'group');
    this.panel.id = 'filters';
    this.panel.className = 'filters';
    this.panel.hidden = true;
    this.panel.setAttribute('aria-label', 'Filters');
    below.after(this.panel);
    const separator = document.createElement('span');
    separator.className = 'separator';
    actions.prepend(this.expandAll, this.collapseAll, this.filtersButton, this.impactButton, separator);
    this.expandAll.addEventListener('click', () => this.change({ ...this.request, expandAll: true, expanded: [] }));
    this.collapseAll.addEventListener('click', () => this.change(without(this.request, 'expandAll', 'expanded')));
    this.filtersButton.addEventListener('click', () => {
      this.panel.hidden = !this.panel.hidden;
      this.filtersButton.setAttribute('aria-expanded', String(!this.panel.hidden));
    });
    this.impactButton.addEventListener('click', () => this.toggleImpact());
  }

  /** Shows the controls that serve the tab shown: the overview's for an overview, the filters and Impact on the application tab. */
  update(set: DiagramSet, applicationTab: boolean): void {
    const app = set.application;
    const overview = applicationTab && !!app.overview;
    this.expandAll.hidden = !overview || app.overview!.groups.every((g) => g.expanded);
    this.collapseAll.hidden = !overview || !app.overview!.groups.some((g) => g.expanded);
    this.filtersButton.hidden = !applicationTab || !set.landscape;
    this.impactButton.hidden = !applicationTab || app.systems.length === 0;
    if (!applicationTab) this.panel.hidden = true;
    const count = countFilters(this.request.filter);
    this.filtersButton.textContent = count ? `Filters (${count})` : 'Filters';
    this.impactButton.setAttribute('aria-pressed', String(!!this.request.impact));
    if (set.landscape && JSON.stringify(set.landscape) !== JSON.stringify(this.facets)) {
      this.facets = set.landscape;
      this.drawFilters();
    }
  }

  /** A click on a collapsed domain expands it. */
  expand(key: string): void {
    const expanded = [...(this.request.expanded ?? [])];
    if (!expanded.includes(key)) expanded.push(key);
    this.opened = key;
    this.change({ ...without(this.request, 'expandAll'), expanded });
  }

  /**
   * The frame of the domain a click just expanded, in the drawing that shows it expanded (once:
   * later drawings are fitted as usual). A large drawing is shown at a legible zoom, so the fit
   * centres on this frame rather than on the busiest part, which may lie elsewhere.
   */
  expandedFrame(svg: SVGSVGElement, app: ApplicationDiagram): Element | undefined {
    const n = this.opened === undefined ? -1 : (app.overview?.groups.findIndex((g) => g.key === this.opened && g.expanded) ?? -1);
    if (n < 0) return undefined;
    this.opened = undefined;
    // Mermaid ids a subgraph's frame by its own id (`d3`), after the diagram's prefix.
    return Array.from(svg.querySelectorAll('g.cluster')).find((frame) => new RegExp(`(?:^|[-_])d${n}$`).test(frame.id));
  }

  /** A click on an expanded domain's frame collapses it (after "Expand all", the others stay expanded). */
  collapse(key: string, app: ApplicationDiagram): void {
    const expanded = (app.overview?.groups ?? []).filter((g) => g.expanded && g.key !== key).map((g) => g.key);
    this.change({ ...without(this.request, 'expandAll'), expanded });
  }

  /** The new manifest's diagrams start collapsed and without an impact; the filters stay with the panel. */
  forget(): void {
    this.request = this.request.filter ? { filter: this.request.filter } : {};
    this.opened = undefined;
  }

  /** Dims what the impact leaves out: systems, domains and integrations neither up- nor downstream. */
  mark(index: TargetIndex, app: ApplicationDiagram): void {
    const impact = app.impact;
    document.body.classList.toggle('impact', !!impact);
    if (!impact) return;
    const systems = new Set([impact.systemId, ...impact.upstream, ...impact.downstream]);
    const integrations = new Set(impact.integrations);
    const groups = new Set(impact.groups);
    for (const item of index.items) {
      const { kind, itemId } = item.target;
      const lit = kind === 'system' ? systems.has(itemId) : kind === 'domain' ? groups.has(itemId) : integrations.has(itemId);
      for (const el of item.elements) {
        el.classList.toggle('im-dim', !lit);
        el.classList.toggle('im-impact', lit && kind === 'system' && itemId === impact.systemId);
      }
    }
  }

  private toggleImpact(): void {
    if (this.request.impact) return this.change(without(this.request, 'impact'));
    if (!this.chosenSystem) return this.say('Choose a system first: click it in the diagram, or put the cursor on it in the manifest; then Impact shows what lies up- and downstream of it.');
    this.change({ ...this.request, impact: this.chosenSystem });
  }

  private change(request: LandscapeRequest): void {
    this.request = request;
    this.send(request);
  }

  private drawFilters(): void {
    const facets = this.facets!;
    const options: Record<ListKey, { value: string; label: string }[]> = {
      types: facets.types.map((t) => ({ value: t, label: t })),
      modes: facets.modes.map((m) => ({ value: m, label: m })),
      patterns: facets.patterns.map((p) => ({ value: p, label: p })),
      domains: facets.groups.map((g) => ({ value: g.key, label: g.title })),
      hostings: facets.hostings.map((h) => ({ value: h, label: h === 'none' ? 'not declared' : h })),
      goals: facets.goals.map((g) => ({ value: g.id, label: g.title })),
    };
    const fields: HTMLElement[] = [];
    for (const [key, title] of LIST_TITLES) {
      if (!options[key].length) continue;
      const label = document.createElement('label');
      label.className = 'filter';
      const select = document.createElement('select');
      select.multiple = true;
      select.size = Math.min(4, Math.max(2, options[key].length));
      select.name = key;
      select.setAttribute('aria-label', `${title}: integrations of the chosen ones`);
      const chosen = new Set(this.request.filter?.[key] ?? []);
      this.filterValues[key] = options[key].map((o) => o.value);
      for (const [i, o] of options[key].entries()) {
        const option = new Option(o.label, String(i));
        option.selected = chosen.has(o.value);
        select.append(option);
      }
      select.addEventListener('change', () => this.filterChanged());
      const caption = document.createElement('span');
      caption.textContent = title;
      label.append(caption, select);
      fields.push(label);
    }
    const findings = document.createElement('label');
    findings.className = 'filter findings';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'findingsOnly';
    box.checked = this.request.filter?.findingsOnly === true;
    box.addEventListener('change', () => this.filterChanged());
    findings.append(box, ' With findings only');
    const clear = button('landscape-clear-filters', 'Clear filters', 'Show every integration again');
    clear.addEventListener('click', () => {
      for (const select of Array.from(this.panel.querySelectorAll('select'))) for (const o of Array.from(select.options)) o.selected = false;
      box.checked = false;
      this.filterChanged();
    });
    this.panel.replaceChildren(...fields, findings, clear);
  }

  private filterChanged(): void {
    const filter: LandscapeFilter = {};
    for (const select of Array.from(this.panel.querySelectorAll('select'))) {
      const key = select.name as ListKey;
      const values = Array.from(select.selectedOptions).flatMap((o) => this.filterValues[key]?.[Number(o.value)] ?? []);
      if (values.length) filter[key] = values;
    }
    if (this.panel.querySelector<HTMLInputElement>('input[name=findingsOnly]')?.checked) filter.findingsOnly = true;
    const rest = without(this.request, 'filter');
    this.change(isFiltering(filter) ? { ...rest, filter } : rest);
  }
}

function button(id: string, text: string, title: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.textContent = text;
  b.title = title;
  b.hidden = true;
  return b;
}

function countFilters(filter: LandscapeFilter | undefined): number {
  if (!filter) return 0;
  return LIST_TITLES.filter(([key]) => (filter[key]?.length ?? 0) > 0).length + (filter.findingsOnly ? 1 : 0);
}

function without(request: LandscapeRequest, ...keys: (keyof LandscapeRequest)[]): LandscapeRequest {
  const copy = { ...request };
  for (const k of keys) delete copy[k];
  return copy;
}
