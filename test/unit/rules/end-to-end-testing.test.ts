import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'end-to-end-testing';

/** The integration of BASE as a process integration (no system of record: a process hands over, it does not own data). */
const PROCESS = { type: 'process', systemOfRecord: null };

ruleTester(RULE, {
  valid: [
    { name: 'a data integration needs no end-to-end plan from this rule', code: BASE },
    { name: 'a UI integration neither', code: withIntegration({ type: 'ui', systemOfRecord: null }) },
    { name: 'an end-to-end test is planned', code: withIntegration({ ...PROCESS, testing: '{ endToEnd: planned }' }) },
    { name: 'an end-to-end test is done', code: withIntegration({ ...PROCESS, testing: '{ endToEnd: done }' }) },
    { name: 'a waiver with a reason silences it', code: withIntegration({ ...PROCESS, waivers: '[{ rule: end-to-end-testing, reason: Covered by the order-to-cash UAT script }]' }) },
  ],
  invalid: [
    {
      name: 'fires on `type: process` when `testing` is absent',
      code: withIntegration(PROCESS),
      errors: [{ at: 'process', severity: 'info', message: [/^Process integration `status` has no end-to-end test planned\./, /`testing\.endToEnd: planned`/] }],
    },
    {
      name: 'fires on `endToEnd: none`, on that value',
      code: withIntegration({ ...PROCESS, testing: '{ load: planned, endToEnd: none }' }),
      errors: [{ at: 'none', message: /has no end-to-end test\./ }],
    },
    { name: 'fires when `testing` says only load', code: withIntegration({ ...PROCESS, testing: '{ load: done }' }), errors: [{ at: 'process' }] },
    {
      name: 'fix: adds a `testing` block with `endToEnd: planned`, keeping comments',
      code: withIntegration({ ...PROCESS, volume: '500/day  # pilot figure' }),
      errors: [{ at: 'process' }],
      fixes: ['Plan an end-to-end test (`testing.endToEnd: planned`)'],
      output: /\n {4}testing:\n {6}endToEnd: planned\n$/,
      clean: ['load-testing'],
    },
    {
      name: 'fix: replaces `none` in a block `testing` map and keeps its comments',
      code: withIntegration(PROCESS) + '    testing:  # test plan v2\n      load: planned\n      endToEnd: none  # no UAT environment yet\n',
      errors: [{ at: 'none' }],
      output: /\n {6}endToEnd: planned {2}# no UAT environment yet\n$/,
    },
    {
      name: 'fix: adds the key to a flow `testing` map',
      code: withIntegration({ ...PROCESS, testing: '{ load: done }  # signed off' }),
      errors: [{}],
      output: /testing: \{ load: done, endToEnd: planned \} {2}# signed off/,
    },
  ],
});
