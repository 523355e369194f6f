import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One line of the table: a figure beside its baseline from the same run, and where an aim is set, the budget met or not. */
export interface TableRow {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  /** e.g. "≤ 1 s: pass". */
  budget?: string;
  limit?: number;
}

/**
 * One scenario's figures: the measured value, the baseline measured in the same run, and their ratio; `rows`, when a
 * scenario has more than one figure to hold against a budget, are printed under its own line.
 */
export interface ScenarioResult {
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  budget?: string;
  rows?: TableRow[];
  [detail: string]: unknown;
}

export const RESULTS_FILE = join(__dirname, '..', '..', 'bench-results.json');

/**
 * Merges the scenarios just run into bench-results.json, keeping the entries of scenarios not run this time. A
 * scenario run in part (`partial`, e.g. one part of `web`) is left out, so the file never holds half a scenario.
 */
export function writeResults(results: Record<string, ScenarioResult>): string[] {
  const previous = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, ScenarioResult>) : {};
  const whole = Object.fromEntries(Object.entries(results).filter(([, result]) => result.partial !== true));
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...previous, ...whole }, null, 2)}\n`);
  return Object.keys(whole);
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits));
