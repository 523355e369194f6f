import { round, ScenarioResult } from './results';

const figure = (value: number) => (Math.abs(value) >= 100 ? String(Math.round(value)) : String(round(value, 2)));

/** The run's figures as one table: each value beside the baseline measured in the same run, and their ratio. */
export function printTable(results: Record<string, ScenarioResult>): void {
  const rows = [
    ['scenario', 'value', 'baseline', 'ratio', 'unit'],
    ...Object.entries(results).map(([name, r]) => [name, figure(r.value), figure(r.baseline), round(r.ratio, 3).toString(), r.unit]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(`\n${line(rows[0])}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log('');
}
