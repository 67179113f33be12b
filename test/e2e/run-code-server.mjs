// The real-VS-Code tests, run in code-server (VS Code 1.100 served to a headless Chromium):
//   1. the extension API suite (test/e2e/suite) in the extension host, the extension loaded
//      from this folder (`extensionDevelopmentPath`), as @vscode/test-electron would run it;
//   2. the UI scenarios (test/e2e/ui) against the packaged .vsix installed into code-server,
//      driven through the screen with playwright; screenshots land in test-results/e2e/;
//   3. the web scenarios (test/e2e/web): the same .vsix run in code-server's web worker
//      extension host, as in vscode.dev (its `browser` entry, the server in a web worker).
//
// Usage: npm run test:e2e [-- --api | --ui | --web] [--grep <pattern>] [--no-package]
//   --api / --ui / --web  run only that part (or those parts)
//   --grep          only the tests whose title matches
//   --no-package    reuse dist/ and .e2e/integration-manifests.vsix from an earlier run
// With $TEST_SUMMARY_FILE set, writes the counts there for scripts/test-all.mjs.
//
// A part that ran no test fails (a test file that did not load, a glob or a suite with no
// tests): a run that proved nothing is no pass. With --grep, a part whose tests all miss the
// pattern is reported and left out, but the run still fails when no test at all matched.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, statSync, watch } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCodeServer } from '../../scripts/code-server/install.mjs';
import { E2E_DIR, ROOT } from '../../scripts/code-server/paths.mjs';
import { startCodeServer } from '../../scripts/code-server/server.mjs';
import { launchChromium, launchChromiumServer } from '../../scripts/code-server/browser.mjs';
import { ensureSystemPackages } from '../../scripts/code-server/system.mjs';
import { buildSuite, SUITE_INDEX } from './build.mjs';
import { FIXTURES, makeWorkspace } from '../../scripts/code-server/workspace.mjs';

const { values: options } = parseArgs({
  options: {
    api: { type: 'boolean', default: false },
    ui: { type: 'boolean', default: false },
    web: { type: 'boolean', default: false },
    grep: { type: 'string' },
    'no-package': { type: 'boolean', default: false },
  },
});
const chosen = options.api || options.ui || options.web;
const runApi = options.api || !chosen;
const runUi = options.ui || !chosen;
const runWeb = options.web || !chosen;

export const VSIX = join(E2E_DIR, 'integration-manifests.vsix');
const RESULTS = join(ROOT, 'test-results', 'e2e');
const RUN_DIR = join(E2E_DIR, 'run');
/** How long the API suite may take in the extension host, start-up included. */
const API_SUITE_TIMEOUT_MS = 5 * 60_000;

/** VS Code for the web saves after a delay by default; the tests save (or revert) themselves,
 * as on the desktop. */
const TEST_SETTINGS = { 'files.autoSave': 'off', 'editor.minimap.enabled': false };

/** The UI scenarios: on screen, with the packaged extension in code-server's extension host (Node). */
const UI = { name: 'ui', title: 'UI scenarios', specs: 'test/e2e/ui/**/*.test.ts', settings: TEST_SETTINGS };
/** The web scenarios: the same, with the extension in the browser's web worker extension host, as vscode.dev runs it. */
const WEB = {
  name: 'web',
  title: 'web scenarios (web worker extension host)',
  specs: 'test/e2e/web/**/*.test.ts',
  settings: { ...TEST_SETTINGS, 'remote.extensionKind': { 'integration-manifests.integration-manifests': ['web'] } },
};

const step = (text) => console.log(`\n== e2e: ${text}`);
// Stopped from outside (Ctrl+C, a timeout): exit, so that the 'exit' hooks stop code-server.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
const started = Date.now();

ensureSystemPackages();
step('code-server');
ensureCodeServer();
if (!options['no-package'] || !existsSync(VSIX)) {
  step('packaging the extension');
  mkdirSync(E2E_DIR, { recursive: true });
  run('npm', ['run', 'package', '--', '--out', VSIX]);
  console.log(`${VSIX}: ${(statSync(VSIX).size / 1024 / 1024).toFixed(2)} MiB`);
}
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
rmSync(RUN_DIR, { recursive: true, force: true });

