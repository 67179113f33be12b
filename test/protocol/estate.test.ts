/**
 * The estate over a real LSP connection: manifests on disk in a temporary workspace folder,
 * some open in the client and some not. Every feature crosses files: definition, references,
 * rename (one WorkspaceEdit over every manifest of the estate that names the id), completion
 * and hover of imported items; and the diagnostics of a manifest follow what it imports,
 * changed in the editor (typed, unsaved) or on disk (the watcher's event), in pull and push mode.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { startHarness, type Harness } from './harness';
import { joinLines } from '../helpers/text';
import type { DiagramSet } from '../../shared/src/diagrams';
import { DiagramsRequest } from '../../shared/src/requests';

const CATALOG = joinLines(
  'integrationManifest: 1',
  '# The systems every domain shares.',
  'goals:',
  '  - id: visibility',
  '    title: Sales sees order status',
  'systems:',
  '  - id: erp',
  '    name: Finance and Operations',
  '    kind: dynamics-365-finance',
  '    hosting: cloud',
  '    owner: Finance IT',
  '  - id: crm',
  '    name: Dynamics 365 Sales',
  '    kind: dynamics-365-sales',
  '    hosting: cloud',
  '  - id: bus',
  '    name: Service Bus',
  '    kind: service-bus',
  '    hosting: cloud',
);

/** A domain manifest that imports the catalog and has one integration from `from` to `to`. */
function domain(name: string, id: string, from: string, to: string): string {
  return joinLines(
    'integrationManifest: 1',
    'imports:',
    '  - ../shared/systems.integration.yaml',
    'solution:',
    `  name: ${name}`,
    'governance:',
    '  alm: azure-devops',
    '  versionControl: true',
    'integrations:',
    `  - id: ${id}`,
    `    name: ${name} orders`,
    '    type: data',
    `    from: ${from}`,
    `    to: ${to}`,
    '    mode: async',
    '    trigger: event',
    '    volume: 500/day',
    '    pattern: business-events',
    '    via: [bus]',
    `    systemOfRecord: ${from}`,
    '    goals: [visibility]',
    '    security:',
    '      authentication: entra-id',
    '      secrets: key-vault',
    '      transport: tls1.2',
    '    monitoring:',
    '      tool: application-insights',
    '      alerts: true',
    '    errorHandling:',
    '      retry: { attempts: 5, backoff: exponential }',
    '      deadLetter: true',
    '      notify: support@contoso.com',
  );
}

const FILES: Record<string, string> = {
  'shared/systems.integration.yaml': CATALOG,
  'sales/sales.integration.yaml': domain('Sales', 'order-status', 'erp', 'crm'),
  'finance/finance.integration.yaml': domain('Finance', 'invoices', 'erp', 'crm'),
  // The root of the estate: what the preview draws of it is the estate.
  'root.integration.yaml': joinLines('integrationManifest: 1', 'imports:', '  - ./sales/sales.integration.yaml', '  - ./finance/finance.integration.yaml', 'solution:', '  name: Contoso estate'),
  // Not connected to the others: the same ids mean other systems there.
  'lab/lab.integration.yaml': joinLines('integrationManifest: 1', 'systems:', '  - id: erp', '    name: Lab ERP', '    kind: erp', '    hosting: cloud'),
};

const rulesOf = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

