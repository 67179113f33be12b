/**
 * The diagram part of the benchmark, in the real preview page (test/browser/harness.ts:
 * media/dist in headless Chromium):
 * - `renderDiagrams`: `diagramsFor` and the render of the application diagram on manifests of
 *   10, 20, 40, 50, 200 and 500 systems (two integrations per system), beside the first wave's
 *   figures (Mermaid 11 and dagre, before the readability work of SPEC 9);
 * - `compareLayouts`: ELK or dagre, with and without the preview's tidying (media/src/tidy.ts),
 *   on every example and on generated manifests of 5 to 40 systems in a 700 × 800 panel:
 *   overlaps and crossings (test/browser/layoutMetrics.page.ts), systems in view at first
 *   sight, label line height on screen, render time. The variants are builds of the preview
 *   with the layout or the tidying switched (`variantBundle`).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { Browser } from 'playwright-core';
import { analyzeText } from '../server/src/analysis/analyze';
import { diagramsFor } from '../server/src/diagram';
import type { ApplicationDiagram, DiagramSet } from '../shared/src/diagrams';
import { close, launch, openPreview, setOf } from '../test/browser/harness';
import { measureLayout, type LayoutMetrics } from '../test/browser/layoutMetrics';
import { generateManifest } from './generate';
import { percentile, summarize, timeRuns, type Summary } from './stats';

const ROOT = resolve(__dirname, '..');

export interface DiagramResult {
  systems: number;
  integrations: number;
  generate: Summary;
  /** What the preview shows instead of the whole diagram, if anything. */
  focus: string | undefined;
  mermaidChars: number;
  renderMs: number | undefined;
  renderError: string | undefined;
  /** How the whole application diagram fares when drawn anyway. */
  whole: string;
  /** The first wave's render of the same size (BENCHMARKS.md of 2026-11-22: Mermaid 11, dagre), when it was measured. */
  firstWave: string;
}

const SIZES = [10, 20, 40, 50, 200, 500];
/** The first wave's figures (render in the preview; whole diagram instead), measured 2026-11-22 with Mermaid 11.17 and dagre. */
const FIRST_WAVE: Record<number, string> = { 50: '360 ms (whole: 1354 ms)', 200: '633 ms (whole: 11986 ms)', 500: '1388 ms (whole: not drawn within 120 s)' };
/** How long a whole diagram may take to draw before the benchmark gives up on it. */
const WHOLE_TIMEOUT_MS = 120_000;

export async function renderDiagrams(quick: boolean): Promise<DiagramResult[]> {
  const browser = await launch();
  try {
    const results: DiagramResult[] = [];
    let version = 1;
    for (const systems of SIZES) {
      console.log(`diagrams: ${systems} systems...`);
      const integrations = systems * 2;
      const text = generateManifest({ integrations, systems, seed: 5000 + systems });
      const analysis = analyzeText(text, 'file:///bench/diagram.integration.yaml', { today: '2026-11-22' });
      const generate = timeRuns(quick ? 3 : 7, () => diagramsFor(analysis, { today: '2026-11-22' }));
      const set = diagramsFor(analysis, { today: '2026-11-22' });
      const focus = set.application.focus;
      const renders: number[] = [];
      let renderError: string | undefined;
      for (let i = 0; i < (quick ? 1 : 3); i++) {
        const r = await renderOnce(browser, { ...set, version: version++ });
        if (r.error) renderError = r.error;
        else renders.push(r.ms);
      }
      let whole = 'is what is shown';
      if (focus) {
        const all = diagramsFor(analysis, { today: '2026-11-22', portable: true });
        const w = await renderOnce(browser, { ...set, application: withoutFocus(all.application), version: version++ }, WHOLE_TIMEOUT_MS);
        whole = `${(all.application.mermaid.length / 1024).toFixed(0)} KB of Mermaid: ${w.error ? w.error : `${Math.round(w.ms)} ms`}`;
      }
      results.push({
        systems,
        integrations,
        generate: summarize(generate),
        focus: focus ? `focus view: ${focus.shownSystems} of ${focus.totalSystems} systems, ${focus.shownIntegrations} of ${focus.totalIntegrations} integrations` : undefined,
        mermaidChars: set.application.mermaid.length,
        renderMs: renders.length ? percentile(renders, 0.5) : undefined,
        renderError,
        whole,
        firstWave: FIRST_WAVE[systems] ?? 'not measured',
      });
    }
    return results;
  } finally {
    await close(browser);
  }
}

/** Opens a fresh preview page, warms Mermaid up, and times the render of `set` (or says why it failed); measures the drawing when asked. */
async function renderOnce(browser: Browser, set: DiagramSet, timeoutMs = 60_000, options: { width?: number; height?: number; mediaDir?: string; measure?: boolean } = {}): Promise<{ ms: number; error?: string; metrics?: LayoutMetrics }> {
  const preview = await openPreview(browser, options);
  try {
    await preview.showSet(warmUp(set));
    preview.page.setDefaultTimeout(timeoutMs);
    const start = performance.now();
    try {
      await preview.showSet(set);
    } catch {
      return { ms: NaN, error: `not drawn within ${timeoutMs / 1000} s` };
    }
    const ms = performance.now() - start;
    const failed = await preview.page.evaluate(() => document.querySelector('.error-message')?.textContent ?? '');
    if (failed) return { ms, error: `Mermaid error: ${failed.split('\n')[0]!.slice(0, 80)}` };
    return options.measure ? { ms, metrics: await measureLayout(preview.page) } : { ms };
  } finally {
    await preview.page.context().close();
  }
}

