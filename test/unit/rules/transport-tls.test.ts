import { occurs, ruleTester } from '../../helpers/ruleTester';
import { BASE, joinLines, withIntegration } from '../../helpers/text';

const RULE = 'transport-tls';

const withTransport = (transport: string, comment = '') =>
  withIntegration({ security: `{ authentication: entra-id, secrets: key-vault, transport: ${transport} }${comment}` });

/** What the message says of each weak transport, beyond asking for TLS 1.2. */
const WEAK: [transport: string, says: RegExp[]][] = [
  ['http', [/plain HTTP/]],
  ['tls1.0', []],
  ['tls1.1', [/TLS 1\.1, a retired protocol version/]],
];

ruleTester(RULE, {
  valid: [
    { name: 'TLS 1.2', code: BASE },
    { name: 'TLS 1.3', code: withTransport('tls1.3') },
    { name: 'no transport declared', code: withIntegration({ security: '{ authentication: entra-id }' }) },
    {
      name: 'a waiver with a reason silences it',
      code: withIntegration({ waivers: '[{ rule: transport-tls, reason: Legacy host retired in Q2, expires: 2027-06-30 }]' }, withTransport('tls1.0')),
    },
  ],
  invalid: [
    // The message says plain HTTP is unencrypted, and names the retired TLS version.
    ...WEAK.map(([weak, says]) => ({
      name: `fires on \`transport: ${weak}\``,
      code: withTransport(weak),
      errors: [{ at: weak, severity: 'error' as const, message: [/[Uu]se (HTTPS with )?TLS 1\.2 or later \(`transport: tls1\.2`\)/, ...says] }],
    })),
    {
      name: 'the fix sets tls1.2 in a block map and keeps the comments around it',
      code: BASE.replace('      transport: tls1.2', '      # agreed with the ERP team\n      transport: http # for now\n      # end of security'),
      errors: [{ at: 'http' }],
      output: /\n {6}transport: tls1\.2 # for now\n/,
    },
    {
      name: 'the fix sets tls1.2 in a flow map',
      code: withTransport('tls1.0', ' # legacy host'),
      errors: [{ at: 'tls1.0' }],
      output: /transport: tls1\.2 \} # legacy host\n/,
    },
    {
      name: 'the fix reads the integration from the finding, not the first one',
      code: joinLines(BASE.trimEnd(), '  - id: second', '    name: Second', '    type: ui', '    from: sales', '    to: erp', '    security: { transport: http }'),
      errors: [{ at: 'http' }],
      output: [/security: \{ transport: tls1\.2 \}/, occurs('tls1.2', 2)],
    },
  ],
});
