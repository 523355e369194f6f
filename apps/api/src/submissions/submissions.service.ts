import { HttpStatus, Injectable } from '@nestjs/common';
import {
  auditRow,
  FrameworkVersionCache,
  frameworkVersionIdForPeriod,
  Organisation,
  recordAudit,
  Region,
  Submission,
} from '@peduli/db';
import {
  Answers,
  EDITABLE_STATUSES,
  formatDeadline,
  isPeriodOfProgramme,
  OrganisationKind,
  Permission,
  KKP_HAM_PERIOD_CODE,
  parsePeriodKey,
  Programme,
  RANHAM_DEFAULT_PERIODS,
  SubmissionStatus,
  ReviewStage,
  reviewStagesFor,
  submittableStatuses,
  validateSubmissionAnswers,
} from '@peduli/domain';
import { JobName, OutboxRelay, recordEvent } from '@peduli/queue';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { submissionScope } from '../auth/scopes';
import type { Principal, RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { DocumentView } from './evidence.dto';
import { CreateSubmissionBody, SubmissionView, UpdateSubmissionBody } from './submissions.dto';


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

interface ViewParts {
  documents: DocumentView[];
  scores: SubmissionView['scores'];
}

@Injectable()
export class SubmissionsService {
  private readonly frameworkVersions = new FrameworkVersionCache();

  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly access: AccessService,
    private readonly deadlines: DeadlinesService,
  ) {}


  async create(body: CreateSubmissionBody, principal: Principal, context: RequestActor): Promise<SubmissionView> {
    const period = parsePeriodKey(body.periodKey);
    if (!period || !isPeriodOfProgramme(body.programme, period)) {
      const code = body.programme === Programme.KKP_HAM ? KKP_HAM_PERIOD_CODE : RANHAM_DEFAULT_PERIODS[1].code;
      throw new ApiError(HttpStatus.BAD_REQUEST, 'submission.periodMismatch', {
        periodKey: body.periodKey,
        programme: body.programme,
        example: `${new Date().getUTCFullYear()}-${code}`,
      });
    }
    const region = await this.dataSource.getRepository(Region).findOne({ where: { code: body.regionCode } });
    if (!region) throw ApiError.notFound('region.notFound', { code: body.regionCode });
    let organisationKind: OrganisationKind | null = null;
    if (body.organisationId) {
      const organisation = await this.dataSource.getRepository(Organisation).findOne({ where: { id: body.organisationId, active: true } });
      if (!organisation || organisation.regionCode !== body.regionCode) {
        throw ApiError.notFound('organisation.notFound', { id: body.organisationId });
      }
      organisationKind = organisation.kind;
    }
    const scope = submissionScope({ regionCode: body.regionCode, organisationId: body.organisationId ?? null });
    // Regions are public, so refusing here reveals nothing: 403 says plainly that the caller may not report for it.
    if (!this.access.allowed(principal, Permission.SUBMISSIONS_EDIT, scope)) throw new ApiError(HttpStatus.FORBIDDEN, 'access.forbidden');

    // A regency/city has one current KKP HAM report a year (a unique index says so): a second create is refused with
    // 409 naming the one that exists, rather than silently reusing it, since the body's answers would be lost.
    const onePerYear = body.programme === Programme.KKP_HAM && !body.organisationId;
    if (onePerYear) await this.assertNoCurrentRegionReport(body.regionCode, body.periodKey);
    await this.assertAnswersFit(this.dataSource.manager, { ...body, organisationKind }, body.answers ?? {});
    const id = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(Submission).save({
        regionCode: body.regionCode,
        organisationId: body.organisationId ?? null,
        programme: body.programme,
        periodKey: body.periodKey,
        answers: body.answers ?? {},
        contactEmail: body.contactEmail?.toLowerCase() ?? null,
        status: SubmissionStatus.DRAFT,
      });
      await recordAudit(manager, {
        ...context,
        action: 'submission.created',
        entityType: 'submission',
        entityId: saved.id,
        after: { programme: saved.programme, periodKey: saved.periodKey, organisationId: saved.organisationId, status: saved.status },
        regionCode: saved.regionCode,
      });
      return saved.id;
    }).catch(async (error: unknown) => {
      // Two creates at once: the index let one in; the other is told about it as if it had come second.
      if (onePerYear && (error as { driverError?: { constraint?: string } }).driverError?.constraint === 'submission_kkp_region_current_uq') {
        await this.assertNoCurrentRegionReport(body.regionCode, body.periodKey);
      }
      throw error;
    });
    return this.view(id);
  }

  private async assertNoCurrentRegionReport(regionCode: string, periodKey: string): Promise<void> {
    const [existing]: { id: string; status: string }[] = await this.dataSource.query(
      `SELECT id, status FROM submission
        WHERE region_code = $1 AND programme = $2 AND period_key = $3 AND organisation_id IS NULL AND superseded_by IS NULL`,
      [regionCode, Programme.KKP_HAM, periodKey],
    );
    if (existing) throw ApiError.conflict('submission.alreadyExists', { id: existing.id, status: existing.status, regionCode, periodKey });
  }

  /**
   * Replaces a DRAFT's (or a returned or failed submission's) answers and contact, after checking every answer
   * against the framework version of its period. The update is conditional on the status read, so an edit racing a
   * submit loses cleanly with 409.
   */
  async update(id: string, body: UpdateSubmissionBody, principal: Principal, context: RequestActor): Promise<SubmissionView> {
    // The busiest write of a reporting period: one read (the submission with what validation needs), then one
    // statement that changes the answers, audits the change and returns what the view needs.
    const { submission, organisationKind, cycleVersionId } = await this.findForChange(id, principal, Permission.SUBMISSIONS_EDIT);
    if (!EDITABLE_STATUSES.includes(submission.status)) throw ApiError.conflict('submission.answersLocked', { status: submission.status });
    const answers = body.answers ?? submission.answers;
    await this.assertAnswersFit(this.dataSource.manager, { ...submission, organisationKind }, answers, 'answers', cycleVersionId);
    const contactEmail = body.contactEmail === undefined ? submission.contactEmail : (body.contactEmail?.toLowerCase() ?? null);
    const audit = auditRow(
      {
        ...context,
        action: 'submission.updated',
        entityType: 'submission',
        entityId: id,
        before: { answers: submission.answers, contactEmail: submission.contactEmail },
        after: { answers, contactEmail },
        regionCode: submission.regionCode,
      },
      5,
    );
    const [changed]: ({ version: number } & ViewParts)[] = await this.dataSource.query(
      `WITH changed AS (
         UPDATE submission SET answers = $2, contact_email = $3, updated_at = now(), version = version + 1
          WHERE id = $1 AND status = $4
          RETURNING version),
       audited AS (INSERT INTO ${audit.table} (${audit.columns}) SELECT ${audit.values} FROM changed)
       SELECT version, ${VIEW_PARTS} FROM changed`,
      [id, JSON.stringify(answers), contactEmail, submission.status, ...audit.params],
    );
    if (!changed) {
      const [current] = await this.dataSource.query(`SELECT status FROM submission WHERE id = $1`, [id]);
      throw ApiError.conflict('submission.answersLocked', { status: current.status });
    }
    return this.viewOf({ ...submission, answers, contactEmail, version: changed.version }, changed);
  }

  /**
   * The submission (404 unless the caller holds the permission for it), with its unit's kind and the framework version
   * its cycle pins (null when there is no cycle yet), in one query.
   */
  private async findForChange(id: string, principal: Principal, permission: Permission) {
    // Raw SQL: on the hot path, building and hydrating this through the query builder cost more than the query.
    const [row]: (Submission & { organisationKind: OrganisationKind | null; cycleVersionId: string | null })[] = await this.dataSource.query(
      `SELECT s.id, s.region_code AS "regionCode", s.organisation_id AS "organisationId", s.programme, s.period_key AS "periodKey",
              s.status, s.answers, s.review_stage AS "reviewStage", s.verified_answers AS "verifiedAnswers", s.rejections,
              s.adjustments, s.current_snapshot_id AS "currentSnapshotId", s.contact_email AS "contactEmail",
              s.submitted_at AS "submittedAt", s.check_problems AS "checkProblems", s.late, s.submit_count AS "submitCount",
              s.version, s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.superseded_by AS "supersededBy",
              o.kind AS "organisationKind", c.framework_version_id AS "cycleVersionId"
         FROM submission s
         LEFT JOIN organisation o ON o.id = s.organisation_id
         LEFT JOIN reporting_cycle c ON c.programme = s.programme AND c.year = split_part(s.period_key, '-', 1)::int
        WHERE s.id = $1`,
      [id],
    );
    if (!row) throw ApiError.notFound('submission.notFound', { id });
    const { organisationKind, cycleVersionId, ...submission } = row;
    this.access.assertAllowed(principal, permission, submissionScope(submission), 'submission.notFound', id);
    this.assertNotSuperseded(submission as Submission);
    return { submission: submission as Submission, organisationKind, cycleVersionId };
  }

  /**
   * Refuses, with every problem, answers that do not fit the indicators (or actions) of the period's framework.
   * `field` names the body field the answers came in (answers, verifiedAnswers, rejections).
   */
  async assertAnswersFit(
    manager: EntityManager,
    subject: { programme: Programme; periodKey: string; organisationKind: OrganisationKind | null },
    answers: Answers,
    field = 'answers',
    /** The version the period's cycle pins, when the caller has read it already. */
    knownVersionId: string | null = null,
  ): Promise<void> {
    if (Object.keys(answers).length === 0) return;
    const versionId = knownVersionId ?? (await frameworkVersionIdForPeriod(manager, subject.programme, subject.periodKey));
    const version = versionId ? await this.frameworkVersions.byId(manager, versionId) : null;
    if (!version) throw ApiError.conflict('submission.noFramework', { programme: subject.programme });
    const problems = validateSubmissionAnswers(version, subject, answers);
    if (problems.length > 0) {
      throw ApiError.badRequest(
        'submission.answersInvalid',
        {},
        problems.map((problem) => ({
          field: problem.path.replace(/^answers\./, `${field}.`),
          constraint: problem.code,
          fallback: problem.message.en,
          messages: problem.message,
        })),
      );
    }
  }

  /** Whose turn it is: stored once a stage has approved; before that, the first stage for the reporting unit. */
  private async currentReviewStage(submission: Submission): Promise<ReviewStage | null> {
    if (submission.status !== SubmissionStatus.IN_REVIEW) return null;
    if (submission.reviewStage) return submission.reviewStage;
    return reviewStagesFor(await this.organisationKindOf(submission), submission.programme)[0];
  }

  /** The kind of the reporting unit (null for a regency/city reporting itself): it decides review stages and levels. */
  async organisationKindOf(submission: Pick<Submission, 'organisationId'>, manager: EntityManager = this.dataSource.manager): Promise<OrganisationKind | null> {
    if (!submission.organisationId) return null;
    const organisation = await manager.getRepository(Organisation).findOne({ where: { id: submission.organisationId }, select: { id: true, kind: true } });
    return organisation?.kind ?? null;
  }

  /** The submission if it exists and the caller may act on it with this permission; 404 otherwise, either way. */
  async findOrFail(id: string, principal: Principal, permission: Permission): Promise<Submission> {
    const submission = await this.dataSource.getRepository(Submission).findOne({ where: { id } });
    if (!submission) throw ApiError.notFound('submission.notFound', { id });
    this.access.assertAllowed(principal, permission, submissionScope(submission), 'submission.notFound', id);
    return submission;
  }

  /** A duplicate settled by the one-report-a-year migration stays readable, but all work goes to the report kept. */
  private assertNotSuperseded(submission: Pick<Submission, 'id' | 'supersededBy'>): void {
    if (submission.supersededBy) throw ApiError.conflict('submission.superseded', { id: submission.id, keptId: submission.supersededBy });
  }

  assertEditable(submission: Submission): void {
    this.assertNotSuperseded(submission);
    if (!EDITABLE_STATUSES.includes(submission.status)) throw ApiError.conflict('submission.notEditable', { status: submission.status });
  }

  /**
   * Moves the submission to SUBMITTED and records submission.submitted in the same transaction. The update is
   * conditional on the current status, so two concurrent submits cannot both succeed. A resubmission starts a fresh
   * review: the previous stage, verified values and rejections belonged to the data the unit has since corrected
   * (they stay in the review history and the audit trail).
   */
  async submit(id: string, principal: Principal, context: RequestActor): Promise<SubmissionView> {
    const { submission } = await this.findForChange(id, principal, Permission.SUBMISSIONS_SUBMIT);
    const allowed = submittableStatuses();
    const submitted = await this.dataSource.transaction(async (manager) => {
      const timing = await this.deadlines.verdict(manager, submission);
      if (!timing.allowed && timing.deadline) {
        const { instant, ianaZone } = timing.deadline;
        throw ApiError.conflict('submission.deadlinePassed', {
          periodKey: submission.periodKey,
          deadlineId: formatDeadline(instant, ianaZone, 'id'),
          deadlineEn: formatDeadline(instant, ianaZone, 'en'),
        });
      }
      const [rows]: [{ submit_count: number; submitted_at: Date; version: number }[], number] = await manager.query(
        `UPDATE submission
            SET status = $2, submitted_at = now(), submit_count = submit_count + 1, updated_at = now(), version = version + 1,
                review_stage = NULL, verified_answers = '{}', rejections = '{}', late = $4
          WHERE id = $1 AND status = ANY($3::varchar[])
          RETURNING submit_count, submitted_at, version`,
        [id, SubmissionStatus.SUBMITTED, allowed, timing.late],
      );
      if (rows.length === 0) return null;
      await recordEvent(manager, JobName.SubmissionSubmitted, { submissionId: id, submitCount: rows[0].submit_count });
      await recordAudit(manager, {
        ...context,
        action: 'submission.submitted',
        entityType: 'submission',
        entityId: id,
        before: { status: submission.status },
        after: { status: SubmissionStatus.SUBMITTED, submitCount: rows[0].submit_count, late: timing.late },
        regionCode: submission.regionCode,
      });
      return { ...rows[0], late: timing.late };
    });
    if (!submitted) {
      const current = await this.findOrFail(id, principal, Permission.SUBMISSIONS_SUBMIT);
      throw ApiError.conflict('submission.notSubmittable', { status: current.status, allowed: allowed.join(', ') });
    }
    // Publishing is best effort here: if Redis is down the outbox sweep delivers the event later.
    this.relay.kick();
    return this.viewOf({
      ...submission,
      status: SubmissionStatus.SUBMITTED,
      submittedAt: submitted.submitted_at,
      submitCount: submitted.submit_count,
      version: submitted.version,
      reviewStage: null,
      verifiedAnswers: {},
      rejections: {},
      late: submitted.late,
    });
  }

  async view(id: string, principal?: Principal): Promise<SubmissionView> {
    const submission = principal
      ? await this.findOrFail(id, principal, Permission.SUBMISSIONS_READ)
      : await this.dataSource.getRepository(Submission).findOneOrFail({ where: { id } });
    return this.viewOf(submission);
  }

  /** The view of a submission; `parts` when the statement that changed it returned them already. */
  private async viewOf(submission: Submission, parts?: ViewParts): Promise<SubmissionView> {
    const { documents, scores }: ViewParts = parts ?? (await this.dataSource.query(`SELECT ${VIEW_PARTS}`, [submission.id]))[0];
    return {
      id: submission.id,
      regionCode: submission.regionCode,
      organisationId: submission.organisationId,
      programme: submission.programme,
      periodKey: submission.periodKey,
      status: submission.status,
      answers: submission.answers,
      reviewStage: await this.currentReviewStage(submission),
      verifiedAnswers: submission.verifiedAnswers,
      rejections: submission.rejections,
      contactEmail: submission.contactEmail,
      submittedAt: submission.submittedAt?.toISOString() ?? null,
      submitCount: submission.submitCount,
      late: submission.late,
      checkProblems: submission.checkProblems,
      documents,
      scores,
    };
  }
}
