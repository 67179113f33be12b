/// <reference lib="dom" />
/**
 * The landscape in the real preview page (SPEC 11): a 500-system, 1,000-integration manifest of
 * 8 domains opens on the overview; a click on a domain asks for it expanded, and the answer
 * draws its systems in place; the filters and Impact ask the server and the drawing shows what
 * they keep; a saved view is a tab. Correctness only: the times are in the benchmark
 * (`npm run bench -- --only=landscape`).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { generateManifest } from '../../bench/generate';
import type { FromWebview } from '../../shared/src/webviewMessages';
import type { WebviewState } from '../../shared/src/webviewMessages';
import { close, isInteractionTab, launch, openPreview, partOf, SCREENSHOTS, setOf, type PreviewPage, closeClean } from './harness';

const URI = 'file:///work/landscape.integration.yaml';
const TEXT = generateManifest({ integrations: 1000, systems: 500, domains: 8, seed: 11 });

async function waitPosted<T extends FromWebview['type']>(p: PreviewPage, type: T, count = 1): Promise<Extract<FromWebview, { type: T }>[]> {
  await p.page.waitForFunction(([t, n]) => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === t).length >= n, [type, count] as const);
  return (await p.posted()).filter((m): m is Extract<FromWebview, { type: T }> => m.type === type);
}

const nodeCount = (p: PreviewPage) => p.page.locator('#canvas g.node').count();

describe('the landscape in the preview', function () {
  this.timeout(300_000);
  let browser: Browser;
  let p: PreviewPage;

  before(async () => {
    browser = await launch();
  });
  after(() => close(browser));
  beforeEach(async () => {
    p = await openPreview(browser, { width: 1000, height: 800 });
    // Correctness, not speed: a loaded machine may take long (the benchmark measures it).
    p.page.setDefaultTimeout(180_000);
  });
  afterEach(() => closeClean(p));

  it('opens a 500-system manifest on the overview of its 8 domains, expands the domain clicked in place, and collapses it again', async () => {
    const overview = setOf(TEXT, { version: 1, uri: URI });
    await p.showSet(overview);
    assert.equal(await nodeCount(p), 8, 'one node per domain');
    const drawn = await p.page.locator('#canvas g.node').allTextContents();
    for (const domain of ['Finance', 'Sales', 'Supply chain', 'Customer service', 'Human resources', 'Marketing', 'Manufacturing', 'Commerce'])
      assert.ok(drawn.some((t) => t.startsWith(domain) && /\d+ systems/.test(t)), `${domain} drawn with its count of systems: ${drawn.join(' | ')}`);
    assert.ok((await p.page.locator('#canvas .edgeLabel').allTextContents()).some((t) => /\d+ integrations/.test(t)), 'edges count their integrations');
    assert.match((await p.page.textContent('#banner')) ?? '', /500 systems and 1000 integrations.*opens as an overview/);
    assert.ok(await p.page.isVisible('#landscape-expand-all'));
    assert.ok(!(await p.page.isVisible('#landscape-collapse-all')));
    await p.page.screenshot({ path: join(SCREENSHOTS, 'landscape-overview.png') });

    // A click on Sales asks for it expanded.
    const sales = p.page.locator('#canvas g.node', { hasText: /^Sales/ });
    await sales.click();
    const [asked] = await waitPosted(p, 'landscape');
    assert.deepEqual(asked, { type: 'landscape', uri: URI, request: { expanded: ['domain:Sales'] } });
    // The server's answer for that request, the application diagram alone: Sales with its systems, the other 7 domains as nodes.
    const expanded = partOf(TEXT, { version: 1, uri: URI, landscape: asked.request });
    await p.nextRender(() => p.send({ type: 'application', part: expanded }));
    const salesSystems = Object.values(expanded.application.nodes).filter((n) => n.kind === 'system').length;
    assert.ok(salesSystems > 50, `${salesSystems} systems in Sales`);
    assert.equal(await nodeCount(p), 7 + salesSystems);
    assert.equal(await p.page.locator('#canvas g.cluster', { hasText: 'Sales' }).count(), 1, 'a frame titled Sales holds them');
    assert.ok(await p.page.isVisible('#landscape-collapse-all'));
    assert.match((await p.page.textContent('#banner')) ?? '', /Sales is drawn with its systems/);
    assert.deepEqual((await p.state())?.landscape, { expanded: ['domain:Sales'] }, 'kept with the panel');
    await p.page.screenshot({ path: join(SCREENSHOTS, 'landscape-expanded.png') });

    // A click on the frame's title collapses it.
    const frameIds = await p.page.locator('#canvas g.cluster').evaluateAll((els) => els.map((e) => e.id));
    assert.ok(frameIds.length === 1 && /(?:^|[-_])d\d+$/.test(frameIds[0]!), `the frame's id names its domain node: ${frameIds.join(', ')}`);
    await p.page.locator('#canvas g.cluster', { hasText: 'Sales' }).locator('.cluster-label').dispatchEvent('click');
    const [, collapse] = await waitPosted(p, 'landscape', 2);
    assert.deepEqual(collapse!.request, { expanded: [] });
  });

  it('takes an expansion as the application diagram alone: the other tabs, the checklist and the saved view stay as they were', async () => {
    const text = TEXT.replace(/\nintegrations:\n/, '\nviews:\n  - id: finance\n    title: Finance to sales\n    include: { domains: [Finance], types: [ui] }\nintegrations:\n');
    const set = setOf(text, { version: 1, uri: URI });
    await p.showSet(set);
    const tabs = await p.tabKeys();
    assert.ok(tabs.includes('v:finance') && tabs.includes('checklist') && tabs.filter(isInteractionTab).length === 1000, `every tab: ${tabs.length}`);
    // An interaction diagram as drawn before the expansion.
    const interaction = tabs.find(isInteractionTab)!;
    const drawing = () => p.page.evaluate(() => document.querySelector('#canvas svg')?.textContent ?? '');
    await p.showTab(interaction);
    const interactionDrawn = await drawing();
    await p.showTab('application');
    // What reaches the page, as it arrives.
    await p.page.evaluate(() => {
      const w = window as unknown as { __received: unknown[] };
      w.__received = [];
      window.addEventListener('message', (e: MessageEvent<unknown>) => w.__received.push(e.data));
    });

    await p.page.locator('#canvas g.node', { hasText: /^Finance/ }).dispatchEvent('click');
    const [asked] = await waitPosted(p, 'landscape');
    const part = partOf(text, { version: 1, uri: URI, landscape: asked!.request });
    await p.nextRender(() => p.send({ type: 'application', part }));
    const finance = Object.values(part.application.nodes).filter((n) => n.kind === 'system').length;
    assert.equal(await nodeCount(p), 7 + finance, 'Finance drawn with its systems');
    const received = await p.page.evaluate(() => (window as unknown as { __received: { type: string; part?: object }[] }).__received);
    assert.deepEqual(received.map((m) => m.type), ['application']);
    assert.deepEqual(Object.keys(received[0]!.part!).sort(), ['application', 'only', 'uri', 'version'], 'the application diagram alone');
    const size = (v: unknown) => JSON.stringify(v).length;
    assert.ok(size(received[0]) * 20 < size(set), `the message: ${size(received[0])} characters; the whole set: ${size(set)}`);

    // Every other tab stays: the same tabs, the same interaction diagram, the checklist and the saved view as they were.
    assert.deepEqual(await p.tabKeys(), tabs);
    const kept = (await p.state())!.set!;
    assert.deepEqual(kept.application, part.application);
    assert.deepEqual({ ...kept, application: undefined }, { ...set, application: undefined });
    await p.showTab(interaction);
    assert.equal(await drawing(), interactionDrawn);
    await p.showTab('checklist');
    assert.ok(await p.page.isVisible('#checklist'));
    await p.showTab('v:finance');
    assert.equal(await nodeCount(p), Object.keys(set.views![0]!.application.nodes).length);
    await p.showTab('application');
    assert.equal(await nodeCount(p), 7 + finance);
  });

  it('keeps a whole set and an application diagram that cross consistent: a part of another version is dropped', async () => {
    const set = setOf(TEXT, { version: 1, uri: URI });
    await p.showSet(set);
    await p.page.locator('#canvas g.node', { hasText: /^Sales/ }).dispatchEvent('click');
    const [asked] = await waitPosted(p, 'landscape');
    // The user typed meanwhile: the whole set of version 2 (asked for by the edit, with Sales expanded) arrives first.
    const edited = TEXT.replace('solution:', '# typed\nsolution:');
    const typed = setOf(edited, { version: 2, uri: URI, landscape: asked!.request });
    await p.showSet(typed);
    const drawn = await nodeCount(p);
    assert.ok(drawn > 8, 'Sales expanded in the whole set');
    // Then the answer to the click, made from version 1: dropped (the page shows version 2 throughout).
    const stale = partOf(TEXT, { version: 1, uri: URI, landscape: {} });
    await p.send({ type: 'application', part: stale });
    // A part of version 2 for another document is dropped too; the next good one is drawn.
    await p.send({ type: 'application', part: { ...partOf(edited, { version: 2, uri: URI, landscape: {} }), uri: 'file:///work/other.integration.yaml' } });
    // (A part taken in is kept with the panel at once, before it is drawn.)
    await p.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    assert.deepEqual((await p.state())?.set?.application, typed.application, 'both parts dropped');
    assert.equal(await nodeCount(p), drawn);
    const collapse = partOf(edited, { version: 2, uri: URI, landscape: { expanded: [] } });
    await p.nextRender(() => p.send({ type: 'application', part: collapse }));
    assert.equal(await nodeCount(p), 8, 'the overview again');
    const state = (await p.state()) as WebviewState;
    assert.equal(state.set?.version, 2);
    assert.deepEqual(state.set?.interactions, typed.interactions, 'the interaction diagrams of version 2');
    assert.deepEqual(state.set?.application, collapse.application);
  });

  it('brings the domain a click expanded into view, where the busiest part of the drawing lies elsewhere', async () => {
    // The landscape of the code-server scenario (48 systems, 8 domains of 6) in a short panel, as beside a manifest.
    await p.page.context().close();
    p = await openPreview(browser, { width: 700, height: 400 });
    p.page.setDefaultTimeout(180_000);
    const text = generateManifest({ integrations: 96, systems: 48, domains: 8, seed: 16 });
    await p.showSet(setOf(text, { version: 1, uri: URI }));
    await p.page.locator('#canvas g.node', { hasText: /^Supply chain/ }).dispatchEvent('click');
    const [asked] = await waitPosted(p, 'landscape');
    await p.nextRender(() => p.send({ type: 'diagrams', set: setOf(text, { version: 1, uri: URI, landscape: asked!.request }) }));
    const inView = await p.page.evaluate(() => {
      const panel = document.getElementById('viewport')!.getBoundingClientRect();
      return Array.from(document.querySelectorAll('#canvas g.node'))
        .filter((n) => {
          const r = n.getBoundingClientRect();
          return r.left >= panel.left && r.right <= panel.right && r.top >= panel.top && r.bottom <= panel.bottom;
        })
        .map((n) => (/-flowchart-d\d+s\d+-\d+$/.test(n.id) ? 'system' : 'domain'));
    });
    // Centred on the busiest part instead, this panel showed two other domains and none of Supply chain's systems.
    assert.ok(inView.includes('system'), `systems of Supply chain in view: ${inView.join(', ')}`);
    assert.ok(inView.filter((k) => k === 'system').length >= inView.filter((k) => k === 'domain').length, `mostly Supply chain in view: ${inView.join(', ')}`);
    await p.page.screenshot({ path: join(SCREENSHOTS, 'landscape-expanded-in-view.png') });
  });

  it('filters the integrations and marks the impact of the chosen system, dimming the rest', async () => {
    const overview = setOf(TEXT, { version: 1, uri: URI });
    await p.showSet(overview);
    await p.page.click('#landscape-filters');
    assert.ok(await p.page.isVisible('#filters'));
    await p.page.selectOption('#filters select[name=types]', ['ui']);
    const [filtered] = await waitPosted(p, 'landscape');
    assert.deepEqual(filtered!.request, { filter: { types: ['ui'] } });
    const uiOnly = setOf(TEXT, { version: 1, uri: URI, landscape: filtered!.request });
    await p.nextRender(() => p.send({ type: 'diagrams', set: uiOnly }));
    assert.match((await p.page.textContent('#banner')) ?? '', /Filtered \(type ui\): \d+ of 1000 integrations shown\./);
    assert.equal(await p.page.textContent('#landscape-filters'), 'Filters (1)');

    // Impact: without a chosen system it says what to do; with one, it asks. A sparse landscape, so that some of it lies outside.
    await p.page.click('#landscape-impact');
    assert.match((await p.page.textContent('#banner')) ?? '', /Choose a system first/);
    const sparse = generateManifest({ integrations: 120, systems: 300, domains: 8, seed: 5 });
    const finance = setOf(sparse, { version: 2, uri: URI, landscape: { expanded: ['domain:Finance'] } });
    await p.nextRender(() => p.send({ type: 'diagrams', set: finance }));
    const [nodeId, target] = Object.entries(finance.application.nodes).find(([, n]) => n.kind === 'system' && Object.values(finance.application.edges).length > 0)!;
    // The drawing is at a legible scale, centred on its busiest part: the system may lie out of view, so the click is dispatched.
    await p.page.locator(`#canvas g.node[id*="-flowchart-${nodeId}-"]`).first().dispatchEvent('click');
    await p.page.click('#landscape-impact');
    const asked = await waitPosted(p, 'landscape', 2);
    assert.deepEqual(asked.at(-1)!.request, { filter: { types: ['ui'] }, impact: target.itemId });
    const impact = setOf(sparse, { version: 2, uri: URI, landscape: { expanded: ['domain:Finance'], impact: target.itemId } });
    // The same drawing, marked: no new render, the banner says what is lit.
    await p.send({ type: 'diagrams', set: impact });
    await p.page.waitForFunction(() => /Impact of .*: \d+ systems? upstream, \d+ systems? downstream/.test(document.getElementById('banner')!.textContent ?? ''));
    // What the engine says stays lit is what the page leaves undimmed.
    const info = impact.application.impact!;
    const lit = new Set([info.systemId, ...info.upstream, ...info.downstream]);
    const dimNodes = Object.values(impact.application.nodes).filter((n) => (n.kind === 'system' ? !lit.has(n.itemId) : !info.groups.includes(n.itemId))).length;
    assert.ok(dimNodes > 0, 'part of the landscape lies outside the impact');
    assert.equal(await p.page.locator('#canvas g.node.im-dim').count(), dimNodes);
    const chosen = p.page.locator('#canvas g.node.im-impact');
    assert.equal(await chosen.count(), 1, 'the chosen system stands out');
    assert.equal(await chosen.evaluate((el) => el.classList.contains('im-dim')), false);
    assert.equal(await p.page.getAttribute('#landscape-impact', 'aria-pressed'), 'true');
    await p.page.screenshot({ path: join(SCREENSHOTS, 'landscape-impact.png') });
  });

  it('shows each saved view as a tab', async () => {
    const text = TEXT.replace(/\nintegrations:\n/, '\nviews:\n  - id: finance\n    title: Finance to sales\n    include: { domains: [Finance], types: [ui] }\nintegrations:\n');
    const set = setOf(text, { version: 1, uri: URI });
    assert.equal(set.views?.length, 1);
    await p.showSet(set);
    assert.ok((await p.tabKeys()).includes('v:finance'));
    await p.showTab('v:finance');
    const shown = Object.keys(set.views[0]!.application.nodes).length;
    assert.equal(await nodeCount(p), shown);
    assert.ok(!(await p.page.isVisible('#landscape-filters')), 'the filters belong to the application tab');
  });
});
