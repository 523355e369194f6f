// Writes each Jest run's totals to .peduli/test-results/, so .ci/run can print one "N passed, N failed" line for the
// whole monorepo (Turborepo runs one Jest per workspace). Failed tests are kept with the start of their message, so
// that line is preceded by what failed even when only the tail of a CI log is at hand.
const { mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { basename, join, relative } = require('node:path');

const MESSAGE_CHARS = 600;

// Jest's failure messages carry ANSI colours and a long stack; the first lines say what went wrong.
function firstLines(message) {
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  const untilStack = plain.split('\n').filter((line) => !/^\s+at /.test(line));
  return untilStack.join('\n').trim().slice(0, MESSAGE_CHARS);
}

function failuresOf(results) {
  const failures = [];
  for (const suite of results.testResults) {
    const file = relative(join(__dirname, '..'), suite.testFilePath);
    if (suite.testExecError || (suite.failureMessage && suite.numFailingTests === 0)) {
      failures.push({ file, test: '(the file itself)', message: firstLines(suite.failureMessage ?? String(suite.testExecError.message)) });
    }
    for (const test of suite.testResults) {
      if (test.status === 'failed') {
        failures.push({ file, test: test.fullName, message: firstLines(test.failureMessages.join('\n')) });
      }
    }
  }
  return failures;
}

// Each test file's wall time (ms), so test-totals.js can say where a run's time went.
function durationsOf(results) {
  return results.testResults.map((suite) => ({
    file: relative(join(__dirname, '..'), suite.testFilePath),
    ms: suite.perfStats.end - suite.perfStats.start,
  }));
}

class TotalsReporter {
  // `name` tells apart two Jest runs of one workspace (e2e runs its browser tests as a second run).
  constructor(_globalConfig, options = {}) {
    this.name = options.name;
  }

  onRunComplete(_contexts, results) {
    const dir = join(__dirname, '..', '.peduli', 'test-results');
    mkdirSync(dir, { recursive: true });
    const name = this.name ?? basename(process.cwd());
    // A workspace's latest run is its result: older files of it would be counted again, and Turborepo would cache
    // and restore them with a cached test run (packages/*/turbo.json).
    const ownFile = new RegExp(`^${name.replace(/[^\w]/g, '\\$&')}-\\d+\\.json$`);
    for (const old of readdirSync(dir).filter((file) => ownFile.test(file))) {
      rmSync(join(dir, old), { force: true });
    }
    writeFileSync(
      join(dir, `${name}-${process.pid}.json`),
      JSON.stringify({
        workspace: process.cwd(),
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
        suites: results.numTotalTestSuites,
        failedSuites: results.numFailedTestSuites,
        failures: failuresOf(results),
        files: durationsOf(results),
      }),
    );
  }
}

module.exports = TotalsReporter;
