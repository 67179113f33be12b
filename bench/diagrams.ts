/**
 * The diagram part of the benchmark: `diagramsFor` on manifests of 50, 200 and 500 systems,
 * and the render of their application diagram by the bundled Mermaid in the real preview
 * page (test/browser/harness.ts: media/dist in headless Chromium).
 */
import type { Browser } from 'playwright-core';
import { analyzeText } from '../server/src/analysis/analyze';
import { diagramsFor } from '../server/src/diagram';
import type { ApplicationDiagram, DiagramSet } from '../shared/src/diagrams';
import { close, launch, openPreview } from '../test/browser/harness';
import { generateManifest } from './generate';
import { percentile, summarize, timeRuns, type Summary } from './stats';

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
}

const SIZES = [50, 200, 500];
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
      const whole = diagramsFor(analysis, { today: '2026-11-22', portable: true });
      const w = await renderOnce(browser, { ...set, application: withoutFocus(whole.application), version: version++ }, WHOLE_TIMEOUT_MS);
      results.push({
        systems,
        integrations,
        generate: summarize(generate),
        focus: focus ? `focus view: ${focus.shownSystems} of ${focus.totalSystems} systems, ${focus.shownIntegrations} of ${focus.totalIntegrations} integrations` : undefined,
        mermaidChars: set.application.mermaid.length,
        renderMs: renders.length ? percentile(renders, 0.5) : undefined,
        renderError,
        whole: focus
          ? `${(whole.application.mermaid.length / 1024).toFixed(0)} KB of Mermaid: ${w.error ? w.error : `${Math.round(w.ms)} ms`}`
          : 'is what is shown',
      });
    }
    return results;
  } finally {
    await close(browser);
  }
}

/** Opens a fresh preview page, warms Mermaid up, and times the render of `set` (or says why it failed). */
async function renderOnce(browser: Browser, set: DiagramSet, timeoutMs = 60_000): Promise<{ ms: number; error?: string }> {
  const preview = await openPreview(browser);
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
    return failed ? { ms, error: `Mermaid error: ${failed.split('\n')[0]!.slice(0, 80)}` } : { ms };
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
