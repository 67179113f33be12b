import { occurs, ruleTester, type InvalidCase } from '../../helpers/ruleTester';
import { BASE, joinLines, withIntegration } from '../../helpers/text';

const RULE = 'hybrid-gateway';

/** BASE with the ERP on-premises and the bus replaced by Logic Apps (no bridge on the path). */
const HYBRID = BASE.replace('    kind: erp\n    hosting: cloud', '    kind: erp\n    hosting: on-premises').replace('    kind: service-bus\n', '    kind: logic-apps\n');

/** HYBRID with the cloud system `bus` of another kind. */
const withBus = (kind: string) => HYBRID.replace('    kind: logic-apps\n', `    kind: ${kind}\n`);

/** HYBRID where Sales is a cloud finance and operations app instead (for DMF and dual-write). */
const FINANCE_CLOUD = HYBRID.replace('    kind: dynamics-365-sales\n', '    kind: dynamics-365-finance\n');

/** An integration between the on-premises ERP and cloud Sales with nothing on its path, as `pattern`. */
const direct = (pattern: string, set: Record<string, string | null> = {}, base = HYBRID) => withIntegration({ pattern, via: null, ...set }, base);

/** `errorHandling` without a dead-letter queue, so a Service Bus fix has to add one. */
const NO_DEAD_LETTER = '{ retry: { attempts: 5, backoff: exponential }, notify: support@contoso.com }';

const GATEWAY_FIX = 'Route it through the on-premises data gateway (declares a gateway system)';
const API_FIX = 'Route it through API Management (declares an API Management system)';
const BUS_FIX = 'Route it through Service Bus with a dead-letter queue (declares a Service Bus system)';

const GATEWAY_ADVICE = /Add an on-premises data gateway to `via`, so the cloud reaches the on-premises system securely: connectors, Power Platform, Logic Apps and Data Factory reach on-premises data through it\./;
const API_OR_BUS_ADVICE = /Route it through API Management \(for calls\) or Service Bus \(for messages\) in `via`, so the cloud reaches the on-premises system securely: the on-premises data gateway serves connectors, not custom code, DMF or dual-write\./;

/** The declarations a fix adds under `systems`. */
const DECLARED_GATEWAY = /\n {2}- id: data-gateway\n {4}name: On-premises data gateway\n {4}kind: on-premises-data-gateway\n {4}hosting: on-premises\n/;
const DECLARED_API = /\n {2}- id: api-management\n {4}name: API Management\n {4}kind: api-management\n {4}hosting: cloud\n/;
const DECLARED_BUS = /\n {2}- id: service-bus\n {4}name: Service Bus\n {4}kind: service-bus\n {4}hosting: cloud\n/;

/** Cloud services that reach on-premises data through connectors. */
const GATEWAY_USERS = ['power-automate', 'power-apps', 'power-bi', 'logic-apps', 'data-factory'];

