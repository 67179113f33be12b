import { lineOf, ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'shared-data-layer';

/** BASE with the ERP turned into another Dataverse app. */
const withErpKind = (kind: string, set: Record<string, string | null> = {}) => withIntegration(set, BASE.replace('    kind: erp\n', `    kind: ${kind}\n`));

const CUSTOMER_SERVICE = withErpKind('dynamics-365-customer-service');

ruleTester(RULE, {
  valid: [
    { name: 'one end is outside Dataverse', code: BASE },
    { name: 'one end is a finance and operations app', code: withErpKind('dynamics-365-finance') },
    { name: 'a process integration', code: withErpKind('dataverse', { type: 'process', systemOfRecord: null }) },
    { name: 'a UI integration', code: withErpKind('dataverse', { type: 'ui', systemOfRecord: null }) },
    { name: 'a waiver with a reason silences it', code: withErpKind('dataverse', { waivers: '[{ rule: shared-data-layer, reason: Separate tenants }]' }) },
  ],
  invalid: [
    {
      // `data` occurs once on the line of `type: data`: the span is that value.
      name: 'fires on `type` when a data integration joins two Dataverse apps',
      code: CUSTOMER_SERVICE,
      errors: [
        {
          at: 'data',
          line: lineOf(CUSTOMER_SERVICE, 'type: data'),
          severity: 'warning',
          message: [/copies data from `erp` to `sales`, but both are Dataverse apps that already share one data layer/, /work on the same Dataverse tables/],
        },
      ],
    },
    ...['dataverse', 'power-apps', 'dynamics-365-field-service', 'dynamics-365-customer-insights'].map((kind) => ({
      name: `fires for every Dataverse-family kind: ${kind}`,
      code: withErpKind(kind),
      errors: [{}],
    })),
    { name: 'offers no quick fix: removing the integration is a design decision', code: withErpKind('dataverse'), errors: [{}], output: null },
  ],
});
