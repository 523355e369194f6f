import type { EntityManager } from 'typeorm';
import { ActorType, AuditEntry } from './entities/audit-entry.entity';

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
  await manager.query(
    `INSERT INTO ${manager.getRepository(AuditEntry).metadata.tableName}
       (actor_type, actor_id, action, entity_type, entity_id, before, after, reason, request_id, province_code, region_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
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
    ],
  );
}
