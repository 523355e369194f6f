import { Injectable } from '@nestjs/common';
import { FrameworkVersionRecord, ReportingCycle, ScoreAdjustmentEntry, ScoreSnapshot } from '@peduli/db';
import type { AdjustmentRule, KkpFrameworkContent } from '@peduli/domain';
import { DataSource, SelectQueryBuilder } from 'typeorm';

export interface ScoreFilters {
  regionCode?: string;
  organisationId?: string;
  periodKey?: string;
  provinceCode?: string;
  band?: string;
  /** Only reporters' own reports, not the inputs their units send them. */
  ownReportsOnly?: boolean;
  /** A cycle's programme and year, already looked up. */
  cycle?: { programme: string; year: number };
}

type Scope = { sql: string; params: Record<string, unknown> } | null;

/** Every query of score snapshots the scores endpoints make. */
@Injectable()
export class ScoresRepository {
  constructor(private readonly dataSource: DataSource) {}

  findCycle(id: string): Promise<ReportingCycle | null> {
    return this.dataSource.getRepository(ReportingCycle).findOne({ where: { id } });
  }

  /** The snapshot and whether it is its submission's current score; null when there is no such snapshot. */
  async findWithCurrent(id: string): Promise<{ snapshot: ScoreSnapshot; current: boolean } | null> {
    const rows: { current_snapshot_id: string | null }[] = await this.dataSource.query(
      `SELECT s.current_snapshot_id FROM score_snapshot sn JOIN submission s ON s.id = sn.submission_id WHERE sn.id = $1`,
      [id],
    );
    const snapshot = rows.length ? await this.dataSource.getRepository(ScoreSnapshot).findOne({ where: { id } }) : null;
    return snapshot ? { snapshot, current: rows[0].current_snapshot_id === id } : null;
  }

  /** Of these snapshots, those whose cycle's decree is issued: their results are final. */
  async decreedSnapshotIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT sn.id FROM score_snapshot sn
         JOIN submission s ON s.id = sn.submission_id
         JOIN reporting_cycle c ON c.programme = s.programme AND c.year = split_part(sn.period_key, '-', 1)::int
        WHERE sn.id = ANY($1) AND c.decree_number IS NOT NULL`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The adjustment rules of the version a snapshot was computed under (none for RANHAM). */
  async adjustmentRules(frameworkVersionId: string | null): Promise<AdjustmentRule[]> {
    if (!frameworkVersionId) return [];
    const record = await this.dataSource.getRepository(FrameworkVersionRecord).findOne({ where: { id: frameworkVersionId } });
    const rules = (record?.content as Partial<KkpFrameworkContent> | undefined)?.rules;
    return [...(rules?.adjustments ?? [])];
  }

  /** Per adjustment code, the last change recorded up to a moment: what a snapshot taken then counted, and why. */
  async adjustmentEntriesAt(submissionId: string, at: Date): Promise<Map<string, ScoreAdjustmentEntry>> {
    const rows = await this.dataSource
      .getRepository(ScoreAdjustmentEntry)
      .createQueryBuilder('a')
      .distinctOn(['a.code'])
      .where('a.submission_id = :submissionId AND a.created_at <= :at', { submissionId, at })
      .orderBy('a.code')
      .addOrderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.code, row]));
  }

  /** The current snapshot of each submission, latest period first. */
  async currentPage(scope: Scope, filters: ScoreFilters, offset: number, limit: number): Promise<{ rows: ScoreSnapshot[]; total: number }> {
    const builder = this.filtered(scope, filters);
    builder.andWhere('s.current_snapshot_id = sn.id').orderBy('sn.period_key', 'DESC').addOrderBy('sn.region_code').addOrderBy('sn.id');
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    return { rows, total };
  }

  /** Every snapshot, oldest first, each with whether it is current. */
  async historyPage(
    scope: Scope,
    filters: ScoreFilters,
    offset: number,
    limit: number,
  ): Promise<{ rows: { snapshot: ScoreSnapshot; current: boolean }[]; total: number }> {
    const builder = this.filtered(scope, filters);
    builder.addSelect('s.current_snapshot_id = sn.id', 'is_current').orderBy('sn.created_at', 'ASC').addOrderBy('sn.id');
    const total = await builder.getCount();
    const { entities, raw } = await builder.offset(offset).limit(limit).getRawAndEntities();
    const currentById = new Map(raw.map((row: { sn_id: string; is_current: boolean }) => [row.sn_id, row.is_current]));
    return { rows: entities.map((snapshot) => ({ snapshot, current: currentById.get(snapshot.id) === true })), total };
  }

  private filtered(scope: Scope, filters: ScoreFilters): SelectQueryBuilder<ScoreSnapshot> {
    const builder = this.dataSource.getRepository(ScoreSnapshot).createQueryBuilder('sn').innerJoin('submission', 's', 's.id = sn.submission_id');
    if (scope) builder.andWhere(scope.sql, scope.params);
    if (filters.regionCode) builder.andWhere('sn.region_code = :region', { region: filters.regionCode });
    if (filters.organisationId) builder.andWhere('sn.organisation_id = :organisation', { organisation: filters.organisationId });
    if (filters.periodKey) builder.andWhere('sn.period_key = :periodKey', { periodKey: filters.periodKey });
    if (filters.provinceCode) builder.andWhere('sn.province_code = :province', { province: filters.provinceCode });
    if (filters.band) builder.andWhere('sn.band = :band', { band: filters.band });
    if (filters.ownReportsOnly) builder.andWhere('s.own_report');
    if (filters.cycle) {
      builder.andWhere('s.programme = :programme AND sn.period_key LIKE :yearPrefix', { programme: filters.cycle.programme, yearPrefix: `${filters.cycle.year}-%` });
    }
    return builder;
  }
}
