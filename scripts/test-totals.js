#!/usr/bin/env node
// Sums the per-workspace Jest totals written by jest-totals-reporter.js and prints one line: "N passed, N failed".
// Exits non-zero when anything failed or when no test ran at all. Lists what failed just above that line, so the tail
// of a CI log says which test to look at, and the ten slowest test files above that, to show where the time went.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = join(__dirname, '..', '.peduli', 'test-results');
const runs = existsSync(dir)
  ? readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
  : [];
const total = (key) => runs.reduce((sum, run) => sum + run[key], 0);
const passed = total('passed');
const failed = total('failed');
const skipped = total('skipped');

const SLOWEST = 10;
const slowest = runs
  .flatMap((run) => run.files ?? [])
  .sort((a, b) => b.ms - a.ms)
  .slice(0, SLOWEST);
if (slowest.length > 0) {
  console.log('Slowest test files:');
  for (const { file, ms } of slowest) console.log(`${(ms / 1000).toFixed(1).padStart(7)} s  ${file}`);
}

for (const failure of runs.flatMap((run) => run.failures ?? [])) {
  console.log(`FAILED ${failure.file} › ${failure.test}`);
  if (failure.message) console.log(failure.message.replace(/^/gm, '    '));
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 || runs.some((run) => run.failedSuites > 0) ? 1 : 0);
