/// <reference lib="dom" />
/**
 * The landscape part of the benchmark (SPEC 11 and 16), in the real preview page
 * (test/browser/harness.ts: media/dist in headless Chromium):
 * - `measureLandscape`: manifests of 100, 300 and 500 systems (two integrations per system, 8
 *   domains). Each run opens a fresh preview page and times, inside the page, from the diagram
 *   set arriving (`postMessage`) to the drawing on screen (the page marks it drawn, then one
 *   frame is painted): the overview, the first drawing the page makes (Mermaid's first layout
 *   included). Then a click on the largest domain: from the click, through the page asking for it
 *   expanded, the server's answer to that request (`diagramsAnswer`, the request handler's own
 *   code, in this process, timed apart) as the extension asks it (`only: 'application'`) and posts
 *   it (the application diagram alone), to the expanded drawing on screen. Interleaved with those
 *   runs, the same click answered with the whole set, as before the preview asked for the part.
 * - `measureThreshold`: at 20, 40, 60 and 80 systems, the whole application diagram against the
 *   overview in a 700 × 800 panel (the side panel of SPEC 16): render time and legibility on
 *   screen (nodes wholly in view at first sight, label line height, overlaps), which set
 *   `OVERVIEW_THRESHOLD` (server/src/diagram/landscape.ts).
 *
 * Where the time goes: the pages run a build of the preview with two timers added around
 * Mermaid's render and the tidying pass (`timedBundle`); the rest of the page's time is parsing,
 * fitting, indexing the drawing and painting.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { Browser } from 'playwright-core';
import { analyzeText, type Analysis } from '../server/src/analysis/analyze';
import { diagramsFor } from '../server/src/diagram';
import { diagramsAnswer } from '../server/src/diagram/register';
import { applicationDiagram } from '../server/src/diagram/application';
import { countsByIntegration } from '../server/src/diagram/findings';
import { OVERVIEW_THRESHOLD } from '../server/src/diagram/landscape';
import { isApplicationPart, type ApplicationPart, type DiagramSet } from '../shared/src/diagrams';
import type { LandscapeRequest } from '../shared/src/landscape';
import type { FromWebview, ToWebview } from '../shared/src/webviewMessages';
import { close, launch, openPreview, type PreviewPage } from '../test/browser/harness';
import { measureLayout } from '../test/browser/layoutMetrics';
import { generateManifest } from './generate';
import { ms, percentile, summarize, type Summary } from './stats';

const ROOT = resolve(__dirname, '..');
const TODAY = '2026-11-22';
const URI = 'file:///bench/landscape.integration.yaml';
export const LANDSCAPE_HEADING = '## Landscape (SPEC 11 and 16)';
/** SPEC 16: the overview of 500 systems within 1.5 s of the diagram arriving; one domain expanded within 1.5 s. */
const BAR_MS = 1500;
const SIZES = [100, 300, 500];
const THRESHOLD_SIZES = [20, 40, 60, 80];
const DOMAINS = 8;
const PANEL = { width: 700, height: 800 };
/** How long a drawing may take before the benchmark gives up on it (the whole diagram of 80 systems may take minutes). */
const DRAW_TIMEOUT_MS = 120_000;

/** Times of one drawing: in the page from arrival (or click) to on screen, and the parts of it. */
interface Timing {
  total: number;
  mermaid: number;
  tidy: number;
  /** The server's `diagramsFor` for the request, when the drawing answers a click. */
  server: number;
  /** In the page, from the diagram set arriving to the drawing on screen (the whole of `total` for the overview). */
  page: number;
}

export interface LandscapeSize {
  systems: number;
  integrations: number;
  /** Mermaid text of the overview. */
  overviewKb: number;
  overviewServer: Summary;
  overview: Timing[];
  domain: string;
  domainSystems: number;
  expandedKb: number;
  /** The whole diagram set as JSON (every interaction diagram and the checklist): what an expansion re-sent before. */
  setKb: number;
  /** The answer the preview asks for an expansion now (the application diagram alone), as JSON. */
  partKb: number;
  /** The click answered with the application diagram alone (the preview's path). */
  expand: Timing[];
  /** The same click answered with the whole set (the path before), in runs interleaved with those. */
  expandWhole: Timing[];
}

