/**
 * The command line over imports: `lint` judges the files given and what they import as
 * estates (each file once), with related locations in every format; `diagram` and `docs` draw
 * a manifest with everything it imports. Real files in a temporary folder, the CLI in process.
 */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import type { Log } from 'sarif';
import { runCli } from '../../server/src/cli/main';
import type { CliIo } from '../../server/src/cli/io';
import { CATALOG, domain, estateFolder, type EstateFolder } from './estate/estateFolder';

async function run(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { cwd, stdout: (t) => void (out += t), stderr: (t) => void (err += t), resolve: (f) => resolve(cwd, f), color: false, version: '9.9.9' };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe('command line: estates', () => {
  let folder: EstateFolder;
  beforeEach(() => {
    folder = estateFolder();
    folder.write('shared/systems.integration.yaml', ...CATALOG);
  });
  afterEach(() => folder.remove());

  it('lint follows imports: the domain manifest has no unknown reference and the catalog needs no solution', async () => {
    folder.write('sales.integration.yaml', ...domain('./shared/systems.integration.yaml'));
    assert.deepEqual(await run(folder.root, 'lint', 'sales.integration.yaml'), { code: 0, out: 'No problems found in 2 files.\n', err: '' });
  });

  it('lint judges each file once, however often it is given or imported', async () => {
    folder.write('sales.integration.yaml', ...domain('./shared/systems.integration.yaml', 'sales-status'));
    folder.write('finance.integration.yaml', ...domain('./shared/systems.integration.yaml', 'finance-status'));
    folder.write('shared/extra.integration.yaml', 'integrationManifest: 1', 'imports: [./systems.integration.yaml]', 'solution:', '  name: Extra', 'systems:', '  - id: crm', '    name: Old CRM', '    kind: custom', '    hosting: cloud');
    const { code, out } = await run(folder.root, 'lint', '--format', 'json', '*.integration.yaml', 'shared/*.integration.yaml', 'sales.integration.yaml');
    assert.equal(code, 0);
    const findings = JSON.parse(out) as { file: string; rule: string }[];
    assert.deepEqual(findings.map((f) => `${f.file} ${f.rule}`), ['shared/extra.integration.yaml governance-declared', 'shared/extra.integration.yaml unused-system']);
  });

  it('an import that does not resolve is an error on its line, and the exit code is 1', async () => {
    folder.write('sales.integration.yaml', ...domain('./shared/system.integration.yaml'));
    const { code, out } = await run(folder.root, 'lint', 'sales.integration.yaml');
    assert.equal(code, 1);
    const lines = out.split('\n');
    assert.equal(lines[0], 'sales.integration.yaml');
    assert.equal(lines[1], "  3:5    error  No file 'shared/system.integration.yaml' exists. Check the path: it is relative to this manifest.  import-unresolved");
    assert.match(out, /`from` names `erp`|'from' names 'erp'/);
  });

  it('lint says an import out of the current directory leaves it, and reads nothing there', async () => {
    folder.write('../outside/systems.integration.yaml', ...CATALOG);
    folder.write('sales.integration.yaml', ...domain('../outside/systems.integration.yaml'));
    const { out } = await run(folder.root, 'lint', '--format', 'json', 'sales.integration.yaml');
    const findings = JSON.parse(out) as { file: string; rule: string; message: string }[];
    assert.deepEqual(findings.filter((f) => f.rule === 'import-unresolved').map((f) => f.message), [
      "'../outside/systems.integration.yaml' leaves the current directory. Imports name manifests inside it; nothing outside is read.",
    ]);
    assert.deepEqual([...new Set(findings.map((f) => f.file))], ['sales.integration.yaml']);
  });

  it('a duplicate id across files is reported in each file, with the other place: stylish, json and SARIF', async () => {
    folder.write('sales.integration.yaml', ...domain('./shared/systems.integration.yaml', 'status', ['systems:', '  - id: erp', '    name: Our ERP', '    kind: erp', '    hosting: cloud']));
    const stylish = await run(folder.root, 'lint', 'sales.integration.yaml');
    assert.equal(stylish.code, 1);
    assert.equal(
      stylish.out,
      [
        'sales.integration.yaml',
        "  10:9  error  The id 'erp' is also used by the system in 'shared/systems.integration.yaml' (line 10). Ids are unique across the manifests connected by imports: give this system an id of its own, or use the one declared there instead of declaring it again.  duplicate-id",
        '               see shared/systems.integration.yaml:10:9',
        '',
        'shared/systems.integration.yaml',
        "  10:9  error  The id 'erp' is also used by the system in 'sales.integration.yaml' (line 10). Ids are unique across the manifests connected by imports: give this system an id of its own, or use the one declared there instead of declaring it again.  duplicate-id",
        '               see sales.integration.yaml:10:9',
        '',
        '2 problems (2 errors, 0 warnings, 0 info, 0 hints) in 2 files',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await run(folder.root, 'lint', '--format', 'json', 'sales.integration.yaml')).out) as { file: string; related?: unknown[] }[];
    assert.deepEqual(json[0]!.related, [{ file: 'shared/systems.integration.yaml', line: 10, column: 9, endLine: 10, endColumn: 12, message: "The system 'erp' (ERP) in shared/systems.integration.yaml" }]);
    const sarif = JSON.parse((await run(folder.root, 'lint', '--format', 'sarif', 'sales.integration.yaml')).out) as Log;
    assert.deepEqual(sarif.runs[0]!.results![0]!.relatedLocations, [
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'shared/systems.integration.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 10, startColumn: 9, endLine: 10, endColumn: 12 } },
        message: { text: "The system 'erp' (ERP) in shared/systems.integration.yaml" },
      },
    ]);
  });

  it('diagram draws the manifest with the systems it imports, marked, and the integrations of what it imports', async () => {
    folder.write('shared/orders.integration.yaml', 'integrationManifest: 1', 'imports: [./systems.integration.yaml]', ...domain('x', 'orders').slice(3).map((l) => l.replace('Order status', 'Orders to ERP')));
    folder.write('root.integration.yaml', 'integrationManifest: 1', 'imports: [./shared/orders.integration.yaml]', 'solution:', '  name: Contoso estate');
    const { code, out, err } = await run(folder.root, 'diagram', 'root.integration.yaml');
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.match(out, /\["Dynamics 365 Sales<br\/>dynamics-365-sales"\]/);
    assert.match(out, /\{\{"Service Bus<br\/>service-bus"\}\}/);
    assert.match(out, /\|"1\. Orders to ERP<br\/>500\/day"\|/);
    assert.match(out, /classDef imported stroke-dasharray:2 3\n {2}class s0,s1,s2 imported/);
  });

  it('docs names the manifests it includes, and the interaction diagrams of imported integrations', async () => {
    folder.write('shared/orders.integration.yaml', 'integrationManifest: 1', 'imports: [./systems.integration.yaml]', ...domain('x', 'orders').slice(3));
    folder.write('root.integration.yaml', 'integrationManifest: 1', 'imports: [./shared/orders.integration.yaml]', 'solution:', '  name: Contoso estate');
    const { code, out } = await run(folder.root, 'docs', 'root.integration.yaml');
    assert.equal(code, 0);
    assert.match(out, /^# Contoso estate\n/);
    assert.match(out, /It includes the systems and integrations of the manifests it imports: `shared\/orders.integration.yaml`, `shared\/systems.integration.yaml`\./);
    assert.match(out, /### 1\. Order status \(`orders`\)/);
  });

  it('a file given outside the current directory is read, but its imports out of it are refused', async () => {
    const outside = folder.write('../elsewhere/sales.integration.yaml', ...domain('./systems.integration.yaml'));
    folder.write('../elsewhere/systems.integration.yaml', ...CATALOG);
    const { out } = await run(folder.root, 'lint', '--format', 'json', outside);
    const findings = JSON.parse(out) as { rule: string; message: string }[];
    assert.deepEqual(findings.filter((f) => f.rule === 'import-unresolved').map((f) => f.message), [
      "'./systems.integration.yaml' leaves the current directory. Imports name manifests inside it; nothing outside is read.",
    ]);
    assert.equal(join(folder.base, 'elsewhere/sales.integration.yaml'), outside);
  });
});
