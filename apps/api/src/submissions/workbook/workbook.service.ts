import { HttpStatus, Injectable } from '@nestjs/common';
import { assignedAnswerCodes, FrameworkVersionCache, frameworkVersionIdForPeriod, reporterAssignmentRows, ReportingCycle } from '@peduli/db';
import { answerAssignments, Answers, assignmentCatalogue, EDITABLE_STATUSES, frameworkStamp, Locale, parsePeriodKey, Permission, StoredFrameworkVersion } from '@peduli/domain';
import type { Request } from 'express';
import type { Principal, RequestActor } from '../../auth/principal';
import { ApiError, FieldProblem } from '../../common/api-error';
import { MessageKey } from '../../common/messages';
import { localeOf } from '../../common/request-context';
import { formatOfRequest, readBody } from '../../frameworks/interchange/http-body';
import { cellReference, InterchangeProblem } from '../../frameworks/interchange/problems';
import { SubmissionView } from '../submissions.dto';
import { SubmissionsRepository } from '../submissions.repository';
import { SubmissionsService } from '../submissions.service';
import { readAnswerWorkbook, WorkbookNotice } from './answer-workbook-read';
import { workbookRows, XLSX_MEDIA_TYPE } from './answer-workbook-layout';
import { writeAnswerWorkbook } from './answer-workbook-write';

export interface AnswerWorkbookFile {
  bytes: Buffer;
  fileName: string;
}

export type WorkbookUploadResult = SubmissionView & { notices: { code: string; sheet: string | null; message: string }[] };

/** Every problem of a refused file, each named by its cell in `field` and in its message. */
function workbookProblems(key: MessageKey, problems: readonly InterchangeProblem[], params: Record<string, string | number> = {}): ApiError {
  return ApiError.badRequest(
    key,
    params,
    problems.map(
      (found): FieldProblem => ({
        field: found.cell ? cellReference(found.cell) : 'file',
        constraint: found.code,
        fallback: found.message.en,
        messages: found.message,
        ...(found.cell ? { cell: found.cell } : {}),
      }),
    ),
  );
}

const LEAD: Record<Locale, string> = { id: 'utama', en: 'lead' };

/** Letters, digits, dots, dashes and underscores: a name any file system and mail client keeps as it is. */
const safeName = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');

/**
 * A submission's input as a spreadsheet: downloaded with its current answers, filled in offline, and uploaded back
 * through the same update as the JSON API (same checks, same audit row, same version check), or refused with every
 * wrong cell and nothing saved.
 */
@Injectable()
export class WorkbookService {
  private readonly versions = new FrameworkVersionCache();

  constructor(
    private readonly submissions: SubmissionsService,
    private readonly repository: SubmissionsRepository,
  ) {}

  async download(id: string, principal: Principal, locale: Locale, now = new Date()): Promise<AnswerWorkbookFile> {
    await this.submissions.findOrFail(id, principal, Permission.SUBMISSIONS_READ);
    const { submission, version, rows, cycleId } = await this.subjectOf(id);
    const reporter = await this.reporterName(submission);
    const assignedUnits = submission.ownReport && cycleId ? await this.assignedUnits(cycleId, submission, version, locale) : undefined;
    const bytes = await writeAnswerWorkbook({
      locale,
      submissionId: submission.id,
      version: submission.version,
      framework: frameworkStamp(version),
      programme: submission.programme,
      periodKey: submission.periodKey,
      reporter,
      downloadedAt: now,
      rows,
      answers: submission.answers,
      editable: EDITABLE_STATUSES.includes(submission.status) && !submission.supersededBy,
      assignedUnits,
    });
    return { bytes, fileName: `Jawaban_${safeName(reporter) || 'laporan'}_${safeName(submission.periodKey)}.xlsx` };
  }