for (const mode of ['pull', 'push'] as const)
  describe(`the estate over LSP (${mode} diagnostics)`, () => {
    let root: string;
    let h: Harness;
    const uri = (file: string) => URI.file(join(root, file)).toString();
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    };
    /** Opens a file of the folder with the text it has on disk. */
    const open = (file: string) => h.open(readFileSync(join(root, file), 'utf8'), uri(file));
    /**
     * The diagnostics of `file` once they satisfy `ready`: in pull mode, pulled again after each
     * refresh the server asks for; in push mode, the last set published, then each one after.
     */
    async function diagnosticsUntil(file: string, ready: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
      for (;;) {
        if (mode === 'push') {
          const next = h.nextPush(uri(file));
          const last = h.lastPush(uri(file))?.diagnostics;
          if (last && ready(last)) return last;
          await next;
        } else {
          const refreshes = h.refreshCount();
          const diagnostics = await h.diagnostics(uri(file));
          if (ready(diagnostics)) return diagnostics;
          await h.refreshed(refreshes);
        }
      }
    }

    beforeEach(async () => {
      root = realpathSync(mkdtempSync(join(tmpdir(), 'im-estate-lsp-')));
      for (const [file, text] of Object.entries(FILES)) write(file, text);
      h = await startHarness({ diagnostics: mode, workspaceFolders: [URI.file(root).toString()] });
    });
    afterEach(async () => {
      await h.dispose();
      rmSync(root, { recursive: true, force: true });
    });

    it('asks the client to watch the manifests of the workspace', () => {
      const watch = h.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.deepEqual(watch?.registerOptions, { watchers: [{ globPattern: '**/*.integration.{yaml,yml}' }] });
    });

    it('goes to the definition of an imported system in a file that is not open', async () => {
      const sales = await open('sales/sales.integration.yaml');
      const found = await h.definition(sales, h.at(sales, 'from: e|rp'));
      assert.equal(found?.uri, uri('shared/systems.integration.yaml'));
      const catalog = TextDocument.create(found.uri, 'integration-manifest', 0, CATALOG);
      assert.equal(catalog.getText(found.range), 'erp');
      assert.equal(found.range.start.line, 6);
    });

    it('finds the references in every manifest of the estate, and none in another estate', async () => {
      const sales = await open('sales/sales.integration.yaml');
      const found = await h.references(sales, h.at(sales, 'from: e|rp'), true);
      const files = found.map((l) => l.uri.slice(uri('').length + 1));
      assert.deepEqual([...new Set(files)].sort(), ['finance/finance.integration.yaml', 'sales/sales.integration.yaml', 'shared/systems.integration.yaml']);
      // from and systemOfRecord in each domain, the declaration in the catalog.
      assert.equal(found.length, 5);
      const withoutDeclaration = await h.references(sales, h.at(sales, 'from: e|rp'), false);
      assert.equal(withoutDeclaration.length, 4);
    });

    it('renames an id across the estate in one edit, open files or not, keeping the rest of each file', async () => {
      const sales = await open('sales/sales.integration.yaml');
      const edit = await h.rename(sales, h.at(sales, 'from: e|rp'), 'ledger');
      const changes = edit?.changes ?? {};
      assert.deepEqual(Object.keys(changes).sort(), [uri('finance/finance.integration.yaml'), uri('sales/sales.integration.yaml'), uri('shared/systems.integration.yaml')]);
      const apply = (file: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(uri(file), 'integration-manifest', 0, FILES[file]!), edits);
      for (const file of ['sales/sales.integration.yaml', 'finance/finance.integration.yaml', 'shared/systems.integration.yaml'])
        assert.equal(apply(file, changes[uri(file)]!), FILES[file]!.replace(/\b(from|systemOfRecord|id): erp\b/g, '$1: ledger'), file);
      // The comment of the catalog is kept; the lab's own `erp` is untouched.
      assert.ok(!(uri('lab/lab.integration.yaml') in changes));
    });

    it('refuses a rename onto an id declared in another manifest of the estate, naming the file', async () => {
      const sales = await open('sales/sales.integration.yaml');
      await assert.rejects(h.rename(sales, h.at(sales, 'from: e|rp'), 'crm'), (e: Error) => /already used by the system in 'shared\/systems\.integration\.yaml' on line 12/.test(e.message));
    });

    it('completes imported systems with their file, and hovers them with it', async () => {
      const sales = await open('sales/sales.integration.yaml');
      const items = await h.completion(sales, h.at(sales, 'to: |crm'));
      const erp = items.find((i) => i.label === 'erp');
      assert.match(erp?.detail ?? '', /Finance and Operations · dynamics-365-finance · shared\/systems\.integration\.yaml/);
      const hover = await h.hover(sales, h.at(sales, 'from: e|rp'));
      const text = (hover?.contents as { value: string }).value;
      assert.match(text, /System `erp`.*Finance and Operations/);
      assert.match(text, /Declared in `shared\/systems\.integration\.yaml`, which this manifest imports\./);
    });

    it('draws the root manifest with everything it imports, each place pointing at its import', async () => {
      const root = await open('root.integration.yaml');
      const set = await h.request<DiagramSet | null>(DiagramsRequest.method, { uri: root });
      assert.ok(set);
      assert.deepEqual(set.application.systems.map((s) => s.id).sort(), ['bus', 'crm', 'erp']);
      assert.deepEqual(set.interactions.map((i) => i.integrationId).sort(), ['invoices', 'order-status']);
      assert.match(set.application.mermaid, /Finance and Operations/);
      // A click on the catalog's system or the finance integration selects the import it came through.
      const text = h.text(root);
      const spanText = (t: { span: { start: number; end: number } }) => text.slice(t.span.start, t.span.end);
      const targets = [...Object.values(set.application.nodes), ...Object.values(set.application.edges)];
      assert.ok(targets.length > 0);
      for (const target of targets) assert.match(spanText(target), /^\.\/(sales|finance)\/\w+\.integration\.yaml$/);
      // A manifest that imports nothing draws itself alone.
      const lab = await open('lab/lab.integration.yaml');
      assert.deepEqual((await h.request<DiagramSet | null>(DiagramsRequest.method, { uri: lab }))?.application.systems.map((s) => s.id), ['erp']);
    });

    it('checks a dependent again when the manifest it imports is typed in, unsaved', async () => {
      const sales = await open('sales/sales.integration.yaml');
      assert.deepEqual(rulesOf(await h.diagnostics(sales)).filter((r) => r === 'unknown-reference'), []);
      const catalog = await open('shared/systems.integration.yaml');
      await h.change(catalog, CATALOG.replace('- id: crm', '- id: sales-crm'));
      const after = await diagnosticsUntil('sales/sales.integration.yaml', (d) => rulesOf(d).includes('unknown-reference'));
      const unknown = after.filter((d) => d.code === 'unknown-reference');
      assert.equal(unknown.length, 1);
      assert.equal(TextDocument.create(sales, 'x', 0, h.text(sales)).getText(unknown[0]!.range), 'crm');
      // Closing the catalog unsaved: the disk's text counts again.
      await h.close(catalog);
      await diagnosticsUntil('sales/sales.integration.yaml', (d) => !rulesOf(d).includes('unknown-reference'));
    });

    it('checks a dependent again when the watcher reports that the file it imports changed on disk', async () => {
      const finance = await open('finance/finance.integration.yaml');
      assert.ok(!rulesOf(await h.diagnostics(finance)).includes('unknown-reference'));
      write('shared/systems.integration.yaml', CATALOG.replace('- id: erp', '- id: finance-erp'));
      await h.filesChanged([{ uri: uri('shared/systems.integration.yaml'), type: 2 }]);
      const after = await diagnosticsUntil('finance/finance.integration.yaml', (d) => rulesOf(d).includes('unknown-reference'));
      assert.equal(after.filter((d) => d.code === 'unknown-reference').length, 2);
      // Deleted: the import no longer resolves.
      rmSync(join(root, 'shared/systems.integration.yaml'));
      await h.filesChanged([{ uri: uri('shared/systems.integration.yaml'), type: 3 }]);
      await diagnosticsUntil('finance/finance.integration.yaml', (d) => rulesOf(d).includes('import-unresolved'));
    });
  });
