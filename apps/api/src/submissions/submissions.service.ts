import { HttpStatus, Injectable } from '@nestjs/common';
import {
  assignedAnswerCodes,
  assignedCodesFrom,
  auditRow,
  FrameworkVersionCache,
  FrameworkVersionRecord,
  frameworkVersionIdForPeriod,
  recordAudit,
  Submission,
  UnitAssignments,
} from '@peduli/db';
import {
  Answers,
  EDITABLE_STATUSES,
  formatDeadline,
  isAllowed,
  isPeriodOfProgramme,
  OrganisationKind,
  Permission,
  KKP_HAM_PERIOD_CODE,
  normaliseRanhamContent,
  parsePeriodKey,
  Programme,
  RANHAM_DEFAULT_PERIODS,
  RanhamFrameworkContent,
  SubmissionStatus,
  ReviewStage,
  reporterLevelOf,
  reviewStagesFor,
  submittableStatuses,
  validateSubmissionAnswers,
} from '@peduli/domain';
import { JobName, OutboxRelay, recordEvent } from '@peduli/queue';
import { EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { submissionScope } from '../auth/scopes';
import type { Principal, RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { translate } from '../common/messages';
import {
  CreateSubmissionBody,
  ListSubmissionsQuery,
  parseSubmissionCursor,
  submissionCursor,
  SubmissionPage,
  SubmissionView,
  UpdateSubmissionBody,
} from './submissions.dto';
import { CURRENT_REPORT_INDEXES, CurrentReportKey, currentReportKey, SubmissionsRepository, ViewParts } from './submissions.repository';
import { reporterPlace } from './reporter-place';
import { unassignedAnswerProblems } from './assigned-answers';


@Injectable()
export class SubmissionsService {
  private readonly frameworkVersions = new FrameworkVersionCache();
  /** Keyed by the cached version itself, so a version the cache lets go (a draft) is not kept here either. */
  private readonly normalisedVersions = new WeakMap<FrameworkVersionRecord, FrameworkVersionRecord>();

  constructor(
    private readonly repository: SubmissionsRepository,
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
    const place = reporterPlace(
      body.programme,
      body,
      body.regionCode ? await this.repository.findRegion(body.regionCode) : null,
      body.organisationId ? await this.repository.findActiveOrganisation(body.organisationId) : null,
    );
    const { organisationKind } = place;
    const scope = submissionScope(place);
    // Regions are public, so refusing here reveals nothing: 403 says plainly that the caller may not report for it.
    if (!this.access.allowed(principal, Permission.SUBMISSIONS_EDIT, scope)) {
      if (!body.organisationId) await this.assertUnitNotForgotten(principal);
      throw new ApiError(HttpStatus.FORBIDDEN, 'access.forbidden');
    }

    // A reporter has one current report per period (a KKP HAM regency/city a year, a RANHAM reporter per period; unique
    // indexes say so): a second create is refused with 409 naming the one that exists, rather than silently reusing
    // it, since the body's answers would be lost.
    const reporter = currentReportKey(body.programme, place);
    if (reporter) await this.assertNoCurrentReport(reporter, body.periodKey);
    await this.assertAnswersFit(this.repository.manager, { ...body, organisationKind, regionCode: place.regionCode }, body.answers ?? {});
    const assignedOnCreate = await this.assignedCodesOf({ organisationId: place.organisationId, ownReport: place.ownReport, programme: body.programme, periodKey: body.periodKey });
    if (assignedOnCreate) this.assertAssigned(assignedOnCreate, body.answers ?? {}, {});
    const id = await this.repository.transaction(async (manager) => {
      const saved = await this.repository.insertDraft(manager, {
        regionCode: place.regionCode,
        provinceCode: place.provinceCode,
        organisationId: place.organisationId,
        ownReport: place.ownReport,
        programme: body.programme,
        periodKey: body.periodKey,
        answers: body.answers ?? {},
        contactEmail: body.contactEmail?.toLowerCase() ?? null,
      });
      await recordAudit(manager, {
        ...context,
        action: 'submission.created',
        entityType: 'submission',
        entityId: saved.id,
        after: { programme: saved.programme, periodKey: saved.periodKey, organisationId: saved.organisationId, status: saved.status },
        provinceCode: saved.provinceCode,
        regionCode: saved.regionCode,
      });
      return saved.id;
    }).catch(async (error: unknown) => {
      // Two creates at once: the index let one in; the other is told about it as if it had come second.
      const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
      if (reporter && constraint && CURRENT_REPORT_INDEXES.includes(constraint)) await this.assertNoCurrentReport(reporter, body.periodKey);
      throw error;
    });
    return this.view(id);
  }

  /**
   * An operator (or unit head) whose grants are all for units, creating without `organisationId`, asked for the
   * regency/city as a whole: tell them the field is missing and which units they may report for, rather than a bare 403.
   */
  private async assertUnitNotForgotten(principal: Principal): Promise<void> {
    const unitIds = [
      ...new Set(
        principal.grants
          .filter((grant) => grant.scope.organisationId && isAllowed([grant], Permission.SUBMISSIONS_EDIT, grant.scope))
          .map((grant) => grant.scope.organisationId as string),
      ),
    ];
    if (unitIds.length === 0) return;
    const named = await this.repository.organisationNames(unitIds);
    const units = (named.length > 0 ? named : unitIds.map((id) => ({ id, name: id }))).map((unit) => `${unit.name} (${unit.id})`).join(', ');
    const messages = { id: translate('submission.organisationRequired', 'id', { units }), en: translate('submission.organisationRequired', 'en', { units }) };
    throw ApiError.badRequest('submission.organisationRequired', { units }, [
      { field: 'organisationId', constraint: 'isDefined', fallback: messages.en, messages },
    ]);
  }

  /** A page of the submissions the caller may read, newest first, after the previous page's cursor. */
  async list(query: ListSubmissionsQuery, principal: Principal): Promise<SubmissionPage> {
    const scope = this.access.listFilter(principal, Permission.SUBMISSIONS_READ, {
      province: 's.province_code',
      region: 's.region_code',
      organisation: 's.organisation_id',
      parent: 'o.parent_id',
    });
    const after = query.cursor ? parseSubmissionCursor(query.cursor) : null;
    const rows = await this.repository.list(scope, query, after, query.pageSize + 1);
    const page = rows.slice(0, query.pageSize);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        id: row.id,
        provinceCode: row.provinceCode,
        regionCode: row.regionCode,
        organisationId: row.organisationId,
        reporterLevel: reporterLevelOf({ organisationKind: row.organisationKind, regionCode: row.regionCode }),
        programme: row.programme,
        periodKey: row.periodKey,
        status: row.status,
        reviewStage:
          row.status === SubmissionStatus.IN_REVIEW ? (row.reviewStage ?? reviewStagesFor(row.organisationKind)[0]) : null,
        submittedAt: row.submittedAt?.toISOString() ?? null,
        submitCount: row.submitCount,
        late: row.late,
        supersededBy: row.supersededBy,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      })),
      pageSize: query.pageSize,
      nextCursor: rows.length > query.pageSize ? submissionCursor(last) : null,
    };
  }

  private async assertNoCurrentReport(reporter: CurrentReportKey, periodKey: string): Promise<void> {
    const existing = await this.repository.currentReport(reporter, periodKey);
    if (existing) {
      throw ApiError.conflict('submission.alreadyExists', { id: existing.id, status: existing.status, regionCode: reporter.regionCode ?? reporter.organisationId ?? '', periodKey });
    }
  }

  /**
   * Replaces a DRAFT's (or a returned or failed submission's) answers and contact, after checking every answer
   * against the framework version of its period. The update is conditional on the status read, so an edit racing a
   * submit loses cleanly with 409.
   */
  async update(id: string, body: UpdateSubmissionBody, principal: Principal, context: RequestActor): Promise<SubmissionView> {
    // The busiest write of a reporting period: one read (the submission with what validation needs), then one
    // statement that changes the answers, audits the change and returns what the view needs.
    const { submission, organisationKind, cycleVersionId, assignments } = await this.findForChange(id, principal, Permission.SUBMISSIONS_EDIT, true);
    if (!EDITABLE_STATUSES.includes(submission.status)) throw ApiError.conflict('submission.answersLocked', { status: submission.status });
    const answers = body.answers ?? submission.answers;
    await this.assertAnswersFit(this.repository.manager, { ...submission, organisationKind }, answers, 'answers', cycleVersionId);
    // A unit's input answers only what its reporter assigned it (read with the submission; a reporter's own report
    // skips it).
    const assigned = await this.assignedCodesOf(submission, { ...assignments, kind: organisationKind, versionId: cycleVersionId });
    if (assigned && body.answers) this.assertAssigned(assigned, body.answers, submission.answers);
    const contactEmail = body.contactEmail === undefined ? submission.contactEmail : (body.contactEmail?.toLowerCase() ?? null);
    const audit = auditRow(
      {
        ...context,
        action: 'submission.updated',
        entityType: 'submission',
        entityId: id,
        before: { answers: submission.answers, contactEmail: submission.contactEmail },
        after: { answers, contactEmail },
        provinceCode: submission.provinceCode,
        regionCode: submission.regionCode,
      },
      6,
    );
    // A client that sends the version it edited is refused, with nothing written, when someone changed it meanwhile.
    const expectedVersion = body.version ?? null;
    if (expectedVersion !== null && expectedVersion !== submission.version) {
      throw ApiError.conflict('submission.versionConflict', { current: submission.version, expected: expectedVersion });
    }
    const changed = await this.repository.updateAnswers(id, { answers, contactEmail, expectedStatus: submission.status, expectedVersion }, audit);
    if (!changed) {
      const current = await this.repository.stateOf(id);
      if (current.status !== submission.status || expectedVersion === null) throw ApiError.conflict('submission.answersLocked', { status: current.status });
      throw ApiError.conflict('submission.versionConflict', { current: current.version, expected: expectedVersion });
    }
    return this.viewOf({ ...submission, answers, contactEmail, version: changed.version }, changed, organisationKind, assigned);
  }

  /**
   * What a unit's input may answer (null: anything, for a reporter's own report or a reporter that assigns nothing).
   * `preread`: the assignment columns already read with the submission, which saves the hot path a query.
   */
  private assignedCodesOf(
    submission: Pick<Submission, 'organisationId' | 'ownReport' | 'programme' | 'periodKey'>,
    preread?: UnitAssignments & { kind: OrganisationKind | null; versionId: string | null },
  ): Promise<ReadonlySet<string> | null> {
    if (!submission.organisationId || submission.ownReport) return Promise.resolve(null);
    if (preread) return assignedCodesFrom(this.repository.manager, { ...preread, programme: submission.programme, periodKey: submission.periodKey });
    return assignedAnswerCodes(this.repository.manager, { organisationId: submission.organisationId }, submission.programme, submission.periodKey);
  }

  private assertAssigned(assigned: ReadonlySet<string>, answers: Answers, stored: Answers): void {
    const problems = unassignedAnswerProblems(assigned, answers, stored);
    if (problems.length > 0) throw ApiError.badRequest('submission.answersInvalid', {}, problems);
  }

  /**
   * The submission (404 unless the caller holds the permission for it), with its unit's kind and the framework version
   * its cycle pins (null when there is no cycle yet), in one query.
   */
  private async findForChange(id: string, principal: Principal, permission: Permission, withAssignments = false) {
    const row = await this.repository.findForChange(id, withAssignments);
    if (!row) throw ApiError.notFound('submission.notFound', { id });
    const { organisationKind, cycleVersionId, reporterAssigns, itemCodes, ...submission } = row;
    this.access.assertAllowed(principal, permission, submissionScope(submission), 'submission.notFound', id);
    this.assertNotSuperseded(submission as Submission);
    return { submission: submission as Submission, organisationKind, cycleVersionId, assignments: { reporterAssigns, itemCodes } };
  }

  /**
   * Refuses, with every problem, answers that do not fit the indicators (or actions) of the period's framework.
   * `field` names the body field the answers came in (answers, verifiedAnswers, rejections).
   */
  async assertAnswersFit(
    manager: EntityManager,
    subject: { programme: Programme; periodKey: string; organisationKind: OrganisationKind | null; regionCode?: string | null },
    answers: Answers,
    field = 'answers',
    /** The version the period's cycle pins, when the caller has read it already. */
    knownVersionId: string | null = null,
  ): Promise<void> {
    if (Object.keys(answers).length === 0) return;
    const versionId = knownVersionId ?? (await frameworkVersionIdForPeriod(manager, subject.programme, subject.periodKey));
    const version = versionId ? await this.frameworkVersions.byId(manager, versionId) : null;
    if (!version) throw ApiError.conflict('submission.noFramework', { programme: subject.programme });
    const problems = validateSubmissionAnswers(this.normalisedForValidation(version), subject, answers);
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

  /**
   * A RANHAM version with its content normalised once per cached version. Validation normalises it again (cheaply:
   * normalised measures pass through as they are), but normalising the old shape from scratch on every answer update
   * cost about 0.2 ms of CPU each.
   */
  private normalisedForValidation(version: FrameworkVersionRecord): FrameworkVersionRecord {
    if (version.programme !== Programme.RANHAM) return version;
    let normalised = this.normalisedVersions.get(version);
    if (!normalised) {
      normalised = { ...version, content: normaliseRanhamContent(version.content as RanhamFrameworkContent) };
      this.normalisedVersions.set(version, normalised);
    }
    return normalised;
  }

  /** Whose turn it is: stored once a stage has approved; before that, the first stage for the reporting unit. */
  private currentReviewStage(submission: Submission, organisationKind: OrganisationKind | null): ReviewStage | null {
    if (submission.status !== SubmissionStatus.IN_REVIEW) return null;
    if (submission.reviewStage) return submission.reviewStage;
    return reviewStagesFor(organisationKind)[0];
  }

  /** The kind of the reporting unit (null for a regency/city reporting itself): it decides review stages and levels. */
  async organisationKindOf(submission: Pick<Submission, 'organisationId'>, manager: EntityManager = this.repository.manager): Promise<OrganisationKind | null> {
    if (!submission.organisationId) return null;
    return this.repository.organisationKindOf(submission.organisationId, manager);
  }

  /** The submission if it exists and the caller may act on it with this permission; 404 otherwise, either way. */
  async findOrFail(id: string, principal: Principal, permission: Permission): Promise<Submission> {
    const submission = await this.repository.findById(id);
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
    const { submission, organisationKind } = await this.findForChange(id, principal, Permission.SUBMISSIONS_SUBMIT);
    const allowed = submittableStatuses();
    const submitted = await this.repository.transaction(async (manager) => {
      const timing = await this.deadlines.verdict(manager, submission);
      if (!timing.allowed && timing.deadline) {
        const { instant, ianaZone } = timing.deadline;
        // A ministry (no province, so no Kanwil) asks the centre for more time.
        throw ApiError.conflict(submission.provinceCode === null ? 'submission.deadlinePassedNational' : 'submission.deadlinePassed', {
          periodKey: submission.periodKey,
          deadlineId: formatDeadline(instant, ianaZone, 'id'),
          deadlineEn: formatDeadline(instant, ianaZone, 'en'),
        });
      }
      const row = await this.repository.markSubmitted(manager, id, allowed, timing.late);
      if (!row) return null;
      await recordEvent(manager, JobName.SubmissionSubmitted, { submissionId: id, submitCount: row.submit_count });
      await recordAudit(manager, {
        ...context,
        action: 'submission.submitted',
        entityType: 'submission',
        entityId: id,
        before: { status: submission.status },
        after: { status: SubmissionStatus.SUBMITTED, submitCount: row.submit_count, late: timing.late },
        provinceCode: submission.provinceCode,
        regionCode: submission.regionCode,
      });
      return { ...row, late: timing.late };
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
    }, undefined, organisationKind);
  }

  async view(id: string, principal?: Principal): Promise<SubmissionView> {
    const submission = principal
      ? await this.findOrFail(id, principal, Permission.SUBMISSIONS_READ)
      : await this.repository.findByIdOrFail(id);
    return this.viewOf(submission);
  }

  /** The view of a submission; `parts` when the statement that changed it returned them already. */
  private async viewOf(
    submission: Submission,
    parts?: ViewParts,
    knownKind?: OrganisationKind | null,
    knownAssigned?: ReadonlySet<string> | null,
  ): Promise<SubmissionView> {
    const { documents, scores }: ViewParts = parts ?? (await this.repository.viewParts(submission.id));
    const organisationKind = knownKind !== undefined ? knownKind : await this.organisationKindOf(submission);
    const assigned = knownAssigned !== undefined ? knownAssigned : await this.assignedCodesOf(submission);
    return {
      id: submission.id,
      provinceCode: submission.provinceCode,
      regionCode: submission.regionCode,
      organisationId: submission.organisationId,
      reporterLevel: reporterLevelOf({ organisationKind, regionCode: submission.regionCode }),
      programme: submission.programme,
      periodKey: submission.periodKey,
      status: submission.status,
      answers: submission.answers,
      reviewStage: this.currentReviewStage(submission, organisationKind),
      verifiedAnswers: submission.verifiedAnswers,
      rejections: submission.rejections,
      contactEmail: submission.contactEmail,
      submittedAt: submission.submittedAt?.toISOString() ?? null,
      submitCount: submission.submitCount,
      version: submission.version,
      late: submission.late,
      checkProblems: submission.checkProblems,
      documents,
      scores,
      assignedCodes: assigned ? [...assigned].sort() : null,
    };
  }
}
