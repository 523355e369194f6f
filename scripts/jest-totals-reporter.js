// Writes each Jest run's totals to .peduli/test-results/, so .ci/run can print one "N passed, N failed" line for the
// whole monorepo (Turborepo runs one Jest per workspace).
const { mkdirSync, writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');

class TotalsReporter {
  onRunComplete(_contexts, results) {
    const dir = join(__dirname, '..', '.peduli', 'test-results');
    mkdirSync(dir, { recursive: true });
    const name = basename(process.cwd());
    writeFileSync(
      join(dir, `${name}-${process.pid}.json`),
      JSON.stringify({
        workspace: process.cwd(),
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
        suites: results.numTotalTestSuites,
        failedSuites: results.numFailedTestSuites,
      }),
    );
  }
}

module.exports = TotalsReporter;
