import { Inject, Injectable } from '@nestjs/common';
import { PrintedReport, recordAudit } from '@peduli/db';
import { inputHash, isReporterOwnReport, OrganisationKind, Permission, Programme, reporterLevelOf, Scope } from '@peduli/domain';
import { JobName, OutboxRelay, recordEvent } from '@peduli/queue';
import type { BlobStorage } from '@peduli/storage';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { Principal, RequestActor } from '../auth/principal';
import { submissionScope } from '../auth/scopes';
import { ApiError } from '../common/api-error';
import { BLOB_STORAGE } from '../infrastructure/tokens';
import { CreatePrintedReportBody, PrintedReportPage, PrintedReportQuery, PrintedReportView } from './printed-reports.dto';
import { NewPrintedReport, PrintedReportsRepository, REPORT_ORGANISATION_PARENT } from './printed-reports.repository';

export function printedReportView(report: PrintedReport): PrintedReportView {
  return {
    id: report.id,
    kind: report.kind,
    status: report.status,
    submissionId: report.submissionId,
    cycleId: report.cycleId,
    provinceCode: report.provinceCode,
    regionCode: report.regionCode,
    organisationId: report.organisationId,
    fileName: report.fileName,
    contentHash: report.contentHash,
    sizeBytes: report.sizeBytes,
    error: report.error,
    createdAt: report.createdAt.toISOString(),
    readyAt: report.readyAt?.toISOString() ?? null,
  };
}

/**
 * A printed report's scope: that of its subject, so whoever reads the subject's scores reads its documents, including
 * the coordinator of the reporter a unit belongs to (its organisation's current parent).
 */
function reportScope(report: Pick<PrintedReport, 'provinceCode' | 'regionCode' | 'organisationId'>, parentOrganisationId: string | null): Scope {
  return { provinceCode: report.provinceCode, regionCode: report.regionCode, organisationId: report.organisationId, parentOrganisationId };
}

/**
 * How long a request may stay PENDING after it was last queued before asking again queues it anew: far longer than
 * any document takes to make. A job still retrying (storage down) may then run twice, which leaves one READY row.
 */
export const PENDING_REQUEUE_AFTER_SECONDS = 5 * 60;

/** What was asked, and whether a new document is on its way (false: the same data's document already exists). */
export interface RequestOutcome {
  report: PrintedReportView;
  created: boolean;
}

/**
 * Printed documents: asked for here, made by the report worker from the queue, served once READY. Asking again with
 * nothing changed (the same score snapshots, the same decree, the same listed documents) answers the document already
 * asked for; a FAILED one, or one PENDING for longer than PENDING_REQUEUE_AFTER_SECONDS, is queued again.
 */
