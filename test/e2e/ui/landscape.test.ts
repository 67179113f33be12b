/**
 * The landscape on screen in a real VS Code (SPEC 11): a manifest of 48 systems over 8 domains
 * opens in the preview as the overview, each domain one node; a click on a domain draws its
 * systems in place, in view, while the other domains stay collapsed. The extension answers the
 * click with the application diagram alone: the other tabs stay as they were.
 */
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { workbench } from './workbench';

const MANIFEST = 'e2e-landscape.integration.yaml';
const DOMAINS = ['Finance', 'Sales', 'Supply chain', 'Customer service', 'Human resources', 'Marketing', 'Manufacturing', 'Commerce'];

interface Drawn {
  /** Collapsed domains: the first line of each node's label. */
  domains: string[];
  /** Those wholly in the panel. */
  domainsInView: string[];
  /** Systems drawn as nodes (of an expanded domain): their label, and whether the whole node lies in the panel. */
  systems: { text: string; inView: boolean }[];
  /** The titles of the frames drawn around expanded domains. */
  frames: string[];
}

/** What the drawing holds, read from the nodes' Mermaid ids: `d3` a collapsed domain, `d3s0` a system of an expanded one. */
function drawn(frame: Frame): Promise<Drawn> {
  return frame.evaluate(() => {
    const panel = document.getElementById('viewport')!.getBoundingClientRect();
    const result: { domains: string[]; domainsInView: string[]; systems: { text: string; inView: boolean }[]; frames: string[] } = { domains: [], domainsInView: [], systems: [], frames: [] };
    for (const node of Array.from(document.querySelectorAll('#canvas svg g.node'))) {
      const id = /-flowchart-(\w+)-\d+$/.exec(node.id)?.[1] ?? '';
      const rows = Array.from(node.querySelectorAll('tspan.row')).map((row) => row.textContent ?? '');
      const r = node.getBoundingClientRect();
      const inView = r.left >= panel.left && r.right <= panel.right && r.top >= panel.top && r.bottom <= panel.bottom;
      if (/^d\d+$/.test(id)) {
        result.domains.push(rows[0] ?? '');
        if (inView) result.domainsInView.push(rows[0] ?? '');
      } else if (/^d\d+s\d+$/.test(id)) result.systems.push({ text: rows.join(' '), inView });
    }
    result.frames = Array.from(document.querySelectorAll('#canvas svg g.cluster-label')).map((l) => (l.textContent ?? '').trim());
    return result;
  });
}

/** The systems of a domain, as the manifest declares them: the name of each system whose `domain:` it is. */
function systemsOf(text: string, domain: string): string[] {
  const names: string[] = [];
  for (const block of text.split(/\n {2}- id: /).slice(1)) {
    if (!new RegExp(`\\n {4}domain: ${domain}\\n`).test(`${block}\n`)) continue;
    const name = /\n {4}name: (.+)/.exec(block)?.[1];
    if (name) names.push(name.trim());
  }
  return names;
}

describe('the landscape in the preview', () => {
  after(async () => {
    const wb = await workbench();
    await wb.revertAndCloseAll();
    await wb.sideBar(true);
  });

  it('opens a manifest of 8 domains as the overview and expands the domain clicked in place', async () => {
    const wb = await workbench();
    await wb.closePanel();
    await wb.openFile(MANIFEST);
    await wb.sideBar(false);
    await wb.command('Integration Manifests: Open Diagram to the Side', 'Open Diagram to the Side');
    await wb.webview().locator('#canvas svg g.node').first().waitFor({ timeout: 60_000 });
    const frame = await wb.previewFrame();

    // Collapsed: one node per domain, each with its count of systems, and no system drawn.
    await frame.waitForFunction(() => document.querySelectorAll('#canvas svg g.node').length === 8, undefined, { timeout: 60_000 });
    const overview = await drawn(frame);
    assert.deepEqual([...overview.domains].sort(), [...DOMAINS].sort(), 'one node per domain');
    assert.deepEqual(overview.systems, [], 'no system drawn on the overview');
    const labels = await frame.evaluate(() => Array.from(document.querySelectorAll('#canvas svg g.node')).map((n) => n.textContent ?? ''));
    assert.ok(labels.every((l) => /6 systems/.test(l)), `each domain counts its 6 systems: ${labels.join(' | ')}`);
    assert.match((await frame.textContent('#banner')) ?? '', /48 systems and 96 integrations.*opens as an overview/);
    await wb.screenshot('landscape-overview');

    // A click on a domain in view, as a person makes it: its systems are drawn, in a frame titled with it, and brought into view.
    const clicked = overview.domainsInView[0];
    assert.ok(clicked, 'a domain in view to click');
    const expected = systemsOf(wb.readFile(MANIFEST), clicked);
    assert.equal(expected.length, 6, `the fixture gives ${clicked} 6 systems: ${expected.join(', ')}`);
    // What the extension posts to the page from now on, and the tabs before the click.
    const tabsOf = () => frame.evaluate(() => Array.from(document.querySelectorAll('#tabs [data-tab]')).map((t) => `${(t as HTMLElement).dataset['tab']} ${t.textContent ?? ''}`));
    const tabsBefore = await tabsOf();
    await frame.evaluate(() => {
      const w = window as unknown as { __received: { type: string; keys: string[] }[] };
      w.__received = [];
      window.addEventListener('message', (e: MessageEvent<{ type: string; part?: object; set?: object }>) => w.__received.push({ type: e.data.type, keys: Object.keys(e.data.part ?? e.data.set ?? {}).sort() }));
    });
    await wb.webview().locator('#canvas svg g.node', { hasText: clicked }).first().click();
    await frame.waitForFunction(() => Array.from(document.querySelectorAll('#canvas svg g.node')).some((n) => /-flowchart-d\d+s\d+-\d+$/.test(n.id)), undefined, { timeout: 60_000 });
    assert.match((await frame.textContent('#banner')) ?? '', new RegExp(`${clicked} is drawn with its systems`));
    // The extension asked for the application diagram alone and posted only it: the other tabs are as they were.
    const received = await frame.evaluate(() => (window as unknown as { __received: { type: string; keys: string[] }[] }).__received);
    assert.deepEqual(
      received.filter((m) => m.type === 'application' || m.type === 'diagrams'),
      [{ type: 'application', keys: ['application', 'only', 'uri', 'version'] }],
      `what the page received: ${JSON.stringify(received)}`,
    );
    assert.deepEqual(await tabsOf(), tabsBefore);
    const expanded = await drawn(frame);
    // A long name wraps over two rows of the label: the label's rows, read together, start with the name.
    const names = expanded.systems.map((s) => s.text);
    assert.equal(names.length, expected.length, `${names.length} systems drawn: ${names.join(' | ')}`);
    for (const name of expected) assert.ok(names.some((l) => l.startsWith(`${name} `)), `${name} is drawn: ${names.join(' | ')}`);
    // The panel beside the manifest is short (the legend and the waivers sit below the drawing): the fit centres on the frame.
    assert.ok(
      expanded.systems.some((s) => s.inView),
      `a system of ${clicked} is on screen: ${expanded.systems.map((s) => `${s.text}${s.inView ? ' (in view)' : ''}`).join(' | ')}`,
    );
    assert.deepEqual(expanded.frames, [clicked], 'one frame, titled with the domain');
    assert.deepEqual([...expanded.domains].sort(), DOMAINS.filter((d) => d !== clicked).sort(), 'the other domains stay collapsed');
    await wb.screenshot('landscape-domain-expanded');
  });
});
