import { occurs, ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'prefer-async-messaging';

/** BASE made synchronous with the given rate and no Service Bus in its path. */
const sync = (set: Record<string, string | null> = {}) => withIntegration({ mode: 'sync', via: null, ...set });

/** Its fixes leave no yaml-syntax, schema or unknown-reference finding (the bus they name is declared). */
const CLEAN = ['yaml-syntax', 'schema', 'unknown-reference'];

const waived = (waiver: string) => sync({ volume: '5k/hour', waivers: `[${waiver}]` });

/** The editor setting that raises the threshold to 5k/hour. */
const AT_5K = { settings: { [RULE]: { threshold: '5k/hour' } } };

ruleTester(RULE, {
  valid: [
    { name: 'an asynchronous integration at any rate', code: withIntegration({ volume: '1m/hour' }) },
    { name: 'at 999/hour', code: sync({ volume: '999/hour' }) },
    { name: 'compares per hour: 23.9k/day is below 1,000/hour', code: sync({ volume: '23.9k/day' }) },
    { name: 'uses `peak` over `volume`: a low peak', code: sync({ volume: '100k/day', peak: '500/hour' }) },
    { name: 'a synchronous data integration without a rate', code: sync({ volume: null }) },
    { name: 'below the threshold of the manifest `rules:` block', code: sync({ volume: '499/hour' }) + 'rules:\n  prefer-async-messaging: { threshold: 500/hour }\n' },
    { name: 'below the threshold of the editor setting', code: sync({ volume: '2k/hour' }), options: AT_5K },
    { name: 'turned off', code: sync({ volume: '5k/hour' }) + 'rules:\n  prefer-async-messaging: off\n' },
    { name: 'a waiver with a reason silences it', code: waived('{ rule: prefer-async-messaging, reason: The ERP only offers a synchronous API }') },
    { name: 'a waiver with a reason silences it until its date', code: waived('{ rule: prefer-async-messaging, reason: Until the new API, expires: 2027-01-31 }') },
  ],
  invalid: [
    {
      name: 'fires at 1,000/hour, on `mode`',
      code: sync({ volume: '1000/hour' }),
      errors: [
        {
          at: 'sync',
          severity: 'warning',
          message: /^Integration `status` calls synchronously at 1000\/hour \(threshold 1000\/hour\)\. Make it asynchronous through a message queue such as Service Bus/,
        },
      ],
    },
    { name: 'compares per hour: 24k/day is exactly 1,000/hour', code: sync({ volume: '24k/day' }), errors: [{}] },
    { name: 'uses `peak` over `volume`: a high peak', code: sync({ volume: '100/day', peak: '2k/hour' }), errors: [{}] },
    {
      name: 'fires on any synchronous process integration, whatever its rate',
      code: sync({ type: 'process', volume: '10/day', systemOfRecord: null }),
      errors: [{ message: /^Process integration `status` is synchronous\. Let the systems exchange messages asynchronously/ }],
    },
    {
      name: 'takes its severity and threshold from the manifest `rules:` block',
      code: sync({ volume: '600/hour' }) + 'rules:\n  prefer-async-messaging: { severity: error, threshold: 500/hour }\n',
      errors: [{ severity: 'error', message: /at 600\/hour \(threshold 500\/hour\)/ }],
    },
    {
      name: 'takes its threshold from the manifest over the editor setting',
      code: sync({ volume: '2k/hour' }) + 'rules:\n  prefer-async-messaging: { threshold: 1k/hour }\n',
      options: AT_5K,
      errors: [{}],
    },
    { name: 'a waiver without a reason does not silence it', code: waived('{ rule: prefer-async-messaging }'), errors: [{}] },
    { name: 'a waiver past its date does not silence it', code: waived('{ rule: prefer-async-messaging, reason: Old, expires: 2026-11-21 }'), errors: [{}] },
    {
      name: 'fix: sets `mode: async` and reuses the declared Service Bus',
      code: sync({ volume: '5k/hour # measured in March' }).replace('    mode: sync', '    mode: sync # the ERP API is synchronous'),
      errors: [{ at: 'sync' }],
      fixes: ['Make it asynchronous through Service Bus (`bus`)'],
      // no second bus is declared
      output: [/\n {4}mode: async # the ERP API is synchronous\n/, /\n {4}via:\n {6}- bus\n/, occurs('kind: service-bus', 1)],
      clean: CLEAN,
    },
    {
      name: 'fix: appends the bus to an existing `via` list',
      code: sync({ volume: '5k/hour', via: '[gw]' }).replace('systems:\n', 'systems:\n  - id: gw\n    name: Gateway\n    kind: api-management\n    hosting: cloud\n'),
      errors: [{ at: 'sync' }],
      output: /\n {4}via: \[gw, bus\]\n/,
      clean: CLEAN,
    },
    {
      name: 'fix: only switches the mode when a Service Bus is already in the path',
      code: withIntegration({ mode: 'sync', volume: '5k/hour' }),
      errors: [{ at: 'sync' }],
      output: withIntegration({ mode: 'async', volume: '5k/hour' }),
      clean: CLEAN,
    },
    {
      name: 'fix: declares a Service Bus when the manifest has none',
      code: sync({ volume: '5k/hour' }).replace('  - id: bus\n    name: Service Bus\n    kind: service-bus\n    hosting: cloud\n', ''),
      errors: [{ at: 'sync' }],
      fixes: ['Make it asynchronous through Service Bus (declares a Service Bus system)'],
      output: [/\n {2}- id: service-bus\n {4}name: Service Bus\n {4}kind: service-bus\n {4}hosting: cloud\nintegrations:\n/, /\n {4}via:\n {6}- service-bus\n/],
      clean: CLEAN,
    },
    {
      name: 'fix: fixes the integration the finding is on, not the first one',
      code: BASE + ['  - id: second', '    name: Second', '    type: data', '    from: sales', '    to: erp', '    mode: sync', '    volume: 5k/hour', '    systemOfRecord: sales', ''].join('\n'),
      errors: [{ at: 'sync' }],
      output: [/ {2}- id: status\n(?:.*\n)*? {4}mode: async\n/, / {2}- id: second\n(?:.*\n)*? {4}mode: async\n(?:.*\n)* {4}via:\n {6}- bus\n/],
      clean: CLEAN,
    },
  ],
});
