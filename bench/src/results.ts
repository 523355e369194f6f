import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One scenario's figures: the measured value, the baseline measured in the same run, and their ratio. */
export interface ScenarioResult {
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  [detail: string]: unknown;
}

export const RESULTS_FILE = join(__dirname, '..', '..', 'bench-results.json');

/** Merges the scenarios just run into bench-results.json, keeping the entries of scenarios not run this time. */
export function writeResults(results: Record<string, ScenarioResult>): void {
  const previous = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, ScenarioResult>) : {};
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits));
