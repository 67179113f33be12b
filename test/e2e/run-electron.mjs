// The extension API suite (test/e2e/suite) in desktop VS Code, through @vscode/test-electron,
// for machines that can download VS Code (this project's CI cannot: it runs the same suite in
// code-server, see run-code-server.mjs).
// Usage: npm run test:e2e:electron [-- --version <vscode version>]
// Set VSCODE_EXECUTABLE to use an installed VS Code instead of downloading one.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { E2E_DIR, ROOT } from '../../scripts/code-server/paths.mjs';
import { buildSuite } from './build.mjs';
import { makeWorkspace } from '../../scripts/code-server/workspace.mjs';

const { values: options } = parseArgs({ options: { version: { type: 'string', default: 'stable' } } });

const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const extensionTestsPath = await buildSuite();
const workspace = makeWorkspace(join(E2E_DIR, 'run', 'electron-workspace'));

try {
  await runTests({
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : { version: options.version }),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { E2E_RESULT_FILE: join(E2E_DIR, 'run', 'electron-result.json') },
  });
} catch (error) {
  console.error(`the extension API suite failed in VS Code: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
