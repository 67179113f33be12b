/**
 * `npm run bench`: how fast the engine and the language server are on manifests of 100,
 * 1,000 and 10,000 integrations, beside Red Hat's yaml-language-server given our schema (the
 * peer, bench/peer.ts), against the bars of SPEC sections 7 and 16, how long requests wait
 * while a 10 MB manifest opens (bench/openWait.ts), how the preview copes
 * with 10 to 500 systems, and how ELK and dagre lay the diagrams out (SPEC 9). Writes BENCHMARKS.md.
 *
 *   npm run bench                      # everything, writes BENCHMARKS.md
 *   npm run bench -- --quick           # fewer repetitions
 *   npm run bench -- --sizes=100,1000 --no-browser --no-before --no-write
 *   npm run bench -- --only=diagrams   # the diagram sections alone, put in place in BENCHMARKS.md
 *   npm run bench -- --only=estate     # the estate section alone (SPEC 16), put in place in BENCHMARKS.md
 *   npm run bench -- --only=estate --estate=small   # its 3,000 small manifests alone (--estate=large: the 41 files alone)
 *   npm run bench -- --only=landscape  # the landscape section alone (SPEC 11 and 16): overview, expansion, threshold
 *   npm run bench -- --only=open10mb   # the requests timed while a 10 MB manifest opens, alone, put in place in BENCHMARKS.md
 *
 * Options: --sizes=a,b,c (1000r: 1,000 integrations that say more each, 10000r ≈ 5 MB; none: diagrams only)  --quick  --no-build  --no-browser
 * --no-peer (skip Red Hat's yaml-language-server)  --peer-sizes=a,b (the peer at these sizes only)  --no-10mb (skip the requests timed
 * while a 10 MB manifest opens)  --before (also the server as it was before the incremental analyzer)  --no-write (print only)  --out=FILE
 * --only=diagrams  --only=estate  --only=landscape  --only=open10mb.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { nodeBundle } from '../scripts/node-bundle.cjs';
import { parseDocument } from 'yaml';
import { analyzeText, runToEnd } from '../server/src/analysis/analyze';
import { IncrementalAnalyzer } from '../server/src/incremental/analyzer';
import { RULES } from '../server/src/rules';
import { generateManifest } from './generate';
import { DiagnosticsPuller, pullDiagnostics, startServer, type ServerProcess } from './lspClient';
import { PEER_NAME, peerVersion, startPeer } from './peer';
import { openWait } from './openWait';
import { openWaitBarMet, openWaitBarText, openWaitSection, spliceOpenWaitSection, type OpenWaitResult } from './openWaitReport';
import { machine, ms, summarize, timeAsync, timeRuns, type Summary } from './stats';
import { compareLayouts, PANEL, renderDiagrams, VARIANTS, type DiagramResult, type LayoutRow } from './diagrams';
import { estateSection, measureEstate, spliceEstateSection } from './estate';
import { smallEstateSection, smallWorkspace } from './smallEstate';
import { landscapeSection, measureLandscape, spliceLandscapeSection } from './landscape';

const ROOT = resolve(__dirname, '..');
const TODAY = '2026-11-22';
const URI = 'file:///bench/landscape.integration.yaml';

interface Options {
  sizes: Size[];
  quick: boolean;
  build: boolean;
  browser: boolean;
  before: boolean;
  peer: boolean;
  /** The sizes the peer is measured at (every size when unset). */
  peerSizes: string[] | undefined;
  openWait: boolean;
  write: boolean;
  out: string;
  /** Only the diagram sections, put in place in an existing report. */
  diagramsOnly: boolean;
  /** Only the estate section, put in place in an existing report. */
  estateOnly: boolean;
  /** Which estate workspaces: the 41 files, the 3,000 small manifests, or both. */
  estates: { large: boolean; small: boolean };
  /** Only the landscape section, put in place in an existing report. */
  landscapeOnly: boolean;
  /** Only the requests timed while a 10 MB manifest opens, put in place in an existing report. */
  openWaitOnly: boolean;
}

function options(): Options {
  const args = process.argv.slice(2);
  const value = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return {
    sizes: value('sizes') === 'none' ? [] : (value('sizes') ?? '100,1000,1000r,10000,10000r').split(',').map(sizeOf),
    quick: args.includes('--quick'),
    build: !args.includes('--no-build'),
    browser: !args.includes('--no-browser'),
    before: args.includes('--before'),
    peer: !args.includes('--no-peer'),
    peerSizes: value('peer-sizes')?.split(','),
    openWait: !args.includes('--no-10mb'),
    write: !args.includes('--no-write'),
    out: value('out') ?? join(ROOT, 'BENCHMARKS.md'),
    diagramsOnly: value('only') === 'diagrams',
    estateOnly: value('only') === 'estate',
    estates: { large: value('estate') !== 'small', small: value('estate') !== 'large' },
    landscapeOnly: value('only') === 'landscape',
    openWaitOnly: value('only') === 'open10mb',
  };
}

/**
 * A benchmark size: `1000` integrations, or `1000r` for as many that say more each (SPEC 7
 * puts 1,000 integrations at 300–550 KB "depending on how much each says": detail 0.6, ≈550 KB).
 * 10,000 integrations say little each (≈3 MB).
 */
