import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { ruleTester } from '../../helpers/ruleTester';
import { BASE, findingsOf, lintText, withIntegration } from '../../helpers/text';

const RULE = 'dmf-scope';

/** BASE with the kinds of the ERP (`erp`, the `from` end) and of Sales (`sales`, the `to` end) replaced. */
function kinds(erpKind: string, salesKind = 'dynamics-365-sales'): string {
  return BASE.replace('    kind: erp\n', `    kind: ${erpKind}\n`).replace('    kind: dynamics-365-sales\n', `    kind: ${salesKind}\n`);
}

/** The integration of `base` as a daily DMF batch (so that dmf-bulk has nothing to say), with `set` on top. */
function dmf(base: string, set: Record<string, string | null> = {}): string {
  return withIntegration({ pattern: 'dmf', mode: 'batch', frequency: 'daily', via: null, ...set }, base);
}

/** The other way round: Sales sends, the ERP receives. */
const REVERSED = { from: 'sales', to: 'erp', systemOfRecord: 'sales' };

const FINANCE_AND_OPERATIONS = ['dynamics-365-finance', 'dynamics-365-supply-chain', 'dynamics-365-commerce', 'dynamics-365-human-resources', 'dynamics-365-project-operations'];

const DATAVERSE_ADVICE = /For bulk loads with Dataverse, send batches through the Web API \(`pattern: web-api` with `\$batch`, or CreateMultiple and UpdateMultiple\) or use Data Factory\./;
const OTHER_ADVICE = /Use the bulk interface of the systems involved \(a file transfer, Data Factory, or their own batch API\) and name it in `pattern`\./;

ruleTester(RULE, {
  valid: [
    ...FINANCE_AND_OPERATIONS.map((kind) => ({ name: `from a finance and operations app (${kind}) into Dataverse`, code: dmf(kinds(kind)) })),
    { name: 'from Dataverse into a finance and operations app', code: dmf(kinds('dynamics-365-supply-chain'), REVERSED) },
    { name: 'from a SaaS system into a finance and operations app (no Dataverse at all)', code: dmf(kinds('saas', 'dynamics-365-finance')) },
    { name: 'from a finance and operations app out to a file store', code: dmf(kinds('file-store', 'dynamics-365-finance'), REVERSED) },
    { name: 'other patterns between the same systems', code: BASE },
    { name: 'Web API batches into Dataverse, the bulk path it has', code: withIntegration({ pattern: 'web-api', mode: 'batch', volume: '100k/hour' }, kinds('saas')) },
    // An end that is not declared has no known family: unknown-reference reports it, this rule waits.
    { name: 'while the `to` end is not declared', code: dmf(kinds('saas'), { to: 'nowhere' }) },
    { name: 'while the `from` end is not declared', code: dmf(kinds('saas'), { from: 'nowhere', systemOfRecord: 'sales' }) },
    { name: 'a waiver with a reason silences it', code: dmf(kinds('saas'), { waivers: '[{ rule: dmf-scope, reason: The F&O environment is declared in another manifest }]' }) },
  ],
  invalid: [
    {
      name: 'fires, as an error on `pattern`, for DMF from a SaaS system into Dataverse, and points to Web API batches or Data Factory',
      code: dmf(kinds('saas')),
      errors: [
        {
          at: 'dmf',
          severity: 'error',
          message: [/^Integration `status` uses the Data Management Framework between `erp` and `sales`, but neither is a finance and operations app, and DMF exists only there\. /, DATAVERSE_ADVICE],
        },
      ],
    },
    { name: 'fires for DMF out of Dataverse into a SaaS system, with the same advice', code: dmf(kinds('saas'), REVERSED), errors: [{ at: 'dmf', message: [/between `sales` and `erp`/, DATAVERSE_ADVICE] }] },
    { name: 'fires for DMF between two Dataverse apps', code: dmf(kinds('power-apps')), errors: [{ at: 'dmf', message: DATAVERSE_ADVICE }] },
    {
      name: 'fires for DMF between two systems that are neither finance and operations nor Dataverse, and points to their own bulk interface',
      code: dmf(kinds('erp', 'database')),
      errors: [{ at: 'dmf', severity: 'error', message: [/between `erp` and `sales`, but neither is a finance and operations app/, OTHER_ADVICE, /^(?![\s\S]*Dataverse)/] }],
    },
    { name: 'fires for Business Central, which is not a finance and operations app', code: dmf(kinds('dynamics-365-business-central', 'saas')), errors: [{ message: OTHER_ADVICE }] },
    { name: 'fires whatever the mode: a DMF job that is also synchronous gets one finding here', code: dmf(kinds('saas'), { mode: 'sync' }), errors: [{ at: 'dmf' }] },
    { name: 'fires on an integration written as a flow map', code: kinds('saas').replace(/ {2}- id: status[\s\S]*$/, '  - { id: loads, name: Loads, type: data, from: erp, to: sales, pattern: dmf, mode: batch }\n'), errors: [{ at: 'dmf' }] },
    { name: 'offers no quick fix: the bulk path depends on the systems', code: dmf(kinds('saas')), errors: [{}], output: null },
  ],
});

describe(RULE, () => {
  it('has no quick fix', () => {
    assert.equal(typeof findRule(RULE)!.fixes, 'undefined');
  });

  it('leaves an undeclared end to unknown-reference', () => {
    const code = dmf(kinds('saas'), { to: 'nowhere' });
    assert.equal(findingsOf(code, RULE).length, 0);
    assert.equal(findingsOf(code, 'unknown-reference').length, 1);
  });
});

describe('dmf-scope: an end whose kind is unknown', () => {
  it('is left to the schema (its family is not known)', () => {
    const text = lintText(
      [
        'integrationManifest: 1',
        'solution: { name: T }',
        'systems:',
        '  - { id: a, name: A, kind: dynamics-365-finanse, hosting: cloud }',
        '  - { id: b, name: B, kind: dynamics-365-sales, hosting: cloud }',
        'integrations:',
        '  - { id: i, name: I, type: data, from: a, to: b, mode: batch, pattern: dmf }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(text.problems.filter((p) => p.rule === 'dmf-scope'), []);
    assert.ok(text.problems.some((p) => p.rule === 'schema'), 'the schema reports the unknown kind');
  });
});
