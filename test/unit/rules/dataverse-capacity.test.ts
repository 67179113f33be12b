import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'dataverse-capacity';

/** A second integration into Sales from the ERP, with the given peak, identity and mode. */
function second(peak: string, extra = ''): string {
  return `  - { id: invoices, name: Invoices, type: data, from: erp, to: sales, mode: async, systemOfRecord: erp, peak: ${peak}${extra} }\n`;
}
/** A third one, larger than the others. */
function third(peak: string, extra = ''): string {
  return `  - { id: shipments, name: Shipments, type: data, from: erp, to: sales, mode: async, systemOfRecord: erp, peak: ${peak}${extra} }\n`;
}
const AS = (identity: string) => `, security: { identity: ${identity} }`;
const AT_10K = 'rules:\n  dataverse-capacity: { threshold: 10k/hour }\n';

ruleTester(RULE, {
  valid: [
    { name: 'threshold boundary: 71,999/hour together does not fire', code: withIntegration({ peak: '40k/hour' }) + second('31999/hour') },
    { name: 'one integration alone is service-protection-limits’ to judge', code: withIntegration({ peak: '100k/hour' }) },
    { name: 'different identities do not add up', code: withIntegration({ peak: '40k/hour', security: '{ identity: svc-status }' }) + second('40k/hour', AS('svc-invoices')) },
    { name: 'a declared identity is not pooled with the undeclared', code: withIntegration({ peak: '40k/hour' }) + second('40k/hour', AS('svc-invoices')) },
    { name: 'batches do not count', code: withIntegration({ peak: '40k/hour' }) + second('40k/hour', ', mode: batch').replace('mode: async, ', '') },
    { name: 'writes into a system that is not Dataverse do not count', code: withIntegration({ peak: '40k/hour' }, BASE.replace('    kind: dynamics-365-sales\n', '    kind: crm\n')) + second('40k/hour') },
    { name: 'reads from Dataverse are not writes into it', code: withIntegration({ peak: '40k/hour', from: 'sales', to: 'erp', systemOfRecord: 'sales' }) + second('40k/hour') },
    { name: 'below a configured threshold', code: withIntegration({ peak: '5k/hour' }) + second('4999/hour') + AT_10K },
    {
      name: 'a waiver on the system silences it',
      code: (withIntegration({ peak: '40k/hour' }) + second('40k/hour')).replace('    kind: dynamics-365-sales\n', '    kind: dynamics-365-sales\n    waivers: [{ rule: dataverse-capacity, reason: Peaks never coincide }]\n'),
    },
  ],
  invalid: [
    {
      name: 'threshold boundary: 72,000/hour together fires, on the target system, naming the contributors',
      code: withIntegration({ peak: '40k/hour' }) + second('32k/hour'),
      errors: [
        {
          at: 'sales',
          line: 11,
          severity: 'warning',
          message: [
            /^2 integrations write 72k\/hour into `sales`, a Dataverse app, outside batches without a declared identity/,
            /\(threshold 72k\/hour\); the largest: `status` 40k\/hour, `invoices` 32k\/hour\./,
            /per user/,
            /429 Too Many Requests/,
            /`security\.identity`/,
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a shared identity adds up, named in the message',
      code: withIntegration({ peak: '40k/hour', security: '{ identity: svc-integration }' }) + second('40k/hour', AS('svc-integration')),
      errors: [{ at: 'sales', message: /outside batches as `svc-integration` \(threshold/ }],
    },
    {
      name: 'names the three largest, largest first, and how many more',
      code: withIntegration({ peak: '10k/hour' }) + second('20k/hour') + third('30k/hour') + second('15k/hour').replace('id: invoices', 'id: returns'),
      errors: [{ message: /^4 integrations write 75k\/hour .* the largest: `shipments` 30k\/hour, `invoices` 20k\/hour, `returns` 15k\/hour and 1 more\./ }],
    },
    {
      name: 'each pool over the threshold is its own finding',
      code: withIntegration({ peak: '40k/hour' }) + second('40k/hour') + third('50k/hour', AS('svc-a')) + third('35k/hour', AS('svc-a')).replace('id: shipments', 'id: returns'),
      errors: [{ message: /^2 integrations write 85k\/hour .*as `svc-a`/ }, { message: /^2 integrations write 80k\/hour .*without a declared identity/ }],
    },
    { name: 'a configured threshold replaces the default', code: withIntegration({ peak: '5k/hour' }) + second('5k/hour') + AT_10K, errors: [{ message: /threshold 10k\/hour/ }] },
    {
      name: 'a threshold from the editor setting replaces the default',
      code: withIntegration({ peak: '5k/hour' }) + second('5k/hour'),
      options: { settings: { [RULE]: { threshold: '10k/hour' } } },
      errors: [{}],
    },
  ],
});
