import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum ActorType {
  USER = 'USER',
  API_TOKEN = 'API_TOKEN',
  SYSTEM = 'SYSTEM',
  ANONYMOUS = 'ANONYMOUS',
}

/**
 * The append-only audit trail. A trigger in the database refuses UPDATE, DELETE and TRUNCATE on this table, whoever
 * asks. The scope columns let a Kanwil read the trail of its province only.
 */
@Entity({ name: 'audit_entry' })
@Index('audit_entry_entity_idx', ['entityType', 'entityId'])
@Index('audit_entry_occurred_idx', ['occurredAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: ActorType;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 48 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ name: 'province_code', type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 5, nullable: true })
  regionCode: string | null;
}
