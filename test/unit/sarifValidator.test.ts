/**
 * The SARIF of `lint` and `diff` as the services accept it, judged by Microsoft's SARIF
 * Multitool: `validate --rule-kind Sarif;Ghas;Ado` finds no error and no warning.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { runIn } from '../helpers/cli';
import { AZURE_PIPELINES_ENV, validateSarif } from '../helpers/sarifValidator';
import { BASE, withIntegration } from '../helpers/text';

const EXAMPLES = join(__dirname, '../../examples');

async function sarifOf(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return (await runIn(cwd, args, { version: '1.2.3', env })).out;
}

describe('SARIF the services accept (SARIF Multitool)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sarif-'));
    // the examples, copied so that their paths are relative to the folder the command runs in
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.integration.yaml'))) writeFileSync(join(dir, file), readFileSync(join(EXAMPLES, file), 'utf8'));
    writeFileSync(join(dir, 'findings.integration.yaml'), withIntegration({ mode: 'asink', monitoring: null }));
    writeFileSync(join(dir, 'base.integration.yaml'), BASE);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the judge can fail: a log without rule names, help or automation details has errors under Ghas and Ado', () => {
    const bare: Log = {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'r1', shortDescription: { text: 'A rule.' } }] } }, results: [{ ruleId: 'r1', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.yaml' }, region: { startLine: 1 } } }] }] }],
    };
    const problems = validateSarif(JSON.stringify(bare), 'Sarif;Ghas;Ado');
    assert.ok(problems.some((p) => p.startsWith('GH')), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('GHAzDO')), problems.join('\n'));
  });

  it('lint --format sarif: no error or warning under Sarif and Ghas, locations relative to %SRCROOT%', async () => {
    const sarif = await sarifOf(dir, ['lint', '--format', 'sarif', '*.integration.yaml']);
    const log = JSON.parse(sarif) as Log;
    const results = log.runs[0]?.results ?? [];
    assert.ok(results.length > 0, 'the log has findings to judge');
    for (const r of results) assert.equal(r.locations?.[0]?.physicalLocation?.artifactLocation?.uriBaseId, '%SRCROOT%');
    assert.deepEqual(validateSarif(sarif, 'Sarif;Ghas'), []);
  });

  it('lint --format sarif in Azure Pipelines: no error or warning under Sarif, Ghas and Ado', async () => {
    const sarif = await sarifOf(dir, ['lint', '--format', 'sarif', '*.integration.yaml'], AZURE_PIPELINES_ENV);
    assert.match((JSON.parse(sarif) as Log).runs[0]?.automationDetails?.id ?? '', /^azuredevops\/pipeline\/build\/contoso\/Architecture\/42\//);
    assert.deepEqual(validateSarif(sarif, 'Sarif;Ghas;Ado'), []);
  });

  it('diff --format sarif (the introduced findings): no error or warning under Sarif and Ghas, and under Ado in Azure Pipelines', async () => {
    const args = ['diff', '--format', 'sarif', 'base.integration.yaml', 'findings.integration.yaml'];
    const sarif = await sarifOf(dir, args);
    assert.ok(((JSON.parse(sarif) as Log).runs[0]?.results ?? []).length > 0, 'the log has findings to judge');
    assert.deepEqual(validateSarif(sarif, 'Sarif;Ghas'), []);
    assert.deepEqual(validateSarif(await sarifOf(dir, args, AZURE_PIPELINES_ENV), 'Sarif;Ghas;Ado'), []);
  });
});
