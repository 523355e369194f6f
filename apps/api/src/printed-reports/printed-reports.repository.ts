import { Injectable } from '@nestjs/common';
import { PrintedReport } from '@peduli/db';
import { JobName } from '@peduli/queue';
import { DataSource, EntityManager } from 'typeorm';

type Scope = { sql: string; params: Record<string, unknown> } | null;

/**
 * The current parent of the organisation a printed report (`p`) is about: a directorate's ministry, a province-level
 * OPD's Biro Hukum, whose coordinator reads the unit's documents as it reads its submissions.
 */
export const REPORT_ORGANISATION_PARENT = '(SELECT o.parent_id FROM organisation o WHERE o.id = p.organisation_id)';

/** A submission as a printed report's subject: where it sits, its current score and who it is about. */
export interface SubmissionSubjectRow {
  id: string;
  programme: string;
  period_key: string;
  province_code: string | null;
  region_code: string | null;
  organisation_id: string | null;
  parent_organisation_id: string | null;
  current_snapshot_id: string | null;
  subject_name: string;
  decree_number: string | null;
  decree_date: string | null;
}

export interface PrintedReportFilters {
  cycleId?: string;
  regionCode?: string;
  organisationId?: string;
  kind?: string;
}

export type NewPrintedReport = Pick<
  PrintedReport,
  'kind' | 'subjectKey' | 'sourceKey' | 'submissionId' | 'cycleId' | 'provinceCode' | 'regionCode' | 'organisationId' | 'fileName' | 'requestedBy'
>;

