/** The panel below the diagram: legend, field mappings and waivers, built as text (never as markup). */
import type { DiagramSet, FieldMapping, InteractionDiagram, LegendEntry, OffsetSpan, WaiverEntry } from '../../shared/src/diagrams';

/** What a waiver does, in the waivers table. */
const WAIVER_STATUS: Readonly<Record<WaiverEntry['status'], string>> = {
  active: 'Silences the rule',
  expired: 'Expired: silences nothing',
  'no-reason': 'No reason: silences nothing',
  'bad-date': 'Expires is not a date: silences nothing',
};

type Reveal = (selection: OffsetSpan) => void;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Whether the legend is open, and what to do when the user folds or opens it. */
export interface LegendState {
  open: boolean;
  toggled(open: boolean): void;
}

export function applicationDetails(set: DiagramSet, reveal: Reveal, legendState: LegendState): HTMLElement[] {
  const parts: HTMLElement[] = [legend(set.application.legend, legendState)];
  if (set.waivers.length) parts.push(waiverTable(set.waivers, reveal, 'Waivers'));
  return parts;
}

export function interactionDetails(set: DiagramSet, diagram: InteractionDiagram, reveal: Reveal): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const summary = el('p', 'summary');
  const findings = [diagram.errors ? `${diagram.errors} error${diagram.errors === 1 ? '' : 's'}` : '', diagram.warnings ? `${diagram.warnings} warning${diagram.warnings === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(', ');
  summary.textContent =
    (diagram.source === 'steps' ? 'Drawn from the integration’s steps.' : 'Derived from from, via and to (add steps to describe the exchange yourself).') +
    (findings ? ` This integration has ${findings}: see the Problems panel.` : '');
  parts.push(summary);
  const mapping = set.mappings.find((m) => m.integrationId === diagram.integrationId && m.span.start === diagram.span.start);
  if (mapping) parts.push(mappingTable(mapping));
  const waivers = set.waivers.filter((w) => w.span.start >= diagram.span.start && w.span.end <= diagram.span.end);
  if (waivers.length) parts.push(waiverTable(waivers, reveal, 'Waivers of this integration'));
  return parts;
}

/** The legend, in a fold that remembers whether it is open. */
function legend(entries: LegendEntry[], state: LegendState): HTMLElement {
  const fold = el('details', 'legend-fold');
  fold.open = state.open;
  fold.append(el('summary', undefined, 'Legend'));
  fold.addEventListener('toggle', () => state.toggled(fold.open));
  const list = el('ul', 'legend');
  list.setAttribute('aria-label', 'Legend');
  for (const entry of entries) {
    const item = el('li');
    const swatch = el('span', 'swatch' + (entry.dashed ? ' dashed' : '') + (entry.symbol ? ' symbol' : ''));
    if (entry.symbol) swatch.textContent = entry.symbol;
    if (entry.color) swatch.style.setProperty('--swatch', entry.color);
    item.append(swatch, document.createTextNode(entry.label));
    list.append(item);
  }
  fold.append(list);
  return fold;
}

export function mappingTable(mapping: FieldMapping): HTMLElement {
  const section = el('section', 'mapping');
  section.append(el('h2', undefined, `Field mapping: ${mapping.title}`));
  const table = el('table');
  const head = el('tr');
  head.append(el('th', undefined, mapping.fromSystem || 'From'), el('th', undefined, mapping.toSystem || 'To'), el('th', undefined, 'Transform'));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const row of mapping.rows) {
    const tr = el('tr');
    tr.append(el('td', 'field', row.from), el('td', 'field', row.to), el('td', undefined, row.transform));
    table.tBodies[0]!.append(tr);
  }
  section.append(table);
  return section;
}

function waiverTable(waivers: WaiverEntry[], reveal: Reveal, title: string): HTMLElement {
  const section = el('section', 'waivers');
  section.append(el('h2', undefined, title));
  const table = el('table');
  const head = el('tr');
  for (const h of ['Item', 'Rule', 'Reason', 'Expires', 'Status']) head.append(el('th', undefined, h));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const w of waivers) {
    const tr = el('tr', `waiver ${w.status}`);
    const link = el('a', undefined, w.itemName || w.itemId);
    link.href = '#';
    link.addEventListener('click', (e) => {
      e.preventDefault();
      reveal(w.span);
    });
    const item = el('td');
    item.append(link);
    const status = WAIVER_STATUS[w.status];
    tr.append(item, el('td', 'field', w.rule), el('td', undefined, w.reason), el('td', undefined, w.expires || '—'), el('td', 'status', status));
    table.tBodies[0]!.append(tr);
  }
  section.append(table);
  return section;
}
