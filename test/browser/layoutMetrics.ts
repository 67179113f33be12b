/**
 * How legible the drawn application diagram is, measured in the page: `layoutMetrics.page.ts`
 * bundled by esbuild into one expression (so no helper of the test runner's compiler reaches
 * the page), evaluated in the preview page or in code-server's webview frame.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import type { LayoutMetrics } from './layoutMetrics.page';

export type { Box, LayoutMetrics, Overlap } from './layoutMetrics.page';

let script: string | undefined;

/** The expression that measures the page: `measureLayout()` of layoutMetrics.page.ts, as source text. */
export function measureScript(): string {
  if (!script) {
    const built = buildSync({ entryPoints: [join(__dirname, 'layoutMetrics.page.ts')], bundle: true, format: 'iife', globalName: '__imLayout', platform: 'browser', target: 'es2022', write: false, logLevel: 'warning' });
    script = `(() => { ${built.outputFiles[0]!.text}; return __imLayout.measureLayout(); })()`;
  }
  return script;
}

/** Anything that evaluates an expression in a page or frame (a playwright Page, Frame or Locator's frame). */
export interface Evaluator {
  evaluate<T>(expression: string): Promise<T>;
}

export async function measureLayout(target: Evaluator): Promise<LayoutMetrics> {
  const metrics = await target.evaluate<LayoutMetrics | undefined>(measureScript());
  if (!metrics) throw new Error('no diagram is drawn in the page');
  return metrics;
}

/** One line for a report or an assertion message. */
export function describeMetrics(m: LayoutMetrics): string {
  const kinds = new Map<string, number>();
  for (const o of m.overlaps) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
  const overlaps = kinds.size ? [...kinds].map(([k, n]) => `${n} ${k}`).join(', ') : 'none';
  return `scale ${m.scale.toFixed(2)}, median line ${m.medianLineHeight.toFixed(1)} px (min ${m.minLineHeight.toFixed(1)}), ${m.systems.length - m.outside.length}/${m.systems.length} systems in the panel, overlaps: ${overlaps}, ${m.crossings} crossings`;
}
