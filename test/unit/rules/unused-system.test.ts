import assert from 'node:assert/strict';
import { BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'unused-system';

const addSystem = (lines: string, base = BASE) => base.replace('integrations:\n', `${lines}integrations:\n`);
const LEGACY = '  - id: legacy\n    name: Legacy billing\n    kind: legacy\n    hosting: on-premises\n';

describe(RULE, () => {
  it('is silent when every system takes part', () => {
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('fires on a system no integration names, on its id', () => {
    const analysis = lintText(addSystem(LEGACY));
    const found = analysis.problems.filter((p) => p.rule === RULE);
    assert.deepEqual(found.map((p) => spanText(analysis, p)), ['legacy']);
    assert.equal(found[0]!.severity, 'info');
    assert.match(found[0]!.message, /System `legacy` \(Legacy billing\) takes part in no integration\. Add the integrations it has, or remove it from `systems`/);
  });

  it('counts every place an integration names a system', () => {
    const text = addSystem(LEGACY);
    const places: Record<string, string | null>[] = [
      { from: 'legacy', systemOfRecord: 'legacy' },
      { to: 'legacy', systemOfRecord: null },
      { via: '[bus, legacy]' },
      { steps: '[{ from: erp, to: legacy, action: Copy }]' },
      { steps: '[{ from: legacy, to: sales, action: Copy }]' },
    ];
    for (const set of places)
      assert.ok(!findingsOf(withIntegration(set, text), RULE).some((p) => p.message.includes('`legacy`')), JSON.stringify(set));
    // `systemOfRecord` alone also names it (system-of-record-participant reports the mismatch).
    assert.equal(findingsOf(withIntegration({ systemOfRecord: 'legacy' }, text), RULE).length, 0);
    // and a replaced end is reported in its turn
    assert.deepEqual(findingsOf(withIntegration({ from: 'legacy', systemOfRecord: 'legacy' }, text), RULE).map((p) => p.message.slice(0, 12)), ['System `erp`']);
  });

  it('does not report middleware that no integration uses', () => {
    assert.equal(findingsOf(withIntegration({ via: null }), RULE).length, 0);
    const gateway = '  - id: gw\n    name: Gateway\n    kind: on-premises-data-gateway\n    hosting: on-premises\n';
    assert.equal(findingsOf(addSystem(gateway), RULE).length, 0);
  });

  it('a waiver on the system silences it', () => {
    const waived = LEGACY + '    waivers: [{ rule: unused-system, reason: Decommissioned next quarter; kept for the diagram }]\n';
    assert.equal(findingsOf(addSystem(waived), RULE).length, 0);
  });
});