export interface Size {
  key: string;
  integrations: number;
  detail: number | undefined;
  label: string;
}

export function sizeOf(spec: string): Size {
  const rich = spec.endsWith('r');
  const integrations = Number(rich ? spec.slice(0, -1) : spec);
  if (!Number.isInteger(integrations) || integrations <= 0) throw new Error(`not a size: ${spec} (say 1000, or 1000r for integrations that say more)`);
  return { key: spec, integrations, detail: rich ? (integrations >= 10_000 ? 0.45 : 0.6) : integrations >= 10_000 ? 0 : undefined, label: `${integrations.toLocaleString('en')}${rich ? ' (rich)' : ''}` };
}

export function manifestOf(size: Size): string {
  return generateManifest({ integrations: size.integrations, ...(size.detail !== undefined ? { detail: size.detail } : {}) });
}

interface EngineResult {
  size: Size;
  kb: number;
  floor: Summary;
  full: Summary;
  /** After a one-character edit: the incremental document and model (what completion reads), and with every rule. */
  incrementalParse: Summary;
  incrementalAnalysis: Summary;
  sameAsFull: boolean;
  retainedHeapMb: number;
}

interface ServerResult {
  /** From `didOpen` to the first diagnostics, median of fresh starts. */
  openToDiagnostics: number;
  /** From `didOpen` to every finding, when the first answer held the syntax and schema findings alone (our server on a large manifest). */
  openToAllFindings: number | undefined;
  /** Fresh starts the open was timed on. */
  opens: number;
  memory: { rssMb: number; peakRssMb: number } | undefined;
  editToDiagnostics: Summary;
  completion: Summary;
  hover: Summary;
  /** Edits sent while completion and hover were measured. */
  edits: number;
}

// ----- the engine, in process -----

function engine(size: Size, quick: boolean): EngineResult {
  const { integrations } = size;
  const text = manifestOf(size);
  const runs = integrations >= 10_000 ? (quick ? 3 : 5) : integrations >= 1000 ? (quick ? 7 : 15) : quick ? 10 : 30;
  const floor = timeRuns(runs, () => parseDocument(text));
  const full = timeRuns(runs, () => analyzeText(text, URI, { today: TODAY }));
  // One-character edits in the middle of the file, as typing does: insert a character, then delete it.
  const at = text.indexOf('    name: ', text.length >> 1) + 10;
  const edited = (i: number) => (i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text);
  // What the server knows of each edit from the editor's change (its range): both versions keep the text before `at` and after the character.
  const edits = () => ({ prefix: at, suffix: text.length - at });
  const analyzer = new IncrementalAnalyzer();
  analyzer.parse(text, URI, 0);
  const editRuns = runs * 2;
  let version = 1;
  const incrementalParse = timeRuns(editRuns, (i) => analyzer.parse(edited(i), URI, version++, edits));
  const incrementalAnalysis = timeRuns(editRuns, (i) => {
    analyzer.parse(edited(i), URI, version++, edits);
    return { problems: runToEnd(analyzer.check({ today: TODAY })) };
  });
  const last = edited(1);
  const sameAsFull = sameProblems(analyzer.analyze(last, URI, version++, { today: TODAY }).problems, analyzeText(last, URI, { today: TODAY }).problems);
  return {
    size,
    kb: Buffer.byteLength(text) / 1024,
    floor: summarize(floor),
    full: summarize(full),
    incrementalParse: summarize(incrementalParse),
    incrementalAnalysis: summarize(incrementalAnalysis),
    sameAsFull,
    retainedHeapMb: retainedHeap(() => {
      const kept = new IncrementalAnalyzer();
      kept.analyze(text, URI, 0, { today: TODAY });
      return kept;
    }),
  };
}

function sameProblems(a: readonly { rule: string; span: object; message: string; severity: string }[], b: typeof a): boolean {
  const key = (p: (typeof a)[number]) => JSON.stringify([p.rule, p.span, p.message, p.severity]);
  return a.length === b.length && a.every((p, i) => key(p) === key(b[i]!));
}

/** Heap (MB) still held by what `make` returns, after collecting garbage. */
function retainedHeap(make: () => unknown): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  const after = process.memoryUsage().heapUsed;
  void kept;
  return (after - before) / 2 ** 20;
}

// ----- the language server, over stdio -----

/** Per size: our server, the peer, and ours as it was before the incremental analyzer. */
type Servers = Map<string, { size: Size; after?: ServerResult; peer?: ServerResult; before?: ServerResult }>;

function serverLine(r: ServerResult): string {
  return `open→diagnostics ${ms(r.openToDiagnostics)}; edit→diagnostics median ${ms(r.editToDiagnostics.median)} p95 ${ms(r.editToDiagnostics.p95)}; completion p95 ${ms(r.completion.p95)} max ${ms(r.completion.max)}; hover p95 ${ms(r.hover.p95)}; RSS ${r.memory ? r.memory.rssMb.toFixed(0) : 'n/a'} MB`;
}

/** A language server to measure: ours pulls diagnostics as VS Code does; the peer pushes them. */
export interface Target {
  start(): Promise<ServerProcess>;
  push: boolean;
}

export const ours = (serverJs: string): Target => ({ start: () => startServer(serverJs, ROOT), push: false });

