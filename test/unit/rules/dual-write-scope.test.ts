import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'dual-write-scope';

/** BASE with the ERP of another kind, and the integration using dual-write. */
function dualWrite(erpKind: string, set: Record<string, string | null> = {}): string {
  return withIntegration({ pattern: 'dual-write', via: null, ...set }, BASE.replace('    kind: erp\n', `    kind: ${erpKind}\n`));
}

ruleTester(RULE, {
  valid: [
    { name: 'from a finance and operations app to a Dataverse app', code: dualWrite('dynamics-365-finance') },
    { name: 'from a Dataverse app to a finance and operations app', code: dualWrite('dynamics-365-supply-chain', { from: 'sales', to: 'erp', systemOfRecord: 'sales' }) },
    { name: 'other patterns', code: BASE },
    { name: 'while an end is not declared', code: dualWrite('erp', { to: 'nowhere' }) },
    { name: 'a waiver with a reason silences it', code: dualWrite('erp', { waivers: '[{ rule: dual-write-scope, reason: Migration period only }]' }) },
  ],
  invalid: [
    {
      name: 'fires on `pattern` when dual-write joins a system that is not finance and operations',
      code: dualWrite('erp'),
      errors: [
        {
          at: 'dual-write',
          severity: 'error',
          message: [/dual-write between `erp` \(erp\) and `sales` \(dynamics-365-sales\)/, /choose another pattern for this pair/],
        },
      ],
    },
    { name: 'fires between two Dataverse apps', code: dualWrite('dataverse'), errors: [{}] },
    {
      name: 'fires between two finance and operations apps',
      code: dualWrite('dynamics-365-finance').replace('    kind: dynamics-365-sales\n', '    kind: dynamics-365-commerce\n'),
      errors: [{}],
    },
    { name: 'offers no quick fix: the right pattern depends on the design', code: dualWrite('erp'), errors: [{}], output: null },
  ],
});
