/// <reference lib="dom" />
/**
 * The real preview page (client/src/preview/html.ts and media/dist/preview.js) in headless
 * Chromium, with a stub of the VS Code webview API: what it posts when clicked and exported,
 * how it follows the cursor and the theme, and how it treats stale, unchanged and broken input.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { FromWebview } from '../../shared/src/webviewMessages';
import type { DiagramSet } from '../../shared/src/diagrams';
import { BASE, joinLines } from '../helpers/text';
import { close, launch, openPreview, SCREENSHOTS, setOf, type PreviewPage, closeClean } from './harness';

const SPEC = 'test/fixtures/spec-example.integration.yaml';
const URI = 'file:///work/test.integration.yaml';

async function waitPosted<T extends FromWebview['type']>(p: PreviewPage, type: T, count = 1): Promise<Extract<FromWebview, { type: T }>[]> {
  await p.page.waitForFunction(([t, n]) => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === t).length >= n, [type, count] as const);
  return (await p.posted()).filter((m): m is Extract<FromWebview, { type: T }> => m.type === type);
}

/** Messages are handled in order: once the banner shows this status, everything sent before it was handled. */
async function sync(p: PreviewPage, text: string): Promise<void> {
  await p.send({ type: 'status', message: text, severity: 'info' });
  await p.page.waitForFunction((t) => document.getElementById('banner')!.textContent === t, text);
}

const marker = (p: PreviewPage) => p.page.evaluate(() => document.body.dataset['rendered']);
const svgText = (p: PreviewPage) => p.page.evaluate(() => document.querySelector('#canvas svg')?.textContent ?? '');

function center(p: PreviewPage, selector: string): Promise<{ x: number; y: number }> {
  return p.page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, selector);
}

