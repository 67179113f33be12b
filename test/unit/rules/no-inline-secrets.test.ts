import assert from 'node:assert/strict';
import { occurs, ruleTester, type InvalidCase } from '../../helpers/ruleTester';
import { applyFixAndCheck, BASE, commentsOf, withIntegration } from '../../helpers/text';

const RULE = 'no-inline-secrets';

/** Fake credentials of each recognizable shape (none is real). */
const FAKE = {
  storageKey: 'A'.repeat(40) + 'b'.repeat(46) + '==',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJlcnAtc3luYyJ9.' + 'c2lnbmF0dXJl'.repeat(3),
  aws: 'AKIAIOSFODNN7EXAMPLE',
  github: 'ghp_' + 'a1B2'.repeat(9),
};

/** The fixes change no yaml-syntax or schema finding (`unchanged`), and leave a valid manifest valid (`clean`). */
const BROKEN = ['yaml-syntax', 'schema'];

/** BASE with the ERP system's endpoint set. */
const withEndpoint = (value: string) => BASE.replace('    kind: erp\n', `    kind: erp\n    endpoint: ${value}\n`);

/** The integrations of BASE replaced by one flow-map integration. */
function flowIntegration(line: string): string {
  const lines = BASE.split('\n');
  return lines.slice(0, lines.indexOf('integrations:') + 1).join('\n') + '\n' + line;
}

