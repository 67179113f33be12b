/**
 * The estate benchmark (SPEC 16, "Estate"; `npm run bench -- --only=estate`): a generated
 * workspace of 40 domain manifests of 50 integrations each, all importing one shared catalog of
 * 300 systems, opened by the real server bundle over stdio with the workspace folder. Measured:
 * indexing (start to the estates read), completion and hover while it indexes and while a
 * domain manifest is edited, an edit to its own diagnostics, an edit of the catalog to the
 * diagnostics of the open manifests that import it, a rename of a catalog system across all 41
 * files, and the server's memory. Beside each figure, its floor: yaml `parseDocument` of the
 * text the step must at least read, in the same run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { DocumentDiagnosticReport, WorkspaceEdit } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { SYSTEM_FAMILIES } from '../server/src/model/vocabulary';
import { prng } from './generate';
import { estateHeap, type EstateHeap } from './estateHeap';
import { startServer, type ServerProcess } from './lspClient';
import { ms, percentile, summarize, timeRuns, type Summary } from './stats';

export const DOMAINS = 40;
export const INTEGRATIONS_PER_DOMAIN = 50;
export const CATALOG_SYSTEMS = 300;
const CATALOG_FILE = 'shared/systems.integration.yaml';
const domainFile = (d: number) => `domains/domain-${String(d).padStart(2, '0')}.integration.yaml`;

/** The bars of SPEC 16, "Estate". */
export const BARS = { completionHoverP95: 20, ownDiagnostics: 150, dependentsDiagnostics: 1000, rename: 1000 };

// ----- the generated estate -----

interface CatalogSystem {
  id: string;
  kind: string;
  family: string;
}

function catalogSystems(): CatalogSystem[] {
  const kinds = Object.entries(SYSTEM_FAMILIES).flatMap(([family, list]) => list.map((kind) => ({ family, kind })));
  return Array.from({ length: CATALOG_SYSTEMS }, (_, i) => {
    const { family, kind } = kinds[i % kinds.length]!;
    return { id: `${kind.replace(/^dynamics-365-/, 'd365-')}-${i}`, kind, family };
  });
}

export function catalogText(systems: readonly CatalogSystem[]): string {
  const out = ['# The systems every domain of the estate shares (generated for the benchmark).', 'integrationManifest: 1', 'systems:'];
  for (const s of systems) {
    const cloud = s.family === 'dataverse' || s.family === 'finance-operations' || s.family === 'analytics' || s.family === 'middleware';
    out.push(`  - id: ${s.id}`, `    name: ${s.kind} ${s.id.split('-').pop()}`, `    kind: ${s.kind}`, `    hosting: ${cloud && s.kind !== 'on-premises-data-gateway' ? 'cloud' : 'on-premises'}`, `    owner: Platform team`);
  }
  return out.join('\n') + '\n';
}

/** A domain manifest: goals of its own, 50 integrations between catalog systems (the first system in every domain). */
export function domainText(d: number, systems: readonly CatalogSystem[]): string {
  const random = prng(1000 + d);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const ends = systems.filter((s) => s.family !== 'middleware');
  const middleware = systems.filter((s) => s.family === 'middleware' && s.kind !== 'on-premises-data-gateway');
  const out = [
    `# Domain ${d} of the generated estate.`,
    'integrationManifest: 1',
    'imports:',
    `  - ../${CATALOG_FILE}`,
    'solution:',
    `  name: Domain ${d}`,
    'governance:',
    '  alm: azure-devops',
    '  versionControl: true',
    'goals:',
    `  - id: d${d}-visibility`,
    `    title: Domain ${d} sees its orders within minutes`,
    'integrations:',
  ];
  for (let i = 0; i < INTEGRATIONS_PER_DOMAIN; i++) {
    const from = i === 0 ? ends[0]! : pick(ends);
    let to = pick(ends);
    if (to === from) to = ends[(ends.indexOf(from) + 1) % ends.length]!;
    const async = random() < 0.7;
    out.push(
      `  - id: d${d}-flow-${i}`,
      `    name: Domain ${d} flow ${i}`,
      '    type: data',
      `    from: ${from.id}`,
      `    to: ${to.id}`,
      `    mode: ${async ? 'async' : 'sync'}`,
      `    trigger: ${async ? 'event' : 'user'}`,
      `    volume: ${1 + Math.floor(random() * 900)}/day`,
      `    pattern: ${async ? 'business-events' : 'web-api'}`,
      ...(async ? [`    via: [${pick(middleware).id}]`] : []),
      `    systemOfRecord: ${from.id}`,
      `    goals: [d${d}-visibility]`,
      '    security:',
      '      authentication: entra-id',
      '      secrets: key-vault',
      '      transport: tls1.2',
      '    monitoring:',
      '      tool: application-insights',
      '      alerts: true',
      '    errorHandling:',
      '      retry: { attempts: 5, backoff: exponential }',
      `      deadLetter: ${async}`,
    );
  }
  return out.join('\n') + '\n';
}

