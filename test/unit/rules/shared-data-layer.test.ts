import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'shared-data-layer';

/** BASE with the ERP turned into another Dataverse app. */
const withErpKind = (kind: string, set: Record<string, string | null> = {}) => withIntegration(set, BASE.replace('    kind: erp\n', `    kind: ${kind}\n`));

describe(RULE, () => {
  it('fires on `type` when a data integration joins two Dataverse apps', () => {
    const text = withErpKind('dynamics-365-customer-service');
    const a = lintText(text);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.equal(spanText(a, found[0]!), 'data');
    assert.equal(found[0]!.span.start, text.indexOf('type: data') + 'type: '.length);
    assert.match(found[0]!.message, /copies data from `erp` to `sales`, but both are Dataverse apps that already share one data layer/);
    assert.match(found[0]!.message, /work on the same Dataverse tables/);
  });

  it('fires for every Dataverse-family kind, including Power Apps and Dataverse itself', () => {
    for (const kind of ['dataverse', 'power-apps', 'dynamics-365-field-service', 'dynamics-365-customer-insights'])
      assert.equal(findingsOf(withErpKind(kind), RULE).length, 1, kind);
  });

  it('stays silent when one end is outside Dataverse, or the integration is not about data', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
    assert.deepEqual(findingsOf(withErpKind('dynamics-365-finance'), RULE), []);
    assert.deepEqual(findingsOf(withErpKind('dataverse', { type: 'process', systemOfRecord: null }), RULE), []);
    assert.deepEqual(findingsOf(withErpKind('dataverse', { type: 'ui', systemOfRecord: null }), RULE), []);
  });

  it('a waiver with a reason silences it', () => {
    const text = withErpKind('dataverse', { waivers: '[{ rule: shared-data-layer, reason: Separate tenants }]' });
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('offers no quick fix: removing the integration is a design decision', () => {
    const a = lintText(withErpKind('dataverse'));
    const p = a.problems.find((x) => x.rule === RULE)!;
    assert.deepEqual(findRule(RULE)!.fixes?.(a.manifest, p) ?? [], []);
  });
});
