/**
 * The diagram reads at first sight in a real VS Code (SPEC 9 and 16), on screen: the preview
 * beside an example, in the side panel VS Code gives it on a 1440 × 900 window (about 700 ×
 * 800), has every system in the panel, label lines of 12 px or more and nothing overlapping;
 * and again after an edit that adds a system (the drawing is fitted again). Measured in the
 * webview's frame by test/browser/layoutMetrics.page.ts.
 */
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { describeMetrics, measureLayout, type LayoutMetrics } from '../../browser/layoutMetrics';
import { workbench } from './workbench';

const EXAMPLE = 'examples/order-to-cash.integration.yaml';
/** The lines a person types, each after the editor's own indentation. */
const NEW_SYSTEM = ['- id: shop', 'name: Contoso web shop', 'kind: custom', 'hosting: cloud'];

/** Waits until the preview has drawn `systems` system nodes, and measures the drawing. */
async function drawnWith(frame: Frame, systems: number): Promise<LayoutMetrics> {
  await frame.waitForFunction((n) => document.body.dataset['rendered'] !== undefined && document.querySelectorAll('#canvas svg g.node[id*="-flowchart-s"]').length === n, systems, { timeout: 60_000 });
  return measureLayout(frame);
}

function assertLegible(m: LayoutMetrics, what: string): void {
  const summary = `${what}: ${describeMetrics(m)}`;
  assert.deepEqual(m.outside, [], `${summary}: systems outside the panel`);
  assert.ok(m.medianLineHeight >= 12, `${summary}: median label line below 12 px`);
  assert.deepEqual(
    m.overlaps.map((o) => `${o.kind} ${o.a} ${o.b}`),
    [],
    `${summary}: overlaps`,
  );
}

describe('the diagram reads at first sight', () => {
  after(async () => {
    const wb = await workbench();
    await wb.revertAndCloseAll();
    await wb.sideBar(true);
  });

  it('fits every system legibly beside the manifest, and again after an edit adds a system', async () => {
    const wb = await workbench();
    await wb.closePanel(); // the Problems panel another scenario opened would take the preview's height
    await wb.openFile(EXAMPLE);
    await wb.sideBar(false);
    await wb.command('Integration Manifests: Open Diagram to the Side', 'Open Diagram to the Side');
    await wb.webview().locator('#canvas svg g.node').first().waitFor({ timeout: 60_000 });
    const frame = await wb.previewFrame();

    const first = await drawnWith(frame, 4);
    assert.ok(first.panel.width > 500 && first.panel.width < 900, `a side panel: ${first.panel.width} px wide`);
    assertLegible(first, 'at first sight');
    // The direction follows the panel's shape: the webview's window, toolbar and legend included.
    const page = await frame.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight, direction: document.body.dataset['direction'] }));
    assert.equal(page.direction, page.width > page.height ? 'LR' : 'TB', `a ${page.width} × ${page.height} panel`);
    await wb.screenshot('legible-first-sight');

    // Add a system after the last one, typed as a person types it: Enter at the end of its last
    // line, one indent back for the new list item, Escape for any open suggestion list.
    const line = wb.readFile(EXAMPLE).split('\n').indexOf('integrations:');
    assert.ok(line > 1);
    await wb.goTo(line, 1);
    await wb.page.keyboard.press('End');
    const keyboard = wb.page.keyboard;
    for (const [i, text] of NEW_SYSTEM.entries()) {
      await keyboard.press('Enter');
      if (i === 0) await keyboard.press('Backspace');
      await keyboard.type(text);
      await keyboard.press('Escape');
    }
    // The preview follows each keystroke: wait for the drawing of the whole line typed last.
    await frame.waitForFunction(() => Array.from(document.querySelectorAll('#canvas svg g.node')).some((n) => /Contoso web shop\s*custom/.test(n.textContent ?? '')), undefined, { timeout: 60_000 });
    const after = await drawnWith(frame, 5);
    assertLegible(after, 'after adding a system');
    assert.ok(after.systems.some((s) => s.text.startsWith('Contoso web shop')), `the new system is drawn: ${after.systems.map((s) => s.text).join(', ')}`);
    await wb.screenshot('legible-after-adding-a-system');
  });
});