/** A workspace to measure and the places the measurement works on. */
export interface EstateWorkspace {
  /** Every file by its path relative to the folder. */
  files: Map<string, string>;
  /** The manifest opened at start, typed in, asked for completion and hover, and renamed from. */
  edited: string;
  /** The catalog the edited manifest imports; its first system is named by `edited` and by every other importer. */
  catalog: string;
  /** That system's id (its `- id:` line is changed and back for the dependents, it is renamed). */
  system: string;
  /** Importers of the catalog opened for the dependents' diagnostics. */
  dependents: string[];
  /** How many files a rename of the system touches: the catalog and every manifest naming it. */
  renameFiles: number;
  /** Server starts timed for indexing (the last one is measured on), full run and quick. */
  starts: { full: number; quick: number };
}

export function largeWorkspace(): EstateWorkspace {
  const systems = catalogSystems();
  const files = new Map<string, string>([[CATALOG_FILE, catalogText(systems)]]);
  for (let d = 0; d < DOMAINS; d++) files.set(domainFile(d), domainText(d, systems));
  return { files, edited: domainFile(0), catalog: CATALOG_FILE, system: systems[0]!.id, dependents: [1, 2, 3, 4, 5].map(domainFile), renameFiles: DOMAINS + 1, starts: { full: 4, quick: 2 } };
}

/** Writes the files into `dir`. */
export function writeWorkspace(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [file, text] of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}

// ----- the measurement -----

export interface EstateResult {
  files: number;
  kb: number;
  indexing: number[];
  /** Floors: `parseDocument` of every file, of the edited manifest, of the catalog. */
  floorAll: number;
  floorDomain: number;
  floorCatalog: number;
  completionIndexing: Summary;
  hoverIndexing: Summary;
  /** The longest any request waited while the workspace was indexed (completion and hover, every start). */
  longestWaitIndexing: number;
  completionEditing: Summary;
  hoverEditing: Summary;
  ownDiagnostics: Summary;
  dependents: Summary;
  dependentsOpen: number;
  rename: Summary;
  renameFiles: number;
  renameEdits: number;
  expectedRenameFiles: number;
  /** The server's memory once indexed (the last start, before any edit), and after the run. */
  memoryIndexed: { rssMb: number; peakRssMb: number } | undefined;
  memory: { rssMb: number; peakRssMb: number } | undefined;
  /** The server's resident set once started on an empty workspace folder. */
  memoryEmpty: { rssMb: number; peakRssMb: number } | undefined;
  /** What the index and estates hold, measured in the bench's process. */
  heap: EstateHeap;
}

const sleep = (msecs: number) => new Promise((r) => setTimeout(r, msecs));

