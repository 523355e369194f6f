import { Injectable } from '@nestjs/common';
import { auditRow, Organisation, Region, Submission, UnitAssignments, unitAssignmentColumns } from '@peduli/db';
import { OrganisationKind, Programme, reviewStagesFor, ReviewStage, SubmissionStatus } from '@peduli/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { DocumentView } from './evidence.dto';
import type { SubmissionView } from './submissions.dto';

/** The organisation kinds whose review starts at `stage`, and whether a regency/city's own report (no organisation) does. */
function firstStageKinds(stage: ReviewStage): { kinds: OrganisationKind[]; regionReport: boolean } {
  return {
    kinds: Object.values(OrganisationKind).filter((kind) => reviewStagesFor(kind)[0] === stage),
    regionReport: reviewStagesFor(null)[0] === stage,
  };
}

/**
 * A submission's documents and scores as its view shows them, shaped by PostgreSQL in one go; `$1` is the submission
 * id. Every submission endpoint answers with this view, so it is part of the statement that makes the change.
 */
const VIEW_PARTS = `
         (SELECT coalesce(json_agg(json_build_object(
                   'id', d.id, 'documentType', d.document_type, 'originalName', d.original_name, 'title', d.title,
                   'legalNumber', d.legal_number, 'legalDate', d.legal_date, 'periodCovered', d.period_covered,
                   'indicatorCodes', d.indicator_codes, 'sizeBytes', d.size_bytes, 'sha256', d.sha256, 'status', d.status,
                   'sniffedMime', d.sniffed_mime, 'checkReasons', d.check_reasons, 'checkFlags', d.check_flags)
                   ORDER BY d.created_at, d.id), '[]')
            FROM evidence_document d WHERE d.submission_id = $1) AS documents,
         (SELECT coalesce(json_agg(json_build_object(
                   'id', s.id, 'frameworkVersion', s.framework_version, 'basis', s.basis, 'total', s.total, 'band', s.band,
                   'createdAt', to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                   ORDER BY s.created_at, s.id), '[]')
            FROM score_snapshot s WHERE s.submission_id = $1) AS scores`;

export interface ViewParts {
  documents: DocumentView[];
  scores: SubmissionView['scores'];
}

export type SubmissionForChange = Submission & {
  organisationKind: OrganisationKind | null;
  cycleVersionId: string | null;
  /** Read only when asked for (`withAssignments`); false and empty otherwise. */
  reporterAssigns: UnitAssignments['reporterAssigns'];
  itemCodes: UnitAssignments['itemCodes'];
};

/**
 * A reporter whose current report of a period is unique: a regency/city by its code (KKP HAM counts only the report
 * filed as the regency/city itself), or a province's Biro Hukum or a ministry by its organisation.
 */
export interface CurrentReportKey {
  programme: Programme;
  regionCode: string | null;
  organisationId: string | null;
}

/** The unique indexes that keep one current report per reporter and period. */
export const CURRENT_REPORT_INDEXES = ['submission_kkp_region_current_uq', 'submission_ranham_reporter_current_uq'];

/** Which reporter's one current report a new submission would be, or null when it is a unit's input. */
export function currentReportKey(
  programme: Programme,
  place: { regionCode: string | null; organisationId: string | null; ownReport: boolean },
): CurrentReportKey | null {
  if (programme === Programme.KKP_HAM) return place.organisationId ? null : { programme, regionCode: place.regionCode, organisationId: null };
  if (!place.ownReport) return null;
  return place.regionCode ? { programme, regionCode: place.regionCode, organisationId: null } : { programme, regionCode: null, organisationId: place.organisationId };
}

export interface SubmissionListFilters {
  programme?: Programme;
  periodKey?: string;
  status?: SubmissionStatus;
  reviewStage?: ReviewStage;
  organisationId?: string;
  regionCode?: string;
  provinceCode?: string;
}

/** Where a listing page starts: after the (created_at, id) of the previous page's last row. */
export interface SubmissionListPosition {
  createdAt: string;
  id: string;
}

