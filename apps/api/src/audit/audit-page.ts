import { AuditEntry } from '@peduli/db';
import { DataSource } from 'typeorm';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  regionCode?: string;
  from?: string;
  to?: string;
}

/** Where to start: after a cursor (keyset), or a page number for older clients (offset, still without a count). */
export type AuditPosition = { cursor: string } | { offset: number };

export interface AuditPage {
  items: AuditEntry[];
  pageSize: number;
  /** Pass as `cursor` for the next (older) entries; null on the last page. */
  nextCursor: string | null;
  /** The page number asked for, when paging by number; null when paging by cursor. */
  page: number | null;
}

/**
 * One page of the audit trail, newest first. The trail only grows, so neither a COUNT(*) over it nor a deep OFFSET is
 * affordable: the page is read as "the next N ids below the cursor" along the primary key, and one row more than
 * asked tells whether another page follows.
 */
export async function readAuditPage(
  dataSource: DataSource,
  scope: { sql: string; params: Record<string, unknown> } | null,
  filters: AuditFilters,
  position: AuditPosition,
  pageSize: number,
): Promise<Omit<AuditPage, 'page'>> {
  const builder = dataSource
    .getRepository(AuditEntry)
    .createQueryBuilder('a')
    .orderBy('a.id', 'DESC')
    .limit(pageSize + 1);
  if (scope) builder.andWhere(scope.sql, scope.params);
  if (filters.entityType) builder.andWhere('a.entity_type = :entityType', { entityType: filters.entityType });
  if (filters.entityId) builder.andWhere('a.entity_id = :entityId', { entityId: filters.entityId });
  if (filters.action) builder.andWhere('a.action = :action', { action: filters.action });
  if (filters.actorId) builder.andWhere('a.actor_id = :actorId', { actorId: filters.actorId });
  if (filters.regionCode) builder.andWhere('a.region_code = :regionCode', { regionCode: filters.regionCode });
  if (filters.from) builder.andWhere('a.occurred_at >= :from', { from: filters.from });
  if (filters.to) builder.andWhere('a.occurred_at <= :to', { to: filters.to });
  if ('cursor' in position) builder.andWhere('a.id < :cursor', { cursor: position.cursor });
  else if (position.offset > 0) builder.offset(position.offset);
  const rows = await builder.getMany();
  const items = rows.slice(0, pageSize);
  return { items, pageSize, nextCursor: rows.length > pageSize ? items[items.length - 1].id : null };
}
