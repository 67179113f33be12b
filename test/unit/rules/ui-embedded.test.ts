import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { ruleTester } from '../../helpers/ruleTester';
import { withIntegration } from '../../helpers/text';

const RULE = 'ui-embedded';

/** A UI integration that embeds Sales order status in the ERP screen, with nothing that copies data. */
const EMBEDDED = withIntegration({ type: 'ui', volume: null, systemOfRecord: null, pattern: 'embedded', mode: 'sync', trigger: 'user', via: null });

const MAPPING = '{ mapping: [{ from: QTY, to: quantity }] }';

ruleTester(RULE, {
  valid: [
    { name: 'a UI integration that only embeds a view', code: EMBEDDED },
    // The correction: on a UI integration `volume` is the load of the view, which the guidance wants declared.
    { name: 'a UI integration that declares its load with `volume` alone', code: withIntegration({ volume: '200/day' }, EMBEDDED) },
    { name: 'a UI integration that declares its load with `volume` and `peak`', code: withIntegration({ volume: '2k/day', peak: '400/hour', frequency: 'on-demand' }, EMBEDDED) },
    { name: 'an empty mapping', code: withIntegration({ data: '{ mapping: [] }' }, EMBEDDED) },
    { name: 'a data integration with a mapping and a system of record', code: withIntegration({ type: 'data', data: MAPPING }) },
    {
      name: 'a waiver with a reason silences every finding of the integration',
      code: withIntegration({ volume: '200/day', systemOfRecord: 'erp', data: MAPPING, waivers: '[{ rule: ui-embedded, reason: Mapping kept as documentation of the fields shown }]' }, EMBEDDED),
    },
  ],
  invalid: [
    {
      name: 'fires on a `systemOfRecord`, on the key',
      code: withIntegration({ systemOfRecord: 'erp' }, EMBEDDED),
      errors: [
        {
          at: 'systemOfRecord',
          severity: 'warning',
          message: [/^UI integration `status` declares a `systemOfRecord`, which describes copying data\./, /Remove it, or, if rows really are copied between the systems, make this a `type: data` integration/],
        },
      ],
      output: null,
    },
    {
      name: 'fires on a field mapping, on the `mapping` key',
      code: withIntegration({ data: MAPPING }, EMBEDDED),
      errors: [{ at: 'mapping', severity: 'warning', message: /declares a field mapping \(`data\.mapping`\)/ }],
      output: null,
    },
    {
      name: 'fires once per key that describes copying data, in document order, and never on `volume`',
      code: withIntegration({ volume: '200/day', systemOfRecord: 'erp', data: MAPPING }, EMBEDDED),
      errors: [
        { at: 'systemOfRecord', message: /declares a `systemOfRecord`/ },
        { at: 'mapping', message: /declares a field mapping/ },
      ],
      output: null,
    },
    {
      name: 'fires on a field mapping written as a block list',
      code: withIntegration({ data: '' }, EMBEDDED).replace('    data: \n', '    data:\n      mapping:\n        - { from: QTY, to: quantity }\n'),
      errors: [{ at: 'mapping' }],
    },
  ],
});

describe(RULE, () => {
  it('has no quick fix: whether data is copied is a design decision', () => {
    assert.equal(typeof findRule(RULE)!.fixes, 'undefined');
  });
});
