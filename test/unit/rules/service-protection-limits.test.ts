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

ruleTester(RULE, {
  valid: [
    { name: 'threshold boundary: 71,999/hour does not fire', code: withIntegration({ peak: '71999/hour' }) },
    { name: 'uses `peak` over `volume`', code: withIntegration({ volume: '2m/day', peak: '10k/hour' }) },
    { name: 'below a configured threshold', code: withIntegration({ peak: '499/hour' }) + AT_500 },
    { name: 'in batch mode', code: withIntegration({ peak: '100k/hour', mode: 'batch' }) },
    { name: 'for targets outside Dataverse', code: withIntegration({ peak: '100k/hour', from: 'sales', to: 'erp', systemOfRecord: 'sales' }) },
    { name: 'without a rate', code: withIntegration({ volume: null }) },
    {
      name: 'a waiver with a reason silences it',
      code: withIntegration({ peak: '100k/hour', waivers: '[{ rule: service-protection-limits, reason: Spread over 20 application users }]' }),
    },
  ],
  invalid: [
    {
      name: 'fires on `mode` when a Dataverse app receives 72k/hour or more outside batches',
      code: withIntegration({ peak: '72k/hour' }),
      errors: [
        {
          at: 'async',
          severity: 'warning',
          message: [/sends 72k\/hour into `sales`, a Dataverse app \(threshold 72k\/hour\)/, /send the data in batches \(`mode: batch`\)/],
        },
      ],
    },
    { name: 'threshold boundary: 72,000/hour fires', code: withIntegration({ peak: '72000/hour' }), errors: [{}] },
    { name: 'threshold boundary: 1,200/minute fires', code: withIntegration({ peak: '1200/minute' }), errors: [{}] },
    { name: 'uses `volume` without `peak`', code: withIntegration({ volume: '2m/day' }), errors: [{}] },
    { name: 'a configured threshold replaces the default', code: withIntegration({ peak: '500/hour' }) + AT_500, errors: [{}] },
    {
      name: 'a threshold from the editor setting replaces the default',
      code: withIntegration({ peak: '500/hour' }),
      options: { settings: { [RULE]: { threshold: '500/hour' } } },
      errors: [{}],
    },
    { name: 'without `mode` it fires on the rate it read', code: withIntegration({ mode: null, peak: '80k/hour' }), errors: [{ at: '80k/hour' }] },
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