/** Every query of printed reports and of the subjects they are asked for. */
@Injectable()
export class PrintedReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One printed report, with its organisation's current parent (REPORT_ORGANISATION_PARENT). */
  async find(id: string): Promise<{ report: PrintedReport; parentOrganisationId: string | null } | null> {
    const { entities, raw } = await this.dataSource
      .getRepository(PrintedReport)
      .createQueryBuilder('p')
      .addSelect(REPORT_ORGANISATION_PARENT, 'parent_organisation_id')
      .where('p.id = :id', { id })
      .getRawAndEntities<{ parent_organisation_id: string | null }>();
    return entities[0] ? { report: entities[0], parentOrganisationId: raw[0].parent_organisation_id } : null;
  }

  async submissionSubject(id: string): Promise<SubmissionSubjectRow | null> {
    const rows: SubmissionSubjectRow[] = await this.dataSource.query(
      `SELECT s.id, s.programme, s.period_key, s.province_code, s.region_code, s.organisation_id, o.parent_id AS parent_organisation_id,
              s.current_snapshot_id, COALESCE(CASE WHEN s.own_report OR s.organisation_id IS NULL THEN r.name END, o.name, r.name) AS subject_name,
              c.decree_number, to_char(c.decree_date, 'YYYY-MM-DD') AS decree_date
         FROM submission s
         LEFT JOIN organisation o ON o.id = s.organisation_id
         LEFT JOIN region r ON r.code = s.region_code
         LEFT JOIN reporting_cycle c ON c.programme = s.programme AND c.year = split_part(s.period_key, '-', 1)::int
        WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async cycle(id: string): Promise<{ id: string; programme: string; year: number } | null> {
    const rows: { id: string; programme: string; year: number }[] = await this.dataSource.query(`SELECT id, programme, year FROM reporting_cycle WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async region(code: string): Promise<{ code: string; name: string; province_code: string } | null> {
    const rows: { code: string; name: string; province_code: string }[] = await this.dataSource.query(`SELECT code, name, province_code FROM region WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  async organisation(id: string): Promise<{ id: string; kind: string; name: string; province_code: string | null; region_code: string | null; parent_id: string | null } | null> {
    const rows = await this.dataSource.query(`SELECT id, kind, name, province_code, region_code, parent_id FROM organisation WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * The accepted documents a RANHAM period report lists, as it prints them (name and the measures it backs): a file
   * replaced by another of the same type scores the same, so the snapshot alone does not tell that the list changed.
   */
  async printedDocuments(submissionId: string): Promise<{ name: string; codes: string[] }[]> {
    const rows: { original_name: string; indicator_codes: string[] | null }[] = await this.dataSource.query(
      `SELECT original_name, indicator_codes FROM evidence_document WHERE submission_id = $1 AND status = 'ACCEPTED' ORDER BY original_name, id`,
      [submissionId],
    );
    return rows.map((row) => ({ name: row.original_name, codes: [...(row.indicator_codes ?? [])].sort() }));
  }

  /** The current snapshots of a reporter's own RANHAM reports of a year, as the yearly score reads them. */
  async yearSnapshotIds(year: number, subject: { regionCode?: string; organisationId?: string }): Promise<string[]> {
    const rows: { snapshot_id: string }[] = await this.dataSource.query(
      `SELECT s.current_snapshot_id AS snapshot_id FROM submission s
        WHERE s.programme = 'RANHAM' AND s.period_key LIKE $1 AND s.own_report AND s.superseded_by IS NULL AND s.current_snapshot_id IS NOT NULL
          AND ${subject.organisationId ? 's.organisation_id = $2' : 's.region_code = $2'}
        ORDER BY s.current_snapshot_id`,
      [`${year}-%`, subject.organisationId ?? subject.regionCode],
    );
    return rows.map((row) => row.snapshot_id);
  }

  /** Inserts the request unless one of the same subject and source exists; returns the new row's id or null. */
  async insertIfAbsent(manager: EntityManager, report: NewPrintedReport): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO printed_report (kind, subject_key, source_key, submission_id, cycle_id, province_code, region_code, organisation_id, file_name, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT ON CONSTRAINT printed_report_source_uq DO NOTHING RETURNING id`,
      [
        report.kind,
        report.subjectKey,
        report.sourceKey,
        report.submissionId,
        report.cycleId,
        report.provinceCode,
        report.regionCode,
        report.organisationId,
        report.fileName,
        report.requestedBy,
      ],
    );
    return rows[0]?.id ?? null;
  }

  findBySource(manager: EntityManager, subjectKey: string, sourceKey: string): Promise<PrintedReport | null> {
    return manager.getRepository(PrintedReport).findOne({ where: { subjectKey, sourceKey }, lock: { mode: 'pessimistic_write' } });
  }

  /** A FAILED request asked again: back to PENDING, to be made again. */
  async retry(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE printed_report SET status = 'PENDING', error = NULL WHERE id = $1 AND status = 'FAILED'`, [id]);
  }

  /**
   * Whether a PENDING request has most likely lost its job: it was last queued (asked for, retried or queued again)
   * longer than `seconds` ago, and no queuing of it waits in the outbox, which the relay would still deliver.
   */
  async lostPending(manager: EntityManager, id: string, seconds: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM printed_report p
        WHERE p.id = $1 AND p.status = 'PENDING' AND p.created_at < now() - make_interval(secs => $2)
          AND NOT EXISTS (SELECT 1 FROM outbox_event o
                           WHERE o.event = $3 AND o.payload->>'reportId' = p.id::text
                             AND (o.published_at IS NULL OR o.created_at >= now() - make_interval(secs => $2)))`,
      [id, seconds, JobName.ReportRequested],
    );
    return rows.length > 0;
  }

  async page(scope: Scope, filters: PrintedReportFilters, offset: number, limit: number): Promise<{ rows: PrintedReport[]; total: number }> {
    const builder = this.dataSource.getRepository(PrintedReport).createQueryBuilder('p');
    if (scope) builder.andWhere(scope.sql, scope.params);
    if (filters.cycleId) {
      // A cycle's documents: those made under it (summaries, certificates) and the reports of its year's submissions.
      builder.andWhere(
        `(p.cycle_id = :cycleId OR EXISTS (SELECT 1 FROM submission s JOIN reporting_cycle c ON c.programme = s.programme AND c.year = split_part(s.period_key, '-', 1)::int
            WHERE s.id = p.submission_id AND c.id = :cycleId))`,
        { cycleId: filters.cycleId },
      );
    }
    if (filters.regionCode) builder.andWhere('p.region_code = :regionCode', { regionCode: filters.regionCode });
    if (filters.organisationId) builder.andWhere('p.organisation_id = :organisationId', { organisationId: filters.organisationId });
    if (filters.kind) builder.andWhere('p.kind = :kind', { kind: filters.kind });
    builder.orderBy('p.created_at', 'DESC').addOrderBy('p.id');
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    return { rows, total };
  }
}
