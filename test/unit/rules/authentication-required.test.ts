import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'authentication-required';

/** BASE with the ERP on-premises: the integration crosses the boundary. */
const HYBRID = BASE.replace('    kind: erp\n    hosting: cloud', '    kind: erp\n    hosting: on-premises');
const withErpKind = (kind: string) => BASE.replace('    kind: erp\n', `    kind: ${kind}\n`);

ruleTester(RULE, {
  valid: [
    { name: 'authentication is declared', code: BASE },
    { name: 'no `security` between two cloud systems of your own', code: withIntegration({ security: null }) },
    { name: 'a certificate across the boundary', code: withIntegration({ security: '{ authentication: certificate }' }, HYBRID) },
    { name: 'OAuth 2.0 with a partner system', code: withIntegration({ security: '{ authentication: oauth2 }' }, withErpKind('partner')) },
    {
      name: 'a waiver with a reason silences it',
      code: withIntegration({ security: null, waivers: '[{ rule: authentication-required, reason: Network isolated by VPN }]' }, HYBRID),
    },
  ],
  invalid: [
    {
      name: 'fires on `authentication: none`, whatever the ends',
      code: withIntegration({ security: '{ authentication: none, transport: tls1.2 }' }),
      errors: [{ at: 'none', severity: 'error', message: /calls without authentication\. .*use Microsoft Entra ID/ }],
    },
    {
      name: 'fires on the `security` key when a cross-boundary integration declares no authentication',
      code: withIntegration({ security: '{ transport: tls1.2 }' }, HYBRID),
      errors: [{ at: 'security', message: /crosses the boundary between on-premises and the cloud, and declares no authentication\. Set `security\.authentication`/ }],
    },
    {
      name: 'fires on the id when a cross-boundary integration has no `security` at all',
      code: withIntegration({ security: null }, HYBRID),
      errors: [{ at: 'status' }],
    },
    ...['partner', 'saas'].map((kind) => ({
      name: `fires when an end is a ${kind} system and no authentication is declared`,
      code: withIntegration({ security: null }, withErpKind(kind)),
      errors: [{ message: new RegExp(`connects to \`erp\`, a ${kind === 'saas' ? 'SaaS' : 'partner'} system outside your organization`) }],
    })),
    {
      name: 'the fix replaces `none` with entra-id in a block map and keeps the comments',
      code: BASE.replace('      authentication: entra-id', '      # to be agreed\n      authentication: none # test only'),
      errors: [{ at: 'none' }],
      output: /\n {6}# to be agreed\n {6}authentication: entra-id # test only\n/,
    },
    {
      name: 'the fix adds authentication to a flow-map `security`',
      code: withIntegration({ security: '{ secrets: key-vault, transport: tls1.2 } # agreed' }, HYBRID),
      errors: [{ at: 'security' }],
      output: /security: \{ secrets: key-vault, transport: tls1\.2, authentication: entra-id \} # agreed\n/,
    },
    {
      name: 'the fix adds authentication to a block-map `security` with comments around it',
      code: HYBRID.replace('      authentication: entra-id\n', '').replace('      transport: tls1.2', '      transport: tls1.2 # last key\n    # after security'),
      errors: [{ at: 'security' }],
      output: /transport: tls1\.2 # last key\n {6}authentication: entra-id\n {4}# after security\n/,
    },
    {
      name: 'the fix creates `security` when it is missing',
      code: withIntegration({ security: null }, HYBRID).replace('    monitoring:', '    # watched\n    monitoring:'),
      errors: [{ at: 'status' }],
      output: /\n {4}security:\n {6}authentication: entra-id\n/,
    },
  ],
});
