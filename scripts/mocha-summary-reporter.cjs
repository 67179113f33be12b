// A mocha reporter for scripts/test-all.mjs: prints like `spec` (every test by name, so a CI log
// says what ran) and, at the end, writes the counts and the failed titles as JSON to
// $TEST_SUMMARY_FILE.
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
      const file = process.env.TEST_SUMMARY_FILE;
      if (!file) return;
      const { passes, failures, pending } = runner.stats ?? this.stats;
      writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, pending, failures: failed }, null, 2));
    });
  }
}

module.exports = SummaryReporter;
