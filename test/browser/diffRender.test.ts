/// <reference lib="dom" />
/**
 * The change diagram of `diff --format markdown` drawn as GitHub and Azure DevOps draw a
 * ```mermaid block: plain Mermaid with HTML labels, in headless Chromium. No render error, every
 * changed system and integration drawn, and the colours of the change: added green, removed red
 * and dashed, changed orange. A screenshot goes to test-results/browser/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { diffManifests } from '../../server/src/diff/model';
import { diffMarkdown } from '../../server/src/diff/markdown';
import { CHANGE_COLORS } from '../../server/src/diff/diagram';
import { CHANGE_BASE, CHANGE_HEAD, rgb } from '../helpers/changeFixture';
import { lintText } from '../helpers/text';
import { close, launch, openPlainMermaid, ROOT, SCREENSHOTS } from './harness';

describe('the change diagram, drawn by plain Mermaid as GitHub and Azure DevOps draw it', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  before(async () => {
    browser = await launch();
  });
  after(() => close(browser));

  for (const [what, baseText, headText] of [
    ['systems and integrations added, removed, changed and renamed', CHANGE_BASE, CHANGE_HEAD],
    ['an example with a system moved to the cloud and a new integration', readFileSync(join(ROOT, 'examples/order-to-cash.integration.yaml'), 'utf8'), readFileSync(join(ROOT, 'examples/order-to-cash.integration.yaml'), 'utf8').replace('hosting: on-premises', 'hosting: cloud').replace(/\nintegrations:\n/, `\nintegrations:\n  - id: new-feed\n    name: New feed\n    type: data\n    from: sales\n    to: erp\n    mode: batch\n`)],
  ] as const)
    it(what, async () => {
      const base = lintText(baseText);
      const head = lintText(headText);
      const diff = diffManifests(base, head);
      const markdown = diffMarkdown(diff, { file: 'orders.integration.yaml', baseLabel: 'HEAD~1', base, head });
      const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1];
      assert.ok(block, 'a mermaid block');
      const plain = await openPlainMermaid(browser!);
      const result = await plain.page.evaluate(async (text) => {
        const m = (window as unknown as { mermaid: { parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
        try {
          await m.parse(text);
          const { svg } = await m.render('change', text);
          const out = document.getElementById('out')!;
          out.innerHTML = svg;
          const drawn = out.querySelector('svg')!;
          const nodes = Array.from(drawn.querySelectorAll('g.node')).map((n) => {
            const shape = n.querySelector('rect, polygon, path')!;
            const style = getComputedStyle(shape);
            return { label: n.textContent ?? '', fill: style.fill, stroke: style.stroke, dashed: style.strokeDasharray !== 'none' && style.strokeDasharray !== '' };
          });
          const edges = Array.from(drawn.querySelectorAll('path.flowchart-link')).map((e) => {
            const style = getComputedStyle(e);
            return { stroke: style.stroke, dashed: style.strokeDasharray !== 'none' && style.strokeDasharray !== '' };
          });
          return { nodes, edges, labels: Array.from(drawn.querySelectorAll('.edgeLabel')).map((l) => l.textContent ?? ''), error: '' };
        } catch (e) {
          return { nodes: [], edges: [], labels: [], error: String(e) };
        }
      }, block);
      assert.equal(result.error, '');
      assert.deepEqual([plain.errors, plain.dialogs, plain.external], [[], [], []]);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await plain.page.locator('#out svg').screenshot({ path: join(SCREENSHOTS, `change-diagram-${what.split(' ')[0]}.png`) });
      await plain.page.context().close();

      for (const c of diff.systems) {
        const node = result.nodes.find((n) => n.label.startsWith(c.name ?? c.id));
        assert.ok(node, `${c.id} drawn: ${result.nodes.map((n) => n.label).join(' | ')}`);
        const color = c.status === 'added' ? CHANGE_COLORS.added : c.status === 'removed' ? CHANGE_COLORS.removed : CHANGE_COLORS.changed;
        assert.equal(node.stroke, rgb(color), `${c.id} (${c.status})`);
        assert.equal(node.dashed, c.status === 'removed', `${c.id} dashed only when removed`);
      }
      for (const c of diff.integrations) assert.ok(result.labels.some((l) => l.includes(c.name ?? c.id)), `${c.id} labelled: ${result.labels.join(' | ')}`);
      const strokes = new Set(result.edges.map((e) => e.stroke));
      for (const status of new Set(diff.integrations.map((c) => c.status))) {
        const color = status === 'added' ? CHANGE_COLORS.added : status === 'removed' ? CHANGE_COLORS.removed : CHANGE_COLORS.changed;
        assert.ok(strokes.has(rgb(color)), `an edge in ${color} (${status}): ${[...strokes].join(', ')}`);
      }
      if (diff.integrations.some((c) => c.status === 'removed')) assert.ok(result.edges.some((e) => e.dashed && e.stroke === rgb(CHANGE_COLORS.removed)), 'the removed integration is dashed');
    });
});