export interface SubmissionListRow {
  id: string;
  provinceCode: string | null;
  regionCode: string | null;
  organisationId: string | null;
  organisationKind: OrganisationKind | null;
  programme: Programme;
  periodKey: string;
  status: SubmissionStatus;
  reviewStage: string | null;
  submittedAt: Date | null;
  submitCount: number;
  late: boolean;
  supersededBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** created_at to the microsecond, as text: a Date would round it and make the keyset skip or repeat rows. */
  position: string;
}

/** Every statement on the submission table that the submissions service needs; decisions stay in the service. */
@Injectable()
export class SubmissionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findRegion(code: string): Promise<Region | null> {
    return this.dataSource.getRepository(Region).findOne({ where: { code } });
  }

  findActiveOrganisation(id: string): Promise<Organisation | null> {
    return this.dataSource.getRepository(Organisation).findOne({ where: { id, active: true } });
  }

  /** Names of organisations, for messages that list them; unknown ids are left out. */
  async organisationNames(ids: string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(`SELECT id, name FROM organisation WHERE id = ANY($1::uuid[]) ORDER BY name, id`, [ids]);
  }

  async organisationKindOf(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<OrganisationKind | null> {
    const organisation = await manager.getRepository(Organisation).findOne({ where: { id: organisationId }, select: { id: true, kind: true } });
    return organisation?.kind ?? null;
  }

  findById(id: string): Promise<Submission | null> {
    return this.dataSource.getRepository(Submission).findOne({ where: { id } });
  }

  findByIdOrFail(id: string): Promise<Submission> {
    return this.dataSource.getRepository(Submission).findOneOrFail({ where: { id } });
  }

  /** The reporter's current report of the period, as its unique index (KKP HAM or RANHAM) keys it. */
  async currentReport(reporter: CurrentReportKey, periodKey: string): Promise<{ id: string; status: string } | undefined> {
    const [existing]: { id: string; status: string }[] =
      reporter.programme === Programme.KKP_HAM
        ? await this.dataSource.query(
            `SELECT id, status FROM submission
              WHERE region_code = $1 AND programme = $2 AND period_key = $3 AND organisation_id IS NULL AND superseded_by IS NULL`,
            [reporter.regionCode, Programme.KKP_HAM, periodKey],
          )
        : await this.dataSource.query(
            `SELECT id, status FROM submission
              WHERE coalesce(region_code, organisation_id::text) = $1 AND programme = $2 AND period_key = $3 AND own_report
                AND superseded_by IS NULL`,
            [reporter.regionCode ?? reporter.organisationId, reporter.programme, periodKey],
          );
    return existing;
  }

  async insertDraft(manager: EntityManager, row: Partial<Submission>): Promise<Submission> {
    return manager.getRepository(Submission).save({ ...row, status: SubmissionStatus.DRAFT });
  }

  /**
   * The submission with its unit's kind and the framework version its cycle pins (null when there is no cycle yet),
   * in one query; `withAssignments` adds what the unit's reporter assigns it in that cycle (an answer update checks
   * it, and reading it here saves that update a round trip).
   */
  async findForChange(id: string, withAssignments = false): Promise<SubmissionForChange | undefined> {
    // Raw SQL: on the hot path, building and hydrating this through the query builder cost more than the query.
    const [row]: SubmissionForChange[] = await this.dataSource.query(
      `SELECT s.id, s.province_code AS "provinceCode", s.region_code AS "regionCode", s.organisation_id AS "organisationId",
              o.parent_id AS "parentOrganisationId", s.own_report AS "ownReport", s.programme, s.period_key AS "periodKey",
              s.status, s.answers, s.review_stage AS "reviewStage", s.verified_answers AS "verifiedAnswers", s.rejections,
              s.adjustments, s.current_snapshot_id AS "currentSnapshotId", s.contact_email AS "contactEmail",
              s.submitted_at AS "submittedAt", s.check_problems AS "checkProblems", s.late, s.submit_count AS "submitCount",
              s.version, s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.superseded_by AS "supersededBy",
              o.kind AS "organisationKind", c.framework_version_id AS "cycleVersionId",
              ${withAssignments ? unitAssignmentColumns('o', 'c') : `false AS "reporterAssigns", '{}'::varchar[] AS "itemCodes"`}
         FROM submission s
         LEFT JOIN organisation o ON o.id = s.organisation_id
         LEFT JOIN reporting_cycle c ON c.programme = s.programme AND c.year = split_part(s.period_key, '-', 1)::int
        WHERE s.id = $1`,
      [id],
    );
    return row;
  }

  /**
   * The busiest write of a reporting period, in one statement: changes the answers if the status is still the one
   * read, audits the change and returns what the view needs. Undefined when the status moved meanwhile.
   */
  async updateAnswers(
    id: string,
    change: { answers: unknown; contactEmail: string | null; expectedStatus: SubmissionStatus; expectedVersion: number | null },
    audit: ReturnType<typeof auditRow>,
  ): Promise<({ version: number } & ViewParts) | undefined> {
    const [changed]: ({ version: number } & ViewParts)[] = await this.dataSource.query(
      `WITH changed AS (
         UPDATE submission SET answers = $2, contact_email = $3, updated_at = now(), version = version + 1
          WHERE id = $1 AND status = $4 AND ($5::int IS NULL OR version = $5)
          RETURNING version),
       audited AS (INSERT INTO ${audit.table} (${audit.columns}) SELECT ${audit.values} FROM changed)
       SELECT version, ${VIEW_PARTS} FROM changed`,
      [id, JSON.stringify(change.answers), change.contactEmail, change.expectedStatus, change.expectedVersion, ...audit.params],
    );
    return changed;
  }

  async stateOf(id: string): Promise<{ status: SubmissionStatus; version: number }> {
    const [current]: { status: SubmissionStatus; version: number }[] = await this.dataSource.query(`SELECT status, version FROM submission WHERE id = $1`, [id]);
    return current;
  }

  /** Moves the submission to SUBMITTED if it is in one of the allowed statuses; undefined when it was not. */
  async markSubmitted(
    manager: EntityManager,
    id: string,
    allowed: SubmissionStatus[],
    late: boolean,
  ): Promise<{ submit_count: number; submitted_at: Date; version: number } | undefined> {
    const [rows]: [{ submit_count: number; submitted_at: Date; version: number }[], number] = await manager.query(
      `UPDATE submission
          SET status = $2, submitted_at = now(), submit_count = submit_count + 1, updated_at = now(), version = version + 1,
              review_stage = NULL, verified_answers = '{}', rejections = '{}', late = $4
        WHERE id = $1 AND status = ANY($3::varchar[])
        RETURNING submit_count, submitted_at, version`,
      [id, SubmissionStatus.SUBMITTED, allowed, late],
    );
    return rows[0];
  }

  /** The reporter's current report of a period, locked, or a new DRAFT when it has none yet. */
  async lockOrCreateReport(
    manager: EntityManager,
    reporter: CurrentReportKey & { provinceCode: string | null },
    periodKey: string,
  ): Promise<Submission> {
    const where = { programme: reporter.programme, periodKey, supersededBy: IsNull() };
    const found = await manager.getRepository(Submission).findOne({
      where: reporter.regionCode
        ? reporter.programme === Programme.KKP_HAM
          ? { ...where, regionCode: reporter.regionCode, organisationId: IsNull() }
          : { ...where, regionCode: reporter.regionCode, ownReport: true }
        : { ...where, organisationId: reporter.organisationId!, ownReport: true },
      order: { createdAt: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
    return (
      found ??
      manager.getRepository(Submission).save({
        programme: reporter.programme,
        periodKey,
        regionCode: reporter.regionCode,
        provinceCode: reporter.provinceCode,
        organisationId: reporter.organisationId,
        ownReport: true,
        answers: {},
        status: SubmissionStatus.DRAFT,
      })
    );
  }

  /**
   * The units' inputs of the reporter and period that their coordinator approved (VERIFIED), by unit: a regency/city's
   * organisations, or the units (directorates, a province's OPD) whose parent is the reporting organisation.
   */
  verifiedUnitInputs(manager: EntityManager, reporter: CurrentReportKey, periodKey: string): Promise<Submission[]> {
    const builder = manager
      .getRepository(Submission)
      .createQueryBuilder('s')
      .innerJoin(Organisation, 'o', 'o.id = s.organisation_id')
      .where('s.programme = :programme AND s.period_key = :periodKey AND NOT s.own_report AND s.status = :verified AND s.superseded_by IS NULL', {
        programme: reporter.programme,
        periodKey,
        verified: SubmissionStatus.VERIFIED,
      })
      .orderBy('s.organisation_id', 'ASC')
      .addOrderBy('s.created_at', 'ASC');
    if (reporter.regionCode) builder.andWhere('s.region_code = :regionCode', { regionCode: reporter.regionCode });
    else builder.andWhere('o.parent_id = :reporterId', { reporterId: reporter.organisationId });
    return builder.getMany();
  }

  async replaceAnswers(manager: EntityManager, id: string, answers: unknown): Promise<void> {
    await manager.query(`UPDATE submission SET answers = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [id, JSON.stringify(answers)]);
  }

  async viewParts(submissionId: string): Promise<ViewParts> {
    return (await this.dataSource.query(`SELECT ${VIEW_PARTS}`, [submissionId]))[0];
  }

  /**
   * One page of submissions, newest first, read as "the next N rows below the position" along (created_at, id), and
   * one row more than asked to tell whether another page follows.
   */
  async list(
    scope: { sql: string; params: Record<string, unknown> } | null,
    filters: SubmissionListFilters,
    after: SubmissionListPosition | null,
    limit: number,
  ): Promise<SubmissionListRow[]> {
    const builder = this.dataSource
      .createQueryBuilder()
      .select([
        's.id AS "id"',
        's.province_code AS "provinceCode"',
        's.region_code AS "regionCode"',
        's.organisation_id AS "organisationId"',
        'o.kind AS "organisationKind"',
        's.programme AS "programme"',
        's.period_key AS "periodKey"',
        's.status AS "status"',
        's.review_stage AS "reviewStage"',
        's.submitted_at AS "submittedAt"',
        's.submit_count AS "submitCount"',
        's.late AS "late"',
        's.superseded_by AS "supersededBy"',
        's.created_at AS "createdAt"',
        's.updated_at AS "updatedAt"',
        `to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "position"`,
      ])
      .from('submission', 's')
      .leftJoin('organisation', 'o', 'o.id = s.organisation_id')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit);
    if (scope) builder.andWhere(scope.sql, scope.params);
    if (filters.programme) builder.andWhere('s.programme = :programme', { programme: filters.programme });
    if (filters.periodKey) builder.andWhere('s.period_key = :periodKey', { periodKey: filters.periodKey });
    if (filters.status) builder.andWhere('s.status = :status', { status: filters.status });
    if (filters.reviewStage) {
      // A submission at its first stage may have no stage written yet: that stage follows from its organisation's kind.
      const firstAt = firstStageKinds(filters.reviewStage);
      builder.andWhere(
        `s.status = :inReview AND (s.review_stage = :reviewStage OR (s.review_stage IS NULL AND (o.kind = ANY(:firstAtKinds)${firstAt.regionReport ? ' OR o.kind IS NULL' : ''})))`,
        { inReview: SubmissionStatus.IN_REVIEW, reviewStage: filters.reviewStage, firstAtKinds: firstAt.kinds },
      );
    }
    if (filters.organisationId) builder.andWhere('s.organisation_id = :organisationId', { organisationId: filters.organisationId });
    if (filters.regionCode) builder.andWhere('s.region_code = :regionCode', { regionCode: filters.regionCode });
    if (filters.provinceCode) builder.andWhere('s.province_code = :provinceCode', { provinceCode: filters.provinceCode });
    if (after) builder.andWhere('(s.created_at, s.id) < (CAST(:afterCreatedAt AS timestamptz), CAST(:afterId AS uuid))', { afterCreatedAt: after.createdAt, afterId: after.id });
    return builder.getRawMany<SubmissionListRow>();
  }
}
