import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'service-protection-limits';

/** The integrations of BASE replaced by one flow-map integration. */
function flowIntegration(line: string): string {
  const lines = BASE.split('\n');
  return lines.slice(0, lines.indexOf('integrations:') + 1).join('\n') + '\n' + line;
}

/** A `rules:` block that sets the threshold to 500/hour. */
const AT_500 = 'rules:\n  service-protection-limits: { threshold: 500/hour }\n';

/** The integration the other way round: it reads from Sales (Dataverse) and writes into the ERP. */
const READS = { from: 'sales', to: 'erp', systemOfRecord: 'sales' };

/** BASE where Sales is not a Dataverse app: no end of the integration is Dataverse. */
const NO_DATAVERSE = BASE.replace('    kind: dynamics-365-sales\n', '    kind: crm\n');

/** BASE where the ERP is a finance and operations app, which has its own limits, not Dataverse's. */
const FINANCE = BASE.replace('    kind: erp\n', '    kind: dynamics-365-finance\n');

/** The limits as the platform defines them: the message must state each of them. */
const LIMITS = [/sliding 5-minute window/, /each user, on each web server/, /6,000 requests/, /20 minutes of combined execution time/, /52 concurrent requests/, /429 Too Many Requests/, /Retry-After/];

ruleTester(RULE, {
  valid: [
    { name: 'threshold boundary: 71,999/hour does not fire (writes)', code: withIntegration({ peak: '71999/hour' }) },
    { name: 'threshold boundary: 71,999/hour does not fire (reads)', code: withIntegration({ ...READS, peak: '71999/hour' }) },
    { name: 'threshold boundary: 1,199/minute (71,940/hour) does not fire', code: withIntegration({ peak: '1199/minute' }) },
    { name: 'uses `peak` over `volume`', code: withIntegration({ volume: '2m/day', peak: '10k/hour' }) },
    { name: 'below a configured threshold', code: withIntegration({ peak: '499/hour' }) + AT_500 },
    { name: 'writes into Dataverse in batch mode', code: withIntegration({ peak: '100k/hour', mode: 'batch' }) },
    { name: 'reads from Dataverse in batch mode', code: withIntegration({ ...READS, peak: '100k/hour', mode: 'batch' }) },
    { name: 'when neither end is a Dataverse app', code: withIntegration({ peak: '100k/hour' }, NO_DATAVERSE) },
    { name: 'when neither end is a Dataverse app, the other way round', code: withIntegration({ ...READS, peak: '100k/hour' }, NO_DATAVERSE) },
    { name: 'a finance and operations app is not Dataverse', code: withIntegration({ from: 'sales', to: 'erp', systemOfRecord: 'sales', peak: '100k/hour' }, FINANCE.replace('    kind: dynamics-365-sales\n', '    kind: saas\n')) },
    { name: 'without a rate', code: withIntegration({ volume: null }) },
    {
      name: 'a waiver with a reason silences it',
      code: withIntegration({ peak: '100k/hour', waivers: '[{ rule: service-protection-limits, reason: Spread over 20 application users }]' }),
    },
  ],
  invalid: [
    {
      name: 'fires on `mode` when a Dataverse app receives 72k/hour or more outside batches, and states the limits',
      code: withIntegration({ peak: '72k/hour' }),
      errors: [
        {
          at: 'async',
          severity: 'warning',
          message: [/^Integration `status` sends 72k\/hour into `sales`, a Dataverse app \(threshold 72k\/hour\)\./, ...LIMITS, /send the data in batches \(`mode: batch`\)/, /retry after the time Dataverse asks for/],
        },
      ],
    },
    // The correction: reads count against the limits too.
    {
      name: 'fires when the integration reads 72k/hour or more from a Dataverse app (`from`), and states the limits',
      code: withIntegration({ ...READS, peak: '72k/hour' }),
      errors: [
        {
          at: 'async',
          severity: 'warning',
          message: [/^Integration `status` reads 72k\/hour from `sales`, a Dataverse app \(threshold 72k\/hour\)\./, ...LIMITS, /send the data in batches \(`mode: batch`\)/],
        },
      ],
    },
    {
      name: 'reads: the fix sets `mode: batch`',
      code: withIntegration({ ...READS, peak: '100k/hour', mode: 'sync # report extract' }),
      errors: [{ at: 'sync' }],
      fixes: ['Send in batches (`mode: batch`)'],
      output: /\n {4}mode: batch # report extract\n/,
    },
    {
      name: 'between two Dataverse apps it speaks of the writes into the `to` end',
      code: withIntegration({ peak: '80k/hour' }, BASE.replace('    kind: erp\n', '    kind: power-apps\n')),
      errors: [{ message: /sends 80k\/hour into `sales`/ }],
    },
    { name: 'threshold boundary: 72,000/hour fires (writes)', code: withIntegration({ peak: '72000/hour' }), errors: [{ at: 'async' }] },
    { name: 'threshold boundary: 72,000/hour fires (reads)', code: withIntegration({ ...READS, peak: '72000/hour' }), errors: [{ at: 'async', message: /reads 72k\/hour from `sales`/ }] },
    { name: 'threshold boundary: 1,200/minute fires', code: withIntegration({ peak: '1200/minute' }), errors: [{}] },
    { name: 'uses `volume` without `peak`', code: withIntegration({ volume: '2m/day' }), errors: [{}] },
    { name: 'a configured threshold replaces the default', code: withIntegration({ peak: '500/hour' }) + AT_500, errors: [{ message: /threshold 500\/hour/ }] },
    {
      name: 'a threshold from the editor setting replaces the default',
      code: withIntegration({ peak: '500/hour' }),
      options: { settings: { [RULE]: { threshold: '500/hour' } } },
      errors: [{}],
    },
    { name: 'without `mode` it fires on the rate it read', code: withIntegration({ mode: null, peak: '80k/hour' }), errors: [{ at: '80k/hour' }] },
    { name: 'without `mode` or `peak` it fires on `volume`', code: withIntegration({ mode: null, volume: '2m/day' }), errors: [{ at: '2m/day' }] },
    {
      name: 'the fix sets `mode: batch` in a block map and keeps the comments',
      code: withIntegration({ peak: '100k/hour', mode: 'async # decided in workshop 3' }).replace('    mode:', '    # agreed mode\n    mode:'),
      errors: [{ at: 'async' }],
      output: /\n {4}# agreed mode\n {4}mode: batch # decided in workshop 3\n/,
    },
    {
      name: 'the fix adds `mode: batch` to a flow-map integration that has none',
      code: flowIntegration('  # flow style\n  - { id: status, name: Order status, type: data, from: erp, to: sales, systemOfRecord: erp, peak: 90k/hour } # busy\n'),
      errors: [{ at: '90k/hour' }],
      output: /peak: 90k\/hour, mode: batch \} # busy\n/,
    },
  ],
});