export async function measureEstate(serverJs: string, dir: string, quick: boolean, workspace: EstateWorkspace = largeWorkspace()): Promise<EstateResult> {
  writeWorkspace(dir, workspace.files);
  const texts = new Map(workspace.files);
  const { edited, catalog: catalogFile, dependents: open } = workspace;
  const uri = (file: string) => URI.file(join(dir, file)).toString();
  const folder = URI.file(dir).toString();
  const all = [...texts.values()];
  const floorAll = percentile(timeRuns(quick ? 3 : 5, () => all.forEach((t) => parseDocument(t))), 0.5);
  const floorDomain = percentile(timeRuns(quick ? 10 : 30, () => parseDocument(texts.get(edited)!)), 0.5);
  const floorCatalog = percentile(timeRuns(quick ? 10 : 30, () => parseDocument(texts.get(catalogFile)!)), 0.5);

  const heap = await estateHeap(dir, workspace.files, edited);
  const empty = join(dir, '..', `${dir.split('/').pop()}-empty`);
  mkdirSync(empty, { recursive: true });
  const bare = await startServer(serverJs, empty, { workspaceFolder: URI.file(empty).toString() });
  await sleep(500);
  const memoryEmpty = bare.memory();
  await bare.stop();

  const editedText = () => texts.get(edited)!;
  const lineOf = (text: string, offset: number) => {
    const line = text.slice(0, offset).split('\n').length - 1;
    return { line, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
  };
  /** The place after `key` on the first line of it past `from` (a fraction of the text), else on the last one. */
  const after = (key: string, from: number) => {
    const text = editedText();
    const found = text.indexOf(key, Math.floor(text.length * from));
    return lineOf(text, (found >= 0 ? found : text.lastIndexOf(key)) + key.length);
  };
  const completionAt = () => after('    to: ', 0.5);
  const hoverAt = () => after('    from: ', 0.75);

  // Start-up: completion and hover asked in a loop on a manifest opened at once, until the server says its estates are read.
  const indexing: number[] = [];
  const completionIndexing: number[] = [];
  const hoverIndexing: number[] = [];
  const starts = quick ? workspace.starts.quick : workspace.starts.full;
  let srv: ServerProcess | undefined;
  for (let run = 0; run < starts; run++) {
    let indexed: number | undefined;
    const started = performance.now();
    const next = await startServer(serverJs, dir, { workspaceFolder: folder, onLog: (m) => (/^Indexed \d+ manifest files/.test(m) ? (indexed ??= performance.now() - started) : undefined) });
    await next.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(edited), languageId: 'integration-manifest', version: 1, text: editedText() } });
    while (indexed === undefined) {
      completionIndexing.push(await timed(() => next.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(edited) }, position: completionAt() })));
      hoverIndexing.push(await timed(() => next.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(edited) }, position: hoverAt() })));
    }
    indexing.push(indexed);
    if (run < starts - 1) await next.stop();
    else srv = next;
  }
  const memoryIndexed = srv!.memory();
  const { connection } = srv!;
  let refreshes = 0;
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    return null;
  });
  try {
    const versions = new Map<string, number>([[edited, 1]]);
    const pull = async (file: string) => {
      for (;;) {
        try {
          const report = await connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uri(file) } });
          return report.kind === 'full' ? report.items : [];
        } catch {
          // overtaken by a newer version: ask again, as VS Code does
        }
      }
    };
    const change = async (file: string, text: string) => {
      const version = (versions.get(file) ?? 1) + 1;
      versions.set(file, version);
      texts.set(file, text);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges: [{ text }] });
    };
    await pull(edited);

    // Edit to own diagnostics: one character in an integration's name, in the middle of the manifest, then its diagnostics.
    const original = editedText();
    const at = original.indexOf('    name: ', original.length >> 1) + 10;
    const ownDiagnostics: number[] = [];
    for (let i = 0; i < (quick ? 8 : 20); i++) {
      const text = i % 2 === 0 ? original.slice(0, at) + 'x' + original.slice(at) : original;
      ownDiagnostics.push(await timed(async () => (await change(edited, text), pull(edited))));
    }

    // Completion and hover while typing: an edit every 40-100 ms, each followed by a pull.
    const completionEditing: number[] = [];
    const hoverEditing: number[] = [];
    let seed = 11;
    const jitter = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 60) + 40;
    for (let i = 0; i < (quick ? 20 : 60); i++) {
      await change(edited, i % 2 === 0 ? original.slice(0, at) + 'x' + original.slice(at) : original);
      void pull(edited);
      await sleep(jitter() / 2);
      completionEditing.push(await timed(() => connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(edited) }, position: completionAt() })));
      await sleep(jitter() / 2);
      hoverEditing.push(await timed(() => connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(edited) }, position: hoverAt() })));
    }
    await change(edited, original);
    await pull(edited);

    // Edit of the catalog to the dependents' diagnostics: the catalog and some of its importers
    // open; the system every importer names has its id changed and back; timed until each open
    // importer's pulled diagnostics say so (an unknown reference appears, then goes).
    for (const file of [catalogFile, ...open]) {
      versions.set(file, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'integration-manifest', version: 1, text: texts.get(file)! } });
      await pull(file);
    }
    const catalog = texts.get(catalogFile)!;
    const first = workspace.system;
    const renamedCatalog = catalog.replace(`- id: ${first}\n`, `- id: ${first}-moved\n`);
    const dependents: number[] = [];
    for (let i = 0; i < (quick ? 4 : 10); i++) {
      const broken = i % 2 === 0;
      const before = refreshes;
      dependents.push(
        await timed(async () => {
          await change(catalogFile, broken ? renamedCatalog : catalog);
          while (refreshes === before) await sleep(1);
          for (const file of open)
            for (;;) {
              const items = await pull(file);
              if (items.some((d) => d.code === 'unknown-reference') === broken) break;
              await sleep(2);
            }
        }),
      );
    }

    // Rename the catalog's first system from the edited manifest: one edit over the catalog and every manifest naming it.
    const rename: number[] = [];
    let renameFiles = 0;
    let renameEdits = 0;
    const renameAt = lineOf(editedText(), editedText().indexOf(`    from: ${first}`) + 11);
    for (let i = 0; i < (quick ? 5 : 15); i++) {
      let edit: WorkspaceEdit | null = null;
      rename.push(await timed(async () => (edit = await connection.sendRequest<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: uri(edited) }, position: renameAt, newName: `renamed-${i}` }))));
      const changes = (edit as WorkspaceEdit | null)?.changes ?? {};
      renameFiles = Object.keys(changes).length;
      renameEdits = Object.values(changes).reduce((n, e) => n + e.length, 0);
    }
    const memory = srv!.memory();
    return {
      files: texts.size,
      kb: all.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024,
      indexing,
      floorAll,
      floorDomain,
      floorCatalog,
      completionIndexing: summarize(completionIndexing),
      hoverIndexing: summarize(hoverIndexing),
      longestWaitIndexing: Math.max(...completionIndexing, ...hoverIndexing),
      completionEditing: summarize(completionEditing),
      hoverEditing: summarize(hoverEditing),
      ownDiagnostics: summarize(ownDiagnostics),
      dependents: summarize(dependents),
      dependentsOpen: open.length,
      rename: summarize(rename),
      renameFiles,
      renameEdits,
      expectedRenameFiles: workspace.renameFiles,
      memoryIndexed,
      memory,
      memoryEmpty,
      heap,
    };
  } finally {
    await srv!.stop();
  }
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}

