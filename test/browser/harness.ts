/// <reference lib="dom" />
/**
 * Headless Chromium (Debian's, driven by playwright-core) showing the real preview page:
 * the HTML and CSP of client/src/preview/html.ts, the bundled media/dist/preview.js, and a
 * stub of the VS Code webview API that records what the page posts.
 *
 * The page is served from a made-up origin by request interception; every other request is
 * recorded and refused, so a test can assert that the preview loads nothing from the network.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewHtml } from '../../client/src/preview/html';
import type { FromWebview, ToWebview, WebviewState } from '../../shared/src/webviewMessages';
import { analyzeText } from '../../server/src/analysis/analyze';
import { diagramsFor, type DiagramOptions } from '../../server/src/diagram';
import { diagramsAnswer } from '../../server/src/diagram/register';
import { isApplicationPart, type ApplicationPart, type DiagramSet, type DiagramsParams } from '../../shared/src/diagrams';

export const ROOT = resolve(__dirname, '../..');
export const ORIGIN = 'https://webview.test';
export const SCREENSHOTS = join(ROOT, 'test-results', 'browser');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

let home: string | undefined;

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  if (!existsSync(join(ROOT, 'media/dist/preview.js'))) throw new Error('media/dist/preview.js is missing: run `npm run build` first.');
  home = mkdtempSync(join(tmpdir(), 'im-browser-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, env: { ...process.env, HOME: home } });
}

export async function close(browser: Browser | undefined): Promise<void> {
  await browser?.close();
  if (home) rmSync(home, { recursive: true, force: true });
}

export interface PreviewPage {
  page: Page;
  /** Requests to anything but the preview's own origin (each was refused). */
  external: string[];
  /** Dialogs (alert, confirm...) the page tried to open. */
  dialogs: string[];
  /** Errors thrown by the page's scripts, and CSP violations. */
  errors: string[];
  /** Messages the page posted to the extension, in order. */
  posted(): Promise<FromWebview[]>;
  send(message: ToWebview): Promise<void>;
  /** Sends a diagram set and waits until the active tab shows it (or shows its error). */
  showSet(set: DiagramSet): Promise<void>;
  /** Waits for the next render (or render error) after `action`. */
  nextRender(action: () => Promise<unknown>): Promise<void>;
  state(): Promise<WebviewState | undefined>;
  /** The keys of every tab, those on the row and those in the list of interactions. */
  tabKeys(): Promise<string[]>;
  /** Shows a tab (from the row, or picked from the list) and waits for its drawing; nothing to do for the tab shown. */
  showTab(key: string): Promise<void>;
  /** Chooses an entry of the toolbar's Export menu, as a person does: opens the menu, clicks it. */
  exportAs(format: 'svg' | 'png' | 'mermaid'): Promise<void>;
}

/**
 * Opens the preview page. `mediaDir` serves another build of preview.js (the benchmark's layout
 * variants: bench/diagrams.ts) in place of media/dist's.
 */
export async function openPreview(browser: Browser, options: { theme?: string; state?: WebviewState; width?: number; height?: number; mediaDir?: string } = {}): Promise<PreviewPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1400, height: options.height ?? 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const external: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (process.env['DEBUG_PREVIEW']) console.log(`[page ${m.type()}] ${m.text()}`);
    if (m.type() === 'error' && /Content Security Policy|Refused/.test(m.text())) errors.push(m.text());
  });
  const html = previewHtml({ cspSource: ORIGIN, scriptUri: `${ORIGIN}/media/dist/preview.js`, styleUri: `${ORIGIN}/media/dist/preview.css`, nonce: 'bm9uY2UtZm9yLXRlc3Rz' });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/index.html`) return route.fulfill({ contentType: 'text/html', body: html });
    if (url.startsWith(`${ORIGIN}/media/dist/`)) {
      const name = url.slice(`${ORIGIN}/media/dist/`.length).split('?')[0]!;
      const file = options.mediaDir && existsSync(join(options.mediaDir, name)) ? join(options.mediaDir, name) : join(ROOT, 'media/dist', name);
      if (existsSync(file)) return route.fulfill({ contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file) });
    }
    external.push(url);
    return route.abort();
  });
  // A string, not a function: the test runner's compiler adds helpers to functions that the page does not have.
  await page.addInitScript(`
    window.__posted = [];
    window.__state = ${JSON.stringify(options.state ?? null)} ?? undefined;
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(m),
      getState: () => window.__state,
      setState: (s) => { window.__state = s; },
    });
    document.addEventListener('DOMContentLoaded', () => document.body.classList.add(${JSON.stringify(options.theme ?? 'vscode-light')}));
  `);
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'));

  const marker = () => page.evaluate(() => `${document.body.dataset['rendered'] ?? ''}|${document.body.dataset['renderError'] ?? ''}`);
  const nextRender = async (action: () => Promise<unknown>) => {
    const before = await marker();
    await action();
    await page.waitForFunction((b) => `${document.body.dataset['rendered'] ?? ''}|${document.body.dataset['renderError'] ?? ''}` !== b, before);
  };
  const send = (message: ToWebview) => page.evaluate((m) => window.postMessage(m, '*'), message);
  const tabKeys = async () => {
    const onRow = await page.$$eval('#tabs .tab[data-tab]', (ts) => ts.map((t) => (t as HTMLElement).dataset['tab']!));
    if (!(await page.$('#interaction-picker'))) return onRow;
    await page.click('#interaction-picker');
    const listed = await page.$$eval('#picker li[data-tab]', (ls) => ls.map((l) => (l as HTMLElement).dataset['tab']!));
    await page.keyboard.press('Escape');
    await page.waitForSelector('#picker', { state: 'detached' });
    return [...new Set([...onRow, ...listed])];
  };
  const showTab = async (key: string) => {
    const tab = `#tabs .tab[data-tab=${JSON.stringify(key)}]`;
    if (await page.$(`${tab}[aria-selected="true"]`)) return;
    if (await page.$(tab)) return nextRender(() => page.click(tab));
    await page.click('#interaction-picker');
    return nextRender(() => page.click(`#picker li[data-tab=${JSON.stringify(key)}]`));
  };
  const exportAs = async (format: 'svg' | 'png' | 'mermaid') => {
    await page.click('#export');
    await page.click(`#export-${format}`);
    assert.equal(await page.isHidden('#export-menu'), true, 'choosing an export closes the menu');
  };
  return {
    tabKeys,
    showTab,
    exportAs,
    page,
    external,
    dialogs,
    errors,
    posted: () => page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted),
    send,
    showSet: (set) => nextRender(() => send({ type: 'diagrams', set })),
    nextRender,
    state: () => page.evaluate(() => (window as unknown as { __state: WebviewState | undefined }).__state),
  };
}

