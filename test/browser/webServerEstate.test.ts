/**
 * Imports in the browser: the web build's language server (`dist/browser/server.js`) in a Web
 * Worker of headless Chromium, with a workspace folder on a virtual file system as github.dev
 * has it (`vscode-vfs://github/contoso/estate`). The client stands in for the editor
 * (client/src/files.ts): it answers `integrationManifests/listManifests` and
 * `integrationManifests/readFile` from an in-memory folder holding examples/estate, and records
 * every question. The server lists and reads the folder through it, so a manifest that imports
 * the catalog resolves its systems, definition and references cross files, a dependent's
 * diagnostics follow the catalog (typed, or changed in the folder), each as the Node server
 * gives them for the same folder on disk; and a path that leaves the folder is refused without
 * a question to the editor.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { URI } from 'vscode-uri';
import type { Diagnostic, Location, WorkspaceEdit } from 'vscode-languageserver/node';
import { ListManifestsRequest, ReadFileRequest, type ReadFileResult } from '../../shared/src/requests';
import { todayUtc } from '../../server/src/analysis/analyze';
import { startHarness, type Harness } from '../protocol/harness';
import { close, launch, ROOT } from './harness';
import { webWorkerServer, type WorkerServer } from './webWorkerServer';

const FOLDER = 'vscode-vfs://github/contoso/estate';
const ESTATE = join(ROOT, 'examples/estate');
const ORDERS = 'sales/orders.integration.yaml';
const CATALOG = 'shared/systems.integration.yaml';
/** A manifest of the folder whose import leaves it, for a file that is there (the client would serve it if asked). */
const ESCAPE = 'escape.integration.yaml';
const OUTSIDE = 'vscode-vfs://github/contoso/secrets.integration.yaml';
const ESCAPE_TEXT = ['integrationManifest: 1', 'imports:', '  - ../secrets.integration.yaml', 'solution:', '  name: Escape', ''].join('\n');

/** The estate's manifests, relative to the folder. */
function estateFiles(dir = ESTATE, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? estateFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : entry.name.endsWith('.integration.yaml') ? [`${prefix}${entry.name}`] : [],
  );
}

/** The editor's side of the web build, over an in-memory folder: what the server asked, in order. */
class MemoryEditor {
  readonly files = new Map<string, string>();
  readonly reads: string[] = [];
  readonly lists: string[] = [];

  constructor() {
    for (const file of estateFiles()) this.files.set(`${FOLDER}/${file}`, readFileSync(join(ESTATE, file), 'utf8'));
    this.files.set(`${FOLDER}/${ESCAPE}`, ESCAPE_TEXT);
    this.files.set(OUTSIDE, 'integrationManifest: 1\nsystems:\n  - id: vault\n    name: Secrets\n    kind: other\n    hosting: cloud\n');
  }