export interface ThresholdRow {
  systems: number;
  integrations: number;
  layout: 'whole' | 'overview';
  render: Summary;
  nodes: number;
  inView: number;
  medianLine: number;
  minLine: number;
  overlaps: number;
  crossings: number;
  error?: string;
}

export interface LandscapeResult {
  sizes: LandscapeSize[];
  threshold: ThresholdRow[];
}

export async function measureLandscape(quick: boolean, tmp: string): Promise<LandscapeResult> {
  const mediaDir = await timedBundle(join(tmp, 'landscape-media'));
  let browser: Browser | undefined;
  /** The browser, launched again if it went away (a crash of Chromium costs one row, not the run). */
  const connected = async (): Promise<Browser> => {
    if (browser?.isConnected()) return browser;
    await close(browser);
    return (browser = await launch());
  };
  try {
    const sizes: LandscapeSize[] = [];
    for (const systems of SIZES) {
      console.log(`landscape: ${systems} systems...`);
      const size = await measureSize(await connected(), mediaDir, systems, quick ? 3 : 7);
      console.log(`  ${sizeLine(size)}`);
      sizes.push(size);
    }
    const threshold: ThresholdRow[] = [];
    for (const systems of THRESHOLD_SIZES) {
      console.log(`landscape threshold: ${systems} systems...`);
      const rows = await measureThresholdSize(connected, mediaDir, systems, quick ? 1 : 3);
      for (const row of rows) console.log(`  ${thresholdLine(row)}`);
      threshold.push(...rows);
    }
    return { sizes, threshold };
  } finally {
    await close(browser);
  }
}

function manifestOf(systems: number): string {
  return generateManifest({ integrations: 2 * systems, systems, domains: DOMAINS, seed: 7000 + systems });
}

/** The diagram set the server sends for `request`, and how long `diagramsFor` took (the analysis is the server's, made once). */
function setOf(analysis: Analysis, landscape: LandscapeRequest = {}): { set: DiagramSet; ms: number } {
  const start = performance.now();
  const set = diagramsFor(analysis, { today: TODAY, landscape });
  return { set: { ...set, version: 1 }, ms: performance.now() - start };
}

export async function measureSize(browser: Browser, mediaDir: string, systems: number, runs: number): Promise<LandscapeSize> {
  const analysis = analyzeText(manifestOf(systems), URI, { today: TODAY });
  const first = setOf(analysis);
  const app = first.set.application;
  if (!app.overview) throw new Error(`bench: ${systems} systems did not open on the overview`);
  const largest = [...app.overview.groups].sort((a, b) => b.systems - a.systems)[0]!;
  const serverTimes: number[] = [first.ms];
  const overview: Timing[] = [];
  const expand: Timing[] = [];
  const expandWhole: Timing[] = [];
  let expandedKb = 0;
  let setKb = 0;
  let partKb = 0;
  // The runs answered with the whole set come between those answered with the part: one in two, as many as fit.
  const plan: ('whole' | 'part')[] = Array.from({ length: runs + Math.floor(runs / 2) }, (_, i) => (i % 3 === 1 ? 'whole' : 'part'));
  for (const path of plan) {
    const p = await openPreview(browser, { ...PANEL, mediaDir });
    try {
      p.page.setDefaultTimeout(120_000);
      // As in VS Code: the page says it is ready, then the server makes the diagram set, then it arrives.
      const again = setOf(analysis);
      serverTimes.push(again.ms);
      const shown = await drawTimed(p, { type: 'diagrams', set: again.set });
      overview.push({ ...shown, server: 0, page: shown.total });
      await assertDrawn(p, app.overview.groups.length, `the overview of ${systems} systems`);
      // The click, as a person makes it; the page asks for the domain expanded; the server answers.
      const clicked = await p.page.evaluate((title) => {
        const node = Array.from(document.querySelectorAll('#canvas g.node')).find((n) => (n.textContent ?? '').startsWith(title));
        const at = performance.now();
        (node?.querySelector('[data-im]') ?? node)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        return node ? at : undefined;
      }, largest.title);
      if (clicked === undefined) throw new Error(`bench: no node of ${largest.title} to click`);
      await p.page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'landscape'));
      const asked = (await p.posted()).find((m): m is Extract<FromWebview, { type: 'landscape' }> => m.type === 'landscape')!;
      const answer = answerOf(analysis, asked.request, path);
      const { application } = answer.answer;
      expandedKb = application.mermaid.length / 1024;
      if (path === 'part') partKb = JSON.stringify(answer.answer).length / 1024;
      else setKb = JSON.stringify(answer.answer).length / 1024;
      const done = await drawTimed(p, isApplicationPart(answer.answer) ? { type: 'application', part: answer.answer } : { type: 'diagrams', set: answer.answer });
      (path === 'part' ? expand : expandWhole).push({ ...done, total: done.end - clicked, server: answer.ms, page: done.total });
      const expandedSystems = Object.values(application.nodes).filter((n) => n.kind === 'system').length;
      if (expandedSystems !== largest.systems) throw new Error(`bench: ${largest.title} drew ${expandedSystems} of its ${largest.systems} systems`);
      await assertDrawn(p, app.overview.groups.length - 1 + largest.systems, `${largest.title} expanded`);
    } finally {
      await p.page.context().close();
    }
  }
  return {
    systems,
    integrations: 2 * systems,
    overviewKb: app.mermaid.length / 1024,
    overviewServer: summarize(serverTimes),
    overview,
    domain: largest.title,
    domainSystems: largest.systems,
    expandedKb,
    setKb,
    partKb,
    expand,
    expandWhole,
  };
}

