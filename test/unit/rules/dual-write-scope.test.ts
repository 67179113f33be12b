import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'dual-write-scope';

/** BASE with the ERP of another kind, and the integration using dual-write. */
function dualWrite(erpKind: string, set: Record<string, string | null> = {}): string {
  return withIntegration({ pattern: 'dual-write', via: null, ...set }, BASE.replace('    kind: erp\n', `    kind: ${erpKind}\n`));
}

describe(RULE, () => {
  it('fires on `pattern` when dual-write joins a system that is not finance and operations', () => {
    const text = dualWrite('erp');
    const a = lintText(text);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'error');
    assert.equal(spanText(a, found[0]!), 'dual-write');
    assert.match(found[0]!.message, /dual-write between `erp` \(erp\) and `sales` \(dynamics-365-sales\)/);
    assert.match(found[0]!.message, /choose another pattern for this pair/);
  });

  it('stays silent between a finance and operations app and a Dataverse app, in either direction', () => {
    assert.deepEqual(findingsOf(dualWrite('dynamics-365-finance'), RULE), []);
    assert.deepEqual(findingsOf(dualWrite('dynamics-365-supply-chain', { from: 'sales', to: 'erp', systemOfRecord: 'sales' }), RULE), []);
  });

  it('fires between two Dataverse apps and between two finance and operations apps', () => {
    assert.equal(findingsOf(dualWrite('dataverse'), RULE).length, 1);
    const twoFinance = dualWrite('dynamics-365-finance').replace('    kind: dynamics-365-sales\n', '    kind: dynamics-365-commerce\n');
    assert.equal(findingsOf(twoFinance, RULE).length, 1);
  });

  it('stays silent on other patterns, and while an end is not declared', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
    assert.deepEqual(findingsOf(dualWrite('erp', { to: 'nowhere' }), RULE), []);
  });

  it('a waiver with a reason silences it', () => {
    assert.deepEqual(findingsOf(dualWrite('erp', { waivers: '[{ rule: dual-write-scope, reason: Migration period only }]' }), RULE), []);
  });

  it('offers no quick fix: the right pattern depends on the design', () => {
    const a = lintText(dualWrite('erp'));
    const p = a.problems.find((x) => x.rule === RULE)!;
    assert.deepEqual(findRule(RULE)!.fixes?.(a.manifest, p) ?? [], []);
  });
});