/** `action`, then the document's next diagnostics: pulled, or as the server pushes them. */
async function diagnosticsAfter(target: Target, srv: ServerProcess, action: () => Promise<void>, onResult?: (resultId: string | undefined) => void): Promise<void> {
  if (!target.push) {
    await action();
    await pullDiagnostics(srv.connection, URI, undefined, onResult);
    return;
  }
  const published = srv.nextPublished(URI);
  await action();
  await published;
}

async function server(target: Target, size: Size, quick: boolean): Promise<ServerResult> {
  const { integrations } = size;
  let text = manifestOf(size);
  // Opening, on fresh starts (the last one goes on to the edits): the first diagnostics, and every finding when they came in two answers.
  const opens = integrations >= 10_000 ? 1 : quick ? 3 : 5;
  const firstAnswers: number[] = [];
  const allFindings: number[] = [];
  let srv!: ServerProcess;
  for (let run = 0; run < opens; run++) {
    srv = await target.start();
    let early = false;
    const open = () => srv.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'integration-manifest', version: 1, text } });
    const opened = await timeAsync(() => diagnosticsAfter(target, srv, open, (id) => (early = id?.endsWith('~early') ?? false)));
    firstAnswers.push(opened.ms);
    if (early) allFindings.push(opened.ms + (await timeAsync(() => pullDiagnostics(srv.connection, URI))).ms);
    if (run < opens - 1) await srv.stop();
  }
  const openToDiagnostics = summarize(firstAnswers).median;
  const openToAllFindings = allFindings.length === opens ? summarize(allFindings).median : undefined;
  const { connection } = srv;
  try {
    let version = 1;
    const memory = srv.memory();

    const lineOf = (offset: number) => {
      const line = text.slice(0, offset).split('\n').length - 1;
      return { line, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
    };
    const editAt = text.indexOf('    name: ', text.length >> 1) + 10;
    const editPosition = lineOf(editAt);
    /** Inserts a character in the middle of the file, or deletes it again. */
    const edit = async () => {
      const insert = text.charCodeAt(editAt) !== 120; // 'x'
      text = insert ? text.slice(0, editAt) + 'x' + text.slice(editAt) : text.slice(0, editAt) + text.slice(editAt + 1);
      const range = { start: editPosition, end: insert ? editPosition : { ...editPosition, character: editPosition.character + 1 } };
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: ++version }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
    };

    // A change, then its diagnostics: what the editor shows after a keystroke.
    const editRuns = integrations >= 10_000 ? (quick ? 3 : 6) : quick ? 8 : 20;
    const editToDiagnostics: number[] = [];
    for (let i = 0; i < editRuns; i++) {
      const { ms } = await timeAsync(() => diagnosticsAfter(target, srv, edit));
      editToDiagnostics.push(ms);
    }

    // Typing: an edit every 40-100 ms, and diagnostics pulled after each as VS Code does (one
    // pull at a time, a change cancels it), while completion and hover are asked elsewhere in the file.
    const completionAt = lineOf(text.indexOf('    mode: ', text.length >> 2) + 10);
    const hoverAt = lineOf(text.indexOf('    pattern: ', (text.length * 3) >> 2) + 6);
    // At 10,000 integrations a round takes longer (an edit's parse, its problems back from the worker); 100 rounds all the same:
    // a p95 of 40 samples is the second-longest wait alone, and moved by 3x from run to run on this machine.
    const rounds = integrations >= 10_000 ? (quick ? 15 : 100) : quick ? 20 : 60;
    const completion: number[] = [];
    const hover: number[] = [];
    const puller = target.push ? undefined : new DiagnosticsPuller(connection, URI);
    let seed = 7;
    const jitter = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 60) + 40;
    for (let i = 0; i < rounds; i++) {
      await edit();
      puller?.changed();
      await new Promise((r) => setTimeout(r, jitter() / 2));
      completion.push((await timeAsync(() => connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: completionAt }))).ms);
      await new Promise((r) => setTimeout(r, jitter() / 2));
      hover.push((await timeAsync(() => connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: hoverAt }))).ms);
    }
    await puller?.idle();
    return { openToDiagnostics, openToAllFindings, opens, memory, editToDiagnostics: summarize(editToDiagnostics), completion: summarize(completion), hover: summarize(hover), edits: rounds };
  } finally {
    await srv.stop();
  }
}

/** A server bundle whose analyses work as before the incremental analyzer (see beforeAnalyses.ts). */
async function buildBeforeServer(dir: string): Promise<string> {
  const outfile = join(dir, 'server-before.js');
  await build({
    ...nodeBundle(),
    entryPoints: [join(ROOT, 'server/src/node/main.ts')],
    outfile,
    plugins: [
      {
        name: 'before-analyses',
        setup(b) {
          b.onResolve({ filter: /incremental\/documentAnalyses$/ }, () => ({ path: join(ROOT, 'bench/beforeAnalyses.ts') }));
        },
      },
    ],
  });
  return outfile;
}

// ----- the report -----

const DIAGRAMS_HEADING = '## Diagrams and the preview at scale';
const LAYOUT_HEADING = '## Layout: ELK or dagre (SPEC 9)';