const totals = { passed: 0, failed: 0, pending: 0, failures: [] };
if (runApi) add(await apiSuite());
if (runUi) add(await uiScenarios());
if (runWeb) add(await uiScenarios(WEB));
if (totals.passed + totals.failed === 0) {
  const why = options.grep ? `no test matches --grep ${JSON.stringify(options.grep)}` : 'no test ran';
  console.error(`\ne2e: ${why}`);
  add({ passed: 0, failed: 1, pending: 0, failures: [{ title: 'e2e', error: why }] });
}

const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\ne2e: ${totals.passed} passed, ${totals.failed} failed, ${totals.pending} pending in ${seconds} s; screenshots and logs in ${RESULTS}`);
if (process.env.TEST_SUMMARY_FILE) writeFileSync(process.env.TEST_SUMMARY_FILE, JSON.stringify(totals, null, 2));
process.exitCode = totals.failed > 0 ? 1 : 0;

/**
 * A part's counts as they go into the totals. A part that ran no test is a failure, unless
 * --grep explains it (then the whole run must still have run some test, checked above).
 */
function noTests(part, reason) {
  if (options.grep) {
    console.log(`${part}: no test matches --grep ${JSON.stringify(options.grep)}`);
    return { passed: 0, failed: 0, pending: 0, failures: [] };
  }
  console.error(`${part}: ${reason}`);
  return { passed: 0, failed: 1, pending: 0, failures: [{ title: part, error: reason }] };
}

function add(result) {
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.pending += result.pending;
  totals.failures.push(...result.failures);
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/**
 * The extension API suite inside code-server's extension host. The workbench URL carries the
 * extension development path and the tests path; the suite writes its result file when done.
 */
async function apiSuite() {
  step('extension API suite in code-server');
  await buildSuite();
  const workspace = makeWorkspace(join(RUN_DIR, 'api-workspace'));
  const resultFile = join(RUN_DIR, 'api-result.json');
  const consoleLog = join(RESULTS, 'api-console.log');
  const server = await startCodeServer({
    stateDir: join(RUN_DIR, 'api-state'),
    settings: TEST_SETTINGS,
    env: { E2E_RESULT_FILE: resultFile, ...(options.grep ? { E2E_GREP: options.grep } : {}) },
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The extension host's console (mocha's spec output among it) reaches the page's console.
    page.on('console', (message) => appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT.replace(/\/$/, ''))],
      ['extensionTestsPath', remote(SUITE_INDEX)],
    ];
    const url = `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const outcome = await waitForSuite(resultFile, server, API_SUITE_TIMEOUT_MS);
    await page.screenshot({ path: join(RESULTS, 'api-suite-end.png') });
    if (outcome.kind !== 'result') {
      console.error(`the extension API suite did not report a result: ${outcome.reason}\nsee ${consoleLog} and ${join(RESULTS, 'api-code-server.log')}`);
      return { passed: 0, failed: 1, pending: 0, failures: [{ title: 'extension API suite', error: outcome.reason }] };
    }
    const result = outcome.result;
    if (result.noTests) return noTests('extension API suite', result.error ?? 'no test ran');
    for (const test of result.tests) {
      const mark = test.state === 'passed' ? '✔' : test.state === 'failed' ? '✘' : '-';
      console.log(`  ${mark} ${test.title}${test.durationMs ? ` (${test.durationMs} ms)` : ''}`);
      if (test.error) console.log(indent(test.error, 6));
    }
    console.log(`extension API suite: ${result.passed} passed, ${result.failed} failed`);
    const failures = result.tests.filter((t) => t.state === 'failed').map((t) => ({ title: `[api] ${t.title}`, error: t.error ?? '' }));
    // A file that did not load fails the run without a failed test: count it as one.
    if (result.error && failures.length === 0) {
      console.error(`extension API suite: ${result.error}`);
      failures.push({ title: '[api] extension API suite', error: result.error });
    }
    return { passed: result.passed, failed: Math.max(result.failed, failures.length), pending: result.pending, failures };
  } finally {
    await browser.close();
    await server.stop();
    writeFileSync(join(RESULTS, 'api-code-server.log'), server.log());
  }
}

