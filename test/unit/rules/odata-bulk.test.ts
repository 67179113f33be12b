import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'odata-bulk';

/** BASE with the ERP made a finance and operations app: the integration runs from Finance into Sales (Dataverse). */
const FINANCE = BASE.replace('    name: ERP\n    kind: erp\n', '    name: Dynamics 365 Finance\n    kind: dynamics-365-finance\n');

/** The integration of BASE (ERP into Sales, a Dataverse app: no finance and operations end) over OData, not in batch. */
const odata = (set: Record<string, string | null>) => withIntegration({ pattern: 'odata', mode: 'async', ...set });

/** The same integration with a finance and operations app at the `from` end. */
const financeOdata = (set: Record<string, string | null>) => withIntegration({ pattern: 'odata', mode: 'async', ...set }, FINANCE);

/** A `rules:` block that sets the threshold to 500/hour. */
const AT_500 = 'rules:\n  odata-bulk: { threshold: 500/hour }\n';

/** What the message and the fix say about batching towards Dataverse, where there is no DMF. */
const DATAVERSE_BATCHING = /group the requests \(Web API `\$batch`, or CreateMultiple and UpdateMultiple\), or move the load to Data Factory/;

/** A message that does not send the user to DMF. */
const NO_DMF_ADVICE = /^(?![\s\S]*`pattern: dmf`)/;

const BATCH_FIX_TITLE = 'Send it in batches: `mode: batch` (then group the requests (Web API `$batch`, or CreateMultiple and UpdateMultiple), or move the load to Data Factory)';

