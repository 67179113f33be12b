import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'dead-letter';

ruleTester(RULE, {
  valid: [
    { name: 'an asynchronous integration that dead-letters', code: BASE },
    { name: 'a synchronous integration that uses no Service Bus', code: withIntegration({ mode: 'sync', via: null, errorHandling: null }) },
    { name: 'a batch integration that uses no Service Bus', code: withIntegration({ mode: 'batch', via: null, errorHandling: null }) },
    { name: 'a waiver with a reason silences it', code: withIntegration({ errorHandling: null, waivers: '[{ rule: dead-letter, reason: Messages are idempotent snapshots }]' }) },
  ],
  invalid: [
    {
      name: 'fires on an asynchronous integration without error handling, on `mode`',
      code: withIntegration({ via: null, errorHandling: null }),
      errors: [{ at: 'async', severity: 'warning', message: [/`status` is asynchronous/, /Set `errorHandling\.deadLetter: true`/] }],
    },
    {
      name: 'fires on a batch integration through Service Bus, on the bus in `via`',
      code: withIntegration({ mode: 'batch', errorHandling: null }),
      errors: [{ at: 'bus', message: /goes through Service Bus `bus`/ }],
    },
    {
      name: 'fires on `deadLetter: false`, on the value',
      code: withIntegration({ errorHandling: '{ retry: { attempts: 3, backoff: fixed }, deadLetter: false }' }),
      errors: [{ at: 'false' }],
    },
    {
      name: 'fires on error handling that leaves dead-lettering out, on `errorHandling`',
      code: withIntegration({ errorHandling: '{ notify: support@contoso.com }' }),
      errors: [{ at: 'errorHandling' }],
    },
    {
      name: 'fix: creates `errorHandling` when it is missing, keeping comments',
      code: withIntegration({ mode: 'async  # queued through the bus', errorHandling: null }).replace('    monitoring:', '    # watched by the support team\n    monitoring:'),
      errors: [{ at: 'async' }],
      output: /\n {4}errorHandling:\n {6}deadLetter: true\n/,
    },
    {
      name: 'fix: adds the key to a flow `errorHandling` map',
      code: withIntegration({ errorHandling: '{ retry: { attempts: 3, backoff: fixed }, notify: ops@contoso.com }  # agreed with ops' }),
      errors: [{ at: 'errorHandling' }],
      output: /errorHandling: \{ retry: \{ attempts: 3, backoff: fixed \}, notify: ops@contoso\.com, deadLetter: true \} {2}# agreed with ops/,
    },
    {
      name: 'fix: adds the key to a block `errorHandling` map',
      code: withIntegration({ errorHandling: null }).replace(
        '    monitoring:',
        '    errorHandling:  # abnormal path\n      # retry transient faults\n      retry: { attempts: 5, backoff: exponential }\n      notify: ops@contoso.com  # on-call\n    monitoring:',
      ),
      errors: [{ at: 'errorHandling' }],
      output: /notify: ops@contoso\.com {2}# on-call\n {6}deadLetter: true\n {4}monitoring:/,
    },
    {
      name: 'fix: turns `deadLetter: false` into true',
      code: withIntegration({ errorHandling: '{ deadLetter: false }  # to decide' }),
      errors: [{ at: 'false' }],
      output: /errorHandling: \{ deadLetter: true \} {2}# to decide/,
    },
  ],
});
