/**
 * import-unresolved on one manifest: what its text shows alone (absolute paths, URLs,
 * backslashes), and what an estate context says of each import. Resolution against real files
 * (missing, not a manifest, cycles, `..` and symlinks out of the root) is tested in
 * test/unit/estate/resolve.test.ts.
 */
import type { EstateContext } from '../../../server/src/model/estate';
import { ruleTester } from '../../helpers/ruleTester';
import { BASE } from '../../helpers/text';

const RULE = 'import-unresolved';

/** BASE with these imports. */
const importing = (...paths: string[]) => BASE.replace('solution:', `imports:\n${paths.map((p) => `  - ${p}\n`).join('')}solution:`);

/** An estate context in which each import resolved or was refused as given. */
function context(imports: EstateContext['imports']): EstateContext {
  return { key: JSON.stringify(imports), file: 'test.integration.yaml', imports, importedBy: [], items: [], elsewhere: { systems: [], goals: [], direct: {} } };
}

ruleTester(RULE, {
  valid: [
    { name: 'no imports', code: BASE },
    { name: 'relative paths, judged alone: only the estate can say whether they exist', code: importing('./shared/systems.integration.yaml', '../finance/finance.integration.yaml') },
    {
      name: 'an import the estate resolved',
      code: importing('./shared/systems.integration.yaml'),
      options: { estate: context([{ path: './shared/systems.integration.yaml', target: { uri: 'file:///shared/systems.integration.yaml', file: 'shared/systems.integration.yaml' } }]) },
    },
    { name: 'it can be turned off in the manifest', code: importing('https://contoso.example/systems.integration.yaml') + 'rules:\n  import-unresolved: off\n' },
  ],
  invalid: [
    {
      name: 'judged alone: a URL, on the value',
      code: importing('https://contoso.example/systems.integration.yaml'),
      errors: [{ at: 'https://contoso.example/systems.integration.yaml', severity: 'error', message: /is a URL\. Imports name manifests in the workspace by their path relative to this manifest/ }],
      output: null,
    },
    {
      name: 'judged alone: an absolute path, a Windows path, a home path and backslashes',
      code: importing('/srv/estate/systems.integration.yaml', 'C:/estate/systems.integration.yaml', '~/systems.integration.yaml', 'shared\\systems.integration.yaml'),
      errors: [
        { at: '/srv/estate/systems.integration.yaml', message: /is an absolute path\. Write the path relative to this manifest/ },
        { at: 'C:/estate/systems.integration.yaml', message: /is an absolute path/ },
        { at: '~/systems.integration.yaml', message: /is an absolute path/ },
        { at: 'shared\\systems.integration.yaml', message: /uses backslashes\. Write the path with forward slashes/ },
      ],
    },
    {
      name: 'in an estate: the refusal the estate gives, on each value refused, in order',
      code: importing('./a.integration.yaml', './b.integration.yaml', './c.integration.yaml'),
      options: {
        estate: context([
          { path: './a.integration.yaml', refused: 'No file `a.integration.yaml` exists.' },
          { path: './b.integration.yaml', target: { uri: 'file:///b.integration.yaml', file: 'b.integration.yaml' } },
          { path: './c.integration.yaml', refused: 'This import forms a cycle: `test.integration.yaml` → `c.integration.yaml` → `test.integration.yaml`.' },
        ]),
      },
      errors: [
        { at: './a.integration.yaml', message: 'No file `a.integration.yaml` exists.' },
        { at: './c.integration.yaml', message: 'This import forms a cycle: `test.integration.yaml` → `c.integration.yaml` → `test.integration.yaml`.' },
      ],
    },
  ],
});