  async upload(id: string, request: Request, principal: Principal, actor: RequestActor): Promise<WorkbookUploadResult> {
    const submission = await this.submissions.findOrFail(id, principal, Permission.SUBMISSIONS_EDIT);
    // A locked report is refused before its file is read, as the update itself would refuse it.
    if (!EDITABLE_STATUSES.includes(submission.status)) throw ApiError.conflict('submission.answersLocked', { status: submission.status });
    const bytes = await this.bodyOf(request);
    const { rows } = await this.subjectOf(id);
    const content = await readAnswerWorkbook(bytes, rows);
    // A file of another report is named as such before its cells are judged: they belong to another input.
    if (content.submissionId !== undefined && content.submissionId !== id) {
      throw ApiError.badRequest('submission.workbookOfOther', { id, other: content.submissionId });
    }
    if (content.problems.length > 0 || content.version === undefined) throw workbookProblems('submission.workbookInvalid', content.problems);
    const answers: Answers = { ...submission.answers };
    for (const [code, value] of content.answers) {
      if (value === null) delete answers[code];
      else answers[code] = value;
    }
    const view = await this.submissions.update(id, { answers, version: content.version }, principal, actor);
    const locale = localeOf(request);
    return { ...view, notices: content.notices.map((notice: WorkbookNotice) => ({ code: notice.code, sheet: notice.sheet ?? null, message: notice.message[locale] })) };
  }

  /** The raw body: an XLSX workbook only, at most the framework import's size. */
  private async bodyOf(request: Request): Promise<Buffer> {
    let format: string | undefined;
    try {
      format = formatOfRequest(request);
    } catch {
      format = undefined;
    }
    if (format !== 'xlsx') throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'submission.workbookType', { expected: XLSX_MEDIA_TYPE });
    return readBody(request).catch((error: unknown) => {
      if (error instanceof ApiError && error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
        throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'submission.workbookTooLarge', error.params);
      }
      throw error;
    });
  }

  /** The submission with its framework version and the rows its input covers (a unit's: only what is assigned to it). */
  private async subjectOf(id: string) {
    const row = await this.repository.findForChange(id);
    if (!row) throw ApiError.notFound('submission.notFound', { id });
    const { organisationKind, cycleVersionId, ...submission } = row;
    const manager = this.repository.manager;
    const versionId = cycleVersionId ?? (await frameworkVersionIdForPeriod(manager, submission.programme, submission.periodKey));
    const record = versionId ? await this.versions.byId(manager, versionId) : null;
    if (!record) throw ApiError.conflict('submission.noFramework', { programme: submission.programme });
    const version = record as StoredFrameworkVersion;
    const assigned =
      submission.organisationId && !submission.ownReport
        ? await assignedAnswerCodes(manager, { organisationId: submission.organisationId }, submission.programme, submission.periodKey)
        : null;
    const rows = workbookRows(version, { periodKey: submission.periodKey, organisationKind, regionCode: submission.regionCode }, assigned);
    const period = parsePeriodKey(submission.periodKey);
    const cycle = period
      ? await manager.getRepository(ReportingCycle).findOne({ where: { programme: submission.programme, year: period.year }, select: { id: true } })
      : null;
    return { submission, version, rows, cycleId: cycle?.id ?? null };
  }

  /** The units each item of a reporter's own report is assigned to, the lead first; undefined when it assigns nothing. */
  private async assignedUnits(
    cycleId: string,
    submission: { regionCode: string | null; organisationId: string | null; periodKey: string; programme: StoredFrameworkVersion['programme'] },
    version: StoredFrameworkVersion,
    locale: Locale,
  ): Promise<Map<string, string[]> | undefined> {
    const reporter = submission.regionCode !== null ? { regionCode: submission.regionCode, organisationId: null } : { regionCode: null, organisationId: submission.organisationId };
    const assignments = await reporterAssignmentRows(this.repository.manager, cycleId, reporter);
    if (assignments.length === 0) return undefined;
    const catalogue = assignmentCatalogue(submission.programme, version.content);
    const { codesByUnit, leads } = answerAssignments(catalogue, assignments, parsePeriodKey(submission.periodKey)?.code ?? null);
    const names = new Map((await this.repository.organisationNames([...codesByUnit.keys()])).map((unit) => [unit.id, unit.name]));
    const units = new Map<string, string[]>();
    for (const [unitId, codes] of codesByUnit) {
      for (const code of codes) {
        const list = units.get(code) ?? [];
        const name = names.get(unitId) ?? unitId;
        if (leads.get(code) === unitId) list.unshift(`${name} (${LEAD[locale]})`);
        else list.push(name);
        units.set(code, list);
      }
    }
    return units;
  }

  private async reporterName(submission: { regionCode: string | null; organisationId: string | null }): Promise<string> {
    if (submission.organisationId) {
      const [unit] = await this.repository.organisationNames([submission.organisationId]);
      if (unit) return unit.name;
    }
    if (submission.regionCode) return (await this.repository.findRegion(submission.regionCode))?.name ?? submission.regionCode;
    return 'laporan';
  }
}
