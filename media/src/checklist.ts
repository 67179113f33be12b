/**
 * The Checklist tab of the preview: the guidance's integration strategy checklist for the
 * followed manifest, section by section, each item with its status, its evidence and the
 * findings that put it at risk (a click on one reveals it in the editor). Built with
 * `textContent` only: everything the manifest says is shown as text.
 */
import type { ChecklistEntry, ChecklistView, OffsetSpan } from '../../shared/src/diagrams';

export const CHECKLIST_TAB = 'checklist';

const STATUS_LABELS: Readonly<Record<ChecklistEntry['status'], string>> = { met: 'Met', 'at-risk': 'At risk', open: 'Open', manual: 'Manual' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Fills `container` with the checklist; `reveal` selects a finding's place in the editor. */
export function renderChecklist(container: HTMLElement, view: ChecklistView, reveal: (span: OffsetSpan) => void): void {
  const { counts } = view;
  const summary = el('p', 'checklist-summary', `${counts.met} met · ${counts['at-risk']} at risk · ${counts.open} open · ${counts.manual} to answer by hand. Operating costs: ${view.costs}.`);
  const parts: HTMLElement[] = [summary];
  for (const section of [...new Set(view.items.map((i) => i.sectionTitle))]) {
    parts.push(el('h2', 'checklist-section', section));
    const list = el('ul', 'checklist-items');
    for (const item of view.items.filter((i) => i.sectionTitle === section)) list.append(itemElement(item, reveal));
    parts.push(list);
  }
  container.replaceChildren(...parts);
}

/** `line` in `parent`, its backquoted keys and values as code: each part a text node, never markup. */
function withCode(parent: HTMLElement, line: string): HTMLElement {
  line.split('`').forEach((part, i) => {
    if (part) parent.append(i % 2 ? el('code', '', part) : document.createTextNode(part));
  });
  return parent;
}

function itemElement(item: ChecklistEntry, reveal: (span: OffsetSpan) => void): HTMLLIElement {
  const li = el('li', `checklist-item ${item.status}`);
  li.dataset['item'] = item.id;
  li.append(el('span', `checklist-status ${item.status}`, STATUS_LABELS[item.status]), el('span', 'checklist-text', item.text), el('code', 'checklist-id', item.id));
  const details = el('ul', 'checklist-evidence');
  for (const line of item.evidence) details.append(withCode(el('li', ''), line));
  for (const f of item.findings) {
    const entry = el('li', `checklist-finding ${f.severity}`);
    const link = el('button', 'link', `${f.severity} ${f.rule}: ${f.message}`);
    link.type = 'button';
    link.title = 'Show this finding in the editor';
    link.addEventListener('click', () => reveal(f.span));
    entry.append(link);
    details.append(entry);
  }
  if (details.childElementCount) li.append(details);
  return li;
}
