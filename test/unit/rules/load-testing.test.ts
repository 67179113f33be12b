import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'load-testing';

/** A `rules:` block that sets the threshold to 500/hour. */
const AT_500 = 'rules:\n  load-testing: { threshold: 500/hour }\n';

ruleTester(RULE, {
  valid: [
    { name: 'at 999/hour', code: withIntegration({ volume: '999/hour' }) },
    { name: 'without a rate', code: withIntegration({ volume: null, frequency: 'hourly' }) },
    { name: 'the clean base', code: BASE },
    { name: '`peak` is read before `volume`', code: withIntegration({ volume: '1m/day', peak: '999/hour' }) },
    { name: 'a load test is planned', code: withIntegration({ volume: '30k/day', testing: '{ load: planned }' }) },
    { name: 'a load test is done', code: withIntegration({ volume: '30k/day', testing: '{ load: done }' }) },
    { name: 'below a configured threshold', code: withIntegration({ volume: '499/hour' }) + AT_500 },
    { name: 'a waiver with a reason silences it', code: withIntegration({ volume: '5k/hour', waivers: '[{ rule: load-testing, reason: Volume is capped by the ERP }]' }) },
  ],
  invalid: [
    {
      name: 'fires at 1,000/hour without a load test, on the volume',
      code: withIntegration({ volume: '1000/hour' }),
      errors: [
        {
          at: '1000/hour',
          severity: 'info',
          message: /`status` carries 1000\/hour \(threshold 1000\/hour\) and has no plan to be load tested\. Plan a test under realistic volumes and peaks \(`testing\.load: planned`\)/,
        },
      ],
    },
    {
      name: 'reads `peak` before `volume`, and sits on the one it read',
      code: withIntegration({ volume: '100/day', peak: '2k/hour' }),
      errors: [{ at: '2k/hour' }],
    },
    {
      name: 'fires on `load: none`, on that value',
      code: withIntegration({ volume: '30k/day', testing: '{ load: none }' }),
      errors: [{ at: 'none', message: /and is not load tested/ }],
    },
    { name: 'fires when `testing` says nothing of load', code: withIntegration({ volume: '30k/day', testing: '{ endToEnd: done }' }), errors: [{}] },
    { name: 'takes a configured threshold', code: withIntegration({ volume: '500/hour' }) + AT_500, errors: [{}] },
    {
      name: 'fix: adds `testing` with `load: planned`, keeping comments',
      code: withIntegration({ volume: '2k/hour  # measured in the pilot' }),
      errors: [{ at: '2k/hour' }],
      output: /\n {4}testing:\n {6}load: planned\n$/,
    },
    {
      name: 'fix: sets `load: planned` in a block `testing` map',
      code: withIntegration({ volume: '2k/hour' }) + '    testing:  # test plan v2\n      # end-to-end first\n      endToEnd: planned\n      load: none  # no environment yet\n',
      errors: [{ at: 'none' }],
      output: /\n {6}load: planned {2}# no environment yet\n$/,
    },
    {
      name: 'fix: adds the key to a flow `testing` map',
      code: withIntegration({ volume: '2k/hour', testing: '{ endToEnd: done }  # signed off' }),
      errors: [{ at: '2k/hour' }],
      output: /testing: \{ endToEnd: done, load: planned \} {2}# signed off/,
    },
  ],
});