  answer(client: Harness['client']): void {
    client.onRequest(ListManifestsRequest, ({ folder }) => {
      this.lists.push(folder);
      return [...this.files.keys()].filter((uri) => uri.startsWith(`${folder}/`));
    });
    client.onRequest(ReadFileRequest, ({ uri }): ReadFileResult => {
      this.reads.push(uri);
      const text = this.files.get(uri);
      return text === undefined ? { kind: 'missing' } : { kind: 'text', text };
    });
  }
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
/** A diagnostic as a person reads it: where, which rule, what it says. */
const seen = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`;

describe('browser: imports in the web worker, read through the editor', function () {
  this.timeout(120_000);
  const today = todayUtc();
  let browser: Browser | undefined;
  let worker: WorkerServer | undefined;
  let web: Harness;
  let editor: MemoryEditor;
  /** The Node server on a copy of the estate on disk, for comparison. */
  let node: Harness;
  let disk: string;
  const vfs = (file: string) => `${FOLDER}/${file}`;
  const onDisk = (file: string) => URI.file(join(disk, file)).toString();
  const openWeb = (file: string) => web.open(editor.files.get(vfs(file))!, vfs(file));

  /** The diagnostics of `uri` once they satisfy `ready`, pulled again after each refresh the server asks for. */
  async function diagnosticsUntil(h: Harness, uri: string, ready: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    for (;;) {
      const refreshes = h.refreshCount();
      const diagnostics = await h.diagnostics(uri);
      if (ready(diagnostics)) return diagnostics;
      await h.refreshed(refreshes);
    }
  }

  before(async () => {
    browser = await launch();
    disk = realpathSync(mkdtempSync(join(tmpdir(), 'im-web-estate-')));
    cpSync(ESTATE, disk, { recursive: true });
    node = await startHarness({ today, workspaceFolders: [URI.file(disk).toString()] });
  });

  beforeEach(async () => {
    editor = new MemoryEditor();
    const started = browser!;
    // Returns once the server has indexed the folder (it logs how many manifests it read).
    web = await startHarness({ today, workspaceFolders: [FOLDER], handlers: (client) => editor.answer(client), server: async () => (worker = await webWorkerServer(started)) });
  });

  afterEach(async () => {
    await web?.dispose();
    assert.deepEqual(worker?.errors, [], 'nothing thrown in the page or the worker');
    assert.deepEqual(worker?.external, [], 'nothing loaded from the network');
  });

  after(async () => {
    await node?.dispose();
    await close(browser);
    if (disk) rmSync(disk, { recursive: true, force: true });
  });

  it('lists the workspace folder and reads its manifests through the editor, asking for nothing outside it', () => {
    assert.deepEqual(editor.lists, [FOLDER]);
    assert.ok(web.logs.some((line) => line.startsWith(`Indexed ${estateFiles().length + 1} manifest files`)), web.logs.join('\n'));
    assert.deepEqual([...new Set(editor.reads)].sort(), [...estateFiles().map(vfs), vfs(ESCAPE)].sort());
    const watch = web.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watch?.registerOptions, { watchers: [{ globPattern: '**/*.integration.{yaml,yml}' }] });
  });

  it('resolves the imports of every manifest of the estate: the findings are those the Node server gives on disk', async () => {
    for (const file of estateFiles()) {
      const inWorker = await web.diagnostics(await openWeb(file));
      const inNode = await node.diagnostics(await node.open(readFileSync(join(disk, file), 'utf8'), onDisk(file)));
      await node.close(onDisk(file));
      assert.deepEqual(inWorker.map(seen), inNode.map(seen), file);
      assert.deepEqual(codes(inWorker).filter((c) => c === 'import-unresolved' || c === 'unknown-reference'), [], file);
    }
    // The same text outside the folder reaches no catalog: its systems are unknown, so the answers above came through the import.
    const alone = await web.diagnostics(await web.open(editor.files.get(vfs(ORDERS))!, 'vscode-vfs://github/elsewhere/orders.integration.yaml'));
    assert.ok(codes(alone).includes('import-unresolved') && codes(alone).includes('unknown-reference'), alone.map(seen).join('\n'));
  });

  it("goes to the definition of an imported system in the catalog's URI", async () => {
    const orders = await openWeb(ORDERS);
    await web.diagnostics(orders);
    const found = await web.definition(orders, web.at(orders, 'to: e|rp'));
    assert.equal(found?.uri, vfs(CATALOG));
    const line = editor.files.get(vfs(CATALOG))!.split('\n')[found.range.start.line];
    assert.equal(line, '  - id: erp');
    assert.equal(line.slice(found.range.start.character, found.range.end.character), 'erp');
  });

  it('finds the references of a catalog system in manifests that are not open, and renames it in all of them', async () => {
    const catalog = await openWeb(CATALOG);
    await web.diagnostics(catalog);
    const position = web.at(catalog, '- id: e|rp');
    const files = (locations: Location[]) => [...new Set(locations.map((l) => l.uri.slice(FOLDER.length + 1)))].sort();
    const references = await web.references(catalog, position);
    const nodeCatalog = await node.open(readFileSync(join(disk, CATALOG), 'utf8'), onDisk(CATALOG));
    const nodeReferences = await node.references(nodeCatalog, node.at(nodeCatalog, '- id: e|rp'));
    await node.close(nodeCatalog);
    assert.deepEqual(files(references), [...new Set(nodeReferences.map((l) => l.uri.slice(URI.file(disk).toString().length + 1)))].sort());
    assert.ok(files(references).includes(ORDERS) && files(references).length >= 3, files(references).join(', '));
    const edit: WorkspaceEdit | null = await web.rename(catalog, position, 'ledger');
    assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), files(references).map(vfs));
  });

  it("shows a finding in a manifest when the catalog it imports is typed in, and clears it when it is typed back", async () => {
    const orders = await openWeb(ORDERS);
    await diagnosticsUntil(web, orders, (ds) => !codes(ds).includes('unknown-reference'));
    const catalog = await openWeb(CATALOG);
    await web.applyEdit({ changes: { [catalog]: [{ range: web.rangeOf(catalog, '- id: erp'), newText: '- id: warehouse-erp' }] } });
    const typed = await diagnosticsUntil(web, orders, (ds) => codes(ds).includes('unknown-reference'));
    const unknown = typed.filter((d) => d.code === 'unknown-reference');
    assert.ok(unknown.length > 0 && unknown.every((d) => /erp/.test(d.message)), typed.map(seen).join('\n'));
    await web.applyEdit({ changes: { [catalog]: [{ range: web.rangeOf(catalog, '- id: warehouse-erp'), newText: '- id: erp' }] } });
    await diagnosticsUntil(web, orders, (ds) => !codes(ds).includes('unknown-reference'));
  });

  it('follows the catalog changed in the folder, not open, when the editor reports the change', async () => {
    const orders = await openWeb(ORDERS);
    await diagnosticsUntil(web, orders, (ds) => !codes(ds).includes('unknown-reference'));
    editor.files.set(vfs(CATALOG), editor.files.get(vfs(CATALOG))!.replace('- id: erp', '- id: warehouse-erp'));
    const before = editor.reads.length;
    await web.filesChanged([{ uri: vfs(CATALOG), type: 2 }]);
    const changed = await diagnosticsUntil(web, orders, (ds) => codes(ds).includes('unknown-reference'));
    assert.ok(changed.some((d) => d.code === 'unknown-reference' && /erp/.test(d.message)), changed.map(seen).join('\n'));
    assert.ok(editor.reads.slice(before).includes(vfs(CATALOG)), 'the changed file was read again through the editor');
    // Deleted: the catalog's systems are gone, and the import is unresolved.
    editor.files.delete(vfs(CATALOG));
    await web.filesChanged([{ uri: vfs(CATALOG), type: 3 }]);
    await diagnosticsUntil(web, orders, (ds) => codes(ds).includes('import-unresolved'));
  });

  it('refuses an import that leaves the workspace folder, and a reported change outside it, without asking the editor', async () => {
    const escape = await openWeb(ESCAPE);
    const diagnostics = await web.diagnostics(escape);
    const refused = diagnostics.find((d) => d.code === 'import-unresolved');
    assert.ok(refused, diagnostics.map(seen).join('\n'));
    assert.match(refused.message, /leaves the workspace folder/);
    // A change reported for a path that climbs out of the folder by `..`, and one in another repository.
    // Then one inside, read in turn: once it is, the two before it have been dealt with.
    const before = editor.reads.length;
    await web.filesChanged([
      { uri: `${FOLDER}/../secrets.integration.yaml`, type: 1 },
      { uri: 'vscode-vfs://github/fabrikam/estate/x.integration.yaml', type: 1 },
      { uri: vfs(ORDERS), type: 2 },
    ]);
    while (!editor.reads.slice(before).includes(vfs(ORDERS))) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(editor.reads.every((uri) => uri.startsWith(`${FOLDER}/`) && !uri.includes('..')), editor.reads.join('\n'));
  });
});
