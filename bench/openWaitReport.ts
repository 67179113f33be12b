/**
 * The report of the requests timed while a 10 MB manifest opens (bench/openWait.ts): its
 * figures, and its section of BENCHMARKS.md put in place.
 */
import { ms, type Summary } from './stats';

export interface OpenWaitResult {
  mb: number;
  integrations: number;
  /** From `didOpen` to the large manifest's first diagnostics. */
  openToDiagnostics: number;
  /** Every request asked on the small manifest meanwhile. */
  waits: Summary;
  /** The wait of the first of them, sent right behind the `didOpen`, and the longest of the others. */
  first: number;
  othersLongest: number;
  /** What the transport alone makes a request sent right behind the same `didOpen` wait (`transportFloor.ts`). */
  floor: Summary;
  /** The requests that waited over `LONG_WAIT_MS`: when they were asked (ms after `didOpen`) and how long they waited. */
  longWaits: { at: number; ms: number }[];
  memory: { rssMb: number; peakRssMb: number } | undefined;
  /** When the `didOpen` was sent (ms since the epoch), to find the long waits in a profile of the server. */
  openedAt: number;
}

/** A wait worth naming on its own (half the bar of SPEC 16). */
export const LONG_WAIT_MS = 50;

/** How many of those the report names, the longest. */
const LONG_WAITS_LISTED = 12;

export const OPEN_WAIT_HEADING = '## Opening a 10 MB manifest';

/** What the waits are made of, as profiles of the server showed (2026-12-02). */
const WHAT_REMAINS =
  "Where the rest of the time goes: the slice under way when a request comes, the one step of the parse that is not cut (the 33,000 units assembled into one document, some 15 ms), and the main thread's garbage collections, which grow with what it holds for this manifest (its document, some 250 MB, and its model, some 65 MB; the worker holds the same and the rules' data besides). The rules' 171,759 problems come back from the worker as a table of numbers and one UTF-8 text, both moved, not copied; each problem is made from its row, its message and data read from the text when first asked for. Before 2026-12-02 they came back as JSON texts of 500 problems, parsed on the main thread as they arrived: 80 MB of objects kept and as much garbage, whose collections, with the other core busy, made requests wait 100 to 200 ms in the last seconds of the opening. The line index of the text (20 ms) and the choice of the 1,000 most severe findings (40 ms) were single steps then too; both pause now after each megabyte and each thousand findings."

/**
 * The bar of SPEC 16 for the opening: every request answered within 100 ms, but for the one
 * sent right behind the `didOpen`, which waits for the message itself to cross: it is held
 * to what the transport alone takes (`floor`, measured in the same run), or 100 ms.
 */
export function openWaitBarMet(wait: OpenWaitResult): boolean {
  return wait.othersLongest <= 100 && wait.first <= Math.max(100, wait.floor.max);
}

/** The bar's figures, for the report's table of bars. */
export function openWaitBarText(wait: OpenWaitResult): string {
  return `while ${wait.mb.toFixed(1)} MB opened, ${wait.waits.runs} requests: every one at most ${ms(wait.othersLongest)} ms but the first, sent right behind the \`didOpen\`: ${ms(wait.first)} ms, where the transport alone takes ${ms(wait.floor.median)} ms (median; longest ${ms(wait.floor.max)})`;
}

/** The report's section: `measured` says when, how and under what load. */
export function openWaitSection(wait: OpenWaitResult, measured: string): string[] {
  const longest = [...wait.longWaits].sort((a, b) => b.ms - a.ms).slice(0, LONG_WAITS_LISTED).sort((a, b) => a.at - b.at);
  const more = wait.longWaits.length - longest.length;
  const long = longest.length === 0 ? 'none' : `${longest.map((w) => `${ms(w.ms)} ms at ${(w.at / 1000).toFixed(1)} s`).join(', ')}${more > 0 ? `, and ${more} shorter` : ''}`;
  return [
    OPEN_WAIT_HEADING,
    '',
    `${measured}.`,
    '',
    `A manifest of 100 integrations is open; one of ${wait.integrations.toLocaleString('en')} integrations (${wait.mb.toFixed(1)} MB) is opened, and until its first diagnostics arrive, completion and hover are asked on the small one, one after the other with 10 ms between (\`bench/openWait.ts\`). The large manifest is parsed a slice at a time between requests; its rules run on the worker thread, and their problems come back in buffers that are moved to the main thread, not copied. Memory is the server's resident set once the diagnostics arrived (peak in brackets).`,
    '',
    '| manifest | open to first diagnostics | requests answered meanwhile | their wait | memory after |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${wait.mb.toFixed(1)} MB | ${ms(wait.openToDiagnostics)} | ${wait.waits.runs} | p50 ${ms(wait.waits.median)}, p95 ${ms(wait.waits.p95)}, **longest ${ms(wait.waits.max)}** | ${wait.memory ? `${wait.memory.rssMb.toFixed(0)} MB (${wait.memory.peakRssMb.toFixed(0)})` : 'n/a'} |`,
    '',
    `The first request, sent right behind the \`didOpen\`, waited ${ms(wait.first)} ms: it is read after the ${wait.mb.toFixed(1)} MB message, which the client encodes as JSON, the pipe carries and the server decodes whole. On the same transport, with the same client, a process that does nothing but keep the text answers a request sent behind the same message in ${ms(wait.floor.median)} ms (median of ${wait.floor.runs}; longest ${ms(wait.floor.max)}: \`bench/transportFloor.ts\`). Every other request waited at most ${ms(wait.othersLongest)} ms.`,
    '',
    WHAT_REMAINS,
    '',
    `Requests that waited over ${LONG_WAIT_MS} ms (${wait.longWaits.length}; at most the ${LONG_WAITS_LISTED} longest are named), with when they were asked after the \`didOpen\`: ${long}.`,
  ];
}

/** Puts the section in place of the report's own, or after the server's section when it has none. */
export function spliceOpenWaitSection(report: string, section: string[]): string {
  const text = section.join('\n');
  const start = report.indexOf(`\n${OPEN_WAIT_HEADING}\n`);
  const server = report.indexOf('\n## The language server');
  const at = start >= 0 ? start : server < 0 ? -1 : report.indexOf('\n## ', server + 1);
  if (at < 0) return `${report.trimEnd()}\n\n${text}\n`;
  const end = start >= 0 ? report.indexOf('\n## ', start + 1 + OPEN_WAIT_HEADING.length) : at;
  return `${report.slice(0, at).trimEnd()}\n\n${text}\n${end < 0 ? '' : report.slice(end)}`;
}
