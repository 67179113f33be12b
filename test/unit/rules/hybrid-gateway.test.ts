import { occurs, ruleTester } from '../../helpers/ruleTester';
import { BASE, joinLines, withIntegration } from '../../helpers/text';

const RULE = 'hybrid-gateway';

/** BASE with the ERP on-premises and the bus replaced by Logic Apps (no bridge on the path). */
const HYBRID = BASE.replace('    kind: erp\n    hosting: cloud', '    kind: erp\n    hosting: on-premises').replace('    kind: service-bus\n', '    kind: logic-apps\n');

ruleTester(RULE, {
  valid: [
    ...['on-premises-data-gateway', 'api-management', 'service-bus'].map((kind) => ({ name: `a bridge on the path: ${kind}`, code: HYBRID.replace('    kind: logic-apps\n', `    kind: ${kind}\n`) })),
    { name: 'both ends in the cloud', code: withIntegration({ via: null }) },
    {
      name: 'both ends on-premises',
      code: withIntegration({ via: null }, HYBRID.replace('    kind: dynamics-365-sales\n    hosting: cloud', '    kind: dynamics-365-sales\n    hosting: on-premises')),
    },
    { name: 'a waiver with a reason silences it', code: withIntegration({ waivers: '[{ rule: hybrid-gateway, reason: Site-to-site VPN in place }]' }, HYBRID) },
  ],
  invalid: [
    {
      name: 'fires on `via` when a cross-boundary integration has no gateway, API Management or Service Bus on its path',
      code: HYBRID,
      errors: [{ at: '[bus]', severity: 'warning', message: [/connects `erp` on-premises with `sales` in the cloud/, /Add an on-premises data gateway to `via`/] }],
    },
    {
      name: 'fires on the id when there is no `via`',
      code: withIntegration({ via: null }, HYBRID),
      errors: [{ at: 'status' }],
    },
    {
      name: 'names the ends the right way round when the cloud system sends',
      code: withIntegration({ from: 'sales', to: 'erp', systemOfRecord: 'sales' }, HYBRID),
      errors: [{ message: /connects `erp` on-premises with `sales` in the cloud/ }],
    },
    {
      name: 'the fix declares a gateway on-premises and adds it to a flow `via`, keeping the comments',
      code: HYBRID.replace('    via: [bus]', '    # path\n    via: [bus] # through logic apps').replace('  - id: bus', '  # middleware\n  - id: bus'),
      errors: [{ at: '[bus]' }],
      output: [
        /via: \[bus, data-gateway\] # through logic apps\n/,
        /\n {2}- id: data-gateway\n {4}name: On-premises data gateway\n {4}kind: on-premises-data-gateway\n {4}hosting: on-premises\n/,
      ],
    },
    {
      name: 'the fix reuses a declared gateway and appends to a block `via`',
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
      output: [/\n {6}- bus # first hop\n {6}- gw\n {4}# after via\n/, occurs('kind: on-premises-data-gateway', 1)],
    },
    {
      name: 'the fix adds `via` when the integration has none',
      code: withIntegration({ via: null }, HYBRID),
      errors: [{ at: 'status' }],
      output: /\n {4}via:\n {6}- data-gateway\n/,
    },
  ],
});
