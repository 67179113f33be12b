// A mocha reporter for scripts/test-all.mjs: prints like `spec` (every test by name, so a CI log
// says what ran) and, at the end, writes the counts and the failed titles as JSON to
// $TEST_SUMMARY_FILE.
//
// A run in which no test ran (every test left out by --grep, files that define none) counts as
// one failure, with `noTests: true` in the summary: a suite that proved nothing is no pass.
// (mocha's own exit code says so only with --fail-zero.)
// Usage: mocha --reporter ./scripts/mocha-summary-reporter.cjs ...
'use strict';
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');

const { EVENT_RUN_END, EVENT_TEST_FAIL } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failed = [];
    runner.on(EVENT_TEST_FAIL, (test, error) => failed.push({ title: test.fullTitle(), error: String(error && error.message) }));
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats ?? this.stats;
      const summary = { passed: passes, failed: failures, pending, failures: failed };
      if (passes + failures === 0) {
        const error = `no test ran${pending ? ` (${pending} pending)` : ''}: the files define no test, or --grep matched none`;
        console.error(`\n  ${error}`);
        Object.assign(summary, { failed: 1, failures: [{ title: '(no tests)', error }], noTests: true });
      }
      const file = process.env.TEST_SUMMARY_FILE;
      if (file) writeFileSync(file, JSON.stringify(summary, null, 2));
    });
  }
}

module.exports = SummaryReporter;