@Injectable()
export class PrintedReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PrintedReportsRepository,
    private readonly access: AccessService,
    private readonly relay: OutboxRelay,
    @Inject(BLOB_STORAGE) private readonly storage: BlobStorage,
  ) {}

  async request(body: CreatePrintedReportBody, principal: Principal, actor: RequestActor): Promise<RequestOutcome> {
    const report = body.kind === 'RANHAM_YEAR_SUMMARY' ? await this.yearSummary(body, principal) : await this.submissionReport(body, principal);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const insertedId = await this.repository.insertIfAbsent(manager, { ...report, requestedBy: principal.userId });
      const existing = await this.repository.findBySource(manager, report.subjectKey, report.sourceKey);
      if (!existing) throw new Error('printed report vanished after insert');
      const failed = insertedId === null && existing.status === 'FAILED';
      // A job lost in Redis or stalled out never marks its row; asking again is what queues it anew.
      const lost = insertedId === null && existing.status === 'PENDING' && (await this.repository.lostPending(manager, existing.id, PENDING_REQUEUE_AFTER_SECONDS));
      const again = failed || lost;
      if (failed) await this.repository.retry(manager, existing.id);
      if (insertedId !== null || again) {
        await recordEvent(manager, JobName.ReportRequested, { reportId: existing.id });
        await recordAudit(manager, {
          ...actor,
          action: 'printed_report.requested',
          entityType: 'printed_report',
          entityId: existing.id,
          after: { kind: report.kind, submissionId: report.submissionId, cycleId: report.cycleId, regionCode: report.regionCode, organisationId: report.organisationId },
          provinceCode: report.provinceCode,
          regionCode: report.regionCode,
        });
      }
      const current = failed ? await this.repository.findBySource(manager, report.subjectKey, report.sourceKey) : existing;
      return { report: printedReportView(current ?? existing), created: insertedId !== null || again };
    });
    if (outcome.created) this.relay.kick();
    return outcome;
  }

  async list(query: PrintedReportQuery, principal: Principal): Promise<PrintedReportPage> {
    const scope = this.access.listFilter(principal, Permission.SUBMISSIONS_READ, {
      province: 'p.province_code',
      region: 'p.region_code',
      organisation: 'p.organisation_id',
      parent: REPORT_ORGANISATION_PARENT,
    });
    const { rows, total } = await this.repository.page(scope, query, (query.page - 1) * query.pageSize, query.pageSize);
    return { items: rows.map(printedReportView), page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string, principal: Principal): Promise<PrintedReportView> {
    return printedReportView(await this.loadInScope(id, principal));
  }

  /** The stored bytes of a READY document; 409 while it is being made or when it could not be. */
  async content(id: string, principal: Principal): Promise<{ report: PrintedReport; stream: Readable }> {
    const report = await this.loadInScope(id, principal);
    if (report.status === 'PENDING') throw ApiError.conflict('printedReport.pending', { id });
    if (report.status === 'FAILED') throw ApiError.conflict('printedReport.failed', { id, error: report.error ?? '' });
    return { report, stream: this.storage.open(report.storageKey as string) };
  }

  private async loadInScope(id: string, principal: Principal): Promise<PrintedReport> {
    const found = await this.repository.find(id);
    if (!found) throw ApiError.notFound('printedReport.notFound', { id });
    this.access.assertAllowed(principal, Permission.SUBMISSIONS_READ, reportScope(found.report, found.parentOrganisationId), 'printedReport.notFound', id);
    return found.report;
  }

  /** A score report (KKP HAM) or a period report (RANHAM) of one scored submission. */
  private async submissionReport(body: CreatePrintedReportBody, principal: Principal): Promise<Omit<NewPrintedReport, 'requestedBy'>> {
    if (!body.submissionId) throw ApiError.badRequest('printedReport.submissionRequired', { kind: body.kind });
    const submission = await this.repository.submissionSubject(body.submissionId);
    if (!submission) throw ApiError.notFound('submission.notFound', { id: body.submissionId });
    this.access.assertAllowed(
      principal,
      Permission.SUBMISSIONS_READ,
      submissionScope({
        provinceCode: submission.province_code,
        regionCode: submission.region_code,
        organisationId: submission.organisation_id,
        parentOrganisationId: submission.parent_organisation_id,
      }),
      'submission.notFound',
      submission.id,
    );
    const programme = body.kind === 'KKP_SCORE_REPORT' ? Programme.KKP_HAM : Programme.RANHAM;
    if (submission.programme !== programme) throw ApiError.badRequest('printedReport.wrongProgramme', { kind: body.kind, programme: submission.programme });
    if (!submission.current_snapshot_id) throw ApiError.conflict('printedReport.notScored', { id: submission.id });
    const decree = programme === Programme.KKP_HAM && submission.decree_number ? { number: submission.decree_number, date: submission.decree_date } : null;
    const year = submission.period_key.split('-')[0];
    return {
      kind: body.kind,
      subjectKey: `submission:${submission.id}:${body.kind}`,
      sourceKey: inputHash(
        programme === Programme.KKP_HAM
          ? { snapshotId: submission.current_snapshot_id, decree }
          : { snapshotId: submission.current_snapshot_id, documents: await this.repository.printedDocuments(submission.id) },
      ),
      submissionId: submission.id,
      cycleId: null,
      provinceCode: submission.province_code,
      regionCode: submission.region_code,
      organisationId: submission.organisation_id,
      fileName:
        body.kind === 'KKP_SCORE_REPORT'
          ? `Laporan Nilai KKP HAM ${year} - ${submission.subject_name}.pdf`
          : `Laporan RANHAM ${submission.period_key} - ${submission.subject_name}.pdf`,
    };
  }

  /** A reporter's RANHAM year: a regency/city by code, or a ministry or a province's Biro Hukum by id. */
  private async yearSummary(body: CreatePrintedReportBody, principal: Principal): Promise<Omit<NewPrintedReport, 'requestedBy'>> {
    if (!body.cycleId) throw ApiError.badRequest('printedReport.cycleRequired', {});
    if (!body.regionCode === !body.organisationId) throw ApiError.badRequest('ranhamYearly.oneSubject');
    const cycle = await this.repository.cycle(body.cycleId);
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: body.cycleId });
    if (cycle.programme !== Programme.RANHAM) throw ApiError.badRequest('printedReport.wrongProgramme', { kind: body.kind, programme: cycle.programme });
    let place: { provinceCode: string | null; regionCode: string | null; organisationId: string | null; name: string };
    if (body.organisationId) {
      const organisation = await this.repository.organisation(body.organisationId);
      if (!organisation) throw ApiError.notFound('organisation.notFound', { id: body.organisationId });
      const scope = { provinceCode: organisation.province_code, regionCode: organisation.region_code, organisationId: organisation.id, parentOrganisationId: organisation.parent_id };
      this.access.assertAllowed(principal, Permission.SUBMISSIONS_READ, scope, 'organisation.notFound', organisation.id);
      const kind = organisation.kind as OrganisationKind;
      if (!reporterLevelOf({ organisationKind: kind, regionCode: organisation.region_code }) || !isReporterOwnReport(kind)) {
        throw ApiError.badRequest('ranhamYearly.notReporter', { kind: organisation.kind });
      }
      place = { provinceCode: organisation.province_code, regionCode: organisation.region_code, organisationId: organisation.id, name: organisation.name };
    } else {
      const region = await this.repository.region(body.regionCode as string);
      const scope = { provinceCode: (body.regionCode as string).slice(0, 2), regionCode: body.regionCode as string, organisationId: null };
      if (!region || !this.access.allowed(principal, Permission.SUBMISSIONS_READ, scope)) throw ApiError.notFound('region.notFound', { code: body.regionCode as string });
      place = { provinceCode: region.province_code, regionCode: region.code, organisationId: null, name: region.name };
    }
    const snapshotIds = await this.repository.yearSnapshotIds(cycle.year, { regionCode: place.organisationId ? undefined : (place.regionCode ?? undefined), organisationId: place.organisationId ?? undefined });
    if (snapshotIds.length === 0) throw ApiError.conflict('printedReport.nothingScored', { year: cycle.year });
    return {
      kind: 'RANHAM_YEAR_SUMMARY',
      subjectKey: `ranham-year:${cycle.id}:${place.organisationId ? `organisation:${place.organisationId}` : `region:${place.regionCode}`}`,
      sourceKey: inputHash({ snapshotIds }),
      submissionId: null,
      cycleId: cycle.id,
      provinceCode: place.provinceCode,
      regionCode: place.organisationId ? place.regionCode : place.regionCode,
      organisationId: place.organisationId,
      fileName: `Ringkasan RANHAM ${cycle.year} - ${place.name}.pdf`,
    };
  }
}
