/**
 * examples/estate: a shared catalog, three domain manifests and a root manifest. Read from the
 * root as the CLI and the editor read it (the folder as the root), every manifest has exactly
 * the findings its comments explain, pinned as `line:rule`; the CLI lints and draws it whole.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeText } from '../../server/src/analysis/analyze';
import { analyzeEstate } from '../../server/src/estate/analyze';
import { loadEstate } from '../../server/src/estate/load';
import { runCli } from '../../server/src/cli/main';
import { estatePath, nodeEstateFiles } from '../../server/src/node/estateFiles';
import { TODAY } from '../helpers/text';

const ESTATE = join(__dirname, '..', '..', 'examples', 'estate');

const EXPECTED: Record<string, string[]> = {
  'estate.integration.yaml': [],
  'sales/orders.integration.yaml': [],
  'finance/customers-and-workers.integration.yaml': [],
  'operations/production.integration.yaml': [],
  'shared/systems.integration.yaml': ['46:unused-system'],
};

const COUNTS = ['none', 'one', 'two', 'three'];

describe('examples/estate', () => {
  it('the root reaches every manifest of the estate, and each has exactly the findings its comments explain', async () => {
    const estate = await loadEstate([estatePath(join(ESTATE, 'estate.integration.yaml'))], await nodeEstateFiles(ESTATE));
    const found: Record<string, string[]> = {};
    for (const [path, analysis] of analyzeEstate(estate, { today: TODAY })) {
      const file = estate.nodes.get(path)!.file;
      found[file] = analysis.problems.map((p) => `${analysis.document.lines.positionAt(p.span.start).line + 1}:${p.rule}`);
      const text = readFileSync(join(ESTATE, file), 'utf8');
      for (const p of analysis.problems) assert.match(text, new RegExp(`#.*\\b${p.rule}\\b`), `${file}: no comment mentions ${p.rule}`);
      const header = /# Expected findings: (none|one|two|three)\b/.exec(text);
      assert.ok(header, `${file}: the header comment says how many findings to expect`);
      assert.equal(COUNTS.indexOf(header[1]!), analysis.problems.length, file);
    }
    assert.deepEqual(found, EXPECTED);
  });

  it('the domain manifests name the catalog systems only: judged alone, each has unknown references', () => {
    const text = readFileSync(join(ESTATE, 'sales/orders.integration.yaml'), 'utf8');
    const alone = analyzeText(text, 'file:///orders.integration.yaml', { today: TODAY });
    assert.ok(alone.problems.filter((p) => p.rule === 'unknown-reference').length >= 4);
  });

  it('lint of the root checks the five manifests once and reports the catalog finding; diagram draws the estate', async () => {
    let out = '';
    const io = { cwd: ESTATE, stdout: (t: string) => void (out += t), stderr: () => undefined, resolve: (f: string) => resolve(ESTATE, f), color: false, version: '9.9.9' };
    assert.equal(await runCli(['lint', 'estate.integration.yaml'], io), 0);
    assert.match(out, /^shared\/systems\.integration\.yaml\n {2}46:9 {2}info {2}System 'legacy-crm' \(Legacy CRM\) takes part in no integration/);
    assert.match(out, /1 problem \(0 errors, 0 warnings, 1 info, 0 hints\) in 5 files\n$/);
    out = '';
    assert.equal(await runCli(['diagram', 'estate.integration.yaml'], io), 0);
    for (const name of ['Confirmed orders to the warehouse', 'Order status updates', 'Customers shared by Sales and Finance', 'Workers from Human Resources to Finance', 'Scheduled production orders to the ERP'])
      assert.ok(out.includes(name), `the estate diagram draws ${name}`);
    assert.match(out, /class s0,s1,s2,s5,s3,s4,s6 imported/);
  });
});