/** After a test: the page asked for nothing beyond itself and threw nothing (CSP violations included); its context is closed. */
export async function closeClean(p: PreviewPage): Promise<void> {
  assert.deepEqual(p.external, [], 'no network requests');
  assert.deepEqual(p.errors, [], 'no page errors or CSP violations');
  await p.page.context().close();
}

/** The diagram set of a manifest file or text, as the server would send it. */
export function setOf(fileOrText: string, options: DiagramOptions & { version?: number; uri?: string } = {}): DiagramSet {
  const text = fileOrText.includes('\n') ? fileOrText : readFileSync(join(ROOT, fileOrText), 'utf8');
  const analysis = analyzeText(text, options.uri ?? 'file:///work/test.integration.yaml', { today: '2026-11-22' });
  const set = diagramsFor(analysis, { today: '2026-11-22', ...(options.focus ? { focus: options.focus } : {}), ...(options.landscape ? { landscape: options.landscape } : {}) });
  return { ...set, version: options.version ?? 1 };
}

/**
 * The server's answer to the preview's request for the application diagram alone (`only:
 * 'application'`: a click on a domain, a filter, a focus), made by the request's own handler code.
 */
export function partOf(text: string, params: Omit<DiagramsParams, 'uri' | 'only'> & { version?: number; uri?: string }): ApplicationPart {
  const analysis = analyzeText(text, params.uri ?? 'file:///work/test.integration.yaml', { today: '2026-11-22' });
  const answer = diagramsAnswer(analysis, { ...(params.focus ? { focus: params.focus } : {}), ...(params.landscape ? { landscape: params.landscape } : {}), only: 'application' });
  assert.ok(isApplicationPart(answer), 'the server answers only: application with the application diagram alone');
  return { ...answer, version: params.version ?? 1 };
}

/**
 * A page with plain Mermaid (the same package the preview bundles) on `window.mermaid` and its
 * default configuration but `securityLevel: 'strict'`: how GitHub and Azure DevOps draw the
 * ```mermaid blocks of the `docs` command (HTML labels).
 */
export async function openPlainMermaid(browser: Browser): Promise<{ page: Page; dialogs: string[]; external: string[]; errors: string[] }> {
  const bundle = join(ROOT, 'test-results', 'browser', 'plain-mermaid.js');
  const mermaidPackage = join(ROOT, 'node_modules', 'mermaid', 'package.json');
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < statSync(mermaidPackage).mtimeMs) {
    buildSync({ stdin: { contents: "import mermaid from 'mermaid'; window.mermaid = mermaid;", resolveDir: ROOT, loader: 'js' }, bundle: true, format: 'iife', minify: true, outfile: bundle, logLevel: 'warning' });
  }
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const external: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/plain.html`) return route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>' });
    if (url === `${ORIGIN}/plain-mermaid.js`) return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: readFileSync(bundle) });
    external.push(url);
    return route.abort();
  });
  await page.goto(`${ORIGIN}/plain.html`);
  await page.addScriptTag({ url: `${ORIGIN}/plain-mermaid.js` });
  await page.evaluate(() => (window as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
  return { page, dialogs, external, errors };
}

/** Whether a tab key of the preview is an interaction diagram's (not the application, a saved view or the checklist). */
export function isInteractionTab(key: string): boolean {
  return key.startsWith('i:') || key.startsWith('i#');
}
