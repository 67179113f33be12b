import assert from 'node:assert/strict';
import { ruleTester } from '../../helpers/ruleTester';
import { BASE, findingsOf, withIntegration } from '../../helpers/text';

const RULE = 'unused-system';

const addSystem = (lines: string, base = BASE) => base.replace('integrations:\n', `${lines}integrations:\n`);
const LEGACY = '  - id: legacy\n    name: Legacy billing\n    kind: legacy\n    hosting: on-premises\n';

ruleTester(RULE, {
  valid: [
    { name: 'every system takes part', code: BASE },
    // `systemOfRecord` alone also names it (system-of-record-participant reports the mismatch).
    { name: '`systemOfRecord` alone names a system', code: withIntegration({ systemOfRecord: 'legacy' }, addSystem(LEGACY)) },
    { name: 'middleware that no integration uses', code: withIntegration({ via: null }) },
    { name: 'a gateway that no integration uses', code: addSystem('  - id: gw\n    name: Gateway\n    kind: on-premises-data-gateway\n    hosting: on-premises\n') },
    { name: 'a waiver on the system silences it', code: addSystem(LEGACY + '    waivers: [{ rule: unused-system, reason: Decommissioned next quarter; kept for the diagram }]\n') },
  ],
  invalid: [
    {
      name: 'fires on a system no integration names, on its id',
      code: addSystem(LEGACY),
      errors: [
        {
          at: 'legacy',
          severity: 'info',
          message: /System `legacy` \(Legacy billing\) takes part in no integration\. Add the integrations it has, or remove it from `systems`/,
        },
      ],
    },
    {
      name: 'reports a replaced end in its turn',
      code: withIntegration({ from: 'legacy', systemOfRecord: 'legacy' }, addSystem(LEGACY)),
      errors: [{ message: /^System `erp`/ }],
    },
  ],
});

describe(RULE, () => {
  it('counts every place an integration names a system', () => {
    const places: Record<string, string | null>[] = [
      { from: 'legacy', systemOfRecord: 'legacy' },
      { to: 'legacy', systemOfRecord: null },
      { via: '[bus, legacy]' },
      { steps: '[{ from: erp, to: legacy, action: Copy }]' },
      { steps: '[{ from: legacy, to: sales, action: Copy }]' },
    ];
    for (const set of places) assert.ok(!findingsOf(withIntegration(set, addSystem(LEGACY)), RULE).some((p) => p.message.includes('`legacy`')), JSON.stringify(set));
  });
});
