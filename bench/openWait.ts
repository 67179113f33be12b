/**
 * How long requests wait while the server opens a very large manifest (SPEC 16, "Opening":
 * no request waits more than 100 ms behind the opening of any manifest, 10 MB included).
 * A small manifest is open; the large one is opened; until its first diagnostics arrive,
 * hover and completion are asked on the small one, one after the other with a short pause,
 * each timed from sending to the answer.
 */
import { generateManifest } from './generate';
import { pullDiagnostics, type ServerProcess } from './lspClient';
import { ms, summarize, type Summary } from './stats';

export interface OpenWaitResult {
  mb: number;
  integrations: number;
  /** From `didOpen` to the large manifest's first diagnostics. */
  openToDiagnostics: number;
  /** Every request asked on the small manifest meanwhile. */
  waits: Summary;
  /** The requests that waited over `LONG_WAIT_MS`: when they were asked (ms after `didOpen`) and how long they waited. */
  longWaits: { at: number; ms: number }[];
  memory: { rssMb: number; peakRssMb: number } | undefined;
  /** When the `didOpen` was sent (ms since the epoch), to find the long waits in a profile of the server. */
  openedAt: number;
}

/** A wait worth naming on its own (half the bar of SPEC 16). */
export const LONG_WAIT_MS = 50;

const SMALL = 'file:///bench/small.integration.yaml';
const LARGE = 'file:///bench/large.integration.yaml';

/** 33,000 integrations that say little each: ≈ 10 MB. */
export const LARGE_INTEGRATIONS = 33_000;

export async function openWait(srv: ServerProcess, integrations = LARGE_INTEGRATIONS): Promise<OpenWaitResult> {
  const { connection } = srv;
  const small = generateManifest({ integrations: 100, seed: 7 });
  const large = generateManifest({ integrations, detail: 0 });
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: SMALL, languageId: 'integration-manifest', version: 1, text: small } });
  await pullDiagnostics(connection, SMALL);
  const lineOf = (text: string, offset: number) => ({ line: text.slice(0, offset).split('\n').length - 1, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) });
  const completionAt = lineOf(small, small.indexOf('    mode: ') + 10);
  const hoverAt = lineOf(small, small.indexOf('    pattern: ') + 6);
  const ask = (i: number) =>
    i % 2 === 0
      ? connection.sendRequest('textDocument/completion', { textDocument: { uri: SMALL }, position: completionAt })
      : connection.sendRequest('textDocument/hover', { textDocument: { uri: SMALL }, position: hoverAt });
  for (let i = 0; i < 20; i++) await ask(i); // warm-up

  const start = performance.now();
  const openedAt = Date.now();
  let done = false;
  const opened = (async () => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: LARGE, languageId: 'integration-manifest', version: 1, text: large } });
    await pullDiagnostics(connection, LARGE);
    done = true;
    return performance.now() - start;
  })();
  const waits: number[] = [];
  const longWaits: { at: number; ms: number }[] = [];
  for (let i = 0; !done; i++) {
    const asked = performance.now();
    await ask(i);
    const waited = performance.now() - asked;
    waits.push(waited);
    if (waited > LONG_WAIT_MS) longWaits.push({ at: asked - start, ms: waited });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const openToDiagnostics = await opened;
  return { mb: Buffer.byteLength(large) / 2 ** 20, integrations, openToDiagnostics, waits: summarize(waits), longWaits, memory: srv.memory(), openedAt };
}

export const OPEN_WAIT_HEADING = '## Opening a 10 MB manifest';

/** The report's section: `measured` says when, how and under what load. */
export function openWaitSection(wait: OpenWaitResult, measured: string): string[] {
  const long = wait.longWaits.length === 0 ? 'none' : wait.longWaits.map((w) => `${ms(w.ms)} ms at ${(w.at / 1000).toFixed(1)} s`).join(', ');
  return [
    OPEN_WAIT_HEADING,
    '',
    `${measured}.`,
    '',
    `A manifest of 100 integrations is open; one of ${wait.integrations.toLocaleString('en')} integrations (${wait.mb.toFixed(1)} MB) is opened, and until its first diagnostics arrive, completion and hover are asked on the small one, one after the other with 10 ms between (\`bench/openWait.ts\`). The large manifest is parsed a slice at a time between requests; its rules run on the worker thread. Memory is the server's resident set once the diagnostics arrived (peak in brackets).`,
    '',
    '| manifest | open to first diagnostics | requests answered meanwhile | their wait | memory after |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${wait.mb.toFixed(1)} MB | ${ms(wait.openToDiagnostics)} | ${wait.waits.runs} | p50 ${ms(wait.waits.median)}, p95 ${ms(wait.waits.p95)}, **longest ${ms(wait.waits.max)}** | ${wait.memory ? `${wait.memory.rssMb.toFixed(0)} MB (${wait.memory.peakRssMb.toFixed(0)})` : 'n/a'} |`,
    '',
    `Requests that waited over ${LONG_WAIT_MS} ms, with when they were asked after the \`didOpen\`: ${long}.`,
  ];
}

/** Puts the section in place of the report's own, or after the server's section when it has none. */
export function spliceOpenWaitSection(report: string, section: string[]): string {
  const text = section.join('\n');
  const start = report.indexOf(`\n${OPEN_WAIT_HEADING}\n`);
  const at = start >= 0 ? start : report.indexOf('\n## ', report.indexOf('\n## The language server'));
  if (at < 0) return `${report.trimEnd()}\n\n${text}\n`;
  const end = start >= 0 ? report.indexOf('\n## ', start + 1 + OPEN_WAIT_HEADING.length) : at;
  return `${report.slice(0, at).trimEnd()}\n\n${text}\n${end < 0 ? '' : report.slice(end)}`;
}