/**
 * The diagram sections of the report: render at scale, and the layouts compared. `measured`
 * (date and machine) when they were measured apart from the rest of the report.
 */
function diagramSections(diagrams: DiagramResult[], layouts: LayoutRow[] | undefined, measured: string | undefined): string[] {
  const lines: string[] = [DIAGRAMS_HEADING, ''];
  if (measured) lines.push(`${measured}.`, '');
  lines.push(
    '`diagramsFor` (application diagram, one interaction diagram per integration, mappings, waivers) on manifests of 10 to 500 systems (two integrations per system), and the render of the application diagram by the bundled Mermaid (12, ELK layout, with the preview\'s tidying and legible fit) in the real preview page (media/dist, headless Chromium with the flags of E2E.md, a 1400 × 900 page), timed from posting the diagram set to the page marking it rendered. Beyond 60 systems or 150 connections the preview draws the focus view (the busiest system and its neighbours) instead of the whole diagram; the "whole diagram instead" column renders the whole diagram anyway, to show why. The last column is the first wave\'s render of the same size (2026-11-22: Mermaid 11, dagre, no tidying), where it was measured.',
    '',
    '| systems | integrations | `diagramsFor` | application diagram shown | Mermaid text | render in the preview | whole diagram instead | first wave |',
    '| ---: | ---: | ---: | --- | ---: | ---: | --- | ---: |',
  );
  for (const d of diagrams) {
    lines.push(
      `| ${d.systems} | ${d.integrations} | median ${ms(d.generate.median)} | ${d.focus ?? 'whole'} | ${(d.mermaidChars / 1024).toFixed(0)} KB | ${d.renderMs === undefined ? d.renderError ?? 'n/a' : `${ms(d.renderMs)} ms`} | ${d.whole} | ${d.firstWave} |`,
    );
  }
  if (!layouts?.length) return lines;
  const [product, other] = [VARIANTS[0]!, VARIANTS[1]!];
  const raw = VARIANTS.slice(2);
  const cases = [...new Map(layouts.map((r) => [r.case.name, r.case])).values()];
  const row = (variant: string, name: string) => layouts.find((r) => r.variant.key === variant && r.case.name === name);
  const cell = (r: LayoutRow | undefined) => (!r ? 'n/a' : r.error ? r.error : `${r.overlaps}${r.kinds ? ` (${r.kinds})` : ''} · ${r.crossings} · ${r.inView}/${r.case.systems} · ${ms(r.renderMs)} ms`);
  const total = (variant: string, f: (r: LayoutRow) => number) => layouts.filter((r) => r.variant.key === variant).reduce((n, r) => n + (Number.isFinite(f(r)) ? f(r) : 0), 0);
  lines.push(
    '',
    LAYOUT_HEADING,
    '',
    `Every example and generated manifests of 5 to 40 systems (seeds 5005 to 5040), drawn in the real preview page in a ${PANEL.width} × ${PANEL.height} panel (the side panel of SPEC 16), measured on screen by \`test/browser/layoutMetrics.page.ts\`: overlaps between labels, nodes, other edges' lines, arrowheads, group titles and group borders; crossings of two edges away from their ends; systems wholly in the panel at first sight; render time (median of ${Math.max(...layouts.filter((r) => r.variant.key === product.key).map((r) => r.runs))} runs, from posting the set to the page marking it drawn, fit included). The layouts are builds of the preview with Mermaid's layout switched (\`bench/diagrams.ts\`, \`variantBundle\`); "tidied" is the preview's own pass over the drawing (\`media/src/tidy.ts\`: labels and group titles moved clear, groups grown to hold them), "as Mermaid draws it" is without it. Each cell: overlaps · crossings · systems in view · render time.`,
    '',
    `| manifest | systems | edges | ${product.label} | ${other.label} | ${raw.map((v) => `${v.label}: overlaps`).join(' | ')} |`,
    `| --- | ---: | ---: | --- | --- | ${raw.map(() => '---').join(' | ')} |`,
  );
  for (const c of cases) {
    lines.push(`| ${c.name} | ${c.systems} | ${c.edges} | ${cell(row(product.key, c.name))} | ${cell(row(other.key, c.name))} | ${raw.map((v) => { const r = row(v.key, c.name); return r ? `${r.overlaps}${r.kinds ? ` (${r.kinds})` : ''}` : 'n/a'; }).join(' | ')} |`);
  }
  lines.push(
    '',
    `Totals over the ${cases.length} manifests: ${VARIANTS.map((v) => `${v.label}: ${total(v.key, (r) => r.overlaps)} overlaps, ${total(v.key, (r) => r.crossings)} crossings`).join('; ')}. ` +
      `Render time, ELK against dagre (both tidied): ${cases.map((c) => `${c.name} ${ms(row(product.key, c.name)?.renderMs ?? NaN)} / ${ms(row(other.key, c.name)?.renderMs ?? NaN)} ms`).join('; ')}.`,
  );
  return lines;
}

