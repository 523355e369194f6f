import { Injectable } from '@nestjs/common';
import { cycleSubjectsCondition, cycleSubjectsParams, FrameworkVersionRecord, ReportingCycle } from '@peduli/db';
import { KkpFrameworkContent, Permission, Programme, RanhamFrameworkContent } from '@peduli/domain';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { positional } from '../common/positional-params';
import { keysetBatches, twoDecimals } from './batches';
import { ExportScope, PlaceFilter } from './export-scope';
import type { Cell, ExportColumn, ExportTable } from './table-writer';

interface ScoreRow {
  id: string;
  region_code: string;
  region_name: string;
  organisation_name: string | null;
  period_key: string;
  framework_version: string;
  basis: string;
  total: number;
  band: string;
  /** Only the figures the columns need, picked out of the breakdown by the query (a breakdown can be tens of kB). */
  parts: { criteria: Record<string, unknown> | null; actions: Record<string, unknown> | null; substance: unknown; administration: unknown };
}

/** A column read from a snapshot's breakdown. */
interface BreakdownColumn extends ExportColumn {
  read: (parts: ScoreRow['parts']) => unknown;
}

const FIXED_COLUMNS: ExportColumn[] = [
  { header: { id: 'Kode Wilayah', en: 'Region Code' }, width: 12 },
  { header: { id: 'Nama Wilayah', en: 'Region Name' }, width: 28 },
  { header: { id: 'Organisasi', en: 'Organisation' }, width: 28 },
  { header: { id: 'Periode', en: 'Period' }, width: 14 },
  { header: { id: 'Versi Kerangka', en: 'Framework Version' }, width: 34 },
  { header: { id: 'Dasar Penilaian', en: 'Basis' }, width: 16 },
  { header: { id: 'Total', en: 'Total' }, width: 10 },
  { header: { id: 'Kategori', en: 'Band' }, width: 24 },
];

/**
 * The breakdown columns of a cycle. A KKP HAM breakdown scores each criterion (`criteria[].score`); a RANHAM period
 * breakdown has two components (`substance`, `administration`) and an achievement per action of the year
 * (`actions[].achievement`). Columns are the union over the versions the cycle's current scores were computed with, the
 * cycle's own version first, in each version's order, so a score left from before a version switch still shows.
 */
function breakdownColumns(cycle: ReportingCycle, versions: FrameworkVersionRecord[]): BreakdownColumn[] {
  const ordered = [...versions].sort((a, b) => Number(b.id === cycle.frameworkVersionId) - Number(a.id === cycle.frameworkVersionId) || a.version - b.version);
  const codes: string[] = [];
  for (const version of ordered) {
    const content = version.content;
    const own =
      cycle.programme === Programme.RANHAM
        ? ((content as RanhamFrameworkContent).actions ?? []).filter((action) => action.year === cycle.year).map((action) => action.code)
        : ((content as KkpFrameworkContent).criteria ?? []).map((criterion) => criterion.code);
    for (const code of own) if (!codes.includes(code)) codes.push(code);
  }
  if (cycle.programme === Programme.RANHAM) {
    return [
      { header: { id: 'Substansi', en: 'Substance' }, width: 12, read: (parts) => parts.substance },
      { header: { id: 'Administrasi', en: 'Administration' }, width: 14, read: (parts) => parts.administration },
      ...codes.map((code): BreakdownColumn => ({ header: code, width: 14, read: (parts) => parts.actions?.[code] })),
    ];
  }
  return codes.map((code): BreakdownColumn => ({ header: code, width: 8, read: (parts) => parts.criteria?.[code] }));
}

/**
 * Scores of a cycle: one row per current score of the cycle's subjects in the caller's scope (the submissions a
 * cycle scores, see `cycleSubjectsCondition`), with the breakdown per criterion, or per component and action for RANHAM.
 */
