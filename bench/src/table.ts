import { round, ScenarioResult } from './results';

const figure = (value: number) => (Math.abs(value) >= 100 ? String(Math.round(value)) : String(round(value, 2)));

/**
 * The run's figures as one table: each value beside the baseline measured in the same run, and their ratio; a
 * scenario's extra rows (indented) under it, and a budget column when some figure has a budget to meet.
 */
export function printTable(results: Record<string, ScenarioResult>): void {
  const lines = Object.entries(results).flatMap(([name, r]) => [
    { ...r, name },
    ...(r.rows ?? []).map((row) => ({ ...row, name: `  ${row.name}` })),
  ]);
  const withBudget = lines.some((line) => line.budget);
  const rows = [
    ['scenario', 'value', 'baseline', 'ratio', 'unit', ...(withBudget ? ['budget'] : [])],
    ...lines.map((r) => [r.name, figure(r.value), figure(r.baseline), round(r.ratio, 3).toString(), r.unit, ...(withBudget ? [r.budget ?? ''] : [])]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const leftAligned = (column: number) => column === 0 || column >= 4;
  const line = (row: string[]) => row.map((cell, column) => (leftAligned(column) ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  console.log(`\n${line(rows[0])}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log('');
}
