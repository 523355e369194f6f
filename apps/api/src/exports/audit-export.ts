import { Injectable } from '@nestjs/common';
import { Permission } from '@peduli/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { Principal } from '../auth/principal';
import { positional } from '../common/positional-params';
import { keysetBatches } from './batches';
import { ExportScope } from './export-scope';
import type { Cell, ExportColumn, ExportTable } from './table-writer';

interface AuditRow {
  id: string;
  occurred_at: Date;
  occurred_key: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  province_code: string | null;
  region_code: string | null;
  reason: string | null;
  request_id: string | null;
  before: string | null;
  after: string | null;
}

const COLUMNS: ExportColumn[] = [
  { header: { id: 'ID', en: 'ID' }, width: 10 },
  { header: { id: 'Waktu (UTC)', en: 'Time (UTC)' }, width: 26 },
  { header: { id: 'Jenis Pelaku', en: 'Actor Type' }, width: 12 },
  { header: { id: 'ID Pelaku', en: 'Actor ID' }, width: 38 },
  { header: { id: 'Tindakan', en: 'Action' }, width: 28 },
  { header: { id: 'Jenis Entitas', en: 'Entity Type' }, width: 20 },
  { header: { id: 'ID Entitas', en: 'Entity ID' }, width: 38 },
  { header: { id: 'Kode Provinsi', en: 'Province Code' }, width: 10 },
  { header: { id: 'Kode Wilayah', en: 'Region Code' }, width: 10 },
  { header: { id: 'Alasan', en: 'Reason' }, width: 30 },
  { header: { id: 'ID Permintaan', en: 'Request ID' }, width: 38 },
  { header: { id: 'Sebelum', en: 'Before' }, width: 40 },
  { header: { id: 'Sesudah', en: 'After' }, width: 40 },
];

const toCells = (row: AuditRow): Cell[] => [
  Number.isSafeInteger(Number(row.id)) ? Number(row.id) : row.id,
  row.occurred_at.toISOString(),
  row.actor_type,
  row.actor_id,
  row.action,
  row.entity_type,
  row.entity_id,
  row.province_code,
  row.region_code,
  row.reason,
  row.request_id,
  row.before,
  row.after,
];

/** Fewer rows per batch than elsewhere: an entry's before/after can be large (a framework version's whole content). */
const AUDIT_BATCH_SIZE = 200;

export interface AuditExportQuery {
  from: Date;
  to: Date;
  entityType?: string;
  regionCode?: string;
}

/** The audit trail between two instants, oldest first, scoped as GET /audit is (a Kanwil sees its province's entries). */
@Injectable()
export class AuditExport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly scope: ExportScope,
  ) {}

  async table(query: AuditExportQuery, principal: Principal): Promise<ExportTable> {
    if (query.regionCode) await this.scope.provincesOf(principal, Permission.AUDIT_READ, { regionCode: query.regionCode });
    const params: unknown[] = [query.from, query.to];
    const conditions = ['a.occurred_at >= $1', 'a.occurred_at <= $2'];
    const scope = this.access.listFilter(principal, Permission.AUDIT_READ, { province: 'a.province_code', region: 'a.region_code', organisation: 'NULL' });
    if (scope) {
      const { sql, values } = positional(scope.sql, scope.params, params.length);
      params.push(...values);
      conditions.push(sql);
    }
    if (query.entityType) conditions.push(`a.entity_type = $${params.push(query.entityType)}`);
    if (query.regionCode) conditions.push(`a.region_code = $${params.push(query.regionCode)}`);

    // Oldest first, by time and then id (unique); the key carries the time as PostgreSQL's own text, which keeps the
    // microseconds a JavaScript Date would drop. The plain `occurred_at >=` lets the time index serve each batch.
    const read = (after: [string, string] | null, limit: number): Promise<AuditRow[]> => {
      const keyset = after === null ? '' : ` AND a.occurred_at >= $${params.length + 1}::timestamptz AND (a.occurred_at, a.id) > ($${params.length + 1}::timestamptz, $${params.length + 2}::bigint)`;
      return this.dataSource.query(
        `SELECT a.id, a.occurred_at, a.occurred_at::text AS occurred_key, a.actor_type, a.actor_id, a.action, a.entity_type, a.entity_id,
                a.province_code, a.region_code, a.reason, a.request_id, a.before::text AS before, a.after::text AS after
           FROM audit_entry a
          WHERE ${conditions.join(' AND ')}${keyset}
          ORDER BY a.occurred_at, a.id
          LIMIT ${limit}`,
        after === null ? params : [...params, ...after],
      );
    };
    const day = (instant: Date) => instant.toISOString().slice(0, 10);
    const stem = `${day(query.from)}-${day(query.to)}${query.entityType ? `-${query.entityType.replace(/[^A-Za-z0-9._-]/g, '_')}` : ''}`;
    return {
      fileName: { id: `jejak-audit-${stem}`, en: `audit-trail-${stem}` },
      sheetName: { id: 'Jejak Audit', en: 'Audit Trail' },
      columns: COLUMNS,
      batches: keysetBatches(read, (row): [string, string] => [row.occurred_key, row.id], toCells, AUDIT_BATCH_SIZE),
    };
  }
}
