import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, joinLines, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'hybrid-gateway';

const fixAndCheck = (text: string): string => applyFixAndCheck(text, RULE);

/** BASE with the ERP on-premises and the bus replaced by Logic Apps (no bridge on the path). */
const HYBRID = BASE.replace('    kind: erp\n    hosting: cloud', '    kind: erp\n    hosting: on-premises').replace('    kind: service-bus\n', '    kind: logic-apps\n');

describe(RULE, () => {
  it('fires on `via` when a cross-boundary integration has no gateway, API Management or Service Bus on its path', () => {
    const a = lintText(HYBRID);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.equal(spanText(a, found[0]!), '[bus]');
    assert.match(found[0]!.message, /connects `erp` on-premises with `sales` in the cloud/);
    assert.match(found[0]!.message, /Add an on-premises data gateway to `via`/);
  });

  it('fires on the id when there is no `via`', () => {
    const a = lintText(withIntegration({ via: null }, HYBRID));
    const [p] = a.problems.filter((x) => x.rule === RULE);
    assert.equal(spanText(a, p!), 'status');
  });

  it('names the ends the right way round when the cloud system sends', () => {
    const [p] = findingsOf(withIntegration({ from: 'sales', to: 'erp', systemOfRecord: 'sales' }, HYBRID), RULE);
    assert.match(p!.message, /connects `erp` on-premises with `sales` in the cloud/);
  });

  it('stays silent when a bridge is on the path, or both ends are on the same side', () => {
    for (const kind of ['on-premises-data-gateway', 'api-management', 'service-bus'])
      assert.deepEqual(findingsOf(HYBRID.replace('    kind: logic-apps\n', `    kind: ${kind}\n`), RULE), [], kind);
    assert.deepEqual(findingsOf(withIntegration({ via: null }), RULE), []);
    const bothOnPremises = withIntegration({ via: null }, HYBRID.replace('    kind: dynamics-365-sales\n    hosting: cloud', '    kind: dynamics-365-sales\n    hosting: on-premises'));
    assert.deepEqual(findingsOf(bothOnPremises, RULE), []);
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ waivers: '[{ rule: hybrid-gateway, reason: Site-to-site VPN in place }]' }, HYBRID);
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('the fix declares a gateway on-premises and adds it to a flow `via`, keeping the comments', () => {
    const text = HYBRID.replace('    via: [bus]', '    # path\n    via: [bus] # through logic apps').replace('  - id: bus', '  # middleware\n  - id: bus');
    const after = fixAndCheck(text);
    assert.match(after, /via: \[bus, data-gateway\] # through logic apps\n/);
    assert.match(after, /\n {2}- id: data-gateway\n {4}name: On-premises data gateway\n {4}kind: on-premises-data-gateway\n {4}hosting: on-premises\n/);
  });

  it('the fix reuses a declared gateway and appends to a block `via`', () => {
    const text = joinLines(
      HYBRID.trimEnd().replace('    via: [bus]', '    via:\n      - bus # first hop\n    # after via'),
      '  - id: second',
      '    name: Second',
      '    type: ui',
      '    from: sales',
      '    to: erp',
      '    via: [gw]',
    ).replace('systems:\n', 'systems:\n  - id: gw\n    name: Gateway\n    kind: on-premises-data-gateway\n    hosting: on-premises\n');
    const after = fixAndCheck(text);
    assert.match(after, /\n {6}- bus # first hop\n {6}- gw\n {4}# after via\n/);
    assert.equal(after.split('kind: on-premises-data-gateway').length - 1, 1);
  });

  it('the fix adds `via` when the integration has none', () => {
    const after = fixAndCheck(withIntegration({ via: null }, HYBRID));
    assert.match(after, /\n {4}via:\n {6}- data-gateway\n/);
  });
});
