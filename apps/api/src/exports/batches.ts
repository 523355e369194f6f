import type { Cell } from './table-writer';

/** Rows per query by default: small enough that one batch costs little memory, large enough that round trips stay few. */
export const BATCH_SIZE = 500;

/**
 * Reads a query in keyset-paginated batches: each batch starts after the last row of the one before, by a unique key
 * the query orders by. Unlike OFFSET, a batch costs the same wherever it falls, and unlike a cursor, no connection or
 * transaction is held while a slow client reads. Rows added while an export runs may or may not appear; none repeats.
 */
export async function* keysetBatches<Row, Key>(
  read: (after: Key | null, limit: number) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  toCells: (row: Row) => Cell[],
  size = BATCH_SIZE,
): AsyncGenerator<Cell[][]> {
  let after: Key | null = null;
  for (;;) {
    const rows = await read(after, size);
    if (rows.length === 0) return;
    const last = rows.length < size ? null : keyOf(rows[rows.length - 1]);
    yield rows.map(toCells);
    if (last === null) return;
    after = last;
  }
}

/**
 * Two decimals, as totals are published. Criterion and component scores are kept at full precision in a breakdown;
 * a sheet full of 66.66666666666667 helps nobody. x * 100 is trimmed to 12 significant digits first so that 1.005
 * (stored as 1.00499…) rounds up, as the scoring code rounds totals.
 */
export function twoDecimals(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const scaled = Number((value * 100).toPrecision(12));
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / 100 + 0;
}