// ----- the report section -----

export const ESTATE_HEADING = '## Estate (SPEC 16)';
export const SMALL_ESTATE_HEADING = '### 3,000 small manifests';

/** The table of the bars and the indexing and memory lines, for either workspace. */
export function barLines(r: EstateResult, renameWhat: string): string[] {
  const x = (v: number, floor: number) => `${ms(v)} ms (${(v / floor).toFixed(2)}×)`;
  const met = (ok: boolean) => (ok ? '**met**' : '**not met**');
  const p95 = (s: Summary, floor: number) => `p50 ${x(s.median, floor)}, p95 ${x(s.p95, floor)}, max ${x(s.max, floor)} (${s.runs} runs)`;
  const indexing = summarize(r.indexing);
  const ch = [r.completionIndexing, r.hoverIndexing, r.completionEditing, r.hoverEditing];
  const rss = (m: EstateResult['memory']) => (m ? `${m.rssMb.toFixed(0)} MB (peak ${m.peakRssMb.toFixed(0)} MB)` : 'n/a');
  return [
    '| bar | measured | |',
    '| --- | --- | --- |',
    `| completion and hover within ${BARS.completionHoverP95} ms (p95) while the workspace is indexed | completion ${p95(r.completionIndexing, r.floorDomain)}; hover ${p95(r.hoverIndexing, r.floorDomain)} | ${met(r.completionIndexing.p95 <= BARS.completionHoverP95 && r.hoverIndexing.p95 <= BARS.completionHoverP95)} |`,
    `| completion and hover within ${BARS.completionHoverP95} ms (p95) while a manifest is edited | completion ${p95(r.completionEditing, r.floorDomain)}; hover ${p95(r.hoverEditing, r.floorDomain)} | ${met(r.completionEditing.p95 <= BARS.completionHoverP95 && r.hoverEditing.p95 <= BARS.completionHoverP95)} |`,
    `| an edit gets its own diagnostics within ${BARS.ownDiagnostics} ms | ${p95(r.ownDiagnostics, r.floorDomain)} | ${met(r.ownDiagnostics.p95 <= BARS.ownDiagnostics)} |`,
    `| an edit gets its dependents' diagnostics within ${BARS.dependentsDiagnostics} ms | ${p95(r.dependents, r.floorCatalog + r.dependentsOpen * r.floorDomain)}: from the catalog's \`didChange\` to the pulled diagnostics of all ${r.dependentsOpen} open importers showing the change | ${met(r.dependents.p95 <= BARS.dependentsDiagnostics)} |`,
    `| a rename ${renameWhat} answers within ${BARS.rename} ms | ${p95(r.rename, r.floorAll)}; the edit touches ${r.renameFiles} files (${r.renameEdits} places) | ${met(r.rename.p95 <= BARS.rename && r.renameFiles === r.expectedRenameFiles)} |`,
    '',
    `- **Indexing**: from starting the server to its log line saying the ${r.files.toLocaleString('en')} files are read and their estates resolved: median ${x(indexing.median, r.floorAll)}, max ${x(indexing.max, r.floorAll)} over ${indexing.runs} start${indexing.runs === 1 ? '' : 's'}. The longest any completion or hover waited meanwhile: ${ms(r.longestWaitIndexing)} ms.`,
    `- **Memory**: the server's resident set once indexed, ${rss(r.memoryIndexed)}; after the run, ${rss(r.memory)}; started on an empty folder, ${rss(r.memoryEmpty)}. What the files add, measured in the bench's process with the server's own index and estates over the same folder, after garbage collection: the index ${r.heap.indexMb.toFixed(1)} MB (the texts), the estates ${r.heap.estatesMb.toFixed(0)} MB, ${((r.heap.estatesMb * 1024) / r.files).toFixed(0)} KB per manifest of ${r.heap.textKb.toFixed(1)} KB of text: its yaml tree alone holds ${r.heap.yamlKb.toFixed(0)} KB, with its model ${r.heap.parsedKb.toFixed(0)} KB, the rest is what it gives the contexts of the others; the context of the edited manifest ${r.heap.contextMb < 0.1 ? 'under 0.1' : r.heap.contextMb.toFixed(1)} MB. Every manifest is held parsed because references, rename and the rules of the open ones reach files that are not open; the resident set is that heap, the server's own, and the room V8 keeps beyond the heap.`,
    ...(ch.every((s) => s.runs > 0) ? [] : ['- Some series have no runs.']),
  ];
}