ruleTester(RULE, {
  valid: [
    { name: 'threshold boundary: 49,999/hour does not fire (Dataverse target)', code: odata({ volume: '49999/hour' }) },
    { name: 'threshold boundary: 49,999/hour does not fire (finance and operations end)', code: financeOdata({ volume: '49999/hour' }) },
    { name: 'without a rate', code: odata({ volume: null }) },
    { name: 'the clean base', code: BASE },
    { name: '`peak` is read before `volume`', code: odata({ volume: '2m/day', peak: '49999/hour' }) },
    { name: 'other patterns at any volume', code: withIntegration({ pattern: 'business-events', volume: '1m/hour' }) },
    { name: 'below a configured threshold', code: odata({ volume: '499/hour' }) + AT_500 },
    // The correction: without a finance and operations end there is no DMF; Web API batches are the bulk path.
    { name: 'a bulk load into Dataverse sent in batches (`mode: batch`)', code: odata({ volume: '1m/hour', mode: 'batch' }) },
    { name: 'a bulk Web API load into Dataverse sent in batches', code: odata({ pattern: 'web-api', peak: '200k/hour', mode: 'batch' }) },
    { name: 'a bulk read from Dataverse sent in batches', code: odata({ from: 'sales', to: 'erp', systemOfRecord: 'sales', volume: '90k/hour', mode: 'batch' }) },
    { name: 'a finance and operations load already on DMF', code: withIntegration({ pattern: 'dmf', mode: 'batch', frequency: 'daily', volume: '1m/hour' }, FINANCE) },
    { name: 'a waiver with a reason silences it', code: odata({ volume: '80k/hour', waivers: '[{ rule: odata-bulk, reason: Initial load only, retired after go-live }]' }) },
  ],
  invalid: [
    // Towards Dataverse (no finance and operations end): batch the Web API requests, no DMF.
    {
      name: 'Dataverse target: fires at exactly 50,000/hour, on `pattern`, and recommends Web API batches, not DMF',
      code: odata({ volume: '50000/hour' }),
      errors: [
        {
          at: 'odata',
          severity: 'warning',
          message: [
            /`status` moves 50k\/hour through OData \(threshold 50k\/hour\)/,
            /send the records in batches: set `mode: batch`/,
            DATAVERSE_BATCHING,
            /The Data Management Framework exists only in finance and operations apps/,
            NO_DMF_ADVICE,
          ],
        },
      ],
    },
    {
      name: 'Dataverse target: fires on the Web API too, and uses `peak` over `volume`',
      code: odata({ pattern: 'web-api', volume: '100/day', peak: '60k/hour' }),
      errors: [{ message: [/60k\/hour through the Web API/, DATAVERSE_BATCHING, NO_DMF_ADVICE] }],
    },
    {
      name: 'Dataverse source: a bulk read over OData fires with the same advice',
      code: odata({ from: 'sales', to: 'erp', systemOfRecord: 'sales', volume: '90k/hour' }),
      errors: [{ at: 'odata', message: [DATAVERSE_BATCHING, NO_DMF_ADVICE] }],
    },
    {
      name: 'Dataverse target: the fix sets only `mode: batch` (the pattern stays) and the finding is gone',
      code: odata({ pattern: 'odata  # chosen in the first sprint', mode: 'sync  # caller waits', volume: '60k/hour' }),
      errors: [{ at: 'odata' }],
      fixes: [BATCH_FIX_TITLE],
      output: [/\n {4}pattern: odata {2}# chosen in the first sprint\n/, /\n {4}mode: batch {2}# caller waits\n/, /^(?![\s\S]*pattern: dmf)/],
      clean: ['dmf-scope', 'service-protection-limits'],
    },
    {
      name: 'Dataverse target: the fix inserts `mode` when there is none',
      code: odata({ mode: null, pattern: 'web-api', volume: '75k/hour' }),
      errors: [{ at: 'web-api' }],
      output: [/\n {4}mode: batch\n/, /\n {4}pattern: web-api\n/],
    },
    {
      name: 'Dataverse target: the fix gives a real-time load a schedule',
      code: odata({ pattern: 'web-api', frequency: 'near-real-time', volume: '60k/hour' }),
      errors: [{ at: 'web-api' }],
      fixes: ['Send it in batches: `mode: batch`, `frequency: daily` (then group the requests (Web API `$batch`, or CreateMultiple and UpdateMultiple), or move the load to Data Factory)'],
      output: [/\n {4}mode: batch\n/, /\n {4}frequency: daily\n/, /\n {4}pattern: web-api\n/],
    },
    {
      name: 'Dataverse target: the fix edits an integration written as a flow map, inserting `mode`',
      code: BASE.replace(
        / {2}- id: status[\s\S]*$/,
        '  - { id: prices, name: Prices, type: data, from: erp, to: sales, systemOfRecord: erp, pattern: odata, volume: 1.5m/day }  # full catalogue\n',
      ),
      errors: [{ at: 'odata' }],
      output: /pattern: odata, volume: 1\.5m\/day, mode: batch \} {2}# full catalogue/,
    },
    { name: 'takes a configured threshold', code: odata({ volume: '500/hour' }) + AT_500, errors: [{ message: /threshold 500\/hour/ }] },
    {
      name: 'takes a threshold from the editor setting',
      code: odata({ volume: '500/hour' }),
      options: { settings: { [RULE]: { threshold: '500/hour' } } },
      errors: [{ message: /threshold 500\/hour/ }],
    },

    // With a finance and operations end: DMF is the bulk path.
    {
      name: 'finance and operations end: fires at exactly 50,000/hour and moves it to DMF',
      code: financeOdata({ volume: '50000/hour' }),
      errors: [
        {
          at: 'odata',
          severity: 'warning',
          message: [/`status` moves 50k\/hour through OData \(threshold 50k\/hour\)/, /Data Management Framework of the finance and operations app/, /set `pattern: dmf` and `mode: batch`/],
        },
      ],
    },
    {
      name: 'finance and operations end: fires even in `mode: batch` (DMF, not OData, is its bulk path)',
      code: financeOdata({ mode: 'batch', volume: '60k/hour' }),
      errors: [{ at: 'odata', message: /set `pattern: dmf` and `mode: batch`/ }],
      output: [/\n {4}pattern: dmf\n/, /\n {4}mode: batch\n/],
      clean: ['dmf-scope', 'dmf-bulk'],
    },
    {
      name: 'finance and operations end at `to`: fires and moves it to DMF',
      code: withIntegration({ pattern: 'web-api', mode: 'async', from: 'sales', to: 'erp', systemOfRecord: 'sales', volume: '70k/hour' }, FINANCE),
      errors: [{ at: 'web-api', message: [/through the Web API/, /set `pattern: dmf` and `mode: batch`/] }],
      fixes: ['Move it to DMF in batch: `pattern: dmf`, `mode: batch`'],
    },
    {
      name: 'finance and operations end: the fix moves it to DMF in batch, keeping comments',
      code: financeOdata({ pattern: 'odata  # chosen in the first sprint', mode: 'sync  # caller waits', volume: '60k/hour' }),
      errors: [{ at: 'odata' }],
      fixes: ['Move it to DMF in batch: `pattern: dmf`, `mode: batch`'],
      output: [/\n {4}pattern: dmf {2}# chosen in the first sprint\n/, /\n {4}mode: batch {2}# caller waits\n/],
      clean: ['dmf-scope', 'dmf-bulk'],
    },
    {
      name: 'finance and operations end: the fix gives a real-time bulk integration a schedule, so dmf-bulk does not fire next',
      code: financeOdata({ pattern: 'web-api', frequency: 'near-real-time', volume: '60k/hour' }),
      errors: [{ at: 'web-api' }],
      output: [/\n {4}pattern: dmf\n/, /\n {4}frequency: daily\n/],
      clean: ['dmf-bulk', 'dmf-scope'],
    },
    {
      name: 'finance and operations end: the fix edits an integration written as a flow map, inserting `mode`',
      code: FINANCE.replace(
        / {2}- id: status[\s\S]*$/,
        '  - { id: prices, name: Prices, type: data, from: erp, to: sales, systemOfRecord: erp, pattern: odata, volume: 1.5m/day }  # full catalogue\n',
      ),
      errors: [{ at: 'odata' }],
      output: /pattern: dmf, volume: 1\.5m\/day, mode: batch \} {2}# full catalogue/,
    },
  ],
});
