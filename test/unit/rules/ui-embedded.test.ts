import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'ui-embedded';

/** A UI integration that embeds Sales order status in the ERP screen, with nothing that copies data. */
const EMBEDDED = withIntegration({ type: 'ui', volume: null, systemOfRecord: null, pattern: 'embedded', mode: 'sync', trigger: 'user', via: null });

describe(RULE, () => {
  it('is silent on a UI integration that only embeds a view', () => {
    assert.equal(findingsOf(EMBEDDED, RULE).length, 0);
  });

  it('fires once per key that describes copying data, on the key', () => {
    const text = withIntegration({ volume: '200/day', systemOfRecord: 'erp', data: '{ mapping: [{ from: QTY, to: quantity }] }' }, EMBEDDED);
    const analysis = lintText(text);
    const found = analysis.problems.filter((p) => p.rule === RULE);
    assert.deepEqual(found.map((p) => spanText(analysis, p)), ['volume', 'systemOfRecord', 'mapping']);
    assert.ok(found.every((p) => p.severity === 'warning'));
    assert.match(found[0]!.message, /UI integration `status` declares `volume`/);
    assert.match(found[1]!.message, /declares a `systemOfRecord`/);
    assert.match(found[2]!.message, /declares a field mapping \(`data\.mapping`\)/);
    assert.match(found[0]!.message, /Remove it, or, if rows really are copied between the systems, make this a `type: data` integration/);
  });

  it('is silent on an empty mapping and on data integrations', () => {
    assert.equal(findingsOf(withIntegration({ data: '{ mapping: [] }' }, EMBEDDED), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ type: 'data' }), RULE).length, 0);
  });

  it('a waiver with a reason silences every finding of the integration', () => {
    const text = withIntegration({ volume: '200/day', systemOfRecord: 'erp', waivers: '[{ rule: ui-embedded, reason: Volume of page loads for licence sizing }]' }, EMBEDDED);
    assert.equal(findingsOf(text, RULE).length, 0);
  });

  it('has no quick fix: whether data is copied is a design decision', () => {
    assert.equal(findRule(RULE)!.fixes, undefined);
  });
});