export function estateSection(r: EstateResult, measured: string): string[] {
  return [
    ESTATE_HEADING,
    '',
    `${measured}.`,
    '',
    `A generated workspace (\`bench/estate.ts\`): ${DOMAINS} domain manifests of ${INTEGRATIONS_PER_DOMAIN} integrations each, all importing one shared catalog of ${CATALOG_SYSTEMS} systems (${r.files} files, ${r.kb.toFixed(0)} KB); every domain names the catalog's first system. The real server bundle (\`node dist/server.js --stdio\`) is started with the folder as its workspace and driven over stdio with the capabilities VS Code announces (diagnostics pulled, refresh supported). In brackets beside each figure: its ratio to the floor, yaml \`parseDocument\` of what the step must at least read, measured in the same run: all ${r.files} files (${ms(r.floorAll)} ms) for indexing and rename, the edited domain (${ms(r.floorDomain)} ms) for its own diagnostics, completion and hover, the catalog and the ${r.dependentsOpen} open domains (${ms(r.floorCatalog + r.dependentsOpen * r.floorDomain)} ms) for the dependents.`,
    '',
    ...barLines(r, `across all ${r.expectedRenameFiles} files`),
    `- Completion asks for a \`to:\` value (the ${CATALOG_SYSTEMS} imported systems are offered), hover is on a \`from:\` system of the catalog. While editing: a one-character edit in the middle of the domain every 40–100 ms, each followed by a diagnostics pull.`,
    `- **Where the time goes.** While the workspace is indexed, its 41 files are parsed a unit at a time as background work (slices of 2 ms, each only when nothing else waits), each manifest's part of the others' contexts is made the same way, and the open domain is checked again under its estate (slices of 4 ms). A request that comes in waits for the slice under way and is answered before the next one (over stdio the protocol library hands a message on in two turns, and the queue steps aside for both). Traced inside the server on 2026-12-02 at load 5, from a request's arrival to its answer took p50 1 ms and p95 4–7 ms; the rest of the round trip is the slice under way when it came, the pipe, the client and the scheduling of a shared machine. Parsing allocates much: one read of the 41 files makes some 800 MB of short-lived objects, most in eemeli/yaml's lexer and parser, and the young-generation collections that follow (about 240 a start, a few milliseconds each, far longer when the cores are busy) are the longest waits. While editing, the typed domain is parsed again for the estate after each pause in typing, in the background too. Memory holds every manifest of the estate parsed (references and rename reach files that are not open) and the open domains' analyses. Compare runs by the ratios to the floor: on a shared machine the absolute figures follow its load.`,
    '',
  ];
}

