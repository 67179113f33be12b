/**
 * A page object for VS Code's workbench in code-server, driven through the screen as a person
 * would: keyboard shortcuts, Quick Open, the command palette, the Problems panel, the webview.
 *
 * test/e2e/run-code-server.mjs starts code-server (the packaged extension installed) and a
 * Chromium, and passes them in the environment: E2E_URL, E2E_BROWSER_WS, E2E_WORKSPACE,
 * E2E_FIXTURES, E2E_RESULTS.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the UI scenarios with \`npm run test:e2e -- --ui\``);
  return value;
}

let shared: Promise<Workbench> | undefined;

/** The workbench all UI scenarios share (one browser page, loaded once). */
export function workbench(): Promise<Workbench> {
  shared ??= Workbench.open();
  return shared;
}

/** Closes the shared workbench; a root hook calls it after the last scenario. */
export async function closeWorkbench(): Promise<void> {
  if (!shared) return;
  const opened = await shared;
  shared = undefined;
  await opened.close();
}

export class Workbench {
  private shot = 0;

  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    readonly workspace: string,
  ) {}

  static async open(): Promise<Workbench> {
    const browser = await chromium.connect(env('E2E_BROWSER_WS'));
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const workspace = env('E2E_WORKSPACE');
    await page.goto(`${env('E2E_URL')}?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer shows the folder once the workbench has connected to the server.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return new Workbench(browser, page, workspace);
  }

  async close(): Promise<void> {
    await this.page.close();
    await this.browser.close();
  }

  /** Saves a screenshot as test-results/e2e/NN-name.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    this.shot++;
    const file = join(env('E2E_RESULTS'), `${String(this.shot).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  // ---- files and editors

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor to be active. */
  async openFile(relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop() ?? relativePath;
    // The row whose label starts with the name: `e2e-orders.integration.yaml`, not `orders.integration.yaml` in a folder named e2e-estate.
    await this.quickInput('Control+P', relativePath, new RegExp(`^\\s*${literal(name)}`));
    await this.page.locator(`.tab.active[aria-label^="${name}"]`).waitFor();
    await this.editor().locator('.view-lines').waitFor();
  }

  /** Puts every fixture back as it is in the repository; an editor not changed reloads it. */
  restoreFixtures(): void {
    const fixtures = env('E2E_FIXTURES');
    // Folders too (the estate's manifests sit in one).
    cpSync(fixtures, this.workspace, { recursive: true });
  }

  /** The text of a workspace file on disk. */
  readFile(relativePath: string): string {
    return readFileSync(join(this.workspace, relativePath), 'utf8');
  }

  /** The editor that has focus (or was last active). */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Moves the cursor with Go to Line (Ctrl+G); line and column start at 1. */
  async goTo(line: number, column = 1): Promise<void> {
    await this.editor().click({ position: { x: 200, y: 10 } });
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.cursorAt(line, column);
  }

  /** Resolves when the status bar shows the cursor at line:column. */
  async cursorAt(line: number, column?: number): Promise<void> {
    const text = column === undefined ? new RegExp(`Ln ${line},`) : new RegExp(`Ln ${line}, Col ${column}\\b`);
    await this.page.locator('#status\\.editor\\.selection').filter({ hasText: text }).waitFor();
  }

  /** The line and column the status bar shows. */
  async cursor(): Promise<{ line: number; column: number }> {
    const text = (await this.page.locator('#status\\.editor\\.selection').innerText()).trim();
    const match = /Ln (\d+), Col (\d+)/.exec(text);
    if (!match) throw new Error(`no cursor position in the status bar: ${text}`);
    return { line: Number(match[1]), column: Number(match[2]) };
  }

  /** Saves the active editor (Ctrl+S) and resolves once the file is written. */
  async save(): Promise<void> {
    const dirty = this.page.locator('.tab.active.dirty');
    await dirty.waitFor();
    await this.page.keyboard.press('Control+S');
    await dirty.waitFor({ state: 'detached' });
  }

  /** Reverts the active editor to the file on disk (File: Revert File) and closes all editors. */
  async revertAndCloseAll(): Promise<void> {
    if ((await this.page.locator('.tab.dirty').count()) > 0) await this.command('File: Revert File', 'Revert File');
    await this.command('View: Close All Editors', 'Close All Editors');
    await this.page.locator('.tab').first().waitFor({ state: 'detached' });
  }

  // ---- commands and quick input

  /** Runs a command from the palette (F1) by its title. */
  async command(title: string, match = title): Promise<void> {
    await this.quickInput('F1', title, match, '>');
  }

  private async quickInput(key: string, text: string, match: string | RegExp, prefix = ''): Promise<void> {
    await this.page.keyboard.press(key);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(prefix + text);
    // Enter only once the list shows the wanted entry: the list fills in after typing.
    if (match instanceof RegExp) {
      // A file: the list sorts itself again as file results arrive, so a click can land on another
      // row; wait until the wanted file is the focused (best) row and accept it with Enter.
      await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: match }).waitFor();
      await this.page.keyboard.press('Enter');
    } else {
      const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: match }).first();
      await row.waitFor();
      await row.click();
    }
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  // ---- what the editor shows

  squiggles(severity: 'error' | 'warning' | 'info'): Locator {
    return this.editor().locator(`.squiggly-${severity}`);
  }

  /** Shows or hides the primary side bar (Ctrl+B), to give an editor and a preview more room. */
  async sideBar(visible: boolean): Promise<void> {
    const bar = this.page.locator('.part.sidebar');
    if ((await bar.isVisible()) === visible) return;
    await this.page.keyboard.press('Control+B');
    await bar.waitFor({ state: visible ? 'visible' : 'hidden' });
  }

  /** Resolves when the status bar counts this many errors and warnings in the workspace. */
  async problemCounts(errors: number, warnings: number): Promise<void> {
    await this.page.locator(`#status\\.problems [aria-label="Errors: ${errors}, Warnings: ${warnings}"], #status\\.problems[aria-label="Errors: ${errors}, Warnings: ${warnings}"]`).first().waitFor();
  }

  /** Resolves when the status bar says the workspace has no problems at all (no error, warning or info). */
  async noProblems(): Promise<void> {
    await this.page.locator('#status\\.problems[aria-label="No Problems"]').waitFor();
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and returns its rows. */
  async problems(): Promise<Locator> {
    await this.page.keyboard.press('Control+Shift+M');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor();
    return panel.locator('.monaco-list-row');
  }

  async closePanel(): Promise<void> {
    const panel = this.page.locator('.part.panel');
    if (!(await panel.isVisible())) return;
    await this.command('View: Toggle Panel Visibility', 'Toggle Panel Visibility');
    await panel.waitFor({ state: 'hidden' });
  }

  /** The suggest widget once it is visible. */
  async suggestions(): Promise<Locator> {
    const widget = this.editor().locator('.suggest-widget.visible');
    await widget.waitFor();
    return widget.locator('.monaco-list-row');
  }

  /**
   * Accepts the suggestion labelled `label` with the keyboard, as a person does: the arrows to
   * it, then Enter. Waits until the list shows it (the list may still be filtering what was
   * typed) and until it has the focus, and resolves once the list has closed.
   */
  async acceptSuggestion(label: string): Promise<void> {
    const widget = this.editor().locator('.suggest-widget.visible');
    const rows = await this.suggestions();
    const labelled = (text: string) => rows.filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${literal(text)}\\s*$`) }) });
    const wanted = labelled(label).first();
    await wanted.waitFor();
    const labels = (await rows.locator('.label-name').allInnerTexts()).map((l) => l.trim());
    const focused = await rows.locator('.label-name').evaluateAll((names) => names.findIndex((n) => n.closest('.monaco-list-row')?.classList.contains('focused')));
    const target = labels.indexOf(label);
    for (let i = Math.max(focused, 0); i < target; i++) await this.page.keyboard.press('ArrowDown');
    await labelled(label).and(this.page.locator('.monaco-list-row.focused')).first().waitFor();
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
  }

  /** Resolves once no suggestion list is open in the editor (it closes when a value is typed in full). */
  async suggestionsClosed(): Promise<void> {
    await this.editor().locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  }

  /** Resolves when the status bar shows the language server running (a check mark beside "Integration Manifests"). */
  async languageServerRunning(): Promise<void> {
    await this.page.locator('.statusbar-item', { hasText: 'Integration Manifests' }).filter({ has: this.page.locator('.codicon-check') }).first().waitFor();
  }

  /** The hover once it shows some text. */
  async hover(): Promise<Locator> {
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
    await hover.waitFor();
    return hover;
  }

  /** The code action menu (the light bulb's) once it is visible. */
  async codeActions(): Promise<Locator> {
    const menu = this.page.locator('.action-widget');
    await menu.waitFor();
    return menu.locator('.monaco-list-row.action');
  }

  /**
   * Chooses the menu entry whose text matches, with the keyboard as a person would (the
   * menu's first entry has the focus; a pointer click lands on the menu's input blocker).
   */
  async chooseAction(rows: Locator, match: RegExp): Promise<string> {
    await rows.filter({ hasText: match }).first().waitFor();
    const titles = await rows.allInnerTexts();
    const index = titles.findIndex((title) => match.test(title));
    if (index < 0) throw new Error(`no action matches ${match} among ${titles.join(' | ')}`);
    for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden' });
    return titles[index] ?? '';
  }

  // ---- webviews

  /** The content frame of the visible webview (the diagram preview). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** The frame the preview's page runs in (inside the webview's outer frame), to evaluate in it. */
  async previewFrame(): Promise<Frame> {
    const outer = await this.page.locator('iframe.webview.ready').elementHandle();
    const inner = await (await outer?.contentFrame())?.locator('#active-frame').elementHandle();
    const frame = await inner?.contentFrame();
    if (!frame) throw new Error('the preview webview has no content frame');
    return frame;
  }
}

/** `text` as a regular expression source that matches it literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
