import { OutboxEvent } from '@peduli/db';
import type { EntityManager } from 'typeorm';
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
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO ${manager.getRepository(OutboxEvent).metadata.tableName} (event, payload) VALUES ($1, $2) RETURNING id`,
    [event, JSON.stringify(payload)],
  );
  return rows[0].id;
}
