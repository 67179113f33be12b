/// <reference lib="dom" />
/**
 * The preview's change view ("Compare with HEAD") on the real preview page in Chromium: the
 * button asks the extension to compare; a `changes` message draws the summary, the change
 * diagram (added green, removed red dashed, changed orange) and the tables as text; Close
 * hides it and tells the extension. Screenshot in test-results/browser/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { changeView } from '../../server/src/features/changeView';
import { CHANGE_COLORS } from '../../server/src/diff/diagram';
import { CHANGE_BASE, CHANGE_HEAD, rgb } from '../helpers/changeFixture';
import { lintText } from '../helpers/text';
import { close, launch, openPreview, SCREENSHOTS, setOf } from './harness';

describe('preview: the change view (Compare with HEAD)', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  before(async () => {
    browser = await launch();
  });
  after(() => close(browser));

  it('the button asks to compare; the view draws the change and lists it as text; Close hides it', async () => {
    const p = await openPreview(browser!, { width: 900, height: 800 });
    await p.showSet(setOf(CHANGE_HEAD, { uri: 'file:///orders.integration.yaml' }));
    await p.page.click('#compare-head');
    assert.ok((await p.posted()).some((m) => m.type === 'compare'), 'the click posts compare');

    const view = changeView(lintText(CHANGE_BASE), lintText(CHANGE_HEAD), { uri: 'file:///orders.integration.yaml', version: 1, baseLabel: 'HEAD' });
    await p.send({ type: 'changes', view });
    await p.page.waitForSelector('#changes:not([hidden]) .changes-diagram svg');
    const shown = await p.page.evaluate(() => {
      const section = document.getElementById('changes')!;
      const nodes = Array.from(section.querySelectorAll('.changes-diagram g.node')).map((n) => {
        const shape = n.querySelector('rect, polygon, path')!;
        const style = getComputedStyle(shape);
        return { label: n.textContent ?? '', stroke: style.stroke, dashed: style.strokeDasharray !== 'none' && style.strokeDasharray !== '' };
      });
      const edges = Array.from(section.querySelectorAll('.changes-diagram path.flowchart-link')).map((e) => ({ stroke: getComputedStyle(e).stroke, dashed: getComputedStyle(e).strokeDasharray !== 'none' }));
      return {
        title: section.querySelector('.changes-title')?.textContent,
        summary: section.querySelector('.changes-summary')?.textContent,
        cells: Array.from(section.querySelectorAll('td')).map((td) => td.textContent),
        scripts: section.querySelectorAll('script').length,
        nodes,
        edges,
        covers: section.getBoundingClientRect().width > 800,
      };
    });
    assert.deepEqual([p.errors, p.dialogs, p.external], [[], [], []]);
    assert.equal(shown.title, 'Changes since HEAD');
    assert.equal(shown.summary, view.summary);
    assert.ok(shown.covers, 'the view covers the diagrams');
    assert.equal(shown.scripts, 0);
    assert.ok(shown.cells.includes('mode: async → asink'), shown.cells.join(' | '));
    assert.ok(shown.cells.includes('Old export <script>alert(1)</script>'), 'names are text');
    assert.ok(shown.cells.includes('schema'), 'the introduced finding is listed');
    const node = (name: string) => shown.nodes.find((n) => n.label.startsWith(name));
    assert.equal(node('HR system')?.stroke, rgb(CHANGE_COLORS.added));
    assert.ok(shown.edges.some((e) => e.dashed && e.stroke === rgb(CHANGE_COLORS.removed)), 'the removed integration: red, dashed');
    assert.ok(shown.edges.some((e) => e.stroke === rgb(CHANGE_COLORS.changed)), 'the changed integration: orange');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await p.page.screenshot({ path: join(SCREENSHOTS, 'change-view.png') });

    await p.page.click('#changes .changes-header button');
    assert.equal(await p.page.evaluate(() => document.getElementById('changes')!.hidden), true);
    assert.ok((await p.posted()).some((m) => m.type === 'closeChanges'));
  });
});
