import {
  asKkpVersion,
  asRanhamVersion,
  DocumentCheckReason,
  DocumentStatus,
  EvidenceOnFile,
  missingEvidence,
  MissingEvidence,
  missingMeasureEvidence,
  MissingMeasureEvidence,
  parsePeriodKey,
  Programme,
  SubmissionStatus,
} from '@peduli/domain';
import { auditRow, EvidenceDocument, FrameworkVersionCache, frameworkVersionIdForPeriod, Submission, SYSTEM_ACTOR } from '@peduli/db';
import type { DataSource } from 'typeorm';
import { JobName, JobPayloads, outboxRow } from '@peduli/queue';
import type { BlobStorage } from '@peduli/storage';
import type { WorkerContext } from '@peduli/worker-kit';
import { checkStoredDocument } from './check-document';
import type { CheckSettings } from './checks';
import { DEFAULT_CHECK_SETTINGS } from './settings';

export type CheckOutcome =
  | { outcome: 'checked'; accepted: number; rejected: number; flagged: number }
  | { outcome: 'skipped'; reason: string };

/** What the handler needs to know about the BullMQ job running it: whether a failure now is the last try. */
export interface JobAttempt {
  attemptsMade: number;
  opts: { attempts?: number };
}

/** What the check needs of the submission it claimed. */
type ClaimedSubmission = Pick<Submission, 'programme' | 'periodKey' | 'regionCode' | 'answers'>;

interface DocumentResult {
  id: string;
  status: DocumentStatus;
  sniffedMime: string | null;
  reasons: DocumentCheckReason[];
  flags: DocumentCheckReason[];
  details: Partial<Record<DocumentCheckReason, string>>;
}

