/**
 * The toolbar's Export menu: one button that opens SVG, PNG and Mermaid source, so the toolbar
 * keeps to one row in a side panel. Arrows move between the entries, Escape closes and gives
 * the focus back to the button, a click elsewhere closes.
 */

export function installExportMenu(toggle: HTMLButtonElement, menu: HTMLElement): void {
  const items = () => Array.from(menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]'));
  const setOpen = (open: boolean, focusFirst = false) => {
    menu.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open && focusFirst) items()[0]?.focus();
  };
  toggle.addEventListener('click', () => setOpen(menu.hidden, true));
  // Choosing an entry closes the menu; the entry's own handler does the export.
  menu.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('[role="menuitem"]')) setOpen(false);
  });
  menu.addEventListener('keydown', (e) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      setOpen(false);
      toggle.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      list[(at + step + list.length) % list.length]?.focus();
    } else return;
    e.preventDefault();
  });
  document.addEventListener('pointerdown', (e) => {
    if (!menu.hidden && !menu.contains(e.target as Node) && !toggle.contains(e.target as Node)) setOpen(false);
  });
}