/**
 * Resolves when the result file is written, or the extension host or code-server exits without
 * one, or time is up. Waits on file-system events (the result file's folder, code-server's log)
 * and on code-server's exit; the timeout only guards against a run that never ends.
 */
function waitForSuite(resultFile, server, timeoutMs) {
  return new Promise((resolve) => {
    const watchers = [];
    let timer;
    let done = false;
    const finish = (outcome) => {
      if (done) return;
      done = true;
      for (const watcher of watchers) watcher.close();
      clearTimeout(timer);
      resolve(outcome);
    };
    const check = () => {
      if (existsSync(resultFile)) {
        try {
          return finish({ kind: 'result', result: JSON.parse(readFileSync(resultFile, 'utf8')) });
        } catch {
          // still being written: the next change of the file brings the rest
        }
      }
      // The suite writes its file (synchronously) before the host exits: after the exit, none will come.
      if (/Extension Host Process exited with code/.test(server.log())) finish({ kind: 'none', reason: 'the extension host exited without a result' });
    };
    watchers.push(watch(dirname(resultFile), check), watch(server.logFile, check));
    void server.exited.then((exit) => finish({ kind: 'none', reason: `code-server exited (${JSON.stringify(exit)}) without a result` }));
    timer = setTimeout(() => finish({ kind: 'none', reason: `no result within ${timeoutMs / 1000} s` }), timeoutMs);
    check();
  });
}

/** The UI scenarios: mocha in a child process, connected to code-server and a browser we start. */
async function uiScenarios(part = UI) {
  step(`${part.title} in code-server with the packaged extension`);
  const workspace = makeWorkspace(join(RUN_DIR, `${part.name}-workspace`));
  const server = await startCodeServer({ stateDir: join(RUN_DIR, `${part.name}-state`), vsix: VSIX, settings: part.settings });
  const browser = await launchChromiumServer();
  const summary = join(RUN_DIR, `${part.name}-summary.json`);
  try {
    const args = ['mocha', '--require', 'tsx/cjs', '--require', './test/e2e/ui/hooks.ts', '--reporter', './scripts/mocha-summary-reporter.cjs', '--fail-zero', '--timeout', '90000', part.specs];
    if (options.grep) args.push('--grep', options.grep);
    // Not spawnSync: the browser server answers the tests' connection from this process's event loop.
    const result = await spawnAsync('npx', args, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        TEST_SUMMARY_FILE: summary,
        E2E_URL: server.url,
        E2E_BROWSER_WS: browser.wsEndpoint(),
        E2E_WORKSPACE: workspace,
        E2E_FIXTURES: FIXTURES,
        E2E_RESULTS: RESULTS,
        E2E_SERVER_LOG: server.logFile,
      },
    });
    if (!existsSync(summary)) {
      return { passed: 0, failed: 1, pending: 0, failures: [{ title: part.title, error: `mocha exited with ${result.code ?? result.signal} and no summary` }] };
    }
    const counts = JSON.parse(readFileSync(summary, 'utf8'));
    if (counts.noTests) return noTests(part.title, counts.failures[0]?.error ?? 'no test ran');
    return { ...counts, failures: counts.failures.map((f) => ({ ...f, title: `[${part.name}] ${f.title}` })) };
  } finally {
    await browser.close();
    await server.stop();
    writeFileSync(join(RESULTS, `${part.name}-code-server.log`), server.log());
  }
}

function indent(text, n) {
  return text
    .split('\n')
    .map((line) => ' '.repeat(n) + line)
    .join('\n');
}

/** spawn, awaited: resolves with { code, signal } when the child exits. */
function spawnAsync(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}
