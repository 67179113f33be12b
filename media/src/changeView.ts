/**
 * The change view of the preview ("Compare with HEAD"): what the manifest in the editor changes
 * against its committed text, drawn over the diagrams until it is closed. A button in the
 * toolbar asks the extension to compare; the extension answers with a `changes` message
 * (`ChangeView`, made by the server's diff model, as `integration-manifests diff`). The changed
 * part of the application diagram is drawn by the same Mermaid as the other tabs; everything
 * else is text (`textContent`), never markup.
 */
import type { ChangeFinding, ChangeView } from '../../shared/src/changes';
import { renderDiagram } from './render';
import { vscode } from './vscodeApi';

const STATUS = { added: 'Added', removed: 'Removed', changed: 'Changed', renamed: 'Renamed' } as const;

let panel: HTMLElement | undefined;
let offscreen: HTMLElement;
let shown: { uri: string; version: number } | undefined;

/** Adds the "Compare with HEAD" button to the toolbar's actions; `offscreenArea` is where Mermaid measures. */
export function installChangeView(actions: HTMLElement, offscreenArea: HTMLElement): void {
  offscreen = offscreenArea;
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'compare-head';
  button.textContent = 'Compare with HEAD';
  button.title = 'What this manifest changes against its last commit: systems, integrations, findings, and the change drawn';
  button.addEventListener('click', () => vscode.postMessage({ type: 'compare' }));
  actions.append(button);
}

export function isChangeView(v: unknown): v is ChangeView {
  const c = v as ChangeView | null;
  return !!c && typeof c.uri === 'string' && typeof c.version === 'number' && typeof c.summary === 'string' && Array.isArray(c.changes) && Array.isArray(c.introduced) && Array.isArray(c.resolved);
}

/** Shows `view` over the diagrams; an older view of the same document than the one shown is dropped. */
export async function showChangeView(view: ChangeView): Promise<void> {
  if (shown && shown.uri === view.uri && view.version < shown.version) return;
  shown = { uri: view.uri, version: view.version };
  const section = panel ?? createPanel();
  const body = section.querySelector<HTMLElement>('.changes-body')!;
  const title = section.querySelector<HTMLElement>('.changes-title')!;
  title.textContent = `Changes since ${view.baseLabel}`;
  const parts: HTMLElement[] = [element('p', view.summary, 'changes-summary')];
  if (!view.baseExists) parts.push(element('p', `This manifest is not in ${view.baseLabel}: everything in it is new.`));
  if (view.mermaid) {
    const figure = element('figure', '', 'changes-diagram');
    const result = await renderDiagram(view.mermaid, offscreen);
    if ('svg' in result) figure.append(result.svg);
    else figure.append(element('p', `The change could not be drawn: ${result.error}`, 'changes-error'));
    figure.append(element('figcaption', 'Green: added. Red, dashed: removed. Orange: changed or renamed. Grey: unchanged, drawn for context.'));
    parts.push(figure);
  }
  if (view.changes.length) {
    parts.push(element('h3', 'Systems and integrations'));
    parts.push(table(['Change', 'Kind', 'Id', 'Name', 'What changed'], view.changes.map((c) => [STATUS[c.status] ?? c.status, c.kind, c.previousId !== undefined ? `${c.previousId} → ${c.id}` : c.id, c.name ?? '', c.fields.join('\n')])));
  }
  if (view.introduced.length) parts.push(element('h3', 'Findings introduced'), findingTable(view.introduced));
  if (view.resolved.length) parts.push(element('h3', 'Findings resolved'), findingTable(view.resolved));
  body.replaceChildren(...parts);
  section.hidden = false;
}

/** Hides the change view (the extension stops comparing). */
export function closeChangeView(): void {
  if (panel) panel.hidden = true;
  shown = undefined;
}

function createPanel(): HTMLElement {
  const section = document.createElement('section');
  section.id = 'changes';
  section.className = 'changes';
  section.setAttribute('aria-label', 'Changes since the last commit');
  const header = document.createElement('header');
  header.className = 'changes-header';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  close.title = 'Close the changes and show the diagrams';
  close.addEventListener('click', () => {
    closeChangeView();
    vscode.postMessage({ type: 'closeChanges' });
  });
  header.append(element('h2', '', 'changes-title'), close);
  section.append(header, element('div', '', 'changes-body'));
  document.body.append(section);
  panel = section;
  return section;
}

function findingTable(findings: readonly ChangeFinding[]): HTMLElement {
  return table(['Severity', 'Rule', 'Item', 'Line', 'Finding'], findings.map((f) => [f.severity, f.rule, f.item, String(f.line), f.message]));
}

function table(head: string[], rows: string[][]): HTMLElement {
  const t = document.createElement('table');
  const tr = document.createElement('tr');
  for (const h of head) tr.append(element('th', h));
  const thead = document.createElement('thead');
  thead.append(tr);
  const tbody = document.createElement('tbody');
  for (const row of rows) {
    const r = document.createElement('tr');
    for (const cell of row) r.append(element('td', cell));
    tbody.append(r);
  }
  t.append(thead, tbody);
  return t;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.textContent = text;
  if (className) e.className = className;
  return e;
}
