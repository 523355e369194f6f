import { round, ScenarioResult, writeResults, RESULTS_FILE } from './results';
import { startTestServices } from '@peduli/devservices';
import { recalculationScenario } from './scenarios/recalculation';
import { remindersScenario } from './scenarios/reminders';
import { exportsScenario } from './scenarios/exports';
import { documentsScenario } from './scenarios/documents';
import { ingestScenario } from './scenarios/ingest';
import { memoryScenario, pipelineScenario } from './scenarios/pipeline';
import { webScenario } from './scenarios/web';
import { reportsScenario } from './scenarios/reports';
import { printTable } from './table';

type Scenario = () => Promise<ScenarioResult>;

const SCENARIOS: Record<string, Scenario> = {
  recalculation: recalculationScenario,
  reminders: remindersScenario,
  exports: exportsScenario,
  ingest: ingestScenario,
  pipeline: pipelineScenario,
  documents: documentsScenario,
  memory: memoryScenario,
  web: webScenario,
  reports: reportsScenario,
};

/** `npm run bench [scenario ...]`: runs the named scenarios (all by default) and writes bench-results.json. */
async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(name in SCENARIOS));
  if (unknown.length > 0) {
    console.error(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${Object.keys(SCENARIOS).join(', ')}`);
    process.exit(64);
  }
  const names = requested.length > 0 ? requested : Object.keys(SCENARIOS);
  // DATABASE_URL/REDIS_URL when set, otherwise an embedded PostgreSQL and a private redis-server for this run.
  const stop = await startTestServices('peduli_bench_admin');
  const results: Record<string, ScenarioResult> = {};
  try {
    for (const name of names) {
      console.log(`▶ ${name}`);
      results[name] = await SCENARIOS[name]();
      const { value, unit, baseline, ratio } = results[name];
      console.log(`  ${name}: ${round(value)} ${unit} (baseline ${round(baseline)} ${unit}, ratio ${round(ratio, 2)})`);
    }
  } finally {
    await stop();
  }
  // Written before the table is printed, so that a run of many minutes is never lost to a printing fault.
  const written = writeResults(results);
  printTable(results);
  const skipped = names.filter((name) => !written.includes(name));
  console.log(`Results written to ${RESULTS_FILE}${skipped.length ? ` (not ${skipped.join(', ')}: run in part)` : ''}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
