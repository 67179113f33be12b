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
  { file: 'server/src/incremental/example.ts', forbidden: ['vscode-languageserver', '../features/diagnostics', 'node:worker_threads', 'worker_threads', 'os', 'fs/promises'], allowed: ['../analysis/analyze', './slices'] },
  {
    file: 'server/src/estate/example.ts',
    forbidden: ['node:fs', 'node:fs/promises', 'node:path', 'fs', 'path', 'vscode-languageserver', '../features/navigation', '../cli/io', '../node/estateFiles'],
    allowed: ['../analysis/analyze', '../model/estate', './paths'],
  },
  { file: 'server/src/node/estateFiles.ts', forbidden: ['vscode', '../../../client/src/extension'], allowed: ['node:fs/promises', '../estate/files'] },
  { file: 'server/src/diagram/application.ts', forbidden: ['vscode-languageserver', '../features/hover'], allowed: ['../../../shared/src/diagrams', '../model/manifest'] },
  { file: 'server/src/diagram/register.ts', forbidden: ['vscode', '../../../client/src/extension'], allowed: ['vscode-languageserver', '../../../shared/src/requests'] },
  { file: 'server/src/workspace/workspaceIndex.ts', forbidden: ['node:fs/promises', 'vscode-languageserver', '../features/navigation', '../languageService'], allowed: ['../model/manifest', './files'] },
  { file: 'server/src/features/hover.ts', forbidden: ['vscode', 'vscode-languageclient/node', '../../../client/src/preview/panel', '../../../media/src/render', 'node:path', 'path'], allowed: ['vscode-languageserver', '../model/manifest'] },
  { file: 'server/src/server.ts', forbidden: ['vscode-languageserver/node', 'node:worker_threads', 'vscode'], allowed: ['vscode-languageserver', './languageService'] },
  // The web worker's entry: the browser flavour of the LSP packages, nothing of Node.
  { file: 'server/src/browser/main.ts', forbidden: ['vscode-languageserver/node', 'vscode-jsonrpc/node', 'node:fs', 'fs', 'vscode'], allowed: ['vscode-languageserver/browser', '../server'] },
  // The Node entry, its worker thread, the CLI: Node, never the editor.
  { file: 'server/src/node/main.ts', forbidden: ['vscode', '../../../client/src/extension'], allowed: ['vscode-languageserver/node', 'node:worker_threads', '../server'] },
  { file: 'server/src/cli/example.ts', forbidden: ['vscode'], allowed: ['node:fs', 'tinyglobby'] },
  { file: 'shared/src/example.ts', forbidden: ['vscode', 'vscode-languageserver', '../../server/src/model/manifest', '../../client/src/extension', '../../media/src/render'], allowed: ['vscode-languageserver-protocol', './diagrams'] },
  {
    file: 'media/src/example.ts',
    forbidden: ['../../server/src/diagram/application', '../../client/src/preview/panel', 'vscode', 'vscode-languageserver', 'vscode-jsonrpc', 'node:fs', '../../shared/src/requests', '../../shared/src/product'],
    allowed: ['mermaid', '../../shared/src/diagrams', '../../shared/src/webviewMessages', '../../shared/src/mermaidText', './viewport'],
  },
  { file: 'client/src/example.ts', forbidden: ['../../server/src/languageService', '../../media/src/preview', 'vscode-languageclient/node', 'node:crypto', 'crypto'], allowed: ['vscode', 'vscode-languageclient', '../../shared/src/requests'] },
  { file: 'client/src/browser/extension.ts', forbidden: ['vscode-languageclient/node', 'node:path', '../../../server/src/server'], allowed: ['vscode', 'vscode-languageclient/browser', '../activation'] },
  { file: 'client/src/node/extension.ts', forbidden: ['../../../server/src/server', '../../../media/src/preview'], allowed: ['vscode', 'vscode-languageclient/node', 'node:path', '../activation'] },
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
      // A Node flavour of an LSP package breaks two rules at once (no LSP here, no Node here): one finding or two.
      for (const source of forbidden) assert.ok((await restricted(file, source)).length >= 1, `${file} may not import ${source}, but the lint allows it`);
      for (const source of allowed) assert.deepEqual(await restricted(file, source), [], `${file} may import ${source}, but the lint refuses it`);
    });
  }

  /** The `no-restricted-globals` findings for `source` in `file` (none when the layer sets no such rule). */
  async function restrictedGlobals(file: string, source: string): Promise<string[]> {
    const config = (await eslint.calculateConfigForFile(join(ROOT, file))) as { rules?: Record<string, Linter.RuleEntry> };
    const rule = config.rules?.['no-restricted-globals'];
    if (!rule) return [];
    const messages = linter.verify(source, [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: { 'no-restricted-globals': rule } }], { filename: join(ROOT, file) });
    return messages.filter((m) => m.ruleId === 'no-restricted-globals').map((m) => m.message);
  }

  const NODE_GLOBALS = ['process.env', 'Buffer.from("")', 'setImmediate(() => 0)', '__dirname', 'require("fs")'];
  for (const file of ['server/src/rules/example.ts', 'server/src/incremental/example.ts', 'server/src/features/example.ts', 'server/src/browser/main.ts', 'client/src/preview/example.ts', 'shared/src/example.ts', 'media/src/example.ts']) {
    it(`${file.replace(/\/[^/]+$/, '/')}: runs on the web too, so uses none of Node's globals`, async () => {
      for (const use of NODE_GLOBALS) assert.equal((await restrictedGlobals(file, `export const used = ${use};\n`)).length, 1, `${file} may not use ${use}, but the lint allows it`);
      assert.deepEqual(await restrictedGlobals(file, 'export const fine = [globalThis, setTimeout, performance.now(), new TextEncoder()];\n'), []);
    });
  }

  it("server/src/node/ and client/src/node/ may use Node's globals", async () => {
    for (const file of ['server/src/node/example.ts', 'client/src/node/example.ts', 'server/src/cli/example.ts'])
      for (const use of NODE_GLOBALS) assert.deepEqual(await restrictedGlobals(file, `export const used = ${use};\n`), [], `${file}: ${use}`);
  });

  it('the message of a refused Node module says where Node-specific code goes', async () => {
    const [message] = await restricted('server/src/rules/example.ts', 'node:fs');
    assert.match(message ?? '', /server\/src\/node/);
  });

  it('the message of a refused import says which layer rule it breaks', async () => {
    const [message] = await restricted('server/src/model/example.ts', 'vscode-languageserver');
    assert.match(message ?? '', /The engine knows no LSP/);
  });
});