/** The server's answer to the page's request, as the extension asks it (`only: 'application'`) or, for the path before, whole; and how long it took. */
function answerOf(analysis: Analysis, landscape: LandscapeRequest, path: 'part' | 'whole'): { answer: ApplicationPart | DiagramSet; ms: number } {
  const start = performance.now();
  const answer = diagramsAnswer(analysis, { landscape, ...(path === 'part' ? { only: 'application' as const } : {}) });
  return { answer: { ...answer, version: 1 }, ms: performance.now() - start };
}

async function measureThresholdSize(browser: () => Promise<Browser>, mediaDir: string, systems: number, runs: number): Promise<ThresholdRow[]> {
  const text = manifestOf(systems);
  const analysis = analyzeText(text, URI, { today: TODAY });
  const overview = { ...diagramsFor(analysis, { today: TODAY, landscape: { layout: 'overview' } }), version: 1 };
  // The whole application diagram, however large (the preview would draw the focus view beyond 60 systems).
  const whole: DiagramSet = { ...overview, application: applicationDiagram(analysis.manifest, { counts: countsByIntegration(analysis), edgeIds: true, direction: 'LR' }) };
  const rows: ThresholdRow[] = [];
  for (const [layout, set] of [['whole', whole], ['overview', overview]] as const) {
    const times: number[] = [];
    let row: ThresholdRow | undefined;
    for (let run = 0; run < runs; run++) {
      let p: PreviewPage | undefined;
      try {
        p = await openPreview(await browser(), { ...PANEL, mediaDir });
        p.page.setDefaultTimeout(120_000);
        const t = await drawTimed(p, { type: 'diagrams', set });
        const failed = await p.page.evaluate(() => document.querySelector('.error-message')?.textContent ?? '');
        if (failed) {
          row = { ...emptyRow(systems, layout), error: `Mermaid error: ${failed.split('\n')[0]!.slice(0, 80)}` };
          break;
        }
        times.push(t.total);
        if (run === runs - 1) {
          const m = await measureLayout(p.page);
          const nodes = await nodesInView(p);
          row = { systems, integrations: 2 * systems, layout, render: summarize(times), nodes: nodes.all, inView: nodes.inView, medianLine: m.medianLineHeight, minLine: m.minLineHeight, overlaps: m.overlaps.length, crossings: m.crossings };
        }
      } catch (e) {
        row = { ...emptyRow(systems, layout), error: e instanceof Error ? e.message.split('\n')[0]!.slice(0, 80) : String(e) };
        // A page still laying out does not close: the browser goes (and is launched again for the next row).
        await p?.page.context().browser()?.close();
        break;
      } finally {
        await p?.page.context().close().catch(() => undefined);
      }
    }
    rows.push(row!);
  }
  return rows;
}

