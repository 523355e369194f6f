import { DocumentCheckReason, DocumentStatus, judgeDocument, SubmissionStatus } from '@peduli/domain';
import { EvidenceDocument, recordAudit, Submission, SYSTEM_ACTOR } from '@peduli/db';
import { JobName, JobPayloads, recordEvent } from '@peduli/queue';
import type { BlobStorage } from '@peduli/storage';
import type { WorkerContext } from '@peduli/worker-kit';
import { sniffType, SNIFF_BYTES } from './sniff';

export type CheckOutcome =
  | { outcome: 'checked'; accepted: number; rejected: number }
  | { outcome: 'skipped'; reason: string };

interface DocumentResult {
  id: string;
  status: DocumentStatus;
  sniffedMime: string | null;
  reasons: DocumentCheckReason[];
}

/**
 * Checks every evidence document of a submitted submission and moves it to IN_REVIEW or CHECK_FAILED. Idempotent:
 * the status change is conditional on the submission still being at the submit this job was made for, so a repeated
 * or stale job changes nothing and emits nothing.
 */
export function makeSubmissionChecker(context: WorkerContext<unknown>, storage: BlobStorage) {
  return async ({ submissionId, submitCount }: JobPayloads[JobName.SubmissionSubmitted]): Promise<CheckOutcome> => {
    const { dataSource, relay } = context;
    const submission = await dataSource.getRepository(Submission).findOne({ where: { id: submissionId } });
    if (!submission) return { outcome: 'skipped', reason: 'submission not found' };
    if (submission.status !== SubmissionStatus.SUBMITTED || submission.submitCount !== submitCount) {
      return { outcome: 'skipped', reason: `submission is ${submission.status} (submit ${submission.submitCount})` };
    }

    const documents = await dataSource.getRepository(EvidenceDocument).find({ where: { submissionId } });
    const results: DocumentResult[] = [];
    for (const document of documents) {
      const head = await storage.readHead(document.storageKey, SNIFF_BYTES);
      const sniffed = await sniffType(head);
      const verdict = judgeDocument({
        sizeBytes: document.sizeBytes,
        originalName: document.originalName,
        declaredMime: document.declaredMime,
        sniffed,
      });
      results.push({
        id: document.id,
        status: verdict.accepted ? DocumentStatus.ACCEPTED : DocumentStatus.REJECTED,
        sniffedMime: sniffed?.mime ?? null,
        reasons: verdict.reasons,
      });
    }
    const rejected = results.filter((result) => result.status === DocumentStatus.REJECTED).length;
    const nextStatus = rejected > 0 ? SubmissionStatus.CHECK_FAILED : SubmissionStatus.IN_REVIEW;

    const applied = await dataSource.transaction(async (manager) => {
      const moved = await manager.query(
        `UPDATE submission SET status = $1, updated_at = now(), version = version + 1
          WHERE id = $2 AND status = $3 AND submit_count = $4`,
        [nextStatus, submissionId, SubmissionStatus.SUBMITTED, submitCount],
      );
      if (moved[1] === 0) return false;
      for (const result of results) {
        await manager.update(EvidenceDocument, result.id, {
          status: result.status,
          sniffedMime: result.sniffedMime,
          checkReasons: result.reasons,
          checkedAt: new Date(),
        });
      }
      const event = rejected > 0 ? JobName.SubmissionCheckFailed : JobName.SubmissionChecked;
      await recordEvent(manager, event, { submissionId, submitCount });
      await recordAudit(manager, {
        actor: SYSTEM_ACTOR,
        action: rejected > 0 ? 'submission.check_failed' : 'submission.checked',
        entityType: 'submission',
        entityId: submissionId,
        before: { status: SubmissionStatus.SUBMITTED },
        after: { status: nextStatus, documents: results.map(({ id, status, reasons }) => ({ id, status, reasons })) },
        regionCode: submission.regionCode,
      });
      return true;
    });
    if (!applied) return { outcome: 'skipped', reason: 'submission changed while it was being checked' };
    relay.kick();
    return { outcome: 'checked', accepted: results.length - rejected, rejected };
  };
}
