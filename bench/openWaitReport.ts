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

/** What a request can still wait for while the manifest opens, as profiles of the server showed (2026-12-02). */
const WHAT_REMAINS =
  "What a request can still wait behind: the `didOpen` itself (the first request after it is read behind its 10 MB on the same stream, and the message is parsed whole: some 40 ms of the server's time); one step of the parse that is not cut, where the document of 33,000 units is assembled and its line index made (tens of milliseconds); and the main thread's garbage collections, which grow with what it holds for this manifest. Measured in process after a full collection: its document 252 MB and model 66 MB on the main thread; the worker holds the same and the rules' data and kept findings besides (+357 MB); the 171,759 problems were 216 MB of JSON, 153 MB of it the 9,789 `goal-alignment` findings, whose message then quoted each of the 1,320 declared goals (they crossed as 65 MB, that list sent once); since 2026-12-02 the message names five goals and how many more there are. Before 2026-12-02 the problems crossed as a list of texts, which the main thread copied onto its heap in one block as they arrived (0.3 to 0.9 s at a load average of 5) and then kept: with the buffers, the resident set after opening went from 2.8–2.9 GB (5 runs) to 2.4 GB (2 runs) on the same loaded machine, and to 1.3 GB once a rule's shared end of messages crossed once (1 run at a load average of 3.6, with the model's lighter items of the same night).";

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
    `A manifest of 100 integrations is open; one of ${wait.integrations.toLocaleString('en')} integrations (${wait.mb.toFixed(1)} MB) is opened, and until its first diagnostics arrive, completion and hover are asked on the small one, one after the other with 10 ms between (\`bench/openWait.ts\`). The large manifest is parsed a slice at a time between requests; its rules run on the worker thread, and their problems come back packed in buffers that are moved to the main thread, not copied, and read a pack per step. Memory is the server's resident set once the diagnostics arrived (peak in brackets).`,
    '',
    '| manifest | open to first diagnostics | requests answered meanwhile | their wait | memory after |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${wait.mb.toFixed(1)} MB | ${ms(wait.openToDiagnostics)} | ${wait.waits.runs} | p50 ${ms(wait.waits.median)}, p95 ${ms(wait.waits.p95)}, **longest ${ms(wait.waits.max)}** | ${wait.memory ? `${wait.memory.rssMb.toFixed(0)} MB (${wait.memory.peakRssMb.toFixed(0)})` : 'n/a'} |`,
    '',
    WHAT_REMAINS,
    '',
    `Requests that waited over ${LONG_WAIT_MS} ms (${wait.longWaits.length}; the longest ${LONG_WAITS_LISTED}), with when they were asked after the \`didOpen\`: ${long}.`,
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
