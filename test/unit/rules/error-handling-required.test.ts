import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'error-handling-required';

/** The integrations of BASE replaced by one flow-map integration. */
function flowIntegration(line: string): string {
  const lines = BASE.split('\n');
  return lines.slice(0, lines.indexOf('integrations:') + 1).join('\n') + '\n' + line;
}

ruleTester(RULE, {
  valid: [
    { name: 'error handling is designed', code: BASE },
    { name: 'error handling that only notifies', code: withIntegration({ errorHandling: '{ notify: ops@contoso.com }' }) },
    {
      name: 'a waiver with a reason silences it',
      code: withIntegration({ errorHandling: null, waivers: '[{ rule: error-handling-required, reason: One-off migration, rerun by hand }]' }),
    },
  ],
  invalid: [
    {
      name: 'fires on the id when an integration has no `errorHandling`',
      code: withIntegration({ errorHandling: null }),
      errors: [{ at: 'status', severity: 'warning', message: [/does not say what happens when it fails/, /Add `errorHandling`: retries with exponential backoff/] }],
    },
    {
      name: 'fires on the key when `errorHandling` is written with nothing under it',
      code: withIntegration({ errorHandling: null }).replace('    monitoring:', '    errorHandling:\n    monitoring:'),
      errors: [{ at: 'errorHandling' }],
    },
    {
      name: 'the fix inserts retry, dead-letter and notify (the owner) and keeps the comments',
      code: `${withIntegration({ errorHandling: null, owner: 'Integration team' }).replace('    owner:', '    # who runs it\n    owner:').trimEnd()} # ops\n# end\n`,
      errors: [{ at: 'status' }],
      output:
        /owner: Integration team # ops\n {4}errorHandling:\n {6}retry:\n {8}attempts: 5\n {8}backoff: exponential\n {6}deadLetter: true\n {6}notify: Integration team\n# end\n/,
    },
    {
      name: 'the fix notifies the support team when the integration has no owner',
      code: withIntegration({ errorHandling: null }),
      errors: [{ at: 'status' }],
      output: /notify: Integration support team\n/,
    },
    {
      name: 'the fix fills an empty `errorHandling:` key',
      code: withIntegration({ errorHandling: null }).replace('    monitoring:', '    errorHandling: # to do\n    monitoring:'),
      errors: [{ at: 'errorHandling' }],
      output: /errorHandling: # to do\n {6}retry:\n/,
    },
    {
      name: 'the fix works in a flow-map integration',
      code: flowIntegration(
        '  # flow style\n  - { id: status, name: Order status, type: data, from: erp, to: sales, systemOfRecord: erp, owner: ERP team } # compact\n',
      ),
      errors: [{ at: 'status' }],
      output: /owner: ERP team, errorHandling: \{ retry: \{ attempts: 5, backoff: exponential \}, deadLetter: true, notify: ERP team \} \} # compact\n/,
    },
  ],
});