function emptyRow(systems: number, layout: 'whole' | 'overview'): ThresholdRow {
  return { systems, integrations: 2 * systems, layout, render: summarize([NaN]), nodes: NaN, inView: NaN, medianLine: NaN, minLine: NaN, overlaps: NaN, crossings: NaN };
}

/**
 * Posts `message` (a diagram set, or the application diagram alone) to the page as the extension does, and waits in the page for the drawing to be
 * marked done and one frame painted. Times in the page's clock: from posting the message (so its
 * copy into the page counts) to then, with the parts the timed build recorded meanwhile; `end`
 * is the page's clock at the end.
 */
async function drawTimed(p: PreviewPage, message: ToWebview): Promise<Omit<Timing, 'server' | 'page'> & { end: number }> {
  await p.page.evaluate((message) => {
    const w = window as unknown as { __arrived: number; __drawn?: Promise<number>; __imTimes: { mermaid: number; tidy: number } };
    w.__imTimes = { mermaid: 0, tidy: 0 };
    const before = `${document.body.dataset['rendered'] ?? ''}|${document.body.dataset['renderError'] ?? ''}`;
    w.__drawn = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (`${document.body.dataset['rendered'] ?? ''}|${document.body.dataset['renderError'] ?? ''}` === before) return;
        observer.disconnect();
        // On screen: the frame after the change is painted. (No named functions in code run in the
        // page: the benchmark's compiler would wrap them in a helper the page lacks.)
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      });
      observer.observe(document.body, { attributes: true, attributeFilter: ['data-rendered', 'data-render-error'] });
    });
    w.__arrived = performance.now();
    window.postMessage(message, '*');
  }, message);
  const drawn = p.page.evaluate(async () => {
    const w = window as unknown as { __arrived: number; __drawn: Promise<number>; __imTimes: { mermaid: number; tidy: number } };
    const end = await w.__drawn;
    return { total: end - w.__arrived, end, mermaid: w.__imTimes.mermaid, tidy: w.__imTimes.tidy };
  });
  // Timed out here, not in the page: Mermaid's layout holds the page's thread, timers there wait for it. The caller closes the page.
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not drawn within ${DRAW_TIMEOUT_MS / 1000} s`)), DRAW_TIMEOUT_MS)));
  try {
    return await Promise.race([drawn, late]);
  } finally {
    clearTimeout(timer);
    drawn.catch(() => undefined);
  }
}

async function assertDrawn(p: PreviewPage, nodes: number, what: string): Promise<void> {
  const failed = await p.page.evaluate(() => document.querySelector('.error-message')?.textContent ?? '');
  if (failed) throw new Error(`bench: ${what}: Mermaid error: ${failed.split('\n')[0]}`);
  const drawn = await p.page.locator('#canvas g.node').count();
  if (drawn !== nodes) throw new Error(`bench: ${what}: ${drawn} nodes drawn, ${nodes} expected`);
}

/** Nodes of the drawing (systems and domains) and how many lie wholly inside the panel. */
function nodesInView(p: PreviewPage): Promise<{ all: number; inView: number }> {
  return p.page.evaluate(() => {
    const panel = document.getElementById('viewport')!.getBoundingClientRect();
    const nodes = Array.from(document.querySelectorAll('#canvas g.node')).map((n) => n.getBoundingClientRect());
    return { all: nodes.length, inView: nodes.filter((r) => r.left >= panel.left - 1 && r.right <= panel.right + 1 && r.top >= panel.top - 1 && r.bottom <= panel.bottom + 1).length };
  });
}

/**
 * The preview with a timer around Mermaid's render and one around the tidying pass
 * (media/src/render.ts), adding their milliseconds to `window.__imTimes`. Fails when render.ts no
 * longer reads so, rather than time nothing.
 */
export async function timedBundle(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const timers: Plugin = {
    name: 'landscape-timers',
    setup(b) {
      b.onLoad({ filter: /media[\\/]src[\\/]render\.ts$/ }, (args) => {
        let source = readFileSync(args.path, 'utf8');
        const wrap = (from: string, key: 'mermaid' | 'tidy') => {
          if (source.split(from).length !== 2) throw new Error(`bench: media/src/render.ts has no single \`${from}\` to time`);
          const times = '(window as unknown as { __imTimes?: Record<string, number> }).__imTimes';
          source = source.replace(from, `const __t_${key} = performance.now(); ${from} if (${times}) ${times}!['${key}']! += performance.now() - __t_${key};`);
        };
        wrap('const { svg } = await mermaid.render(id, text, offscreen);', 'mermaid');
        wrap('tidyFlowchart(svgElement);', 'tidy');
        return { contents: source, loader: 'ts' };
      });
    },
  };
  await build({ entryPoints: [join(ROOT, 'media/src/preview.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, outfile: join(dir, 'preview.js'), plugins: [timers], logLevel: 'warning' });
  return dir;
}

// ----- the report -----

const stat = (values: number[]) => `median ${ms(percentile(values, 0.5))}, worst ${ms(Math.max(...values))}`;
const met = (ok: boolean) => (ok ? '**met**' : '**not met**');

export function landscapeSection(r: LandscapeResult, measured: string): string[] {
  const big = r.sizes.find((s) => s.systems === 500);
  const worst = (t: Timing[]) => Math.max(...t.map((x) => x.total));
  const lines = [
    LANDSCAPE_HEADING,
    '',
    `${measured}.`,
    '',
    `Generated manifests (\`bench/generate.ts\`, seeds 7100, 7300, 7500) of 100, 300 and 500 systems, two integrations per system, spread over ${DOMAINS} domains, in the real preview page (media/dist, headless Chromium, a ${PANEL.width} × ${PANEL.height} panel), by \`bench/landscape.ts\`. Each run is a fresh page: the overview is the first drawing it makes (Mermaid's first layout included), timed in the page from the diagram set arriving to the frame after the page marks it drawn. Then a click on the largest domain, timed from the click, through the page asking for it expanded and the server's answer to that request as the extension asks it (\`diagramsAnswer\` with \`only: 'application'\`, the request handler's code, here in the benchmark's process between the page's two messages), to the expanded drawing on screen. Median and worst of ${big?.overview.length ?? 0} runs for the overview, ${big?.expand.length ?? 0} for the expansion and ${big?.expandWhole.length ?? 0} for the expansion answered with the whole set.`,
    '',
    '| bar (SPEC 16) | measured | |',
    '| --- | --- | --- |',
    big ? `| 500 systems, 1,000 integrations: the overview within ${BAR_MS} ms of the diagram arriving | ${stat(big.overview.map((t) => t.total))} ms | ${met(worst(big.overview) <= BAR_MS)} |` : `| the overview of 500 systems | n/a | |`,
    big ? `| one domain expanded within ${BAR_MS} ms (${big.domain}, ${big.domainSystems} systems) | ${stat(big.expand.map((t) => t.total))} ms | ${met(worst(big.expand) <= BAR_MS)} |` : `| one domain expanded | n/a | |`,
    '',
    `The preview asks for an expansion with \`only: 'application'\` and the extension posts the application diagram alone: ${r.sizes.map((s) => `${Math.round(s.partKb).toLocaleString('en')} KB of JSON at ${s.systems} systems`).join(', ')}, where the whole set (every interaction diagram and the checklist) it re-sent before is ${r.sizes.map((s) => `${Math.round(s.setKb).toLocaleString('en')} KB`).join(', ')}. In the benchmark the answer travels from this process into the page through the browser's debugging protocol; in VS Code, over the language server's stdio and into the webview. The runs answered with the whole set (the path before) are interleaved with the others, on fresh pages of the same build.`,
    '',
    '| systems | integrations | overview: Mermaid text | `diagramsFor` | overview on screen | medians: Mermaid / tidying | domain expanded | its Mermaid text | click to expanded on screen | medians: the server\'s answer / in the page / of which Mermaid / tidying | answered with the whole set (before) | medians: the server\'s answer / in the page |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of r.sizes) lines.push(`| ${s.systems} | ${s.integrations} | ${s.overviewKb.toFixed(1)} KB | median ${ms(s.overviewServer.median)} | ${sizeLine(s, ' | ')} |`);
  lines.push(
    '',
    '### The overview threshold',
    '',
    `Generated manifests of ${THRESHOLD_SIZES.join(', ')} systems (two integrations per system, ${DOMAINS} domains, seeds 7020 to 7080), drawn whole (every system: the application diagram as the preview would draw it were it small) and as the overview, in the same ${PANEL.width} × ${PANEL.height} panel. Render: from the set arriving to the drawing on screen, a fresh page each run (median and worst). Legibility on screen at first sight (\`test/browser/layoutMetrics.page.ts\`): nodes (systems, or domains) wholly in the panel, the label line height at the zoom the preview chose (SPEC 16 asks for 12 px at least), overlaps between labels, nodes and lines, crossings of two edges. The preview opens on the overview beyond ${OVERVIEW_THRESHOLD.systems} systems or ${OVERVIEW_THRESHOLD.integrations} integrations (\`OVERVIEW_THRESHOLD\`).`,
    '',
    '| systems | integrations | drawn | render | nodes in view | label lines (median / least) | overlaps | crossings |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const t of r.threshold) lines.push(`| ${t.systems} | ${t.integrations} | ${t.layout} | ${thresholdLine(t, ' | ')} |`);
  lines.push('');
  return lines;
}

/** The times of a size: cells of the report's table (from the overview on screen), or one line for the console. */
function sizeLine(s: LandscapeSize, separator?: string): string {
  const med = (t: Timing[], k: keyof Timing) => ms(percentile(t.map((x) => x[k]), 0.5));
  const cells = [
    stat(s.overview.map((t) => t.total)),
    `${med(s.overview, 'mermaid')} / ${med(s.overview, 'tidy')}`,
    `${s.domain} (${s.domainSystems} systems)`,
    `${s.expandedKb.toFixed(1)} KB`,
    stat(s.expand.map((t) => t.total)),
    `${med(s.expand, 'server')} / ${med(s.expand, 'page')} / ${med(s.expand, 'mermaid')} / ${med(s.expand, 'tidy')}`,
    stat(s.expandWhole.map((t) => t.total)),
    `${med(s.expandWhole, 'server')} / ${med(s.expandWhole, 'page')}`,
  ];
  return separator
    ? cells.join(separator)
    : `overview ${cells[0]} ms (Mermaid / tidying ${cells[1]}); ${cells[2]} expanded ${cells[4]} ms (server / in the page / Mermaid / tidying ${cells[5]}); with the whole set ${cells[6]} ms (server / in the page ${cells[7]})`;
}

/** The measures of a threshold row: cells of the report's table, or one line for the console. */
function thresholdLine(t: ThresholdRow, separator?: string): string {
  if (t.error) return separator ? [t.error, '', '', '', ''].join(separator) : `${t.systems} systems, ${t.layout}: ${t.error}`;
  const cells = [`median ${ms(t.render.median)}, worst ${ms(t.render.max)} ms`, `${t.inView} / ${t.nodes}`, `${t.medianLine.toFixed(1)} / ${t.minLine.toFixed(1)} px`, String(t.overlaps), String(t.crossings)];
  return separator ? cells.join(separator) : `${t.systems} systems, ${t.layout}: render ${cells[0]}; in view ${cells[1]}; lines ${cells[2]}; overlaps ${cells[3]}; crossings ${cells[4]}`;
}

/** Puts the landscape section in place of an earlier one, or at the end. */
export function spliceLandscapeSection(report: string, section: string[]): string {
  const text = section.join('\n');
  const start = report.indexOf(`\n${LANDSCAPE_HEADING}\n`);
  if (start < 0) return `${report.trimEnd()}\n\n${text}`;
  const end = report.indexOf('\n## ', start + 1 + LANDSCAPE_HEADING.length);
  return report.slice(0, start + 1) + text + (end < 0 ? '' : report.slice(end));
}
