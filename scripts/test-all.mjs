// `npm test`: builds, typechecks, lints (no warnings), then runs every suite in order, each in its own process:
//   unit      the engine without VS Code           (test/unit)
//   protocol  client and server over real LSP      (test/protocol)
//   browser   diagrams rendered in Chromium        (test/browser)
//   e2e       a real VS Code (code-server) with the extension: the extension API suite and
//             the UI scenarios                     (test/e2e, see test/e2e/run-code-server.mjs)
// and ends with one line `N passed, N failed` (", N skipped" when some are pending).
// Exits non-zero when a build step or any test failed.
//
// Usage: npm test [-- --only unit,protocol] [-- --skip e2e]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './code-server/paths.mjs';
import { ensureSystemPackages } from './code-server/system.mjs';

const { values: options } = parseArgs({ options: { only: { type: 'string' }, skip: { type: 'string' } } });
const only = options.only?.split(',');
const skip = options.skip?.split(',') ?? [];
const wanted = (name) => (!only || only.includes(name)) && !skip.includes(name);

const REPORTER = './scripts/mocha-summary-reporter.cjs';
const SUMMARIES = join(ROOT, '.e2e', 'summaries');
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;

/** The spec glob of a `mocha "<glob>"` npm script, so package.json stays the one place that names it. */
function specOf(script) {
  const match = /mocha\s+"([^"]+)"/.exec(scripts[script] ?? '');
  if (!match) throw new Error(`package.json script ${script} is not \`mocha "<glob>"\``);
  return match[1];
}

const steps = [
  { name: 'build', kind: 'check', command: ['npm', 'run', 'build'] },
  { name: 'typecheck', kind: 'check', command: ['npm', 'run', 'typecheck'] },
  { name: 'lint', kind: 'check', command: ['npm', 'run', 'lint'] },
  ...['unit', 'protocol', 'browser'].map((name) => ({
    name,
    kind: 'mocha',
    spec: specOf(`test:${name}`),
    command: ['npx', 'mocha', '--reporter', REPORTER, specOf(`test:${name}`)],
  })),
  { name: 'e2e', kind: 'summary', command: ['node', 'test/e2e/run-code-server.mjs'], timeoutMs: 45 * 60_000 },
];

ensureSystemPackages();
rmSync(SUMMARIES, { recursive: true, force: true });
mkdirSync(SUMMARIES, { recursive: true });

const rows = [];
const totals = { passed: 0, failed: 0, pending: 0 };
for (const step of steps) {
  if (!wanted(step.name)) continue;
  if (step.kind === 'mocha' && !(await hasFiles(step.spec))) {
    console.log(`\n### ${step.name}: no test files match ${step.spec}`);
    rows.push({ name: step.name, outcome: 'no tests', seconds: 0 });
    continue;
  }
  console.log(`\n### ${step.name}: ${step.command.join(' ')}`);
  const summaryFile = join(SUMMARIES, `${step.name}.json`);
  const started = Date.now();
  const code = await run(step.command, { TEST_SUMMARY_FILE: summaryFile }, step.timeoutMs ?? 20 * 60_000);
  const seconds = Math.round((Date.now() - started) / 1000);
  if (step.kind === 'check') {
    if (code !== 0) totals.failed++;
    rows.push({ name: step.name, outcome: code === 0 ? 'ok' : `FAILED (exit ${code})`, seconds });
    continue;
  }
  const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : undefined;
  if (!summary) {
    // The suite died before its reporter wrote the counts (a crash, a timeout, a syntax error).
    totals.failed++;
    rows.push({ name: step.name, outcome: `FAILED (exit ${code}, no results)`, seconds });
    continue;
  }
  // A run whose tests all passed but whose process failed (a hook outside a test) still fails.
  const failed = summary.failed + (code !== 0 && summary.failed === 0 ? 1 : 0);
  totals.passed += summary.passed;
  totals.failed += failed;
  totals.pending += summary.pending ?? 0;
  rows.push({ name: step.name, outcome: `${summary.passed} passed, ${failed} failed${summary.pending ? `, ${summary.pending} pending` : ''}`, seconds, failures: summary.failures });
}

console.log('\n### summary');
for (const row of rows) {
  console.log(`  ${row.name.padEnd(10)} ${row.outcome.padEnd(40)} ${row.seconds} s`);
  for (const failure of row.failures ?? []) console.log(`      ✘ ${failure.title}`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.pending ? `, ${totals.pending} skipped` : ''}`);
process.exitCode = totals.failed > 0 ? 1 : 0;

function run(command, env, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env }, detached: true });
    // The child leads its own process group: a timeout or Ctrl+C here stops all it started.
    const stop = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    let killer;
    const timer = setTimeout(() => {
      console.error(`${command.join(' ')}: no end after ${timeoutMs / 60_000} min, stopping it`);
      stop('SIGTERM');
      killer = setTimeout(() => stop('SIGKILL'), 15_000);
    }, timeoutMs);
    const onSignal = (signal) => {
      stop(signal);
      process.exit(130);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function hasFiles(spec) {
  const { glob } = await import('tinyglobby');
  return (await glob(spec, { cwd: ROOT })).length > 0;
}
