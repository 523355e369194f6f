import type { EntityManager } from 'typeorm';
import { ActorType } from './entities/audit-entry.entity';

export interface Actor {
  type: ActorType;
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: ActorType.SYSTEM, id: null };

export interface AuditRecord {
  actor: Actor;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
  requestId?: string | null;
  /** Where the change happened, so a Kanwil can read its province's trail. */
  provinceCode?: string | null;
  regionCode?: string | null;
}

/** Appends one audit row in the caller's transaction: the change and its record commit or vanish together. */
export async function recordAudit(manager: EntityManager, record: AuditRecord): Promise<void> {
  const { table, columns, values, params } = auditRow(record, 1);
  await manager.query(`INSERT INTO ${table} (${columns}) VALUES (${values})`, params);
}

const AUDIT_TABLE = 'audit_entry';

/** One row to insert, as SQL pieces: `INSERT INTO ${table} (${columns}) VALUES (${values})` or `… SELECT ${values} FROM …`. */
export interface InsertPieces {
  table: string;
  columns: string;
  values: string;
  params: unknown[];
}

/**
 * The audit row as SQL pieces with positional parameters from `$first`, for a statement that makes a change and
 * records it at once (`WITH changed AS (UPDATE … RETURNING …) INSERT INTO audit_entry (columns) SELECT values FROM
 * changed`): one round trip, atomic without an explicit transaction, and no row when nothing changed.
 */
export function auditRow(record: AuditRecord, first: number): InsertPieces {
  const params = [
    record.actor.type,
    record.actor.id,
    record.action,
    record.entityType,
    record.entityId ?? null,
    record.before ? JSON.stringify(record.before) : null,
    record.after ? JSON.stringify(record.after) : null,
    record.reason ?? null,
    record.requestId ?? null,
    record.provinceCode ?? (record.regionCode ? record.regionCode.slice(0, 2) : null),
    record.regionCode ?? null,
  ];
  // In INSERT … SELECT the parameters are typed by the SELECT, not by the columns: JSON has to say so.
  const casts = ['', '', '', '', '', '::jsonb', '::jsonb', '', '', '', ''];
  return {
    table: AUDIT_TABLE,
    columns: 'actor_type, actor_id, action, entity_type, entity_id, before, after, reason, request_id, province_code, region_code',
    values: params.map((_, index) => `$${first + index}${casts[index]}`).join(', '),
    params,
  };
}
