/**
 * The extension API suite's entry point: VS Code's extension host calls `run()` when it is
 * started with `--extensionTestsPath` (@vscode/test-electron) or with the `extensionTestsPath`
 * payload (code-server). Mocha runs every compiled `*.test.js` beside this file.
 *
 * The outcome is written as JSON to $E2E_RESULT_FILE when set, because code-server reports the
 * extension host's exit code as 0 whatever `run()` returns.
 */
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env['E2E_GREP'];
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).sort()) if (file.endsWith('.test.js')) mocha.addFile(join(__dirname, file));

  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, tests: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env['E2E_RESULT_FILE'];
      if (file) writeFileSync(file, JSON.stringify(result, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension API test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => {
      result.passed++;
      result.tests.push({ title: test.fullTitle(), state: 'passed', ...(test.duration !== undefined ? { durationMs: test.duration } : {}) });
    });
    runner.on('fail', (test, error: Error) => {
      result.failed++;
      result.tests.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? error.message });
    });
    runner.on('pending', (test) => {
      result.pending++;
      result.tests.push({ title: test.fullTitle(), state: 'pending' });
    });
  });
}
