import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'cost-estimated';

/** BASE, whose Service Bus has a monthly cost. */
const PRICED_BUS = BASE;
const BUS_COST = '    cost: { monthly: 600, currency: EUR }\n';
/** BASE with no cost on the Service Bus. */
const UNPRICED = BASE.replace(BUS_COST, '');
/** UNPRICED with Logic Apps besides the bus, unpriced too. */
const WITH_LOGIC = UNPRICED.replace('integrations:\n', '  - id: flows\n    name: Order flows\n    kind: logic-apps\n    hosting: cloud\nintegrations:\n');

ruleTester(RULE, {
  valid: [
    { name: 'the middleware has a monthly cost', code: PRICED_BUS },
    { name: 'the middleware has a cost per million messages', code: BASE.replace(BUS_COST, '    cost: { perMillion: 0.05, currency: EUR }\n') },
    { name: 'the integration has its own cost', code: withIntegration({ cost: '{ monthly: 40, currency: EUR }' }, UNPRICED) },
    { name: 'point to point between unpaid systems', code: withIntegration({ via: null, pattern: 'odata' }, UNPRICED) },
    { name: 'a data gateway is not billed', code: UNPRICED.replace('    kind: service-bus\n', '    kind: on-premises-data-gateway\n') },
    { name: 'Power Automate is licensed, not billed per use', code: UNPRICED.replace('    kind: service-bus\n', '    kind: power-automate\n') },
    { name: 'a waiver with a reason silences it', code: withIntegration({ waivers: '[{ rule: cost-estimated, reason: Shared bus paid by the platform team }]' }, UNPRICED) },
  ],
  invalid: [
    {
      name: 'fires on the `via` entry of unpriced paid middleware',
      code: UNPRICED,
      errors: [{ at: 'bus', severity: 'info', message: [/^Integration `status` runs through `bus` \(Service Bus\), a paid service with no estimated cost\./, /`\{ perMillion: 0\.4, currency: EUR \}`/] }],
      output: null,
    },
    {
      name: 'names every unpriced paid system on the path, on the first',
      code: withIntegration({ via: '[flows, bus]' }, WITH_LOGIC),
      errors: [{ at: 'flows', message: /runs through `flows` \(Order flows\), `bus` \(Service Bus\), paid services with no estimated cost\. Give each/ }],
    },
    {
      name: 'a priced bus leaves only the unpriced Logic Apps',
      code: withIntegration({ via: '[flows, bus]' }, WITH_LOGIC.replace('    kind: service-bus\n    hosting: cloud\n', '    kind: service-bus\n    hosting: cloud\n' + BUS_COST)),
      errors: [{ at: 'flows', message: /runs through `flows` \(Order flows\), a paid service/ }],
    },
    {
      name: 'paid middleware as an end (an Azure Function called directly) sits on that end',
      code: withIntegration({ via: null, to: 'bus', systemOfRecord: 'erp' }, UNPRICED),
      errors: [{ at: 'bus', message: /runs through `bus`/ }],
    },
    {
      name: 'a cost that is not read (no currency) prices nothing',
      code: withIntegration({ cost: '{ monthly: 40 }' }, UNPRICED),
      errors: [{ at: 'bus' }],
    },
  ],
});
