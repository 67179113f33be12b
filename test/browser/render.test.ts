/// <reference lib="dom" />
/**
 * Every diagram of every example, and of the hostile-names fixture, drawn by the bundled
 * Mermaid in headless Chromium inside the real preview page: no render error, the expected
 * nodes, edges, participants and messages, names drawn as text, nothing run, nothing fetched.
 * Screenshots go to test-results/browser/.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { DiagramSet } from '../../shared/src/diagrams';
import { analyzeText } from '../../server/src/analysis/analyze';
import { manifestMarkdown } from '../../server/src/diagram/markdown';
import { close, isInteractionTab, launch, openPlainMermaid, openPreview, ROOT, SCREENSHOTS, setOf, type PreviewPage } from './harness';

const FILES = [
  ...(existsSync(join(ROOT, 'examples')) ? readdirSync(join(ROOT, 'examples')).filter((f) => /\.integration\.ya?ml$/.test(f)).sort().map((f) => `examples/${f}`) : []),
  'test/fixtures/spec-example.integration.yaml',
  'test/fixtures/hostile-names.integration.yaml',
];

interface Drawn {
  nodes: string[];
  edges: string[];
  text: string;
  participants: string[];
  messages: number;
  unsafe: number;
}

/** What the page shows in the diagram canvas. */
function drawn(p: PreviewPage): Promise<Drawn> {
  return p.page.evaluate(() => {
    const svg = document.querySelector('#canvas svg');
    if (!svg) return { nodes: [], edges: [], text: '', participants: [], messages: 0, unsafe: -1 };
    return {
      nodes: Array.from(svg.querySelectorAll('g.node')).map((n) => /-flowchart-(\w+)-\d+$/.exec(n.id)?.[1] ?? n.id),
      edges: Array.from(new Set(Array.from(svg.querySelectorAll('path.flowchart-link[data-id]')).map((e) => e.getAttribute('data-id')!))),
      text: Array.from(svg.querySelectorAll('text')).map((t) => t.textContent ?? '').join('\n'),
      participants: Array.from(new Set(Array.from(svg.querySelectorAll('[data-et="participant"][data-id]')).map((e) => e.getAttribute('data-id')!))),
      messages: svg.querySelectorAll('[data-et="message"]').length,
      unsafe: svg.querySelectorAll('script, img, image, iframe, foreignObject, a, [onerror], [onload], [onclick]').length,
    };
  });
}

const squash = (s: string) => s.replace(/\s+/g, '');

async function assertClean(p: PreviewPage, what: string): Promise<void> {
  const banner = await p.page.evaluate(() => {
    const b = document.getElementById('banner')!;
    return b.classList.contains('error') ? b.textContent : '';
  });
  assert.equal(banner, '', `${what}: ${banner}`);
  assert.deepEqual(p.errors, [], `${what}: page errors`);
  assert.deepEqual(p.dialogs, [], `${what}: dialogs`);
  assert.deepEqual(p.external, [], `${what}: network requests`);
}

