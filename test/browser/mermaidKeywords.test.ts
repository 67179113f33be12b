/// <reference lib="dom" />
/**
 * Mermaid keywords in manifest text, drawn by real Mermaid in headless Chromium: the manifests
 * of test/helpers/mermaidKeywords.ts (every keyword alone and in sentences, as system names,
 * kinds, ids, actor names, integration names, undeclared systems and step actions) drawn by the
 * preview page (SVG labels, decoded by the preview) and, for the `docs` Markdown, by plain
 * Mermaid with HTML labels as GitHub draws it. No parse or render error, one node per system,
 * one participant per declaration, one message per step, and each exactly its text.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { analyzeText } from '../../server/src/analysis/analyze';
import { diagramsFor } from '../../server/src/diagram';
import { manifestMarkdown, PAGE_DIRECTION } from '../../server/src/diagram/markdown';
import type { DiagramSet, InteractionDiagram } from '../../shared/src/diagrams';
import { drawnManifests, inSequence, keywordCases, keywordManifests, shownText as shown, type KeywordManifest } from '../helpers/mermaidKeywords';
import { close, launch, openPlainMermaid, openPreview, type PreviewPage } from './harness';

const TODAY = '2026-11-22';
const CASES = keywordCases();
/**
 * Every case as a system name, kind, actor name, integration name and step action, and the
 * first 60 that are ids as system ids (ids reach Mermaid as names do; the unit test tries all).
 */
const MANIFESTS = [...drawnManifests(CASES), ...keywordManifests('ids', CASES, 60).filter((m) => m.kind === 'system-ids').slice(0, 1)];

/** What a drawing shows: each node's text lines by Mermaid id, each edge label's, each participant's text, the messages in order. */
interface Drawing {
  nodes: Record<string, string[]>;
  edges: Record<string, string[]>;
  participants: Record<string, string>;
  messages: string[];
  loops: string[];
}

/**
 * Reads the drawing in `selector`. SVG labels: one entry per drawn row (Mermaid wraps long
 * labels into rows at spaces). HTML labels: one entry per `<br>` line.
 */
function read(page: Page, selector: string): Promise<Drawing> {
  // A string, not a function: the test runner's compiler adds helpers to functions that the page does not have.
  return page.evaluate(`(() => {
    const svg = document.querySelector(${JSON.stringify(selector)});
    const htmlLines = (el) => el.innerHTML.split(/<br\\s*\\/?>/i).map((h) => {
      const t = document.createElement('template');
      t.innerHTML = h;
      return t.content.textContent ?? '';
    });
    const labelLines = (el) => {
      const html = el.querySelector('.nodeLabel, .edgeLabel span, span, p');
      if (html) return htmlLines(html);
      return Array.from(el.querySelectorAll('tspan.text-outer-tspan')).map((t) => t.textContent ?? '');
    };
    const nodes = {};
    for (const n of svg.querySelectorAll('g.node')) nodes[/-flowchart-(\\w+)-\\d+$/.exec(n.id)?.[1] ?? n.id] = labelLines(n);
    const edges = {};
    Array.from(svg.querySelectorAll('g.edgeLabel')).forEach((e, i) => {
      const id = e.querySelector('[data-id]')?.getAttribute('data-id') ?? 'e' + i;
      edges[id] = labelLines(e);
    });
    const participants = {};
    for (const p of svg.querySelectorAll('[data-et="participant"][data-id]')) {
      const id = p.getAttribute('data-id');
      if (!(id in participants)) participants[id] = p.querySelector('text')?.textContent ?? '';
    }
    return {
      nodes,
      edges,
      participants,
      messages: Array.from(svg.querySelectorAll('text.messageText'), (t) => t.textContent ?? ''),
      loops: Array.from(svg.querySelectorAll('text.loopText'), (t) => t.textContent ?? ''),
    };
  })()`);
}

/**
 * Whether `rows` (a label drawn in rows) reads as `parts`, one after the other. Mermaid wraps
 * SVG labels at spaces, or inside a word too long for a row; HTML labels have one row a part.
 */
function readsAs(rows: string[], parts: string[]): boolean {
  if (!parts.length) return !rows.length;
  const part = parts[0]!;
  const joins = (k: number) => {
    // Row boundaries inside the part: each was a space or a break inside a word.
    const inner = rows.slice(0, k);
    let candidates = [inner[0]!];
    for (const row of inner.slice(1)) candidates = candidates.flatMap((c) => [`${c} ${row}`, c + row]).filter((c) => part.startsWith(c));
    return candidates.includes(part);
  };
  for (let k = 1; k <= rows.length; k++) if (joins(k) && readsAs(rows.slice(k), parts.slice(1))) return true;
  return false;
}

let checked = 0;

/**
 * HTML labels keep the invisible word joiners `flowchartText` puts in (GitHub draws them as
 * nothing): the drawn text and the names are compared without them.
 */