/** Credentials recognizable in any value: what the message calls each. */
const RECOGNIZABLE: [label: string, value: string, what: RegExp][] = [
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

const CREDENTIAL_KEYS = ['dbPassword', 'passwd', 'clientSecret', 'client_secret', 'apiKey', 'API_KEY', 'accessKey', 'token', 'refreshToken', 'sharedKey', 'connectionString', 'erp-connection-string'];

/** Ordinary prose about credentials, which never fires. */
const PROSE = [
  'The password is rotated by the team every 90 days',
  'Token-based auth with Microsoft Entra ID',
  'The API key and client secret are kept in Key Vault',
  'Reads the connection string from app settings',
  'Uses SharedAccessKeyName=reader; the key itself is in Key Vault',
  'Password reset requests from the portal',
  'Set Password= in the pipeline, never here',
  'See https://contoso.sharepoint.com/sites/erp?id=42&view=all',
];

ruleTester(RULE, {
  valid: [
    ...['key-vault:erp-password', '"${ERP_PASSWORD}"', 'env:ERP_PASSWORD', '""', '', '~'].map((value) => ({ name: `a reference or empty value: \`password: ${value}\``, code: withIntegration({ password: value }) })),
    { name: '`secrets: key-vault` says where secrets live', code: BASE },
    { name: 'a look-alike key', code: withIntegration({ passwordPolicy: 'rotated every 90 days' }) },
    ...PROSE.flatMap((text) => [
      { name: `prose in a description: ${text}`, code: withIntegration({ description: JSON.stringify(text) }) },
      { name: `prose in a name: ${text}`, code: withIntegration({ name: JSON.stringify(text) }) },
    ]),
    { name: 'a URL with an empty token parameter', code: withEndpoint('https://erp.contoso.com/api?token=&user=sync') },
    {
      name: 'a waiver with a reason silences it, on an integration',
      code: withIntegration({ password: 'Winter2026!', waivers: '[{ rule: no-inline-secrets, reason: Throwaway test tenant }]' }),
    },
    { name: 'a waiver with a reason silences it, on a system', code: withEndpoint(`"${FAKE.aws}"\n    waivers: [{ rule: no-inline-secrets, reason: Published example key }]`) },
  ],
  invalid: [
    // credential-named keys
    {
      name: 'fires on the value of `password`, inside its integration, and never repeats it',
      code: withIntegration({ password: 'Winter2026!' }),
      errors: [
        {
          at: 'Winter2026!',
          severity: 'error',
          message: [
            /`password` holds a credential in plain text \(in integration `status`\)/,
            /store it in Azure Key Vault and write a reference such as `key-vault:status-password`/,
            occurs('Winter2026', 0),
          ],
        },
      ],
    },
    ...CREDENTIAL_KEYS.map((key): InvalidCase => ({ name: `recognizes the name \`${key}\``, code: withIntegration({ [key]: 'abc123' }), errors: [{}] })),
    { name: 'a number is a literal too', code: withIntegration({ pin: 'abc', password: '123456' }), errors: [{}] },
    // credentials recognizable in any value
    ...RECOGNIZABLE.map(
      ([label, value, what]): InvalidCase => ({
        name: `fires on ${label} and never repeats it`,
        code: withEndpoint(`"${value}"`),
        errors: [{ at: `"${value}"`, message: [what, /`endpoint` holds .* \(in system `erp`\)/, occurs(value.slice(-12), 0)] }],
      }),
    ),
    {
      name: 'fires on a private key in a block scalar, covering the whole value',
      code: withIntegration({ description: '|\n      -----BEGIN RSA PRIVATE KEY-----\n      MIIEowIBAAKCAQEA\n      -----END RSA PRIVATE KEY-----' }),
      errors: [{ at: /^\|\n {6}-----BEGIN RSA PRIVATE KEY-----\n[\s\S]*-----END RSA PRIVATE KEY-----$/, message: /`description` holds a private key/ }],
    },
    {
      name: 'fires in a list item, naming the list',
      code: withIntegration({ tags: `[sync, "${FAKE.aws}"]` }),
      errors: [{ at: `"${FAKE.aws}"`, message: /`tags` holds an AWS access key/ }],
    },
    {
      name: 'fires outside any item, with no item to waive it',
      code: BASE.replace('  name: Test solution', `  name: Test solution\n  description: "AccountKey=c2VjcmV0"`),
      errors: [{}],
    },
    { name: 'a waiver without a reason does not silence it', code: withEndpoint(`"${FAKE.aws}"\n    waivers: [{ rule: no-inline-secrets }]`), errors: [{}] },
    // the fix
    {
      name: 'the fix replaces the value with a Key Vault reference and marks the integration as using Key Vault (block map)',
      code: withIntegration({ dbPassword: 'Winter2026! # temporary', security: null }).replace('    dbPassword:', '    # credentials\n    dbPassword:'),
      errors: [{ at: 'Winter2026!' }],
      output: [/\n {4}# credentials\n {4}dbPassword: key-vault:status-db-password # temporary\n/, /\n {4}security:\n {6}secrets: key-vault\n/, occurs('Winter2026', 0)],
      unchanged: BROKEN,
    },
    {
      name: 'the fix sets `secrets: key-vault` over another value in a flow-map `security`',
      code: withIntegration({
        description: '"Server=erp;Database=erp;Password=Winter2026!" # old notes',
        security: '{ authentication: entra-id, secrets: none, transport: tls1.2 } # agreed',
      }),
      errors: [{ at: '"Server=erp;Database=erp;Password=Winter2026!"' }],
      output: [/description: key-vault:status-description # old notes\n/, /security: \{ authentication: entra-id, secrets: key-vault, transport: tls1\.2 \} # agreed\n/],
      unchanged: BROKEN,
      clean: BROKEN,
    },
    {
      name: 'the fix leaves `security` alone when it already says key-vault',
      code: withIntegration({ description: `"${FAKE.jwt}"` }),
      errors: [{ at: `"${FAKE.jwt}"` }],
      output: withIntegration({ description: 'key-vault:status-description' }),
      unchanged: BROKEN,
    },
    {
      name: 'the fix, on a system, only replaces the value',
      code: withEndpoint(`"AccountKey=c2VjcmV0" # storage`),
      errors: [{ at: '"AccountKey=c2VjcmV0"' }],
      output: withEndpoint('key-vault:erp-endpoint # storage'),
      unchanged: BROKEN,
      clean: BROKEN,
    },
    {
      name: 'the fix works in a flow-map integration',
      code: flowIntegration(
        `  # compact\n  - { id: erp-sync, name: ERP sync, type: data, from: erp, to: sales, systemOfRecord: erp, description: "${FAKE.aws}" } # one line\n`,
      ),
      errors: [{ at: `"${FAKE.aws}"` }],
      output: /description: key-vault:erp-sync-description, security: \{ secrets: key-vault \} \} # one line\n/,
      unchanged: BROKEN,
      clean: BROKEN,
    },
    {
      name: 'the fix names the reference after the item and key, e.g. key-vault:erp-sync-password',
      code: withIntegration({ password: 'Winter2026!' }).replace('  - id: status', '  - id: erp-sync'),
      errors: [{ at: 'Winter2026!' }],
      output: /password: key-vault:erp-sync-password\n/,
      unchanged: BROKEN,
    },
  ],
});

describe(RULE, () => {
  it('the fix replaces a whole block scalar and keeps the lines after it', () => {
    const block = '| # the key\n      -----BEGIN PRIVATE KEY-----\n      MIIEvQ\n      -----END PRIVATE KEY-----';
    const text = withIntegration({ description: block }).replace('    monitoring:', '    # watch it\n    monitoring:') + '# end\nrules: {}\n';
    // Only the comment inside the replaced value goes.
    const after = applyFixAndCheck(text, RULE, undefined, { clean: BROKEN, droppedComments: ['# the key'] });
    assert.match(after, /\n {6}notify: support@contoso\.com\n {4}description: key-vault:status-description\n# end\nrules: \{\}\n$/);
    assert.deepEqual(commentsOf(after), ['# watch it', '# end'], 'only the comment inside the replaced value goes');
  });
});
