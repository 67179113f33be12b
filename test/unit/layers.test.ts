/**
 * The layer boundaries of ARCHITECTURE.md are lint rules (eslint.config.mjs). These tests ask
 * ESLint for the configuration it applies to a file of each layer and lint imports with it:
 * what a layer must not import is an error, what it may import is not. `npm run lint` then
 * holds the real sources to the same configuration.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = join(__dirname, '../..');

interface LayerCase {
  file: string;
  forbidden: string[];
  allowed: string[];
}

const CASES: LayerCase[] = [
  {
    file: 'server/src/model/example.ts',
    forbidden: ['vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageserver-protocol', 'vscode-jsonrpc', 'vscode', '../features/hover', '../languageService', '../server', '../cli/main'],
    allowed: ['yaml', '../document/nodes', '../../../shared/src/settings'],
  },
  { file: 'server/src/document/example.ts', forbidden: ['vscode-languageserver', 'vscode-languageserver-textdocument/../vscode-languageserver'], allowed: ['yaml', './range'] },
  { file: 'server/src/rules/example.ts', forbidden: ['vscode-languageserver', '../features/protocol'], allowed: ['../model/manifest', './types'] },
  { file: 'server/src/analysis/example.ts', forbidden: ['vscode-languageserver/node', '../languageService'], allowed: ['../rules', '../model/manifest'] },
  { file: 'server/src/incremental/example.ts', forbidden: ['vscode-languageserver', '../features/diagnostics'], allowed: ['node:worker_threads', '../analysis/analyze'] },
  {
    file: 'server/src/estate/example.ts',
    forbidden: ['node:fs', 'node:fs/promises', 'node:path', 'fs', 'path', 'vscode-languageserver', '../features/navigation', '../cli/io', '../node/estateFiles'],
    allowed: ['../analysis/analyze', '../model/estate', './paths'],
  },
  { file: 'server/src/node/example.ts', forbidden: ['vscode', '../../../client/src/extension'], allowed: ['node:fs/promises', '../estate/files'] },
  { file: 'server/src/diagram/application.ts', forbidden: ['vscode-languageserver', '../features/hover'], allowed: ['../../../shared/src/diagrams', '../model/manifest'] },
  { file: 'server/src/diagram/register.ts', forbidden: ['vscode', '../../../client/src/extension'], allowed: ['vscode-languageserver', '../../../shared/src/requests'] },
  { file: 'server/src/workspace/workspaceIndex.ts', forbidden: ['node:fs/promises', 'vscode-languageserver', '../features/navigation', '../languageService'], allowed: ['../model/manifest', './files'] },
  { file: 'server/src/features/hover.ts', forbidden: ['vscode', 'vscode-languageclient/node', '../../../client/src/preview/panel', '../../../media/src/render'], allowed: ['vscode-languageserver', '../model/manifest'] },
  { file: 'shared/src/example.ts', forbidden: ['vscode', 'vscode-languageserver', '../../server/src/model/manifest', '../../client/src/extension', '../../media/src/render'], allowed: ['vscode-languageserver-protocol', './diagrams'] },
  {
    file: 'media/src/example.ts',
    forbidden: ['../../server/src/diagram/application', '../../client/src/preview/panel', 'vscode', 'vscode-languageserver', 'vscode-jsonrpc', 'node:fs', '../../shared/src/requests', '../../shared/src/product'],
    allowed: ['mermaid', '../../shared/src/diagrams', '../../shared/src/webviewMessages', '../../shared/src/mermaidText', './viewport'],
  },
  { file: 'client/src/example.ts', forbidden: ['../../server/src/languageService', '../../media/src/preview'], allowed: ['vscode', 'vscode-languageclient/node', '../../shared/src/requests'] },
];

describe('layer boundaries (eslint.config.mjs)', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const linter = new Linter({ configType: 'flat' });

  /** The `no-restricted-imports` findings for `import ... from '<source>'` in `file`. */
  async function restricted(file: string, source: string): Promise<string[]> {
    const config = (await eslint.calculateConfigForFile(join(ROOT, file))) as { rules?: Record<string, Linter.RuleEntry> };
    const rule = config.rules?.['no-restricted-imports'];
    assert.ok(rule, `${file}: eslint.config.mjs sets no import restriction for this layer`);
    const messages = linter.verify(
      `import * as imported from '${source}';\nexport { imported };\n`,
      [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: { 'no-restricted-imports': rule } }],
      { filename: join(ROOT, file) },
    );
    return messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  for (const { file, forbidden, allowed } of CASES) {
    it(`${file.replace(/\/[^/]+$/, '/')}: refuses ${forbidden.length} imports, allows ${allowed.length}`, async () => {
      for (const source of forbidden) assert.equal((await restricted(file, source)).length, 1, `${file} may not import ${source}, but the lint allows it`);
      for (const source of allowed) assert.deepEqual(await restricted(file, source), [], `${file} may import ${source}, but the lint refuses it`);
    });
  }

  it('the message of a refused import says which layer rule it breaks', async () => {
    const [message] = await restricted('server/src/model/example.ts', 'vscode-languageserver');
    assert.match(message ?? '', /The engine knows no LSP/);
  });
});