const withoutJoiner = (text: string) => text.replaceAll('\u2060', '');

function withoutJoiners(d: Drawing): Drawing {
  const strip = (rows: string[]) => rows.map(withoutJoiner);
  return { ...d, nodes: Object.fromEntries(Object.entries(d.nodes).map(([k, v]) => [k, strip(v)])), edges: Object.fromEntries(Object.entries(d.edges).map(([k, v]) => [k, strip(v)])) };
}

/**
 * The application drawing against the manifest: one node per system and undeclared reference,
 * each its text (`as` adapts the expected text to what the drawing can show).
 */
function checkApplication(drawing: Drawing, set: DiagramSet, km: KeywordManifest, where: string, as: (text: string) => string = (text) => text): void {
  const ids = Object.keys(drawing.nodes);
  assert.equal(ids.filter((id) => /^s\d+$/.test(id)).length, km.systemLabel.size, `${where}: one node per system`);
  assert.equal(ids.filter((id) => /^x\d+$/.test(id)).length, km.undeclared.length, `${where}: one node per undeclared system`);
  assert.equal(ids.length, km.systemLabel.size + km.undeclared.length, `${where}: nodes`);
  const undeclared = new Set(km.undeclared.map((r) => as(shown(r))));
  for (const [id, rows] of Object.entries(drawing.nodes)) {
    const system = set.application.nodes[id]?.itemId;
    if (system !== undefined) {
      const lines = [km.systemLabel.get(system)!, km.systemKind.get(system)!].map(as);
      assert.ok(readsAs(rows, lines), `${where}: node ${id} (${system}) reads ${JSON.stringify(rows)}, not ${JSON.stringify(lines)}`);
    } else {
      const ref = [...undeclared].find((r) => readsAs(rows, [r, 'not declared under systems']));
      assert.ok(ref !== undefined, `${where}: node ${id} reads ${JSON.stringify(rows)}, no undeclared system`);
      undeclared.delete(ref);
    }
    checked++;
  }
  // The first edge of each integration: its number and name, then its rate as written (here the frequency: no volume).
  for (const [edge, target] of Object.entries(set.application.edges)) {
    const rows = drawing.edges[edge];
    if (!rows || /^\d+$/.test(rows.join(''))) continue;
    const prefix = /^(?:[✖⚠] )?\d+\./.exec(rows[0] ?? '')?.[0];
    assert.ok(prefix, `${where}: edge ${edge} starts with its number: ${JSON.stringify(rows)}`);
    const name = km.integrationLabel.get(target.itemId)!;
    const t = km.integrationCase.get(target.itemId);
    const parts = [`${prefix} ${shown(name, 48)}`, ...(t === undefined ? [] : [shown(t, 32)])].map(as);
    assert.ok(readsAs(rows, parts), `${where}: edge ${edge} (${target.itemId}) reads ${JSON.stringify(rows)}, not ${JSON.stringify(parts)}`);
    checked++;
  }
}

/** The steps drawing: one participant per declaration, each its name; one message per step, each its action. */
function checkSteps(drawing: Drawing, d: InteractionDiagram, km: KeywordManifest, where: string): void {
  const declared = Array.from(d.mermaid.matchAll(/^ {2}(?:participant|actor) (\S+) as /gm), (m) => m[1]!);
  assert.deepEqual(Object.keys(drawing.participants).sort(), [...declared].sort(), `${where}: participants`);
  for (const [id, target] of Object.entries(d.participants)) {
    const expected = target.kind === 'system' ? km.systemLabel.get(target.itemId) : target.kind === 'actor' ? km.actorLabel.get(target.itemId) : undefined;
    if (expected === undefined) continue;
    assert.equal(drawing.participants[id], inSequence(expected), `${where}: participant ${id} (${target.itemId})`);
    checked++;
  }
  const actions = km.stepActions.get(d.integrationId)!;
  assert.equal(drawing.messages.length, d.messages.length, `${where}: messages`);
  assert.deepEqual(drawing.messages.slice(0, actions.length), actions.map(inSequence), `${where}: step actions`);
  checked += actions.length;
}

