import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { ruleTester } from '../../helpers/ruleTester';
import { withIntegration } from '../../helpers/text';

const RULE = 'ui-embedded';

/** A UI integration that embeds Sales order status in the ERP screen, with nothing that copies data. */
const EMBEDDED = withIntegration({ type: 'ui', volume: null, systemOfRecord: null, pattern: 'embedded', mode: 'sync', trigger: 'user', via: null });

ruleTester(RULE, {
  valid: [
    { name: 'a UI integration that only embeds a view', code: EMBEDDED },
    { name: 'an empty mapping', code: withIntegration({ data: '{ mapping: [] }' }, EMBEDDED) },
    { name: 'a data integration', code: withIntegration({ type: 'data' }) },
    {
      name: 'a waiver with a reason silences every finding of the integration',
      code: withIntegration({ volume: '200/day', systemOfRecord: 'erp', waivers: '[{ rule: ui-embedded, reason: Volume of page loads for licence sizing }]' }, EMBEDDED),
    },
  ],
  invalid: [
    {
      name: 'fires once per key that describes copying data, on the key',
      code: withIntegration({ volume: '200/day', systemOfRecord: 'erp', data: '{ mapping: [{ from: QTY, to: quantity }] }' }, EMBEDDED),
      errors: [
        {
          at: 'volume',
          severity: 'warning',
          message: [/UI integration `status` declares `volume`/, /Remove it, or, if rows really are copied between the systems, make this a `type: data` integration/],
        },
        { at: 'systemOfRecord', severity: 'warning', message: /declares a `systemOfRecord`/ },
        { at: 'mapping', severity: 'warning', message: /declares a field mapping \(`data\.mapping`\)/ },
      ],
    },
  ],
});

describe(RULE, () => {
  it('has no quick fix: whether data is copied is a design decision', () => {
    assert.equal(typeof findRule(RULE)!.fixes, 'undefined');
  });
});
