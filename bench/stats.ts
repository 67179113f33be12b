/** Timing helpers for the benchmark: repeated runs, percentiles, and the machine it ran on. */
import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** The value at `p` (0..1) of the sorted samples (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export interface Summary {
  runs: number;
  median: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return { runs: samples.length, median: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: Math.max(...samples) };
}

/** Wall-clock milliseconds of `runs` calls of `f` (after one warm-up call). */
export function timeRuns(runs: number, f: (run: number) => void): number[] {
  f(-1);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function timeAsync<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await f();
  return { ms: performance.now() - start, value };
}

export function machine(): string {
  const cores = cpus();
  return [
    `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'})`,
    `${(totalmem() / 2 ** 30).toFixed(1)} GB memory (${(freemem() / 2 ** 30).toFixed(1)} GB free)`,
    `Node ${process.version}`,
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} (1 / 5 / 15 min) at the start`,
  ].join(', ');
}

export const ms = (value: number): string => (Number.isNaN(value) ? 'n/a' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
