import { occurs, ruleTester } from '../../helpers/ruleTester';
import { BASE } from '../../helpers/text';

const RULE = 'governance-declared';

const GOVERNANCE = 'governance:\n  alm: azure-devops\n  versionControl: true\n';
const withGovernance = (block: string) => BASE.replace(GOVERNANCE, block);

ruleTester(RULE, {
  valid: [
    { name: 'ALM and version control are declared', code: BASE },
    { name: 'in a flow map, with `alm: none`', code: withGovernance('governance: { alm: none, versionControl: true }\n') },
  ],
  invalid: [
    {
      name: 'fires without `governance`, on `integrationManifest`, and asks for both answers',
      code: withGovernance(''),
      errors: [
        {
          at: 'integrationManifest',
          severity: 'info',
          message:
            /The manifest has no `governance` block saying where the integrations are built and deployed from \(`alm`, such as `azure-devops` or `github`\), nor that every component is under version control \(`versionControl: true`\)\. Answer it/,
        },
      ],
    },
    ...['governance:\n  alm: github\n', 'governance:\n  alm: github\n  versionControl: false\n'].map((block) => ({
      name: `fires on the \`governance\` key when version control is ${block.includes('false') ? 'false' : 'missing'}, and asks only that`,
      code: withGovernance(block),
      errors: [{ at: 'governance', message: [/^`governance` does not say that every component is under version control/, occurs('`alm`', 0)] }],
    })),
    {
      name: 'fires on the `governance` key when `alm` is missing',
      code: withGovernance('governance:\n  versionControl: true\n'),
      errors: [{ message: /^`governance` does not say where the integrations are built and deployed from/ }],
    },
    {
      name: 'is not silenced by a waiver on an item: it belongs to the manifest',
      code: withGovernance('') + '    waivers: [{ rule: governance-declared, reason: Not our call }]\n',
      errors: [{}],
    },
    {
      name: 'fix: inserts a `governance` block below `solution`, keeping comments',
      code: withGovernance('').replace('solution:\n  name: Test solution\n', 'solution:  # the solution\n  name: Test solution  # working title\n# systems come next\n'),
      errors: [{ at: 'integrationManifest' }],
      output: /\n {2}name: Test solution {2}# working title\ngovernance:\n {2}alm: azure-devops\n {2}versionControl: true\n# systems come next\n/,
    },
    {
      name: 'fix: inserts below `integrationManifest` when there is no `solution`',
      code: withGovernance('').replace('solution:\n  name: Test solution\n', ''),
      errors: [{ at: 'integrationManifest' }],
      output: /^integrationManifest: 1\ngovernance:\n {2}alm: azure-devops\n {2}versionControl: true\ngoals:\n/,
    },
    {
      name: 'fix: keeps CRLF line breaks',
      code: withGovernance('').replace(/\n/g, '\r\n'),
      errors: [{ at: 'integrationManifest' }],
      output: /\r\n {2}name: Test solution\r\ngovernance:\r\n {2}alm: azure-devops\r\n {2}versionControl: true\r\ngoals:/,
    },
    {
      name: 'fix: adds only the missing answer to a block map, keeping the other',
      code: withGovernance('governance:  # checklist answers\n  alm: github  # the org standard\n'),
      errors: [{ at: 'governance' }],
      output: /\ngovernance: {2}# checklist answers\n {2}alm: github {2}# the org standard\n {2}versionControl: true\n/,
    },
    {
      name: 'fix: adds the missing answer to a flow map',
      code: withGovernance('governance: { versionControl: true }  # to complete\n'),
      errors: [{ at: 'governance' }],
      output: /\ngovernance: \{ versionControl: true, alm: azure-devops \} {2}# to complete\n/,
    },
    {
      name: 'fix: turns `versionControl: false` into true',
      code: withGovernance('governance:\n  alm: other\n  versionControl: false  # not yet\n'),
      errors: [{ at: 'governance' }],
      output: /\n {2}alm: other\n {2}versionControl: true {2}# not yet\n/,
    },
    {
      name: 'fix: fills a `governance` key that has no value yet',
      code: withGovernance('governance:  # to do\n'),
      errors: [{ at: 'governance' }],
      output: /\ngovernance: {2}# to do\n {2}alm: azure-devops\n {2}versionControl: true\n/,
    },
  ],
});
