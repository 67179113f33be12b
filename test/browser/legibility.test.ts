/// <reference lib="dom" />
/**
 * Diagrams people can read at first sight (SPEC 9 and 16), on the real preview page in
 * headless Chromium, in a side panel of 700 × 800 pixels:
 * - every system of every example in the panel, label lines at least 12 px high on screen,
 *   and nothing overlapping (labels, nodes, lines, arrowheads, group titles and borders:
 *   layoutMetrics.page.ts), also on held-out generated manifests of 5 to 40 systems;
 * - fitted again when the systems change, the user's zoom kept when they do not;
 * - the direction follows the panel's shape, or the setting;
 * - labels: the name over a smaller kind, the rate as written;
 * - every interaction diagram reachable without scrolling the tab row, its findings marked;
 * - a legend that folds and remembers; exports at the drawing's own size (PNG at 2×).
 *
 * With DOCS_IMAGES=1 the screenshots of the examples are also written to docs/images/.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { generateManifest } from '../../bench/generate';
import type { FromWebview } from '../../shared/src/webviewMessages';
import { close, isInteractionTab, launch, openPreview, ROOT, SCREENSHOTS, setOf, type PreviewPage, closeClean } from './harness';
import { describeMetrics, measureLayout, type LayoutMetrics } from './layoutMetrics';

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.integration.yaml'))
  .sort()
  .map((f) => `examples/${f}`);
const PANEL = { width: 700, height: 800 };
const URI = 'file:///work/test.integration.yaml';

function assertLegible(m: LayoutMetrics, what: string, inView = true): void {
  const summary = `${what}: ${describeMetrics(m)}`;
  if (inView) assert.deepEqual(m.outside, [], `${summary}: systems outside the panel`);
  assert.ok(m.medianLineHeight >= 12, `${summary}: median label line below 12 px`);
  assert.deepEqual(
    m.overlaps.map((o) => `${o.kind} ${o.a} ${o.b}`),
    [],
    `${summary}: overlaps`,
  );
}

const transform = (p: PreviewPage) => p.page.evaluate(() => document.getElementById('canvas')!.style.transform);

describe('diagrams people can read at first sight', function () {
  this.timeout(300_000);
  let browser: Browser;
  let p: PreviewPage;

  before(async () => {
    browser = await launch();
  });
  after(() => close(browser));
  beforeEach(async () => {
    p = await openPreview(browser, PANEL);
  });
  afterEach(() => closeClean(p));

  for (const file of EXAMPLES) {
    const name = file.replace(/^examples\/|\.integration\.yaml$/g, '');
    it(`${name}: every system in a 700 × 800 panel, lines of 12 px or more, nothing overlapping`, async () => {
      const set = setOf(file, { uri: `file:///work/${file}` });
      await p.showSet(set);
      const m = await measureLayout(p.page);
      assert.equal(m.systems.length, Object.keys(set.application.nodes).length + (set.application.mermaid.match(/^ {2}x\d+\[/gm) ?? []).length);
      assertLegible(m, name);
      assert.equal(await p.page.evaluate(() => document.body.dataset['direction']), 'TB', 'a tall panel: top to bottom');
      const shot = join(SCREENSHOTS, `legible-${name}.png`);
      await p.page.screenshot({ path: shot });
      if (process.env['DOCS_IMAGES'] === '1') copyFileSync(shot, join(ROOT, 'docs', 'images', `diagram-${name}.png`));
    });
  }

  for (const systems of [5, 10, 20, 30, 40]) {
    it(`a generated manifest of ${systems} systems: legible at its busiest part, nothing overlapping`, async () => {
      // Seeds the layout was never tuned on (bench/_explore used 7000 + n).
      const text = generateManifest({ integrations: 2 * systems, systems, seed: 9100 + systems });
      // The whole diagram: above OVERVIEW_THRESHOLD (20 systems) the preview would open on the overview of the landscape.
      await p.showSet(setOf(text, { uri: URI, landscape: { layout: 'whole' } }));
      const m = await measureLayout(p.page);
      assertLegible(m, `${systems} systems`, false);
      const inView = m.systems.length - m.outside.length;
      assert.ok(inView >= Math.min(m.systems.length, 3), `${systems} systems: ${inView} in view at first sight`);
      await p.page.screenshot({ path: join(SCREENSHOTS, `legible-generated-${systems}.png`) });
    });
  }

  // Pending: since the landscape, Checklist and Compare-with-HEAD work landed together (2026-12-01), the
  // refit after this edit leaves the bottom system just outside the 700 × 800 panel; the code-server
  // scenario (test/e2e/ui/legibility.test.ts) checks the refit on screen. See the session's closing note.
  it('fits again when an edit adds a system, and keeps the user’s zoom while the systems stay', async () => {
    const text = readFileSync(join(ROOT, 'examples/order-to-cash.integration.yaml'), 'utf8');
    await p.showSet(setOf(text, { version: 1, uri: URI }));
    const fitted = await transform(p);

    // The user zooms in; a redraw that keeps the systems keeps that zoom.
    await p.page.click('#zoom-in');
    const zoomed = await transform(p);
    assert.notEqual(zoomed, fitted);
    await p.showSet(setOf(text.replace('name: Warehouse ERP', 'name: Warehouse ERP (legacy)'), { version: 2, uri: URI }));
    assert.equal(await transform(p), zoomed);
    // Saved once zooming settles.
    await p.page.waitForFunction(() => (window as unknown as { __state?: { views?: Record<string, unknown> } }).__state?.views?.['application'] !== undefined);

    // An edit adds a system and an integration to it: fitted again, everything in view.
    const added = text.replace(
      'integrations:\n',
      'integrations:\n  - id: crm-sync\n    name: Leads from the web shop\n    type: data\n    from: shop\n    to: sales\n    mode: async\n    volume: 2k/day\n',
    ).replace('systems:\n', 'systems:\n  - id: shop\n    name: Contoso web shop\n    kind: custom\n    hosting: cloud\n');
    assert.notEqual(added, text);
    await p.showSet(setOf(added, { version: 3, uri: URI }));
    const m = await measureLayout(p.page);
    await p.page.screenshot({ path: join(SCREENSHOTS, 'legible-after-adding-a-system.png') });
    assert.equal(m.systems.length, 5);
    assertLegible(m, 'after adding a system');
    assert.equal((await p.state())?.views?.['application'], undefined, 'the fit replaced the user’s zoom');
  });

  it('turns the diagram to the panel’s shape, or as the setting says', async () => {
    const set = setOf('examples/order-to-cash.integration.yaml', { uri: URI });
    const wide = await openPreview(browser, { width: 1400, height: 700 });
    await wide.showSet(set);
    assert.equal(await wide.page.evaluate(() => document.body.dataset['direction']), 'LR');
    assertLegible(await measureLayout(wide.page), 'wide panel');
    // Narrowed to a tall panel: turned, and fitted again.
    await wide.nextRender(() => wide.page.setViewportSize({ width: 600, height: 900 }));
    assert.equal(await wide.page.evaluate(() => document.body.dataset['direction']), 'TB');
    assertLegible(await measureLayout(wide.page), 'narrowed panel');
    // The setting wins over the shape; the Mermaid export is what is drawn.
    await wide.nextRender(() => wide.send({ type: 'options', direction: 'LR' }));
    assert.equal(await wide.page.evaluate(() => document.body.dataset['direction']), 'LR');
    await wide.exportAs('mermaid');
    await wide.page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'export'));
    const exported = (await wide.posted()).find((m): m is Extract<FromWebview, { type: 'export' }> => m.type === 'export')!;
    assert.match(exported.data, /^flowchart LR\n/);
    assert.equal((await wide.state())?.direction, 'LR');
    await wide.page.context().close();

    // In a tall panel from the start.
    await p.showSet(set);
    assert.equal(await p.page.evaluate(() => document.body.dataset['direction']), 'TB');
  });

  it('labels a system with its name over its kind in smaller type, and an integration with its number, name and rate as written', async () => {
    const set = setOf('examples/order-to-cash.integration.yaml', { uri: URI });
    await p.showSet(set);
    // No named functions inside: the page has no helpers of the test runner's compiler.
    const labels = await p.page.evaluate(() => ({
      nodes: Array.from(document.querySelectorAll('#canvas g.node')).map((n) => {
        const rows = Array.from(n.querySelectorAll('tspan.row'));
        const sizes = [rows[0]!, rows[rows.length - 1]!].map((r) => parseFloat(getComputedStyle(r.querySelector('tspan') ?? r).fontSize));
        return { rows: rows.map((r) => r.textContent), name: sizes[0]!, kind: sizes[1]! };
      }),
      edges: Array.from(document.querySelectorAll('#canvas g.edgeLabel')).map((l) => Array.from(l.querySelectorAll('tspan.row')).map((r) => r.textContent).join(' ')),
    }));
    const erp = labels.nodes.find((n) => n.rows[0] === 'Warehouse ERP')!;
    assert.deepEqual(erp.rows, ['Warehouse ERP', 'erp']);
    assert.ok(erp.kind <= erp.name * 0.9, `kind ${erp.kind}px, name ${erp.name}px`);
    const edges = labels.edges.join('\n');
    assert.match(edges, /3\. Shipped orders invoiced in\s?Finance 8k\/day · every 4h/);
    assert.match(edges, /1\. Confirmed orders to the\s?warehouse 8k\/day/);
    assert.doesNotMatch(edges, /\/hour/, 'no converted rate');
  });

  it('reaches every interaction diagram without scrolling the tab row, with its findings marked', async () => {
    const set = setOf('examples/order-to-cash.integration.yaml', { uri: URI });
    await p.showSet(set);
    const row = () => p.page.evaluate(() => ({ scroll: document.getElementById('tabs')!.scrollWidth, width: document.getElementById('tabs')!.clientWidth }));
    let r = await row();
    assert.ok(r.scroll <= r.width + 1, `the tab row scrolls: ${r.scroll} > ${r.width}`);
    // Five interactions do not fit beside the application tab at 700 px: a list holds them all.
    assert.ok(await p.page.isVisible('#interaction-picker'));
    assert.match((await p.page.textContent('#interaction-picker')) ?? '', /All interactions \(5\) ⚠ 1/);
    await p.page.click('#interaction-picker');
    const entries = await p.page.$$eval('#picker li[data-tab]', (ls) => ls.map((l) => l.textContent));
    assert.equal(entries.length, set.interactions.length);
    assert.ok(entries.some((e) => /^⚠ 5\. Credit check while taking an order.*1 warning$/.test(e ?? '')), entries.join(' | '));
    // Type to filter, Enter to open.
    await p.page.fill('#picker input', 'shipped');
    assert.deepEqual(await p.page.$$eval('#picker li[data-tab]', (ls) => ls.map((l) => (l as HTMLElement).dataset['tab'])), ['i:shipped-invoices']);
    await p.nextRender(() => p.page.keyboard.press('Enter'));
    assert.equal(await p.page.getAttribute('#tabs .tab[aria-selected="true"]', 'data-tab'), 'i:shipped-invoices');
    r = await row();
    assert.ok(r.scroll <= r.width + 1, `the tab row scrolls: ${r.scroll} > ${r.width}`);
    // Each interaction, picked from the list, is drawn legibly.
    for (const key of (await p.tabKeys()).filter(isInteractionTab)) {
      await p.showTab(key);
      const line = await p.page.evaluate(() => {
        const scale = Number(/scale\(([\d.]+)\)/.exec(document.getElementById('canvas')!.style.transform)?.[1] ?? 1);
        const heights = Array.from(document.querySelectorAll('#canvas text.messageText')).map((t) => t.getBoundingClientRect().height);
        return { scale, min: Math.min(...heights) };
      });
      assert.ok(line.min >= 12, `${key}: message text ${line.min.toFixed(1)} px at zoom ${line.scale.toFixed(2)}`);
    }
    await p.page.screenshot({ path: join(SCREENSHOTS, 'legible-interaction-list.png') });
    // A wide panel has room for a tab each, marked as the list marks them.
    const few = setOf('examples/bank-reconciliation.integration.yaml', { uri: URI });
    const wide = await openPreview(browser, { width: 1800, height: 900 });
    await wide.showSet(few);
    assert.equal(await wide.page.locator('#interaction-picker').count(), 0);
    const tabs = await wide.page.$$eval('#tabs .tab', (ts) => ts.map((t) => t.textContent));
    assert.deepEqual(
      tabs,
      ['Application', ...few.interactions.map((d, i) => `${d.errors ? '✖ ' : d.warnings ? '⚠ ' : ''}${i + 1}. ${d.title}`), 'Checklist'],
    );
    await wide.page.context().close();
  });

  it('folds the legend away and remembers it; the diagram gets the room', async () => {
    const set = setOf('examples/order-to-cash.integration.yaml', { uri: URI });
    await p.showSet(set);
    const height = () => p.page.evaluate(() => document.getElementById('viewport')!.getBoundingClientRect().height);
    const open = await height();
    assert.ok(await p.page.isVisible('#details .legend'));
    await p.page.click('#details .legend-fold summary');
    await p.page.waitForFunction(() => !(document.querySelector('#details .legend-fold') as HTMLDetailsElement).open);
    await p.page.waitForFunction((h) => document.getElementById('viewport')!.getBoundingClientRect().height > h, open);
    await p.page.waitForFunction(() => (window as unknown as { __state?: { legend?: boolean } }).__state?.legend === false);
    const restored = await openPreview(browser, { ...PANEL, state: (await p.state())! });
    await restored.page.waitForSelector('#canvas svg');
    assert.equal(await restored.page.$eval('#details .legend-fold', (d) => (d as HTMLDetailsElement).open), false);
    await restored.page.context().close();
  });

  it('exports the legible drawing, not the fitted view: SVG at its own size, PNG at twice that', async () => {
    const text = generateManifest({ integrations: 20, systems: 10, seed: 9110 });
    await p.showSet(setOf(text, { uri: URI }));
    const natural = await p.page.evaluate(() => {
      const vb = (document.querySelector('#canvas svg') as SVGSVGElement).viewBox.baseVal;
      return { width: vb.width, height: vb.height };
    });
    await p.page.click('#fit');
    await p.exportAs('svg');
    await p.exportAs('png');
    await p.page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === 'export').length === 2);
    const [svg, png] = (await p.posted()).filter((m): m is Extract<FromWebview, { type: 'export' }> => m.type === 'export');
    assert.equal(Number(/<svg[^>]* width="(\d+)"/.exec(svg!.data)?.[1]), Math.ceil(natural.width));
    assert.match(svg!.data, /class="[^"]*im-kind/, 'the smaller kind is in the file');
    const bytes = Buffer.from(png!.data.replace(/^data:image\/png;base64,/, ''), 'base64');
    assert.equal(bytes.readUInt32BE(16), Math.round(natural.width * 2));
    assert.equal(bytes.readUInt32BE(20), Math.round(natural.height * 2));
    assert.ok((await p.page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.getElementById('canvas')!.style.transform)?.[1]))) < 1, 'the view was a reduced one');
  });
});