/** A derived drawing: its trigger, payload, backoff and notify participant carry the case. */
function checkDerived(drawing: Drawing, d: InteractionDiagram, km: KeywordManifest, where: string): void {
  const raw = km.integrationCase.get(d.integrationId)!;
  const t = inSequence(shown(raw));
  const name = inSequence(km.integrationLabel.get(d.integrationId)!);
  assert.equal(drawing.messages.length, d.messages.length, `${where}: messages`);
  if (d.integrationId.startsWith('int_')) {
    assert.deepEqual([drawing.messages[0], drawing.messages[1]], [`Starts ${name}`, inSequence(`${shown(raw, 40)} (${shown(raw)})`)], `${where}: messages`);
    // Mermaid wraps a block's label into rows, at spaces or inside a long word: compared without them.
    const squash = (text: string) => text.replace(/\s+/g, '');
    assert.ok(squash(drawing.loops.join('')).includes(squash(`[Up to 2 retries, ${t} backoff]`)), `${where}: blocks ${JSON.stringify(drawing.loops)}`);
  } else {
    assert.equal(drawing.participants['t0'], `Schedule (${t})`, `${where}: the schedule`);
    assert.equal(drawing.messages[1], name, `${where}: the payload`);
  }
  assert.equal(drawing.participants['n0'], inSequence(shown(raw, 48)), `${where}: who is notified`);
  checked += 4;
}

async function assertClean(p: PreviewPage, what: string): Promise<void> {
  const banner = await p.page.evaluate(() => {
    const b = document.getElementById('banner')!;
    return b.classList.contains('error') ? b.textContent : '';
  });
  assert.equal(banner, '', `${what}: ${banner}`);
  assert.deepEqual([p.errors, p.dialogs, p.external], [[], [], []], `${what}: page errors, dialogs, requests`);
}

/** Shows an interaction diagram: its tab, or its entry in the list that replaces the tabs that do not fit. */
async function showInteraction(p: PreviewPage, integrationId: string): Promise<void> {
  await p.showTab(`i:${integrationId}`);
}

describe('Mermaid keywords drawn literally by Mermaid in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let preview: PreviewPage;
  let plain: Awaited<ReturnType<typeof openPlainMermaid>>;
  let version = 0;

  before(async () => {
    browser = await launch();
    preview = await openPreview(browser, { width: 1200, height: 800 });
    plain = await openPlainMermaid(browser);
  });
  after(async () => {
    if (process.env['KEYWORDS_VERBOSE']) console.log(`  ${CASES.length} cases, ${MANIFESTS.length} manifests, ${checked} labels checked`);
    await close(browser);
  });

  for (const [n, km] of MANIFESTS.entries()) {
    it(`manifest ${n + 1} (${km.kind}, ${km.cases.length} cases): the preview and the docs draw every name as written`, async () => {
      const analysis = analyzeText(km.text, `file:///work/keywords-${n}.integration.yaml`, { today: TODAY });
      const set: DiagramSet = { ...diagramsFor(analysis, { today: TODAY, landscape: { layout: 'whole' } }), version: ++version };
      assert.equal(set.application.focus, undefined, 'the whole application diagram');
      const interaction = (id: string) => set.interactions.find((d) => d.integrationId === id);

      // The preview: SVG labels, decoded after drawing. Each manifest has its own URI, so it opens on the application tab.
      const inPreview = async () => {
        await preview.showSet(set);
        await assertClean(preview, `manifest ${n + 1} application`);
        checkApplication(await read(preview.page, '#canvas svg'), set, km, `preview ${n + 1}`);
        await showInteraction(preview, 'steps');
        await assertClean(preview, `manifest ${n + 1} steps`);
        checkSteps(await read(preview.page, '#canvas svg'), interaction('steps')!, km, `preview ${n + 1} steps`);
        for (const d of ['int_0', 'sched_1'].map(interaction)) {
          if (!d) continue;
          await showInteraction(preview, d.integrationId);
          await assertClean(preview, `manifest ${n + 1} ${d.integrationId}`);
          checkDerived(await read(preview.page, '#canvas svg'), d, km, `preview ${n + 1} ${d.integrationId}`);
        }
      };

      // The docs: the application diagram's ```mermaid block, drawn with HTML labels. (Its
      // interaction diagrams are the preview's text, and sequence diagrams draw no HTML.)
      const inDocs = async () => {
        const portable = diagramsFor(analysis, { today: TODAY, portable: true, direction: PAGE_DIRECTION });
        const markdown = manifestMarkdown(analysis, { source: 'keywords.integration.yaml', today: TODAY });
        const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)![1]!;
        assert.equal(block, portable.application.mermaid.trimEnd());
        const error = await plain.page.evaluate(
          async ([text, key]) => {
            const m = (window as unknown as { mermaid: { parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
            try {
              await m.parse(text);
              document.getElementById('out')!.innerHTML = (await m.render(key, text)).svg;
              return '';
            } catch (e) {
              return String(e);
            }
          },
          [block, `docs${n}`] as const,
        );
        assert.equal(error, '', `docs ${n + 1}`);
        checkApplication(withoutJoiners(await read(plain.page, '#out svg')), portable, km, `docs ${n + 1}`, withoutJoiner);
        assert.deepEqual([plain.dialogs, plain.external, plain.errors], [[], [], []]);
      };

      // Two pages, two renderer processes: the preview and the docs draw side by side.
      await Promise.all([inPreview(), inDocs()]);
    });
  }
});