/** Puts the diagram sections in place in an existing report: from DIAGRAMS_HEADING up to the next section after them. */
function spliceDiagramSections(report: string, sections: string[]): string {
  const start = report.indexOf(`\n${DIAGRAMS_HEADING}\n`);
  if (start < 0) throw new Error(`BENCHMARKS.md has no "${DIAGRAMS_HEADING}" section to replace: run the whole benchmark`);
  const after = report.indexOf('\n## ', start + 1 + DIAGRAMS_HEADING.length);
  const layout = report.indexOf(`\n${LAYOUT_HEADING}\n`, start);
  const end = layout >= 0 && layout === after ? report.indexOf('\n## ', layout + 1 + LAYOUT_HEADING.length) : after;
  return report.slice(0, start + 1) + sections.join('\n') + '\n' + (end < 0 ? '' : report.slice(end));
}

function report(o: Options, machineLine: string, engines: EngineResult[], servers: Servers, wait: { result: OpenWaitResult; measured: string } | undefined, diagrams: DiagramResult[] | undefined, endLoad: string, layouts?: LayoutRow[]): string {
  const ratio = (v: number, floor: number) => `${(v / floor).toFixed(2)}×`;
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(
    '# Benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench${o.quick ? ' -- --quick' : ''}\` on ${machineLine}; ${endLoad} at the end.`,
    'Times are wall-clock milliseconds. The machine is shared (other processes run beside the benchmark), so single figures move by ±30% from run to run; the ratios to the floor, measured in the same run, move less.',
    '',
    'The manifests come from `bench/generate.ts` (seeded): systems of every family and both hostings, goals, actors, middleware paths, steps, field mappings, waivers, comments and a share of designs that the rules flag. 10,000 integrations say less each (≈3 MB) than the smaller sizes; "1,000 (rich)" says more each (≈550 KB), the upper end of what SPEC 7 names for 1,000 integrations, and "10,000 (rich)" as much (≈5 MB).',
    '',
    '## Bars (SPEC sections 7 and 16)',
    '',
  );
  const k1s = [...servers.values()].filter((s) => s.size.integrations === 1000 && s.after);
  const k10 = servers.get('10000')?.after;
  const opening = [...servers.values()].filter((s) => (s.size.key === '100' || s.size.key === '1000') && s.after && s.peer);
  const memory = [servers.get('1000')].find((s) => s?.after?.memory && s.peer?.memory);
  /** A time with its ratio to the floor (yaml's parse of the same text, this run) of the size `key`. */
  const floorOf = (key: string) => engines.find((e) => e.size.key === key)?.floor.median;
  const withFloor = (v: number, key: string, unit = '') => {
    const f = floorOf(key);
    return f ? `${ms(v)}${unit} (${ratio(v, f)})` : `${ms(v)}${unit}`;
  };
  const kbOf = (key: string) => engines.find((e) => e.size.key === key)?.kb.toFixed(0);
  const bar = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
  const allCompletion = [...servers.values()].map((s) => s.after).filter((s): s is ServerResult => !!s);
  push(
    '| bar | measured | |',
    '| --- | --- | --- |',
    `| 1,000 integrations: full diagnostics within 150 ms of a change | ${k1s.map(({ size, after }) => `${kbOf(size.key)} KB: median ${withFloor(after!.editToDiagnostics.median, size.key, ' ms')}, p95 ${withFloor(after!.editToDiagnostics.p95, size.key, ' ms')}`).join('; ') || 'n/a'} | ${bar(k1s.length ? k1s.every((s) => s.after!.editToDiagnostics.p95 <= 150) : undefined)} |`,
    `| completion and hover within 20 ms (p95) at any size | ${[...servers.values()].filter((s) => s.after).map(({ size, after }) => `${size.label}: ${withFloor(after!.completion.p95, size.key, ' ms')} / ${withFloor(after!.hover.p95, size.key, ' ms')}`).join('; ') || 'n/a'} | ${bar(allCompletion.length ? allCompletion.every((s) => s.completion.p95 <= 20 && s.hover.p95 <= 20) : undefined)} |`,
    `| 10,000 integrations never block completion more than 50 ms | ${k10 ? `slowest completion while typing ${withFloor(k10.completion.max, '10000', ' ms')}` : 'n/a'} | ${bar(k10 ? k10.completion.max <= 50 : undefined)} |`,
    `| SPEC 16: first diagnostics no later than the peer's at 100 and 1,000 integrations | ${opening.map(({ size, after, peer }) => `${size.label}: ${ms(after!.openToDiagnostics)} against ${ms(peer!.openToDiagnostics)} ms (${ratio(after!.openToDiagnostics, peer!.openToDiagnostics)})`).join('; ') || 'n/a'} | ${bar(opening.length ? opening.every((s) => s.after!.openToDiagnostics <= s.peer!.openToDiagnostics) : undefined)} |`,
    `| SPEC 16: memory at 1,000 integrations no more than the peer's | ${memory ? `${memory.after!.memory!.rssMb.toFixed(0)} MB against ${memory.peer!.memory!.rssMb.toFixed(0)} MB (${ratio(memory.after!.memory!.rssMb, memory.peer!.memory!.rssMb)})` : 'n/a'} | ${bar(memory ? memory.after!.memory!.rssMb <= memory.peer!.memory!.rssMb : undefined)} |`,
    `| SPEC 16: no request waits more than 100 ms behind the opening of a manifest, 10 MB included | ${wait ? openWaitBarText(wait.result) : 'n/a'} | ${bar(wait ? openWaitBarMet(wait.result) : undefined)} |`,
    '',
    'In brackets beside each figure: its ratio to the floor, yaml `parseDocument` of the same text in the same run (below). A figure under 1× is an answer that comes sooner than one parse of the whole text would.',
    '',
    '## The engine, in process',
    '',
    'The floor is yaml `parseDocument` of the whole text: no analysis of a changed text can skip reading it unless it is incremental. `analyzeText` is the reference engine (whole parse, model, every rule). The incremental analyzer (`server/src/incremental/`) re-parses only the units an edit touched: its figures are for one-character edits in the middle of the file.',
    '',
    '| integrations | size | floor: `parseDocument` | full `analyzeText` | incremental document + model | incremental, with every rule | same problems as `analyzeText` | heap held |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  );
  for (const e of engines) {
    const f = e.floor.median;
    push(
      `| ${e.size.label} | ${e.kb.toFixed(0)} KB | ${ms(f)} (p95 ${ms(e.floor.p95)}) | ${ms(e.full.median)} (p95 ${ms(e.full.p95)}), ${ratio(e.full.median, f)} | ${ms(e.incrementalParse.median)} (p95 ${ms(e.incrementalParse.p95)}), ${ratio(e.incrementalParse.median, f)} | ${ms(e.incrementalAnalysis.median)} (p95 ${ms(e.incrementalAnalysis.p95)}), ${ratio(e.incrementalAnalysis.median, f)} | ${e.sameAsFull ? 'yes' : '**no**'} | ${e.retainedHeapMb.toFixed(0)} MB |`,
    );
  }
  push(
    '',
    '## The language server, over stdio, beside the peer',
    '',
    `\`node dist/server.js --stdio\` in a child process, driven by a client built on vscode-languageserver's protocol connection with the capabilities VS Code announces (our diagnostics are pulled). The peer is what a user would otherwise pick: Red Hat's yaml-language-server ${peerVersion(ROOT)} (\`bench/peer.ts\`), given our JSON Schema through \`yaml.schemas\`, driven by the same client with the same text and the same edits, one after the other in this run; it pushes its diagnostics 200 ms after the last change (its built-in validation delay, part of what its users wait). "Open": from \`didOpen\` to the first diagnostics, the median of several fresh starts of the server (one at 10,000 integrations); from 100 KB our server answers the first pull of a manifest just opened with its syntax and schema findings and asks the client to pull again (\`workspace/diagnostic/refresh\`) once the rules are done: "every finding" is the time to that second answer. "Edit to diagnostics": a one-character \`didChange\` (a range change) in the middle of the file, then the diagnostics, timed to their arrival. Completion (a \`mode:\` value) and hover (a \`pattern\` key) are timed after warm-up while typing goes on (60 rounds, 100 at 10,000 integrations): an edit every 40–100 ms, sent as a range change, each followed by a diagnostics pull for ours, as VS Code does. Memory is the server's resident set from \`/proc/<pid>/status\` right after the first diagnostics (peak in brackets). The last row of each size is ours divided by the peer's: under 1× is ours ahead.`,
    '',
    '| integrations | server | open to first diagnostics | edit to diagnostics | completion while typing | hover while typing | memory |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  const row = (label: string, s: ServerResult) =>
    `| ${label} | ${ms(s.openToDiagnostics)}${s.openToAllFindings === undefined ? '' : ` (every finding ${ms(s.openToAllFindings)})`} | median ${ms(s.editToDiagnostics.median)}, p95 ${ms(s.editToDiagnostics.p95)} | p50 ${ms(s.completion.median)}, p95 ${ms(s.completion.p95)}, max ${ms(s.completion.max)} | p50 ${ms(s.hover.median)}, p95 ${ms(s.hover.p95)}, max ${ms(s.hover.max)} | ${s.memory ? `${s.memory.rssMb.toFixed(0)} MB (${s.memory.peakRssMb.toFixed(0)})` : 'n/a'} |`;
  const r = (a: number, b: number) => ratio(a, b);
  for (const pair of servers.values()) {
    const { after, peer, before } = pair;
    if (before) push(row(`${pair.size.label} | before the incremental analyzer`, before));
    if (after) push(row(`${pair.size.label} | ours`, after));
    if (peer) push(row(`${pair.size.label} | ${PEER_NAME}`, peer));
    if (after && peer)
      push(
        `| ${pair.size.label} | ours / peer | ${r(after.openToDiagnostics, peer.openToDiagnostics)} | median ${r(after.editToDiagnostics.median, peer.editToDiagnostics.median)}, p95 ${r(after.editToDiagnostics.p95, peer.editToDiagnostics.p95)} | p95 ${r(after.completion.p95, peer.completion.p95)} | p95 ${r(after.hover.p95, peer.hover.p95)} | ${after.memory && peer.memory ? r(after.memory.rssMb, peer.memory.rssMb) : 'n/a'} |`,
      );
  }
  if (wait) push('', ...openWaitSection(wait.result, wait.measured));
  if (diagrams) push('', ...diagramSections(diagrams, layouts, undefined));
  push(
    '',
    '## How the server keeps up',
    '',
    '- **Units.** `server/src/incremental/layout.ts` splits the text into units that eemeli/yaml parses alone exactly as in the whole document: each top-level key, and each item of a top-level block list, with the comment and blank lines that eemeli/yaml attaches to it. A change re-scans only the lines around it; units whose text is unchanged keep their YAML nodes, model items and plain data, moved in place to their new offsets. The assembled document is the whole parse (same nodes, values, ranges and errors); where that cannot be vouched for (document markers, directives, tabs in indentation, anchors and aliases, `|+` block scalars, a repeated top-level key, a syntax error that may reach past its unit) the whole text is parsed. `test/unit/incremental.test.ts` checks the equality after thousands of seeded random edits.',
    `- **Only what changed is checked again.** ${RULES.filter((r) => r.perIntegration).length} of the ${RULES.length} rules read one integration at a time (\`perIntegration\` in \`server/src/rules/\`): their findings are kept per integration (\`server/src/analysis/integrationFindings.ts\`) and reused, moved with it, while nothing else they read changed (the other units of text, the integrations' ids, the settings, the day). An edit inside one integration has those rules check that integration alone; any other edit has them check all. The same equality test covers it.`,
    '- **Held once, opened in slices.** Completion, hover and navigation need only the document and model, made incrementally on the request. What changed comes from the ranges of the editor\'s change, not from comparing two versions of a 5 MB text. The units after an edit are moved from the layout\'s own small objects, which say where each unit\'s nodes sit and where their ranges lie: a unit\'s node ranges are packed in one array, the units parsed together lie side by side in one block, and the ranges of the units after the edit move in a few loops over contiguous memory. Completion and hover read where the cursor stands from the lines around it (that works on a broken tree); from a line of a top-level list they go straight to the list\'s key when the tree has no errors, where they used to read every line above (8 ms of a hover near the end of 10,000 integrations). A new version is parsed a slice at a time (`DocumentAnalyses.parsed`: the layout a few hundred units a step, then each unit, then each unit\'s model items), so no request waits behind the opening of a large manifest. Every sliced computation pauses through one queue that lets one of them go on per event-loop turn, and a message just read goes before the next turn (the transport tells the queue, and the queue steps aside for as many turns as the protocol library takes to hand the message on: two over stdio, one over IPC or in a web worker), so a request waits for at most the slice under way (4 ms in Node), however many run; reading the workspace\'s estates is background work in slices of 2 ms that gets a turn only when nothing else waits. The first pull of a manifest of 100 KB to 1 MB just opened is answered with its syntax and schema findings, the rules\' findings follow on the refresh ("every finding" above). A manifest under 1 MB is held once and its rules run on the same thread, a slice at a time between requests, dropped when a newer version arrives; a larger one has its rules run on a worker thread (the server bundle doubles as it; only the changed stretch of text travels), where a second of rules after each edit and its garbage stay off the thread that answers completion, at the price of a second copy; its problems come back as a table of numbers and one UTF-8 text, two buffers moved to the main thread, not copied: a problem is made from its row a step at a time, and reads its message and data from the text when first asked for. A first text\'s line index is made a megabyte a step, and the most severe findings are chosen a thousand at a step. The server is started with a young generation of 4 MB semi-spaces (`--max-semi-space-size=4`, as the extension starts it). Only the latest diagnostics pull of a document is answered in full. Features that list findings wait for the rules rather than run them at once: the diagram request waits, a hover on an integration waits up to 300 ms and then says its findings are still being checked, waiver completion lists the rules in catalog order.',
    '- **At most 1,000 diagnostics a manifest** (the setting `integrationManifests.maxProblems`): the most severe, then a note saying how many more there are. The 10,000-integration manifest here has some 45,000 findings, tens of MB of JSON that took the main thread 100–300 ms to serialize. The figures above are with the default; the command line still lists every finding.',
    '',
    'Percentiles are nearest-rank over the runs; p95 of fewer than 20 runs is close to the maximum.',
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const o = options();
  const machineLine = machine();
  console.log(`Benchmark on ${machineLine}`);
  if (o.build) {
    console.log('building (npm run build)...');
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  const serverJs = join(ROOT, 'dist/server.js');
  if (!existsSync(serverJs)) throw new Error('dist/server.js is missing: run `npm run build`.');
  const tmp = mkdtempSync(join(tmpdir(), 'im-bench-'));
  try {
    /** The estate sections asked for (`--estate`), each a list of lines. */
    const estateReport = async (): Promise<string[][]> => {
      const sections: string[][] = [];
      const loads = async () => (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' / ');
      const measured = async (estate: string) => `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- --only=estate${estate}${o.quick ? ' --quick' : ''}\` on ${machineLine}; load average ${await loads()} (1 / 5 / 15 min) at the end`;
      if (o.estates.large) {
        console.log('\nestate: 40 manifests of 50 integrations and a 300-system catalog...');
        const result = await measureEstate(serverJs, join(tmp, 'estate'), o.quick);
        sections.push(estateSection(result, await measured(o.estates.small ? '' : ' --estate=large')));
      }
      if (o.estates.small) {
        console.log('\nestate: 3,000 small manifests...');
        const result = await measureEstate(serverJs, join(tmp, 'small-estate'), o.quick, smallWorkspace());
        sections.push(smallEstateSection(result, await measured(o.estates.large ? '' : ' --estate=small')));
      }
      return sections;
    };
    /** The requests timed while a 10 MB manifest opens, and the line saying when, how and under what load. */
    const openWaitReport = async (): Promise<{ result: OpenWaitResult; measured: string }> => {
      console.log('\nopening a 10 MB manifest...');
      const loads = async () => (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' / ');
      const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
      const srv = await startServer(serverJs, ROOT);
      let result: OpenWaitResult;
      try {
        result = await openWait(srv);
      } finally {
        await srv.stop();
      }
      console.log(`  open→diagnostics ${ms(result.openToDiagnostics)}; ${result.waits.runs} requests meanwhile, p95 ${ms(result.waits.p95)}, longest ${ms(result.waits.max)}`);
      for (const w of result.longWaits) console.log(`  waited ${ms(w.ms)} ms, asked ${ms(w.at)} ms after didOpen`);
      console.log(`  the first request (behind the didOpen) ${ms(result.first)}, the transport alone ${ms(result.floor.median)} (longest ${ms(result.floor.max)}); every other at most ${ms(result.othersLongest)}`);
      const how = o.openWaitOnly ? '`npm run bench -- --only=open10mb`' : '`npm run bench`';
      return { result, measured: `Measured ${date} UTC by ${how} on ${machineLine}; load average ${await loads()} at the end` };
    };
    const landscapeReport = async (): Promise<string[]> => {
      console.log('\nlandscape: the overview and a domain expanded at 100 to 500 systems, the overview threshold...');
      const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
      const result = await measureLandscape(o.quick, tmp);
      const loads = (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' / ');
      return landscapeSection(result, `Measured ${date} UTC by \`npm run bench -- --only=landscape${o.quick ? ' --quick' : ''}\` on ${machineLine}; load average ${loads} (1 / 5 / 15 min) at the end`);
    };
    if (o.openWaitOnly) {
      const wait = await openWaitReport();
      const section = openWaitSection(wait.result, wait.measured);
      console.log('\n' + section.join('\n'));
      if (o.write) writeFileSync(o.out, spliceOpenWaitSection(readFileSync(o.out, 'utf8'), section));
      return;
    }
    if (o.landscapeOnly) {
      const section = await landscapeReport();
      console.log('\n' + section.join('\n'));
      if (o.write) writeFileSync(o.out, spliceLandscapeSection(readFileSync(o.out, 'utf8'), section));
      return;
    }
    if (o.estateOnly) {
      const sections = await estateReport();
      for (const section of sections) console.log('\n' + section.join('\n'));
      if (o.write) writeFileSync(o.out, sections.reduce(spliceEstateSection, readFileSync(o.out, 'utf8')));
      return;
    }
    if (o.diagramsOnly) {
      const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
      const diagrams = await renderDiagrams(o.quick);
      const layouts = await compareLayouts(o.quick, tmp);
      const loads = (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' / ');
      const sections = diagramSections(diagrams, layouts, `Measured ${date} UTC by \`npm run bench -- --only=diagrams${o.quick ? ' --quick' : ''}\` on ${machineLine}; load average ${loads} at the end`);
      console.log('\n' + sections.join('\n'));
      if (o.write) writeFileSync(o.out, spliceDiagramSections(readFileSync(o.out, 'utf8'), sections));
      return;
    }
    const beforeJs = o.before ? await buildBeforeServer(tmp) : undefined;
    const engines: EngineResult[] = [];
    const servers: Servers = new Map();
    for (const size of o.sizes) {
      console.log(`\n${size.label} integrations: engine...`);
      const e = engine(size, o.quick);
      engines.push(e);
      console.log(
        `  floor ${ms(e.floor.median)} ms; analyzeText ${ms(e.full.median)} (${(e.full.median / e.floor.median).toFixed(2)}×); incremental parse ${ms(e.incrementalParse.median)}, with rules ${ms(e.incrementalAnalysis.median)}; same as full: ${e.sameAsFull}`,
      );
      console.log('  server...');
      const after = await server(ours(serverJs), size, o.quick);
      console.log(`  ${serverLine(after)}`);
      const peer = o.peer && (!o.peerSizes || o.peerSizes.includes(size.key)) ? await server({ start: () => startPeer(ROOT), push: true }, size, o.quick) : undefined;
      if (peer) console.log(`  peer: ${serverLine(peer)}`);
      const before = beforeJs ? await server(ours(beforeJs), size, o.quick) : undefined;
      if (before) console.log(`  before: ${serverLine(before)}`);
      servers.set(size.key, { size, after, ...(peer ? { peer } : {}), ...(before ? { before } : {}) });
    }
    const wait = o.openWait ? await openWaitReport() : undefined;
    const diagrams = o.browser ? await renderDiagrams(o.quick) : undefined;
    const layouts = o.browser ? await compareLayouts(o.quick, tmp) : undefined;
    const loads = (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' / ');
    const estate = await estateReport();
    const landscape = o.browser ? await landscapeReport() : undefined;
    let text = estate.reduce(spliceEstateSection, report(o, machineLine, engines, servers, wait, diagrams, `load average ${loads}`, layouts));
    if (landscape) text = spliceLandscapeSection(text, landscape);
    console.log('\n' + text);
    if (o.write) writeFileSync(o.out, text);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}


if (process.argv[1] && resolve(process.argv[1]) === __filename)
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