describe('the preview page', function () {
  this.timeout(180_000);
  let browser: Browser;
  let p: PreviewPage;
  let spec: DiagramSet;

  before(async () => {
    browser = await launch();
  });
  after(() => close(browser));
  beforeEach(async () => {
    p = await openPreview(browser);
    spec = setOf(SPEC, { version: 5, uri: URI });
  });
  afterEach(() => closeClean(p));

  it('says ready first, and shows the diagrams it is sent', async () => {
    const posted = await p.posted();
    assert.deepEqual(posted[0], { type: 'ready' });
    await p.showSet(spec);
    assert.match(await svgText(p), /Warehouse\s*ERP/);
    assert.equal(await p.page.locator('#tabs .tab').count(), 3, 'the application, the one interaction, the checklist');
  });

  it('reveals a clicked node, edge or message in the editor', async () => {
    await p.showSet(spec);
    await p.page.locator('#canvas g.node[id*="-flowchart-s1-"]').click();
    const [node] = await waitPosted(p, 'reveal');
    assert.deepEqual(node, { type: 'reveal', uri: URI, version: 5, selection: spec.application.nodes['s1']!.selection });

    await p.page.locator('#canvas .edgeLabel [data-id="e0"]').click();
    const edge = (await waitPosted(p, 'reveal', 2))[1]!;
    assert.deepEqual(edge.selection, spec.application.edges['e0']!.selection);

    // The thin line itself is easy to hit: its wide invisible twin takes the click.
    const line = await center(p, '#canvas path.flowchart-link[data-id="e1"]');
    await p.page.mouse.click(line.x, line.y);
    const hit = (await waitPosted(p, 'reveal', 3))[2]!;
    assert.deepEqual(hit.selection, spec.application.edges['e1']!.selection);

    await p.nextRender(() => p.page.click('#tabs .tab[data-tab="i:order-status"]'));
    await p.page.locator('#canvas text.messageText').nth(1).click();
    const message = (await waitPosted(p, 'reveal', 4))[3]!;
    assert.deepEqual(message.selection, spec.interactions[0]!.messages[1]!.selection);
  });

  it('does not take the end of a drag for a click', async () => {
    await p.showSet(spec);
    const at = await center(p, '#canvas g.node[id*="-flowchart-s1-"]');
    const before = await p.page.evaluate(() => document.getElementById('canvas')!.style.transform);
    await p.page.mouse.move(at.x, at.y);
    await p.page.mouse.down();
    await p.page.mouse.move(at.x + 60, at.y + 30, { steps: 5 });
    await p.page.mouse.up();
    await sync(p, 'dragged');
    assert.equal((await p.posted()).filter((m) => m.type === 'reveal').length, 0);
    assert.notEqual(await p.page.evaluate(() => document.getElementById('canvas')!.style.transform), before);
  });

  it('highlights what the editor cursor is on', async () => {
    await p.showSet(spec);
    const text = readFileSync(join(__dirname, '../..', SPEC), 'utf8');
    const sales = text.indexOf('name: Dynamics 365 Sales');
    await p.send({ type: 'cursor', uri: URI, version: 5, offset: sales });
    await p.page.waitForSelector('#canvas g.node.im-active');
    assert.equal(await p.page.locator('#canvas .im-active').count(), 1);
    assert.match(await p.page.$eval('#canvas g.node.im-active', (e) => e.id), /-flowchart-s0-/);

    // In an integration: all of its edges light up.
    await p.send({ type: 'cursor', uri: URI, version: 5, offset: text.indexOf('pattern: business-events') });
    await p.page.waitForFunction(() => document.querySelectorAll('#canvas path.flowchart-link.im-active').length === 2);
    assert.equal(await p.page.locator('#canvas g.node.im-active').count(), 0);

    // A cursor of another version is not trusted.
    await p.send({ type: 'cursor', uri: URI, version: 4, offset: sales });
    await p.page.waitForFunction(() => document.querySelectorAll('#canvas .im-active').length === 0);
  });

  it('redraws with the other theme when VS Code switches it', async () => {
    await p.showSet(spec);
    const fill = () => p.page.$eval('#canvas g.node rect', (r) => getComputedStyle(r).fill);
    const light = await fill();
    await p.nextRender(() => p.page.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark')));
    const dark = await fill();
    assert.notEqual(dark, light);
    await p.page.screenshot({ path: join(SCREENSHOTS, 'spec-example-dark.png') });
    await p.nextRender(() => p.page.evaluate(() => document.body.classList.replace('vscode-dark', 'vscode-high-contrast')));
    await p.page.screenshot({ path: join(SCREENSHOTS, 'spec-example-high-contrast.png') });
    await p.nextRender(() => p.page.evaluate(() => document.body.classList.replace('vscode-high-contrast', 'vscode-light')));
    assert.equal(await fill(), light);
  });

  it('opens the Export menu from the keyboard: arrows move, Escape closes and gives the focus back', async () => {
    await p.showSet(spec);
    await p.page.focus('#export');
    await p.page.keyboard.press('Enter');
    assert.equal(await p.page.isVisible('#export-menu'), true);
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'export-svg');
    await p.page.keyboard.press('ArrowUp');
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'export-mermaid');
    await p.page.keyboard.press('Escape');
    assert.equal(await p.page.isHidden('#export-menu'), true);
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'export');
    // A click elsewhere closes it too, and nothing was exported.
    await p.page.click('#export');
    await p.page.mouse.click(20, 400);
    assert.equal(await p.page.isHidden('#export-menu'), true);
    assert.deepEqual((await p.posted()).filter((m) => m.type === 'export'), []);
  });

  it('exports SVG, PNG and the Mermaid source to the extension', async () => {
    await p.showSet(spec);
    await p.exportAs('svg');
    const [svg] = await waitPosted(p, 'export');
    assert.equal(svg!.format, 'svg');
    assert.equal(svg!.name, 'application');
    assert.equal(svg!.uri, URI);
    assert.match(svg!.data, /^<\?xml[^>]*>\n<svg /);
    assert.match(svg!.data, /^<svg[^>]* width="\d+"/m);
    assert.match(svg!.data, /^<svg[^>]* height="\d+"/m);
    assert.match(svg!.data, />Warehouse<\/tspan><tspan[^>]*> ERP</);
    assert.doesNotMatch(svg!.data, /im-hit|data-im|im-active/);

    await p.exportAs('png');
    const png = (await waitPosted(p, 'export', 2))[1]!;
    assert.equal(png.format, 'png');
    const bytes = Buffer.from(png.data.replace(/^data:image\/png;base64,/, ''), 'base64');
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    assert.ok(width > 500 && height > 100, `${width}×${height}`);

    await p.nextRender(() => p.page.click('#tabs .tab[data-tab="i:order-status"]'));
    await p.exportAs('mermaid');
    const source = (await waitPosted(p, 'export', 3))[2]!;
    assert.deepEqual([source.format, source.name, source.data], ['mermaid', 'interaction-order-status', spec.interactions[0]!.mermaid]);
  });

  it('drops a version older than the one it shows', async () => {
    await p.showSet(spec);
    await p.send({ type: 'diagrams', set: setOf(BASE, { version: 3, uri: URI }) });
    await sync(p, 'after the stale set');
    assert.match(await svgText(p), /Warehouse\s*ERP/);
    assert.equal((await p.state())?.set?.version, 5);
  });

  it('never redraws an unchanged diagram, and keeps zoom and pan across updates', async () => {
    await p.showSet(spec);
    const first = await marker(p);
    await p.send({ type: 'diagrams', set: { ...spec, version: 6 } });
    await sync(p, 'same diagram');
    assert.equal(await marker(p), first);
    assert.equal((await p.state())?.set?.version, 6);

    await p.page.click('#zoom-in');
    await p.page.click('#zoom-in');
    const zoomed = await p.page.evaluate(() => document.getElementById('canvas')!.style.transform);
    // The canvas never goes blank while the next drawing is made.
    await p.page.evaluate(() => {
      const w = window as unknown as { __blank: number };
      w.__blank = 0;
      new MutationObserver(() => {
        if (!document.querySelector('#canvas svg')) w.__blank++;
      }).observe(document.getElementById('canvas')!, { childList: true });
    });
    const renamed = setOf(readFileSync(join(__dirname, '../..', SPEC), 'utf8').replace('name: Warehouse ERP', 'name: Warehouse ERP 2'), { version: 7, uri: URI });
    await p.showSet(renamed);
    assert.notEqual(await marker(p), first);
    assert.match(await svgText(p), /ERP\s*2/);
    assert.equal(await p.page.evaluate(() => document.getElementById('canvas')!.style.transform), zoomed);
    assert.equal(await p.page.evaluate(() => (window as unknown as { __blank: number }).__blank), 0);
  });

  it('shows a render error instead of a blank panel', async () => {
    await p.showSet(spec);
    const broken: DiagramSet = { ...spec, version: 6, application: { ...spec.application, mermaid: 'flowchart LR\n  a[[[ --> ' } };
    await p.showSet(broken);
    assert.match(await p.page.textContent('#banner') ?? '', /^This diagram could not be drawn \(Parse error on line 2\); the last good drawing is shown\.$/);
    assert.match(await svgText(p), /Warehouse\s*ERP/);

    const fresh = await openPreview(browser);
    await fresh.showSet({ ...broken, uri: 'file:///other.yaml' });
    assert.match(await fresh.page.textContent('#canvas .error-text') ?? '', /This diagram could not be drawn/);
    assert.match(await fresh.page.textContent('#canvas pre.error-message') ?? '', /^Parse error on line 2:\n.*\n-+\^\nExpecting /);
    assert.equal(await fresh.page.textContent('#canvas pre.source'), broken.application.mermaid);
    assert.equal(await fresh.page.locator('#canvas svg').count(), 0);
    await fresh.page.screenshot({ path: join(SCREENSHOTS, 'render-error.png') });
    assert.deepEqual(fresh.errors, []);
    await fresh.page.context().close();
  });

  it('offers a focus view for a manifest too large to draw, and asks for another focus', async () => {
    const lines = ['integrationManifest: 1', 'solution:', '  name: Large', 'systems:'];
    for (let i = 0; i < 80; i++) lines.push(`  - id: sys${i}`, `    name: System ${i}`, `    kind: ${i % 7 === 0 ? 'service-bus' : 'erp'}`, `    hosting: ${i % 3 ? 'cloud' : 'on-premises'}`);
    lines.push('integrations:');
    for (let i = 0; i < 80; i++) lines.push(`  - id: int${i}`, `    name: Integration ${i}`, `    type: ${['ui', 'data', 'process'][i % 3]}`, `    from: sys${i % 4 === 0 ? 1 : i}`, `    to: sys${(i + 1) % 80}`, `    mode: ${i % 2 ? 'sync' : 'async'}`);
    // Two groups (the buses, the others) would open on the overview: this is the whole diagram asked for, too large to draw.
    const large = setOf(joinLines(...lines), { version: 1, uri: URI, landscape: { layout: 'whole' } });
    await p.showSet(large);
    assert.match(await p.page.textContent('#banner') ?? '', /80 systems, more than the 60 a diagram shows legibly, so the diagram shows System 1 and the \d+ systems it connects to/);
    assert.ok(await p.page.isVisible('#focus'));
    assert.equal(await p.page.inputValue('#focus'), 'sys1');
    assert.ok(await p.page.$eval('#focus option[value=""]', (o) => (o as HTMLOptionElement).disabled));
    const drawnNodes = await p.page.locator('#canvas g.node').count();
    assert.ok(drawnNodes > 3 && drawnNodes < 40, `${drawnNodes} nodes`);
    await p.page.screenshot({ path: join(SCREENSHOTS, 'focus-view.png') });
    await p.page.selectOption('#focus', 'sys9');
    const [focus] = await waitPosted(p, 'focus');
    assert.deepEqual(focus, { type: 'focus', uri: URI, systemId: 'sys9' });
    // Many interactions: a list to pick from instead of a tab each.
    assert.equal((await p.tabKeys()).length, 82, '80 interactions, the application and the checklist');
  });

  it('redraws a restored panel from its saved state before the extension answers', async () => {
    const restored = await openPreview(browser, { state: { uri: URI, tab: 'i:order-status', set: spec } });
    await restored.page.waitForSelector('#canvas svg text.messageText');
    assert.equal(await restored.page.getAttribute('#tabs .tab[aria-selected="true"]', 'data-tab'), 'i:order-status');
    assert.match(await restored.page.textContent('#details') ?? '', /Field mapping: Order status updates/);
    assert.match(await restored.page.textContent('#details table') ?? '', /ORDER_STATUS\s*statuscode/);
    await restored.page.context().close();
  });
});
