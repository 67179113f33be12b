/// <reference lib="dom" />
/**
 * The preview's Checklist tab (media/src/checklist.ts) on the real page in headless Chromium:
 * every item of the guidance's checklist with its status and evidence, findings that reveal
 * their place in the editor, manifest text shown as text, and the way back to the diagram.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { withIntegration } from '../helpers/text';
import { close, launch, openPreview, SCREENSHOTS, setOf, type PreviewPage, closeClean } from './harness';

const ORDER_TO_CASH = 'examples/order-to-cash.integration.yaml';

async function openChecklist(p: PreviewPage): Promise<void> {
  await p.page.click('button[data-tab="checklist"]');
  await p.page.waitForFunction(() => !document.getElementById('checklist')!.hidden);
}

describe('the Checklist tab', function () {
  this.timeout(180_000);
  let browser: Browser;
  let p: PreviewPage;

  before(async () => {
    browser = await launch();
  });
  after(() => close(browser));
  beforeEach(async () => {
    p = await openPreview(browser, { width: 700, height: 800 });
  });
  afterEach(() => closeClean(p));

  it('lists every item of the guidance checklist by section, with its status and evidence', async () => {
    await p.showSet(setOf(ORDER_TO_CASH));
    const tab = await p.page.textContent('button[data-tab="checklist"]');
    assert.equal(tab, '▲ Checklist', 'marked: an item is at risk');
    await openChecklist(p);
    const seen = await p.page.evaluate(() => ({
      sections: Array.from(document.querySelectorAll('.checklist-section')).map((h) => h.textContent),
      items: Array.from(document.querySelectorAll<HTMLElement>('.checklist-item')).map((li) => [li.dataset['item'], li.querySelector('.checklist-status')!.textContent]),
      summary: document.querySelector('.checklist-summary')!.textContent,
      diagramHidden: document.getElementById('viewport')!.hidden,
    }));
    assert.deepEqual(seen.sections, ['Define business goals', 'Choose a platform', 'Choose a design', 'Choose a pattern', 'Project governance']);
    assert.equal(seen.items.length, 19);
    assert.deepEqual(seen.items.find(([id]) => id === 'async-messaging'), ['async-messaging', 'At risk']);
    assert.deepEqual(seen.items.find(([id]) => id === 'operating-costs'), ['operating-costs', 'Met']);
    assert.deepEqual(seen.items.find(([id]) => id === 'change-management'), ['change-management', 'Manual']);
    assert.equal(seen.summary, '12 met · 1 at risk · 2 open · 4 to answer by hand. Operating costs: EUR 600.00/month.');
    assert.equal(seen.diagramHidden, true);
    // Every item is on the page and can be read: none is clipped to nothing.
    const heights = await p.page.$$eval('.checklist-item', (items) => items.map((i) => i.getBoundingClientRect().height));
    assert.ok(heights.every((h) => h > 10), String(heights));
    await p.page.screenshot({ path: join(SCREENSHOTS, 'checklist-order-to-cash.png'), fullPage: false });
  });

  it('a finding reveals its place in the editor', async () => {
    const set = setOf(ORDER_TO_CASH);
    await p.showSet(set);
    await openChecklist(p);
    await p.page.click('li[data-item="async-messaging"] .checklist-finding button');
    const reveal = (await p.posted()).filter((m) => m.type === 'reveal');
    const expected = set.checklist!.items.find((i) => i.id === 'async-messaging')!.findings[0]!.span;
    assert.deepEqual(reveal, [{ type: 'reveal', uri: set.uri, version: set.version, selection: expected }]);
  });

  it('shows manifest text as text, stays on the checklist across updates, and goes back to the diagram', async () => {
    const hostile = withIntegration({ mode: 'sync', peak: '2k/hour' }) + 'checklist:\n  impact-analysis: { status: open, note: "<img src=x onerror=alert(1)>" }\n';
    await p.showSet(setOf(hostile, { version: 1 }));
    await openChecklist(p);
    const note = await p.page.textContent('li[data-item="impact-analysis"] .checklist-evidence');
    assert.match(note ?? '', /<img src=x onerror=alert\(1\)>/);
    assert.equal(await p.page.$$eval('.checklist img', (imgs) => imgs.length), 0);
    assert.deepEqual(p.dialogs, []);
    await p.send({ type: 'diagrams', set: setOf(hostile.replace('peak: 2k/hour', 'peak: 3k/hour'), { version: 2 }) });
    // Messages are handled in order: once the banner shows this status, the new set was handled.
    await p.send({ type: 'status', message: 'synced', severity: 'info' });
    await p.page.waitForFunction(() => document.getElementById('banner')!.textContent === 'synced');
    assert.equal(await p.page.evaluate(() => document.getElementById('checklist')!.hidden), false, 'still on the checklist');
    assert.equal(await p.page.$$eval('.checklist-item', (items) => items.length), 19);
    await p.page.click('button[data-tab="application"]');
    await p.page.waitForFunction(() => document.getElementById('checklist')!.hidden && !document.getElementById('viewport')!.hidden);
    assert.ok(await p.page.$('#canvas svg'), 'the diagram is back');
  });
});
