import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'resilience-declared';

/** BASE with the ERP on-premises: its integration crosses the boundary. */
const HYBRID = BASE.replace('    kind: erp\n    hosting: cloud\n', '    kind: erp\n    hosting: on-premises\n');
const GOVERNANCE = 'governance:\n  alm: azure-devops\n  versionControl: true\n';
const withGovernance = (text: string, lines: string) => text.replace(GOVERNANCE, GOVERNANCE + lines);
const AVAILABILITY = '  availability: "99.9%"\n';
const RECOVERY = '  disasterRecovery: Paired region failover, RPO 15m\n';

ruleTester(RULE, {
  valid: [
    { name: 'every integration asynchronous and in the cloud', code: BASE },
    { name: 'a cross-boundary integration with both declared', code: withGovernance(HYBRID, AVAILABILITY + RECOVERY) },
    { name: 'a synchronous integration with both declared', code: withGovernance(withIntegration({ mode: 'sync' }), AVAILABILITY + RECOVERY) },
    { name: 'a hosting not declared is no crossing', code: BASE.replace('    kind: erp\n    hosting: cloud\n', '    kind: erp\n') },
    { name: 'an empty manifest', code: 'integrationManifest: 1\nsolution: { name: Empty }\n' },
  ],
  invalid: [
    {
      name: 'fires on `governance` for a cross-boundary integration without either answer',
      code: HYBRID,
      errors: [
        {
          at: 'governance',
          severity: 'info',
          message: [/^Integrations that wait for an answer from another system \(0 here\) or cross the cloud \/ on-premises boundary \(1 more\) stop when either side stops/, /does not state `availability` \(such as `99\.9%`\) or `disasterRecovery`/],
        },
      ],
      output: null,
    },
    {
      name: 'fires for a synchronous integration, naming what is missing',
      code: withGovernance(withIntegration({ mode: 'sync' }), AVAILABILITY),
      errors: [{ at: 'governance', message: /wait for an answer from another system \(1 here\) or cross the cloud \/ on-premises boundary \(0 more\) stop when either side stops, but `governance` does not state `disasterRecovery`/ }],
    },
    {
      name: 'fires with only `disasterRecovery` declared',
      code: withGovernance(HYBRID, RECOVERY),
      errors: [{ message: /does not state `availability` \(such as `99\.9%`\)\. / }],
    },
    {
      name: 'an empty `availability` is not an answer',
      code: withGovernance(HYBRID, '  availability: ""\n' + RECOVERY),
      errors: [{}],
    },
    {
      name: 'counts both kinds',
      code: HYBRID.replace('    via: [bus]\n', '    via: [bus]\n') + '  - { id: second, name: Second, type: data, from: sales, to: erp, mode: sync, systemOfRecord: sales }\n',
      errors: [{ message: /\(1 here\) or cross the cloud \/ on-premises boundary \(1 more\)/ }],
    },
    {
      name: 'without `governance` it sits on `integrationManifest`',
      code: HYBRID.replace(GOVERNANCE, ''),
      errors: [{ at: 'integrationManifest' }],
    },
  ],
});