ruleTester(RULE, {
  valid: [
    ...['on-premises-data-gateway', 'api-management', 'service-bus'].map((kind) => ({ name: `a bridge on the path: ${kind}`, code: withBus(kind) })),
    ...['api-management', 'service-bus'].map((kind) => ({ name: `custom code through ${kind}`, code: withIntegration({ pattern: 'custom' }, withBus(kind)) })),
    { name: 'both ends in the cloud', code: withIntegration({ via: null }) },
    {
      name: 'both ends on-premises',
      code: withIntegration({ via: null }, HYBRID.replace('    kind: dynamics-365-sales\n    hosting: cloud', '    kind: dynamics-365-sales\n    hosting: on-premises')),
    },
    { name: 'an end without `hosting`', code: direct('custom', {}, HYBRID.replace('    kind: dynamics-365-sales\n    hosting: cloud\n', '    kind: dynamics-365-sales\n')) },
    { name: 'a waiver with a reason silences it', code: withIntegration({ waivers: '[{ rule: hybrid-gateway, reason: Site-to-site VPN in place }]' }, HYBRID) },
  ],
  invalid: [
    {
      name: 'fires on `via` when a cross-boundary integration has no gateway, API Management or Service Bus on its path',
      code: HYBRID,
      errors: [{ at: '[bus]', severity: 'warning', message: [/connects `erp` on-premises with `sales` in the cloud/, GATEWAY_ADVICE] }],
      fixes: [GATEWAY_FIX],
    },
    {
      name: 'fires on the id when there is no `via`',
      code: direct('custom'),
      errors: [{ at: 'status' }],
    },
    {
      name: 'names the ends the right way round when the cloud system sends',
      code: withIntegration({ from: 'sales', to: 'erp', systemOfRecord: 'sales' }, HYBRID),
      errors: [{ message: /connects `erp` on-premises with `sales` in the cloud/ }],
    },

    // Where connectors reach the on-premises side: the on-premises data gateway.
    {
      name: 'connector pattern: advises and adds an on-premises data gateway',
      code: direct('connector'),
      errors: [{ at: 'status', message: [GATEWAY_ADVICE, /^(?![\s\S]*API Management \(for calls\))/] }],
      fixes: [GATEWAY_FIX],
      output: [/\n {4}via:\n {6}- data-gateway\n/, DECLARED_GATEWAY],
    },
    ...GATEWAY_USERS.map(
      (kind): InvalidCase => ({
        name: `${kind} as the cloud end: adds an on-premises data gateway`,
        code: withIntegration({ to: 'bus', via: null, pattern: null }, withBus(kind)),
        errors: [{ at: 'status', message: [/with `bus` in the cloud/, GATEWAY_ADVICE] }],
        fixes: [GATEWAY_FIX],
        output: [/\n {4}via:\n {6}- data-gateway\n/, DECLARED_GATEWAY],
      }),
    ),
    ...GATEWAY_USERS.map(
      (kind): InvalidCase => ({
        name: `${kind} in \`via\`: adds an on-premises data gateway`,
        code: withIntegration({ pattern: 'business-events' }, withBus(kind)),
        errors: [{ at: '[bus]', message: GATEWAY_ADVICE }],
        fixes: [GATEWAY_FIX],
        output: /via: \[bus, data-gateway\]\n/,
      }),
    ),
    {
      name: 'Power Automate as the cloud end that sends: adds an on-premises data gateway',
      code: withIntegration({ from: 'bus', to: 'erp', systemOfRecord: null, via: null, pattern: null }, withBus('power-automate')),
      errors: [{ message: [/connects `erp` on-premises with `bus` in the cloud/, GATEWAY_ADVICE] }],
      fixes: [GATEWAY_FIX],
    },
    {
      name: 'the gateway fix declares a gateway on-premises and adds it to a flow `via`, keeping the comments',
      code: HYBRID.replace('    via: [bus]', '    # path\n    via: [bus] # through logic apps').replace('  - id: bus', '  # middleware\n  - id: bus'),
      errors: [{ at: '[bus]' }],
      output: [/via: \[bus, data-gateway\] # through logic apps\n/, DECLARED_GATEWAY],
    },
    {
      name: 'the gateway fix reuses a declared gateway and appends to a block `via`',
      code: joinLines(
        HYBRID.trimEnd().replace('    via: [bus]', '    via:\n      - bus # first hop\n    # after via'),
        '  - id: second',
        '    name: Second',
        '    type: ui',
        '    from: sales',
        '    to: erp',
        '    via: [gw]',
      ).replace('systems:\n', 'systems:\n  - id: gw\n    name: Gateway\n    kind: on-premises-data-gateway\n    hosting: on-premises\n'),
      errors: [{}],
      fixes: ['Route it through the on-premises data gateway (`gw`)'],
      output: [/\n {6}- bus # first hop\n {6}- gw\n {4}# after via\n/, occurs('kind: on-premises-data-gateway', 1)],
    },

    // Custom code, DMF, dual-write (and APIs without a connector): API Management or Service Bus.
    {
      name: 'custom code called synchronously: API Management first, Service Bus second',
      code: direct('custom', { mode: 'sync' }),
      errors: [{ at: 'status', message: [API_OR_BUS_ADVICE, /^(?![\s\S]*Add an on-premises data gateway)/] }],
      fixes: [API_FIX, BUS_FIX],
      output: [/\n {4}via:\n {6}- api-management\n/, DECLARED_API, occurs('on-premises-data-gateway', 0)],
    },
    {
      name: 'custom code called synchronously: the second fix routes it through Service Bus instead',
      code: direct('custom', { mode: 'sync', errorHandling: NO_DEAD_LETTER }),
      errors: [{ at: 'status' }],
      fix: BUS_FIX,
      output: [/\n {4}via:\n {6}- service-bus\n/, DECLARED_BUS, /deadLetter: true \}/],
      clean: ['dead-letter'],
    },
    {
      name: 'custom code sending messages (async): Service Bus first, with a dead-letter queue',
      code: direct('custom', { errorHandling: NO_DEAD_LETTER }),
      errors: [{ at: 'status', message: API_OR_BUS_ADVICE }],
      fixes: [BUS_FIX, API_FIX],
      output: [/\n {4}via:\n {6}- service-bus\n/, DECLARED_BUS, /errorHandling: \{ retry: \{ attempts: 5, backoff: exponential \}, notify: support@contoso\.com, deadLetter: true \}/, occurs('on-premises-data-gateway', 0)],
      clean: ['dead-letter'],
    },
    {
      name: 'custom code: the custom pattern wins over Logic Apps on the path',
      code: withIntegration({ pattern: 'custom', errorHandling: NO_DEAD_LETTER }, HYBRID),
      errors: [{ at: '[bus]', message: API_OR_BUS_ADVICE }],
      fixes: [BUS_FIX, API_FIX],
      output: /via: \[bus, service-bus\]\n/,
      clean: ['dead-letter'],
    },
    {
      name: 'DMF in batch into a cloud finance and operations app: Service Bus with a dead-letter queue',
      code: direct('dmf', { to: 'sales', mode: 'batch', trigger: 'schedule', frequency: 'daily', errorHandling: null }, FINANCE_CLOUD),
      errors: [{ at: 'status', message: API_OR_BUS_ADVICE }],
      fixes: [BUS_FIX, API_FIX],
      output: [/\n {4}via:\n {6}- service-bus\n/, /\n {4}errorHandling:\n {6}deadLetter: true\n/, DECLARED_BUS],
      clean: ['dead-letter', 'dmf-scope'],
    },
    {
      name: 'dual-write between an on-premises finance and operations app and cloud Dataverse, synchronous: API Management',
      code: direct('dual-write', { mode: 'sync' }, HYBRID.replace('    kind: erp\n', '    kind: dynamics-365-finance\n')),
      errors: [{ at: 'status', message: API_OR_BUS_ADVICE }],
      fixes: [API_FIX, BUS_FIX],
      output: [/\n {4}via:\n {6}- api-management\n/, DECLARED_API],
      clean: ['dual-write-scope'],
    },
    {
      name: 'an OData call with no connector: API Management or Service Bus, not a data gateway',
      code: direct('odata', { mode: 'sync' }),
      errors: [{ message: API_OR_BUS_ADVICE }],
      fixes: [API_FIX, BUS_FIX],
    },
    {
      name: 'the Service Bus fix leaves a dead-letter queue that is already there',
      code: direct('custom'),
      errors: [{ at: 'status' }],
      fixes: [BUS_FIX, API_FIX],
      output: [/\n {4}via:\n {6}- service-bus\n/, occurs('deadLetter: true', 1)],
    },
    {
      name: 'the API Management fix reuses a declared API Management',
      code: direct('custom', { mode: 'sync' }).replace('systems:\n', 'systems:\n  - id: apim # shared gateway\n    name: Contoso APIs\n    kind: api-management\n    hosting: cloud\n'),
      errors: [{ at: 'status' }],
      fixes: ['Route it through API Management (`apim`)', 'Route it through Service Bus with a dead-letter queue (declares a Service Bus system)'],
      output: [/\n {4}via:\n {6}- apim\n/, occurs('kind: api-management', 1)],
    },
    {
      name: 'the Service Bus fix reuses a declared Service Bus and adds the dead-letter queue',
      code: withIntegration({ pattern: 'custom', errorHandling: NO_DEAD_LETTER }, HYBRID).replace('systems:\n', 'systems:\n  - id: queue\n    name: Contoso queues\n    kind: service-bus\n    hosting: cloud\n'),
      errors: [{ at: '[bus]' }],
      fixes: ['Route it through Service Bus with a dead-letter queue (`queue`)', API_FIX],
      output: [/via: \[bus, queue\]\n/, occurs('kind: service-bus', 1), /deadLetter: true \}/],
      clean: ['dead-letter'],
    },
    {
      name: 'the Service Bus fix edits an integration written as a flow map',
      code: HYBRID.replace(/ {2}- id: status[\s\S]*$/, '  - { id: status, name: Order status, type: data, from: erp, to: sales, systemOfRecord: erp, pattern: custom, mode: async }  # nightly\n'),
      errors: [{ at: 'status' }],
      fixes: [BUS_FIX, API_FIX],
      output: [/mode: async, via: \[ ?service-bus ?\], errorHandling: \{ deadLetter: true \} \} {2}# nightly\n/, DECLARED_BUS],
    },
  ],
});