/** True when the job will not be retried if this attempt throws (or when there is no job, e.g. a direct call). */
export function isLastAttempt(job: JobAttempt | undefined): boolean {
  if (!job) return true;
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Checks every evidence document of a submitted submission and moves it to IN_REVIEW or CHECK_FAILED. Idempotent:
 * the status change is conditional on the submission still being at the submit this job was made for, so a repeated
 * or stale job changes nothing and emits nothing.
 *
 * Antivirus (when clamd is configured) fails closed. While the job has attempts left, an unreachable clamd (refused,
 * reset, timed out) makes the handler throw before anything is written, so BullMQ retries it with backoff and a short
 * clamd outage costs only a delay. On the last attempt the affected documents are rejected as SCAN_FAILED and the
 * submission goes to CHECK_FAILED, telling the submitter to submit again later; it never passes unscanned.
 */
export function makeSubmissionChecker(
  context: WorkerContext<unknown>,
  storage: BlobStorage,
  settings: CheckSettings = DEFAULT_CHECK_SETTINGS,
) {
  const frameworkVersions = new FrameworkVersionCache();
  return async (
    { submissionId, submitCount }: JobPayloads[JobName.SubmissionSubmitted],
    job?: JobAttempt,
  ): Promise<CheckOutcome> => {
    const { dataSource, relay } = context;
    // Claimed in one statement. CHECKING tells the unit its files are being looked at; a retried job (after a crash)
    // finds it already so and claims it again.
    // An UPDATE answers [rows, affected count] through TypeORM.
    const [[submission]]: [ClaimedSubmission[], number] = await dataSource.query(
      `UPDATE submission SET status = $1, updated_at = now()
        WHERE id = $2 AND status = ANY($3) AND submit_count = $4
        RETURNING programme, period_key AS "periodKey", region_code AS "regionCode", answers`,
      [SubmissionStatus.CHECKING, submissionId, [SubmissionStatus.SUBMITTED, SubmissionStatus.CHECKING], submitCount],
    );
    if (!submission) {
      const [current]: { status: string; submit_count: number }[] = await dataSource.query(
        `SELECT status, submit_count FROM submission WHERE id = $1`,
        [submissionId],
      );
      if (!current) return { outcome: 'skipped', reason: 'submission not found' };
      return { outcome: 'skipped', reason: `submission is ${current.status} (submit ${current.submit_count})` };
    }

    const documents = await dataSource
      .getRepository(EvidenceDocument)
      .find({ where: { submissionId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const recordScanUnavailable = isLastAttempt(job);
    // As many files at once as there are check threads: more would only wait in memory for a thread.
    const results = await mapConcurrently(documents, settings.isolation?.threads ?? 1, async (document): Promise<DocumentResult> => {
      const { sniffed, verdict } = await checkStoredDocument(storage, document, settings, { recordScanUnavailable });
      return {
        id: document.id,
        status: verdict.accepted ? DocumentStatus.ACCEPTED : DocumentStatus.REJECTED,
        sniffedMime: sniffed?.mime ?? null,
        reasons: verdict.reasons,
        flags: verdict.flags,
        details: verdict.details,
      };
    });
    const rejected = results.filter((result) => result.status === DocumentStatus.REJECTED).length;
    const flagged = results.filter((result) => result.flags.length > 0).length;
    const missing = await missingIndicatorEvidence(dataSource, frameworkVersions, submission, documents, results);
    const failed = rejected > 0 || missing.length > 0;
    const nextStatus = failed ? SubmissionStatus.CHECK_FAILED : SubmissionStatus.IN_REVIEW;
    // A RANHAM problem names its measure where a KKP HAM one names its indicator, plus the action it belongs to.
    const checkProblems = missing.map((problem) =>
      problem.code === 'MEASURE_EVIDENCE_MISSING'
        ? { code: problem.code, indicatorCode: problem.measureCode, actionCode: problem.actionCode, message: problem.message }
        : { code: problem.code, indicatorCode: problem.indicatorCode, message: problem.message },
    );

    // The verdicts, the submission's new status, the event and the audit row in one statement: all or nothing, and
    // nothing at all when the submission moved on meanwhile (a newer submit, a withdrawal).
    const event = failed ? JobName.SubmissionCheckFailed : JobName.SubmissionChecked;
    const outbox = outboxRow(event, { submissionId, submitCount }, 7);
    const audit = auditRow(
      {
        actor: SYSTEM_ACTOR,
        action: failed ? 'submission.check_failed' : 'submission.checked',
        entityType: 'submission',
        entityId: submissionId,
        before: { status: SubmissionStatus.CHECKING },
        after: {
          status: nextStatus,
          documents: results.map(({ id, status, reasons, flags, details }) => ({ id, status, reasons, flags, details })),
          problems: checkProblems,
        },
        regionCode: submission.regionCode,
      },
      7 + outbox.params.length,
    );
    const [{ moved }]: { moved: number }[] = await dataSource.query(
      `WITH moved AS (
         UPDATE submission SET status = $1, check_problems = $5, updated_at = now(), version = version + 1
          WHERE id = $2 AND status = ANY($3) AND submit_count = $4
          RETURNING id),
       verdicts AS (
         UPDATE evidence_document d
            SET status = r.status, sniffed_mime = r.sniffed_mime, check_reasons = r.reasons, check_flags = r.flags,
                check_details = r.details, checked_at = now()
           FROM jsonb_to_recordset($6::jsonb) AS r(id uuid, status varchar, sniffed_mime varchar, reasons jsonb, flags jsonb, details jsonb)
          WHERE d.id = r.id AND d.submission_id = $2 AND EXISTS (SELECT 1 FROM moved)),
       event AS (INSERT INTO ${outbox.table} (${outbox.columns}) SELECT ${outbox.values} FROM moved),
       audited AS (INSERT INTO ${audit.table} (${audit.columns}) SELECT ${audit.values} FROM moved)
       SELECT count(*)::int AS moved FROM moved`,
      [
        nextStatus,
        submissionId,
        [SubmissionStatus.SUBMITTED, SubmissionStatus.CHECKING],
        submitCount,
        JSON.stringify(checkProblems),
        JSON.stringify(
          results.map((result) => ({
            id: result.id,
            status: result.status,
            sniffed_mime: result.sniffedMime,
            reasons: result.reasons,
            flags: result.flags,
            details: result.details,
          })),
        ),
        ...outbox.params,
        ...audit.params,
      ],
    );
    const applied = moved === 1;
    if (!applied) return { outcome: 'skipped', reason: 'submission changed while it was being checked' };
    relay.kick();
    return { outcome: 'checked', accepted: results.length - rejected, rejected, flagged };
  };
}

/** `map` over items, at most `limit` at a time, results in the items' order; the first failure fails it all. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await map(items[i]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/**
 * Answers that claim something but lack the accepted documents their rule asks for, under the framework version of
 * the submission's period: KKP HAM indicators, and RANHAM success measures of the reported period (per document rule
 * of the measure, e.g. its minutes). Old-shape RANHAM versions carry no document rules, so they ask for nothing.
 */
async function missingIndicatorEvidence(
  dataSource: DataSource,
  frameworkVersions: FrameworkVersionCache,
  submission: ClaimedSubmission,
  documents: readonly EvidenceDocument[],
  results: readonly DocumentResult[],
): Promise<(MissingEvidence | MissingMeasureEvidence)[]> {
  const versionId = await frameworkVersionIdForPeriod(dataSource.manager, submission.programme, submission.periodKey);
  const version = versionId ? await frameworkVersions.byId(dataSource.manager, versionId) : null;
  if (!version) return [];
  const accepted = new Set(results.filter((result) => result.status === DocumentStatus.ACCEPTED).map((result) => result.id));
  const onFile: EvidenceOnFile[] = documents.map((document) => ({
    documentType: document.documentType,
    indicatorCodes: document.indicatorCodes,
    accepted: accepted.has(document.id),
  }));
  if (submission.programme === Programme.RANHAM) {
    const period = parsePeriodKey(submission.periodKey);
    if (!period) return [];
    const actions = asRanhamVersion(version).actions.filter((action) => action.year === period.year);
    return missingMeasureEvidence(actions, period.code, submission.answers, onFile);
  }
  return missingEvidence(asKkpVersion(version).indicators, submission.answers, onFile);
}
