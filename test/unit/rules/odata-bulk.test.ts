import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'odata-bulk';

const odata = (set: Record<string, string | null>) => withIntegration({ pattern: 'odata', mode: 'batch', ...set });

/** A `rules:` block that sets the threshold to 500/hour. */
const AT_500 = 'rules:\n  odata-bulk: { threshold: 500/hour }\n';

ruleTester(RULE, {
  valid: [
    { name: 'just below the threshold', code: odata({ volume: '49999/hour' }) },
    { name: 'without a rate', code: odata({ volume: null }) },
    { name: 'the clean base', code: BASE },
    { name: '`peak` is read before `volume`', code: odata({ volume: '2m/day', peak: '49999/hour' }) },
    { name: 'other patterns at any volume', code: withIntegration({ pattern: 'business-events', volume: '1m/hour' }) },
    { name: 'below a configured threshold', code: odata({ volume: '499/hour' }) + AT_500 },
    { name: 'a waiver with a reason silences it', code: odata({ volume: '80k/hour', waivers: '[{ rule: odata-bulk, reason: Dataverse target; DMF does not apply }]' }) },
  ],
  invalid: [
    {
      name: 'fires at 50,000/hour, on `pattern`',
      code: odata({ volume: '50k/hour' }),
      errors: [{ at: 'odata', severity: 'warning', message: [/`status` moves 50k\/hour through OData \(threshold 50k\/hour\)/, /set `pattern: dmf` and `mode: batch`/] }],
    },
    {
      name: 'fires on the Web API too, and uses `peak` over `volume`',
      code: odata({ pattern: 'web-api', volume: '100/day', peak: '60k/hour' }),
      errors: [{ message: /60k\/hour through the Web API/ }],
    },
    { name: 'takes a configured threshold', code: odata({ volume: '500/hour' }) + AT_500, errors: [{ message: /threshold 500\/hour/ }] },
    {
      name: 'fix: moves it to DMF in batch, keeping comments',
      code: odata({ pattern: 'odata  # chosen in the first sprint', mode: 'sync  # caller waits', volume: '60k/hour' }),
      errors: [{ at: 'odata' }],
      output: [/\n {4}pattern: dmf {2}# chosen in the first sprint\n/, /\n {4}mode: batch {2}# caller waits\n/],
    },
    {
      name: 'fix: gives a real-time bulk integration a schedule, so dmf-bulk does not fire next',
      code: odata({ pattern: 'web-api', mode: 'async', frequency: 'near-real-time', volume: '60k/hour' }),
      errors: [{ at: 'web-api' }],
      output: /\n {4}frequency: daily\n/,
      clean: ['dmf-bulk'],
    },
    {
      name: 'fix: edits an integration written as a flow map, inserting `mode`',
      code: BASE.replace(
        / {2}- id: status[\s\S]*$/,
        '  - { id: prices, name: Prices, type: data, from: erp, to: sales, systemOfRecord: erp, pattern: odata, volume: 1.5m/day }  # full catalogue\n',
      ),
      errors: [{ at: 'odata' }],
      output: /pattern: dmf, volume: 1\.5m\/day, mode: batch \} {2}# full catalogue/,
    },
  ],
});
