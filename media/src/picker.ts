/**
 * The list of interaction diagrams, for when their tabs do not fit on one row: a button that
 * opens a filterable list (type to filter, arrows to move, Enter to open, Escape to close), each
 * entry with its findings. Built as text, never as markup.
 */

export interface PickerEntry {
  key: string;
  /** `3. Shipped orders invoiced in Finance` */
  title: string;
  /** Also matched by the filter (the integration's id). */
  keywords: string;
  errors: number;
  warnings: number;
  selected: boolean;
}

export function findingsText(errors: number, warnings: number): string {
  const count = (n: number, word: string) => (n ? `${n} ${word}${n === 1 ? '' : 's'}` : '');
  return [count(errors, 'error'), count(warnings, 'warning')].filter(Boolean).join(', ');
}

export function marker(errors: number, warnings: number): string {
  return errors ? '✖ ' : warnings ? '⚠ ' : '';
}

/** The button that stands for all interaction diagrams; opens the list below the toolbar. */
export function pickerButton(entries: PickerEntry[], onPick: (key: string) => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'interaction-picker';
  button.className = 'tab picker-toggle';
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  const withErrors = entries.filter((e) => e.errors).length;
  const withWarnings = entries.filter((e) => !e.errors && e.warnings).length;
  const marks = [withErrors ? `✖ ${withErrors}` : '', withWarnings ? `⚠ ${withWarnings}` : ''].filter(Boolean).join(' ');
  button.textContent = `All interactions (${entries.length})${marks ? ` ${marks}` : ''} ▾`;
  button.title = `Pick one of the ${entries.length} interaction diagrams` + (withErrors || withWarnings ? ` (${[withErrors ? `${withErrors} with errors` : '', withWarnings ? `${withWarnings} with warnings` : ''].filter(Boolean).join(', ')})` : '');
  button.addEventListener('click', () => (document.getElementById('picker') ? closePicker() : openPicker(button, entries, onPick)));
  return button;
}

export function closePicker(): void {
  document.getElementById('picker')?.remove();
  document.getElementById('interaction-picker')?.setAttribute('aria-expanded', 'false');
}

function openPicker(anchor: HTMLElement, entries: PickerEntry[], onPick: (key: string) => void): void {
  closePicker();
  const panel = document.createElement('div');
  panel.id = 'picker';
  panel.className = 'picker';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Interaction diagrams');
  const input = document.createElement('input');
  input.type = 'search';
  input.placeholder = 'Filter interactions…';
  input.setAttribute('aria-label', 'Filter interactions');
  const list = document.createElement('ul');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Interaction diagrams');
  panel.append(input, list);

  let shown: PickerEntry[] = [];
  let current = 0;
  const pick = (key: string) => {
    closePicker();
    onPick(key);
  };
  const highlight = (index: number) => {
    current = Math.max(0, Math.min(shown.length - 1, index));
    Array.from(list.children).forEach((li, i) => li.setAttribute('aria-selected', String(i === current)));
    list.children[current]?.scrollIntoView({ block: 'nearest' });
  };
  const fill = () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    shown = entries.filter((e) => words.every((w) => `${e.title} ${e.keywords}`.toLowerCase().includes(w)));
    list.replaceChildren(
      ...shown.map((e) => {
        const li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.dataset['tab'] = e.key;
        li.className = e.errors ? 'error' : e.warnings ? 'warning' : '';
        const title = document.createElement('span');
        title.className = 'title';
        title.textContent = marker(e.errors, e.warnings) + e.title;
        li.append(title);
        const findings = findingsText(e.errors, e.warnings);
        if (findings) {
          const counts = document.createElement('span');
          counts.className = 'counts';
          counts.textContent = findings;
          li.append(counts);
        }
        if (e.selected) li.classList.add('current');
        li.addEventListener('click', () => pick(e.key));
        return li;
      }),
    );
    if (!shown.length) {
      const none = document.createElement('li');
      none.className = 'none';
      none.textContent = 'No interaction matches.';
      list.append(none);
    }
    highlight(Math.max(0, shown.findIndex((e) => e.selected)));
  };
  input.addEventListener('input', fill);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') highlight(current + 1);
    else if (e.key === 'ArrowUp') highlight(current - 1);
    else if (e.key === 'Enter' && shown[current]) pick(shown[current]!.key);
    else if (e.key === 'Escape') {
      closePicker();
      anchor.focus();
    } else return;
    e.preventDefault();
  });

  const r = anchor.getBoundingClientRect();
  panel.style.top = `${r.bottom + 2}px`;
  panel.style.left = `${Math.max(4, Math.min(r.left, window.innerWidth - 364))}px`;
  document.body.append(panel);
  anchor.setAttribute('aria-expanded', 'true');
  fill();
  input.focus();
  // A click anywhere else closes the list.
  const outside = (e: PointerEvent) => {
    if (!document.getElementById('picker')) return document.removeEventListener('pointerdown', outside, true);
    if (!panel.contains(e.target as Node) && !anchor.contains(e.target as Node)) {
      closePicker();
      document.removeEventListener('pointerdown', outside, true);
    }
  };
  document.addEventListener('pointerdown', outside, true);
}