@Injectable()
export class ScoresExport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly scope: ExportScope,
  ) {}

  async table(query: { cycleId: string } & PlaceFilter, principal: Principal): Promise<ExportTable> {
    const cycle = await this.dataSource.getRepository(ReportingCycle).findOne({ where: { id: query.cycleId } });
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: query.cycleId });
    await this.scope.provincesOf(principal, Permission.SUBMISSIONS_READ, query);

    const params = cycleSubjectsParams(cycle);
    const conditions = [cycleSubjectsCondition('s', 1)];
    const scope = this.access.listFilter(principal, Permission.SUBMISSIONS_READ, {
      province: 'left(s.region_code, 2)',
      region: 's.region_code',
      organisation: 's.organisation_id',
    });
    if (scope) {
      const { sql, values } = positional(scope.sql, scope.params, params.length);
      params.push(...values);
      conditions.push(sql);
    }
    if (query.regionCode) conditions.push(`s.region_code = $${params.push(query.regionCode)}`);
    if (query.provinceCode) conditions.push(`left(s.region_code, 2) = $${params.push(query.provinceCode)}`);
    const from = `FROM submission s JOIN score_snapshot sn ON sn.id = s.current_snapshot_id WHERE ${conditions.join(' AND ')}`;

    // One aggregate over the rows to export, so the columns are known before the first row is written.
    const used: { framework_version_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT sn.framework_version_id ${from} AND sn.framework_version_id IS NOT NULL`,
      params,
    );
    const versionIds = [...new Set([cycle.frameworkVersionId, ...used.map((row) => row.framework_version_id)])];
    const versions = await this.dataSource.getRepository(FrameworkVersionRecord).find({ where: { id: In(versionIds) } });
    const breakdown = breakdownColumns(cycle, versions);

    const read = (after: [string, string, string] | null, limit: number): Promise<ScoreRow[]> => {
      const values = after ? [...params, ...after] : params;
      const keyset = after ? ` AND (s.region_code, s.period_key, s.id) > ($${params.length + 1}, $${params.length + 2}, $${params.length + 3}::uuid)` : '';
      return this.dataSource.query(
        `SELECT s.id, s.region_code, r.name AS region_name, o.name AS organisation_name, sn.period_key, sn.framework_version,
                sn.basis, sn.total::float8 AS total, sn.band,
                jsonb_build_object(
                  'criteria', (SELECT jsonb_object_agg(c->>'code', c->'score') FROM jsonb_array_elements(
                                 CASE WHEN jsonb_typeof(sn.breakdown->'criteria') = 'array' THEN sn.breakdown->'criteria' ELSE '[]' END) c),
                  'actions', (SELECT jsonb_object_agg(a->>'code', a->'achievement') FROM jsonb_array_elements(
                                 CASE WHEN jsonb_typeof(sn.breakdown->'actions') = 'array' THEN sn.breakdown->'actions' ELSE '[]' END) a),
                  'substance', sn.breakdown->'substance',
                  'administration', sn.breakdown->'administration') AS parts
           FROM submission s
           JOIN score_snapshot sn ON sn.id = s.current_snapshot_id
           JOIN region r ON r.code = s.region_code
           LEFT JOIN organisation o ON o.id = s.organisation_id
          WHERE ${conditions.join(' AND ')}${keyset}
          ORDER BY s.region_code, s.period_key, s.id
          LIMIT ${limit}`,
        values,
      );
    };
    const toCells = (row: ScoreRow): Cell[] => [
      row.region_code,
      row.region_name,
      row.organisation_name,
      row.period_key,
      row.framework_version,
      row.basis,
      row.total,
      row.band,
      ...breakdown.map((column) => twoDecimals(column.read(row.parts))),
    ];
    const stem = `${cycle.programme.toLowerCase()}-${cycle.year}${query.regionCode ? `-${query.regionCode}` : query.provinceCode ? `-${query.provinceCode}` : ''}`;
    return {
      fileName: { id: `nilai-${stem}`, en: `scores-${stem}` },
      sheetName: { id: 'Nilai', en: 'Scores' },
      columns: [...FIXED_COLUMNS, ...breakdown],
      batches: keysetBatches(read, (row): [string, string, string] => [row.region_code, row.period_key, row.id], toCells),
    };
  }
}
