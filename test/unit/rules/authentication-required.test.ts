import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'authentication-required';

const fixAndCheck = (text: string): string => applyFixAndCheck(text, RULE);

/** BASE with the ERP on-premises: the integration crosses the boundary. */
const HYBRID = BASE.replace('    kind: erp\n    hosting: cloud', '    kind: erp\n    hosting: on-premises');
const withErpKind = (kind: string) => BASE.replace('    kind: erp\n', `    kind: ${kind}\n`);

describe(RULE, () => {
  it('fires on `authentication: none`, whatever the ends', () => {
    const text = withIntegration({ security: '{ authentication: none, transport: tls1.2 }' });
    const a = lintText(text);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'error');
    assert.equal(spanText(a, found[0]!), 'none');
    assert.match(found[0]!.message, /calls without authentication\. .*use Microsoft Entra ID/);
  });

  it('fires on the `security` key when a cross-boundary integration declares no authentication', () => {
    const text = withIntegration({ security: '{ transport: tls1.2 }' }, HYBRID);
    const a = lintText(text);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(spanText(a, found[0]!), 'security');
    assert.match(found[0]!.message, /crosses the boundary between on-premises and the cloud, and declares no authentication\. Set `security\.authentication`/);
  });

  it('fires on the id when a cross-boundary integration has no `security` at all', () => {
    const a = lintText(withIntegration({ security: null }, HYBRID));
    const [p] = a.problems.filter((x) => x.rule === RULE);
    assert.equal(spanText(a, p!), 'status');
  });

  for (const kind of ['partner', 'saas']) {
    it(`fires when an end is a ${kind} system and no authentication is declared`, () => {
      const found = findingsOf(withIntegration({ security: null }, withErpKind(kind)), RULE);
      assert.equal(found.length, 1);
      assert.match(found[0]!.message, new RegExp(`connects to \`erp\`, a ${kind === 'saas' ? 'SaaS' : 'partner'} system outside your organization`));
    });
  }

  it('stays silent when authentication is declared, or absent between two cloud systems of your own', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
    assert.deepEqual(findingsOf(withIntegration({ security: null }), RULE), []);
    assert.deepEqual(findingsOf(withIntegration({ security: '{ authentication: certificate }' }, HYBRID), RULE), []);
    assert.deepEqual(findingsOf(withIntegration({ security: '{ authentication: oauth2 }' }, withErpKind('partner')), RULE), []);
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ security: null, waivers: '[{ rule: authentication-required, reason: Network isolated by VPN }]' }, HYBRID);
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('the fix replaces `none` with entra-id in a block map and keeps the comments', () => {
    const text = BASE.replace('      authentication: entra-id', '      # to be agreed\n      authentication: none # test only');
    const after = fixAndCheck(text);
    assert.match(after, /\n {6}# to be agreed\n {6}authentication: entra-id # test only\n/);
  });

  it('the fix adds authentication to a flow-map `security`', () => {
    const text = withIntegration({ security: '{ secrets: key-vault, transport: tls1.2 } # agreed' }, HYBRID);
    assert.match(fixAndCheck(text), /security: \{ secrets: key-vault, transport: tls1\.2, authentication: entra-id \} # agreed\n/);
  });

  it('the fix adds authentication to a block-map `security` with comments around it', () => {
    const text = HYBRID.replace('      authentication: entra-id\n', '').replace('      transport: tls1.2', '      transport: tls1.2 # last key\n    # after security');
    const after = fixAndCheck(text);
    assert.match(after, /transport: tls1\.2 # last key\n {6}authentication: entra-id\n {4}# after security\n/);
  });

  it('the fix creates `security` when it is missing', () => {
    const text = withIntegration({ security: null }, HYBRID).replace('    monitoring:', '    # watched\n    monitoring:');
    const after = fixAndCheck(text);
    assert.match(after, /\n {4}security:\n {6}authentication: entra-id\n/);
  });
});
