/**
 * The extension API suite's entry point: VS Code's extension host calls `run()` when it is
 * started with `--extensionTestsPath` (@vscode/test-electron) or with the `extensionTestsPath`
 * payload (code-server). Mocha runs every compiled `*.test.js` beside this file.
 *
 * The run fails when a test fails, when a test file does not load, and when no test ran at all
 * (no test files, or an E2E_GREP that matches none): a suite that proved nothing is no pass.
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
  /** Why the run failed as a whole, beyond its failed tests: no test ran, or a file did not load. */
  error?: string;
  /** Set when no test ran (none was found, or none matched E2E_GREP). */
  noTests?: true;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env['E2E_GREP'];
  if (grep) mocha.grep(grep);
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(join(__dirname, file));

  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, tests: [] };
  /** Writes the result file, and settles as the result says. */
  const finish = (error?: string, noTests = false): Promise<void> => {
    if (error) result.error = error;
    if (noTests) result.noTests = true;
    const file = process.env['E2E_RESULT_FILE'];
    if (file) writeFileSync(file, JSON.stringify(result, null, 2));
    return error ? Promise.reject(new Error(error)) : Promise.resolve();
  };

  if (files.length === 0) return finish(`no *.test.js beside ${__filename}: the suite was not built (test/e2e/build.mjs)`, true);
  type Outcome = { kind: 'ran' } | { kind: 'failed'; message: string } | { kind: 'none-ran' };
  return new Promise<Outcome>((resolve) => {
    let runner: Mocha.Runner;
    try {
      // Loads the test files: an error in one (a syntax error, a missing module) throws here.
      runner = mocha.run((failures) => {
        if (failures > 0) resolve({ kind: 'failed', message: `${failures} extension API test(s) failed` });
        else resolve(result.passed > 0 ? { kind: 'ran' } : { kind: 'none-ran' });
      });
    } catch (error) {
      resolve({ kind: 'failed', message: `a test file failed to load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
      return;
    }
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
  }).then((outcome) => {
    if (outcome.kind === 'ran') return finish();
    if (outcome.kind === 'failed') return finish(outcome.message);
    const why = grep ? `no extension API test matches E2E_GREP ${JSON.stringify(grep)}` : `no extension API test ran: ${files.join(', ')} define none`;
    return finish(`${why}${result.pending ? ` (${result.pending} pending)` : ''}`, true);
  });
}