describe('diagrams drawn by Mermaid in Chromium', function () {
  this.timeout(300_000);
  let browser: Browser;
  let p: PreviewPage;
  let version = 0;

  before(async () => {
    browser = await launch();
    p = await openPreview(browser);
  });
  after(() => close(browser));

  for (const file of FILES) {
    const name = file.split('/').pop()!.replace(/\.integration\.ya?ml$/, '');
    it(`${file}: the application diagram and every interaction diagram`, async () => {
      const set: DiagramSet = setOf(file, { version: ++version, uri: `file:///work/${file}` });
      await p.showSet(set);
      await assertClean(p, `${name} application`);
      const app = await drawn(p);
      assert.equal(app.unsafe, 0);
      for (const id of Object.keys(set.application.nodes)) assert.ok(app.nodes.includes(id), `${name}: node ${id} drawn`);
      const undeclared = (set.application.mermaid.match(/^ {2}x\d+\[/gm) ?? []).length;
      assert.equal(app.nodes.length, Object.keys(set.application.nodes).length + undeclared, `${name}: node count`);
      assert.deepEqual(app.edges.sort(), Object.keys(set.application.edges).sort(), `${name}: edges`);
      for (const s of set.application.systems) if (s.name.length <= 80) assert.ok(squash(app.text).includes(squash(s.name)), `${name}: "${s.name}" drawn as text`);
      await p.page.screenshot({ path: join(SCREENSHOTS, `${name}-application.png`) });

      const keys = (await p.tabKeys()).filter(isInteractionTab);
      for (const [i, d] of set.interactions.entries()) {
        const key = keys[i];
        assert.ok(key, `${name}: a tab for ${d.integrationId}`);
        await p.showTab(key);
        await assertClean(p, `${name} ${d.integrationId}`);
        const seq = await drawn(p);
        assert.equal(seq.unsafe, 0);
        const declared = Array.from(d.mermaid.matchAll(/^\s+(?:participant|actor) (\S+) as /gm), (m) => m[1]!);
        assert.deepEqual(seq.participants.sort(), declared.sort(), `${name} ${d.integrationId}: participants`);
        for (const id of Object.keys(d.participants)) assert.ok(declared.includes(id), `${name} ${d.integrationId}: ${id} is declared`);
        assert.equal(seq.messages, d.messages.length, `${name} ${d.integrationId}: messages`);
        if (i === 0) await p.page.screenshot({ path: join(SCREENSHOTS, `${name}-interaction-1.png`) });
      }
      await p.page.click('#tabs .tab[data-tab="application"]');
    });
  }

  it('draws hostile names as the literal text, runs none of it, fetches nothing', async () => {
    const hostile = await openPreview(browser);
    const set = setOf('test/fixtures/hostile-names.integration.yaml', { version: 1 });
    await hostile.showSet(set);
    const app = await drawn(hostile);
    for (const name of ['end', 'graph', '<img src=x onerror=alert(1)>', '%%{init: {"securityLevel":"loose"}}%%', 'a --> b', '"quoted"', '[brackets]', '#hash;semi', 'click s0 call alert(1)', 'javascript:alert(1)', 'nowhere<i>'])
      assert.ok(squash(app.text).includes(squash(name)), `${name} drawn literally`);
    for (const label of ['end; graph TD; A-->B', 'say "hi" #35; &amp; &#60;b&#62;', '`markdown` **bold** _em_']) assert.ok(squash(app.text).includes(squash(label)), `${label} drawn literally`);
    assert.equal(app.unsafe, 0);
    // An interaction diagram whose participants and messages are hostile too.
    await hostile.showTab((await hostile.tabKeys()).filter(isInteractionTab)[2]!);
    const seq = await drawn(hostile);
    for (const text of ["end <b>bold</b> & 'single'", 'click p0 call alert(1); end', '--> x ->> y ;; #quot; %% comment']) assert.ok(squash(seq.text).includes(squash(text)), `${text} drawn literally`);
    await hostile.page.screenshot({ path: join(SCREENSHOTS, 'hostile-names-interaction.png') });
    const globals = await hostile.page.evaluate(() => [(window as unknown as Record<string, unknown>)['__pwned'], document.querySelectorAll('img').length, document.title]);
    assert.deepEqual(globals, [undefined, 0, 'Integration diagrams']);
    await assertClean(hostile, 'hostile');
    await hostile.showTab('application');
    await hostile.page.screenshot({ path: join(SCREENSHOTS, 'hostile-names-application.png') });
    await hostile.page.context().close();
  });

  it('the docs command\'s Markdown diagrams draw with plain Mermaid and HTML labels, as on GitHub', async () => {
    const plain = await openPlainMermaid(browser);
    for (const file of FILES) {
      const markdown = manifestMarkdown(analyzeText(readFileSync(join(ROOT, file), 'utf8'), file, { today: '2026-11-22' }), { source: file, today: '2026-11-22' });
      const blocks = Array.from(markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g), (m) => m[1]!);
      assert.ok(blocks.length >= 2, `${file}: diagrams in the Markdown`);
      for (const [i, block] of blocks.entries()) {
        const result = await plain.page.evaluate(
          async ([text, id]) => {
            const m = (window as unknown as { mermaid: { parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
            try {
              await m.parse(text);
              const { svg } = await m.render(id, text);
              const out = document.getElementById('out')!;
              out.innerHTML = svg;
              const drawn = out.querySelector('svg')!;
              return { text: drawn.textContent ?? '', unsafe: drawn.querySelectorAll('script, img, iframe, [onerror], [onload]').length, error: '' };
            } catch (e) {
              return { text: '', unsafe: 0, error: String(e) };
            }
          },
          [block, `docs${i}`] as const,
        );
        assert.equal(result.error, '', `${file} diagram ${i + 1}`);
        if (i === 0) await plain.page.screenshot({ path: join(SCREENSHOTS, `docs-${file.split('/').pop()!.replace(/\.integration\.ya?ml$/, '')}-application.png`) });
        assert.equal(result.unsafe, 0, `${file} diagram ${i + 1}`);
        if (file.includes('hostile') && i === 0)
          for (const name of ['<img src=x onerror=alert(1)>', '%%{init: {"securityLevel":"loose"}}%%', '"quoted"', '#hash;semi', 'a --> b']) assert.ok(squash(result.text).includes(squash(name)), `${name} drawn literally`);
      }
    }
    assert.deepEqual([plain.dialogs, plain.external, plain.errors], [[], [], []]);
    await plain.page.context().close();
  });
});