/** A one-edge diagram, so that the timed render does not include loading Mermaid. */
function warmUp(set: DiagramSet): DiagramSet {
  return { ...set, version: 0, application: { ...withoutFocus(set.application), mermaid: 'flowchart LR\n  a --> b', nodes: {}, edges: {} } };
}

/** The application diagram drawn whole: without the focus view's note. */
function withoutFocus(application: ApplicationDiagram): ApplicationDiagram {
  const { focus: _focus, ...whole } = application;
  return whole;
}

// ----- ELK or dagre -----

export interface LayoutVariant {
  key: string;
  label: string;
  layout: 'elk' | 'dagre';
  tidy: boolean;
}

export const VARIANTS: LayoutVariant[] = [
  { key: 'elk', label: 'ELK, tidied (the preview)', layout: 'elk', tidy: true },
  { key: 'dagre', label: 'dagre, tidied', layout: 'dagre', tidy: true },
  { key: 'elk-raw', label: 'ELK as Mermaid draws it', layout: 'elk', tidy: false },
  { key: 'dagre-raw', label: 'dagre as Mermaid draws it', layout: 'dagre', tidy: false },
];

export interface LayoutCase {
  name: string;
  systems: number;
  edges: number;
}

export interface LayoutRow {
  variant: LayoutVariant;
  case: LayoutCase;
  renderMs: number;
  /** How many renders the time is the median of. */
  runs: number;
  overlaps: number;
  /** `2 label/line, 1 arrow/label` */
  kinds: string;
  crossings: number;
  inView: number;
  medianLine: number;
  error?: string;
}

/** The panel the comparison draws in: a side panel of an ordinary laptop screen (SPEC 16). */
export const PANEL = { width: 700, height: 800 };
const GENERATED = [5, 10, 20, 30, 40];

export async function compareLayouts(quick: boolean, tmp: string): Promise<LayoutRow[]> {
  const cases: { case: LayoutCase; set: DiagramSet }[] = [];
  for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.integration.yaml')).sort()) {
    const set = setOf(`examples/${file}`, { uri: `file:///bench/${file}` });
    cases.push({ case: { name: file.replace('.integration.yaml', ''), systems: set.application.systemCount, edges: set.application.edgeCount }, set });
  }
  for (const systems of GENERATED) {
    const set = setOf(generateManifest({ integrations: 2 * systems, systems, seed: 5000 + systems }), { uri: 'file:///bench/generated.integration.yaml' });
    cases.push({ case: { name: `generated, ${systems} systems`, systems: set.application.systemCount, edges: set.application.edgeCount }, set });
  }
  const browser = await launch();
  const rows: LayoutRow[] = [];
  try {
    for (const variant of VARIANTS) {
      const mediaDir = await variantBundle(variant, join(tmp, variant.key));
      // Times for the two that are compared as products; the raw ones only for what tidying changes.
      const runs = quick || !variant.tidy ? 1 : 3;
      for (const { case: c, set } of cases) {
        console.log(`layouts: ${variant.key}, ${c.name}...`);
        const times: number[] = [];
        let last: Awaited<ReturnType<typeof renderOnce>> | undefined;
        for (let i = 0; i < runs; i++) {
          last = await renderOnce(browser, { ...set, version: i + 1 }, 120_000, { ...PANEL, mediaDir, measure: i === runs - 1 });
          if (!last.error) times.push(last.ms);
        }
        const m = last?.metrics;
        const kinds = new Map<string, number>();
        for (const o of m?.overlaps ?? []) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
        rows.push({
          variant,
          case: c,
          renderMs: times.length ? percentile(times, 0.5) : NaN,
          runs: times.length,
          overlaps: m?.overlaps.length ?? NaN,
          kinds: [...kinds].map(([k, n]) => `${n} ${k}`).join(', '),
          crossings: m?.crossings ?? NaN,
          inView: m ? m.systems.length - m.outside.length : NaN,
          medianLine: m?.medianLineHeight ?? NaN,
          ...(last?.error ? { error: last.error } : {}),
        });
      }
    }
  } finally {
    await close(browser);
  }
  return rows;
}

/**
 * The preview built with another layout or without tidying: media/src/render.ts with its
 * `layout: 'elk'` (and its call of `tidyFlowchart`) replaced. Fails when render.ts no longer
 * reads so, rather than measure the product twice.
 */
async function variantBundle(variant: LayoutVariant, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const swap: Plugin = {
    name: 'layout-variant',
    setup(b) {
      b.onLoad({ filter: /media[\\/]src[\\/]render\.ts$/ }, (args) => {
        let source = readFileSync(args.path, 'utf8');
        const replace = (from: string, to: string) => {
          if (source.split(from).length !== 2) throw new Error(`bench: media/src/render.ts has no single \`${from}\` to switch for the ${variant.key} variant`);
          source = source.replace(from, to);
        };
        replace("layout: 'elk',", `layout: '${variant.layout}',`);
        if (!variant.tidy) replace('tidyFlowchart(svgElement);', '');
        return { contents: source, loader: 'ts' };
      });
    },
  };
  await build({ entryPoints: [join(ROOT, 'media/src/preview.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, outfile: join(dir, 'preview.js'), plugins: [swap], logLevel: 'warning' });
  return dir;
}