/**
 * Puts a section of the estate in place of an earlier one: the 41-file section (`ESTATE_HEADING`)
 * runs to its sub-section or the next section, the sub-section (`SMALL_ESTATE_HEADING`) to the
 * next heading. A sub-section not there yet goes at the end of the estate section, which goes
 * at the end of the report when it is not there.
 */
export function spliceEstateSection(report: string, section: string[]): string {
  const text = section.join('\n');
  const heading = section[0]!;
  const end = (from: number) => {
    const ends = ['\n## ', '\n### '].map((h) => report.indexOf(h, from)).filter((i) => i >= 0);
    return ends.length ? Math.min(...ends) : report.length;
  };
  const start = report.indexOf(`\n${heading}\n`);
  if (start >= 0) return report.slice(0, start + 1) + text + report.slice(end(start + 1 + heading.length));
  const estate = report.indexOf(`\n${ESTATE_HEADING}\n`);
  if (heading === ESTATE_HEADING || estate < 0) return `${report.trimEnd()}\n\n${text}`;
  const after = report.indexOf('\n## ', estate + 1 + ESTATE_HEADING.length);
  if (after < 0) return `${report.trimEnd()}\n\n${text}`;
  return `${report.slice(0, after).trimEnd()}\n\n${text}${report.slice(after)}`;
}
