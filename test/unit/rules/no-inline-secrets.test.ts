import assert from 'node:assert/strict';
import { applyFix, BASE, commentsOf, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'no-inline-secrets';

/** Fake credentials of each recognizable shape (none is real). */
const FAKE = {
  storageKey: 'A'.repeat(40) + 'b'.repeat(46) + '==',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJlcnAtc3luYyJ9.' + 'c2lnbmF0dXJl'.repeat(3),
  aws: 'AKIAIOSFODNN7EXAMPLE',
  github: 'ghp_' + 'a1B2'.repeat(9),
};

function problemsOf(text: string, rules: string[]) {
  return lintText(text).problems.filter((p) => rules.includes(p.rule));
}

/** Applies the fix and checks it: the finding is gone, no new syntax or schema finding, every comment kept. */
function fixAndCheck(text: string): string {
  const after = applyFix(text, RULE);
  assert.deepEqual(findingsOf(after, RULE), []);
  const messages = (t: string) => problemsOf(t, ['yaml-syntax', 'schema']).map((p) => p.message);
  assert.deepEqual(messages(after), messages(text));
  assert.deepEqual(commentsOf(after), commentsOf(text));
  return after;
}

/** BASE with the ERP system's endpoint set. */
const withEndpoint = (value: string) => BASE.replace('    kind: erp\n', `    kind: erp\n    endpoint: ${value}\n`);

describe(RULE, () => {
  describe('credential-named keys', () => {
    it('fires on the value of `password`, inside its integration', () => {
      const text = withIntegration({ password: 'Winter2026!' });
      const a = lintText(text);
      const found = a.problems.filter((p) => p.rule === RULE);
      assert.equal(found.length, 1);
      assert.equal(found[0]!.severity, 'error');
      assert.equal(spanText(a, found[0]!), 'Winter2026!');
      assert.match(found[0]!.message, /`password` holds a credential in plain text \(in integration `status`\)/);
      assert.match(found[0]!.message, /store it in Azure Key Vault and write a reference such as `key-vault:status-password`/);
      assert.ok(!found[0]!.message.includes('Winter2026'), 'the message never repeats the secret');
    });

    it('recognizes the names as a suffix, in any case and spelling', () => {
      for (const key of ['dbPassword', 'passwd', 'clientSecret', 'client_secret', 'apiKey', 'API_KEY', 'accessKey', 'token', 'refreshToken', 'sharedKey', 'connectionString', 'erp-connection-string'])
        assert.equal(findingsOf(withIntegration({ [key]: 'abc123' }), RULE).length, 1, key);
      assert.equal(findingsOf(withIntegration({ pin: 'abc', password: '123456' }), RULE).length, 1, 'a number is a literal too');
    });

    it('stays silent on references, empty values and look-alike keys', () => {
      for (const value of ['key-vault:erp-password', '"${ERP_PASSWORD}"', 'env:ERP_PASSWORD', '""', '', '~'])
        assert.deepEqual(findingsOf(withIntegration({ password: value }), RULE), [], value);
      assert.deepEqual(findingsOf(BASE, RULE), [], '`secrets: key-vault` says where secrets live');
      assert.deepEqual(findingsOf(withIntegration({ passwordPolicy: 'rotated every 90 days' }), RULE), []);
    });
  });

  describe('credentials recognizable in any value', () => {
    const cases: [string, string, RegExp][] = [
      ['a Service Bus connection string', 'Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=c2VjcmV0c2VjcmV0', /a shared access key/],
      ['a storage connection string', 'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net', /a storage account key/],
      ['a SQL connection string', 'Server=tcp:erp.contoso.local;Database=erp;User Id=sync;Password=Winter2026!', /a password in a connection string/],
      ['a SQL connection string with Pwd', 'Driver={ODBC};Server=erp;Uid=sync;Pwd=Winter2026!', /a password in a connection string/],
      ['a JWT', `Bearer ${FAKE.jwt}`, /a JSON Web Token/],
      ['an AWS access key', FAKE.aws, /an AWS access key/],
      ['a GitHub token', FAKE.github, /a GitHub token/],
      ['a SAS URL', 'https://contoso.blob.core.windows.net/drop?sv=2022-11-02&sig=c2lnbmF0dXJlc2lnbmF0dXJl%3D', /a shared access signature/],
      ['an Azure storage key', FAKE.storageKey, /an Azure storage key/],
    ];
    for (const [label, value, what] of cases) {
      it(`fires on ${label} and never repeats it`, () => {
        const text = withEndpoint(`"${value}"`);
        const a = lintText(text);
        const found = a.problems.filter((p) => p.rule === RULE);
        assert.equal(found.length, 1, label);
        assert.equal(spanText(a, found[0]!), `"${value}"`);
        assert.match(found[0]!.message, what);
        assert.match(found[0]!.message, /`endpoint` holds .* \(in system `erp`\)/);
        assert.ok(!found[0]!.message.includes(value.slice(-12)), 'the message never repeats the secret');
      });
    }

    it('fires on a private key in a block scalar, covering the whole value', () => {
      const pem = '-----BEGIN RSA PRIVATE KEY-----';
      const text = withIntegration({ description: `|\n      ${pem}\n      MIIEowIBAAKCAQEA\n      -----END RSA PRIVATE KEY-----` });
      const a = lintText(text);
      const [p] = a.problems.filter((x) => x.rule === RULE);
      assert.match(p!.message, /`description` holds a private key/);
      assert.match(spanText(a, p!), /^\|\n {6}-----BEGIN RSA PRIVATE KEY-----\n[\s\S]*-----END RSA PRIVATE KEY-----$/);
    });

    it('fires in a list item, naming the list', () => {
      const a = lintText(withIntegration({ tags: `[sync, "${FAKE.aws}"]` }));
      const [p] = a.problems.filter((x) => x.rule === RULE);
      assert.equal(spanText(a, p!), `"${FAKE.aws}"`);
      assert.match(p!.message, /`tags` holds an AWS access key/);
    });

    it('fires outside any item, with no item to waive it', () => {
      const text = BASE.replace('  name: Test solution', `  name: Test solution\n  description: "AccountKey=c2VjcmV0"`);
      assert.equal(findingsOf(text, RULE).length, 1);
    });
  });

  it('ordinary prose about credentials does not fire', () => {
    const prose = [
      'The password is rotated by the team every 90 days',
      'Token-based auth with Microsoft Entra ID',
      'The API key and client secret are kept in Key Vault',
      'Reads the connection string from app settings',
      'Uses SharedAccessKeyName=reader; the key itself is in Key Vault',
      'Password reset requests from the portal',
      'Set Password= in the pipeline, never here',
      'See https://contoso.sharepoint.com/sites/erp?id=42&view=all',
    ];
    for (const text of prose) {
      assert.deepEqual(findingsOf(withIntegration({ description: JSON.stringify(text) }), RULE), [], text);
      assert.deepEqual(findingsOf(withIntegration({ name: JSON.stringify(text) }), RULE), [], text);
    }
    assert.deepEqual(findingsOf(withEndpoint('https://erp.contoso.com/api?token=&user=sync'), RULE), []);
  });

  it('a waiver with a reason silences it, on an integration and on a system', () => {
    const onIntegration = withIntegration({ password: 'Winter2026!', waivers: '[{ rule: no-inline-secrets, reason: Throwaway test tenant }]' });
    assert.deepEqual(findingsOf(onIntegration, RULE), []);
    const onSystem = withEndpoint(`"${FAKE.aws}"\n    waivers: [{ rule: no-inline-secrets, reason: Published example key }]`);
    assert.deepEqual(findingsOf(onSystem, RULE), []);
    assert.equal(findingsOf(withEndpoint(`"${FAKE.aws}"\n    waivers: [{ rule: no-inline-secrets }]`), RULE).length, 1);
  });

  describe('the fix', () => {
    it('replaces the value with a Key Vault reference and marks the integration as using Key Vault (block map)', () => {
      const text = withIntegration({ dbPassword: 'Winter2026! # temporary', security: null }).replace('    dbPassword:', '    # credentials\n    dbPassword:');
      const after = fixAndCheck(text);
      assert.match(after, /\n {4}# credentials\n {4}dbPassword: key-vault:status-db-password # temporary\n/);
      assert.match(after, /\n {4}security:\n {6}secrets: key-vault\n/);
      assert.ok(!after.includes('Winter2026'));
    });

    it('sets `secrets: key-vault` over another value in a flow-map `security`', () => {
      const text = withIntegration({
        description: '"Server=erp;Database=erp;Password=Winter2026!" # old notes',
        security: '{ authentication: entra-id, secrets: none, transport: tls1.2 } # agreed',
      });
      const after = fixAndCheck(text);
      assert.match(after, /description: key-vault:status-description # old notes\n/);
      assert.match(after, /security: \{ authentication: entra-id, secrets: key-vault, transport: tls1\.2 \} # agreed\n/);
      assert.deepEqual(problemsOf(after, ['yaml-syntax', 'schema']), []);
    });

    it('leaves `security` alone when it already says key-vault', () => {
      const text = withIntegration({ description: `"${FAKE.jwt}"` });
      const after = fixAndCheck(text);
      assert.equal(after, text.replace(`"${FAKE.jwt}"`, 'key-vault:status-description'));
    });

    it('on a system, only replaces the value', () => {
      const text = withEndpoint(`"AccountKey=c2VjcmV0" # storage`);
      const after = fixAndCheck(text);
      assert.equal(after, text.replace('"AccountKey=c2VjcmV0"', 'key-vault:erp-endpoint'));
      assert.deepEqual(problemsOf(after, ['yaml-syntax', 'schema']), []);
    });

    it('replaces a whole block scalar and keeps the lines after it', () => {
      const block = '| # the key\n      -----BEGIN PRIVATE KEY-----\n      MIIEvQ\n      -----END PRIVATE KEY-----';
      const text = withIntegration({ description: block }).replace('    monitoring:', '    # watch it\n    monitoring:') + '# end\nrules: {}\n';
      const after = applyFix(text, RULE);
      assert.match(after, /\n {6}notify: support@contoso\.com\n {4}description: key-vault:status-description\n# end\nrules: \{\}\n$/);
      assert.deepEqual(findingsOf(after, RULE), []);
      assert.deepEqual(problemsOf(after, ['yaml-syntax', 'schema']), []);
      assert.deepEqual(commentsOf(after), ['# watch it', '# end'], 'only the comment inside the replaced value goes');
    });

    it('works in a flow-map integration', () => {
      const lines = BASE.split('\n');
      const text =
        lines.slice(0, lines.indexOf('integrations:') + 1).join('\n') +
        `\n  # compact\n  - { id: erp-sync, name: ERP sync, type: data, from: erp, to: sales, systemOfRecord: erp, description: "${FAKE.aws}" } # one line\n`;
      const after = fixAndCheck(text);
      assert.match(after, /description: key-vault:erp-sync-description, security: \{ secrets: key-vault \} \} # one line\n/);
      assert.deepEqual(problemsOf(after, ['yaml-syntax', 'schema']), []);
    });

    it('names the reference after the item and key, e.g. key-vault:erp-sync-password', () => {
      const text = withIntegration({ password: 'Winter2026!' }).replace('  - id: status', '  - id: erp-sync');
      assert.match(applyFix(text, RULE), /password: key-vault:erp-sync-password\n/);
    });
  });
});
