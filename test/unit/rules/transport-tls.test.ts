import assert from 'node:assert/strict';
import { applyFix, applyFixAndCheck, BASE, findingsOf, joinLines, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'transport-tls';

const fixAndCheck = (text: string): string => applyFixAndCheck(text, RULE);

const withTransport = (transport: string, comment = '') =>
  withIntegration({ security: `{ authentication: entra-id, secrets: key-vault, transport: ${transport} }${comment}` });

describe(RULE, () => {
  for (const weak of ['http', 'tls1.0', 'tls1.1']) {
    it(`fires on \`transport: ${weak}\``, () => {
      const text = withTransport(weak);
      const a = lintText(text);
      const found = a.problems.filter((p) => p.rule === RULE);
      assert.equal(found.length, 1);
      assert.equal(found[0]!.severity, 'error');
      assert.equal(spanText(a, found[0]!), weak);
      assert.match(found[0]!.message, /[Uu]se (HTTPS with )?TLS 1\.2 or later \(`transport: tls1\.2`\)/);
    });
  }

  it('says plain HTTP is unencrypted, and names the retired TLS version', () => {
    assert.match(findingsOf(withTransport('http'), RULE)[0]!.message, /plain HTTP/);
    assert.match(findingsOf(withTransport('tls1.1'), RULE)[0]!.message, /TLS 1\.1, a retired protocol version/);
  });

  it('stays silent on TLS 1.2, TLS 1.3 and when no transport is declared', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
    assert.deepEqual(findingsOf(withTransport('tls1.3'), RULE), []);
    assert.deepEqual(findingsOf(withIntegration({ security: '{ authentication: entra-id }' }), RULE), []);
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ waivers: '[{ rule: transport-tls, reason: Legacy host retired in Q2, expires: 2027-06-30 }]' }, withTransport('tls1.0'));
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('the fix sets tls1.2 in a block map and keeps the comments around it', () => {
    const text = BASE.replace('      transport: tls1.2', '      # agreed with the ERP team\n      transport: http # for now\n      # end of security');
    const after = fixAndCheck(text);
    assert.match(after, /\n {6}transport: tls1\.2 # for now\n/);
  });

  it('the fix sets tls1.2 in a flow map', () => {
    const text = withTransport('tls1.0', ' # legacy host');
    assert.match(fixAndCheck(text), /transport: tls1\.2 \} # legacy host\n/);
  });

  it('the fix reads the integration from the finding, not the first one', () => {
    const text = joinLines(
      BASE.trimEnd(),
      '  - id: second',
      '    name: Second',
      '    type: ui',
      '    from: sales',
      '    to: erp',
      '    security: { transport: http }',
    );
    const after = applyFix(text, RULE);
    assert.match(after, /security: \{ transport: tls1\.2 \}/);
    assert.equal(after.split('tls1.2').length - 1, 2);
  });
});
