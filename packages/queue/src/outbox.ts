import type { InsertPieces } from '@peduli/db';
import type { EntityManager } from 'typeorm';

const OUTBOX_TABLE = 'outbox_event';
import { JobName, JobPayloads } from './names';

/**
 * Records an event in the caller's transaction. It reaches its queue only if the transaction commits, and it cannot
 * be lost once it has: the relay keeps trying until Redis takes it.
 */
export async function recordEvent<N extends JobName>(
  manager: EntityManager,
  event: N,
  payload: JobPayloads[N],
): Promise<string> {
  const { table, columns, values, params } = outboxRow(event, payload, 1);
  const rows: { id: string }[] = await manager.query(`INSERT INTO ${table} (${columns}) VALUES (${values}) RETURNING id`, params);
  return rows[0].id;
}

/**
 * The outbox row as SQL pieces with positional parameters from `$first`, for a statement that makes a change and
 * records its event at once (`INSERT INTO table (columns) SELECT values FROM changed`): no row when nothing changed.
 */
export function outboxRow<N extends JobName>(
  event: N,
  payload: JobPayloads[N],
  first: number,
): InsertPieces {
  return { table: OUTBOX_TABLE, columns: 'event, payload', values: `$${first}, $${first + 1}::jsonb`, params: [event, JSON.stringify(payload)] };
}
