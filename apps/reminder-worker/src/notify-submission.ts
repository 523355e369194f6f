import { DocumentStatus, Locale, reportPageLink, SubmissionStatus } from '@peduli/domain';
import { EmailLedger, EvidenceDocument, Organisation, Region, ScoreSnapshot, Submission } from '@peduli/db';
import { MailTransport, renderMail, TemplateId } from '@peduli/mail';
import { JobName, JobPayloads, RetryLaterError } from '@peduli/queue';
import type { ReminderWorkerConfig } from '@peduli/config';
import type { WorkerContext } from '@peduli/worker-kit';
import { sendLeasedMail } from './ledger-send';

export type NotifyOutcome = { outcome: 'sent'; messageId: string } | { outcome: 'skipped'; reason: string } | { outcome: 'failed'; reason: string };

interface Notice {
  template: TemplateId;
  /**
   * The ledger's kind when it differs from the template: a score notice is one ledger row per snapshot, whichever
   * wording it takes, which is what the notice recovery counts.
   */
  ledgerKind?: TemplateId;
  dedupeKey: string;
  vars: Record<string, string | number>;
}

/**
 * Sends one notice about a submission through the email ledger: the row is leased before SMTP is contacted and marked
 * sent after, so a repeated job finds it sent and does nothing. A lease held by another sender (one that may have died)
 * puts the job off until that lease runs out. A permanent SMTP refusal (5xx) is recorded and not retried; anything else
 * is thrown so BullMQ retries with backoff.
 */
export function makeNotifier(context: WorkerContext<ReminderWorkerConfig>, transport: MailTransport, ledger: EmailLedger) {
  const { dataSource, config } = context;
  const locale: Locale = 'id';

  /** Who reports: the regency/city, or for a province's or a ministry's report (and its units) the organisation. */
  async function reporterName(submission: Submission): Promise<string> {
    if (submission.regionCode) return (await dataSource.getRepository(Region).findOneOrFail({ where: { code: submission.regionCode } })).name;
    const organisation = submission.organisationId ? await dataSource.getRepository(Organisation).findOne({ where: { id: submission.organisationId } }) : null;
    return organisation?.name ?? '-';
  }

  async function send(submission: Submission, notice: Notice): Promise<NotifyOutcome> {
    if (!submission.contactEmail) return { outcome: 'skipped', reason: 'the submission has no contact address' };
    const mail = renderMail(notice.template, locale, {
      regionName: await reporterName(submission),
      periodKey: submission.periodKey,
      link: reportPageLink(config.APP_URL, submission.id),
      ...notice.vars,
    });
    const lease = await ledger.lease({ kind: notice.ledgerKind ?? notice.template, dedupeKey: notice.dedupeKey, recipient: submission.contactEmail });
    if (!lease.leased) {
      if (!lease.heldUntil) return { outcome: 'skipped', reason: 'already sent, or refused for good' };
      // Another sender holds it, perhaps one that died mid-send: this job comes back when that lease runs out and sends
      // the notice then, unless that sender has.
      throw new RetryLaterError(lease.heldUntil, `the notice is being sent by another sender until ${lease.heldUntil.toISOString()}`);
    }
    // The same Message-ID on every attempt: a repeat after a death between the server's acceptance and markSent is
    // then one that mail systems drop.
    const messageId = `<notice.${lease.id}@peduli>`;
    return sendLeasedMail(ledger, transport, lease.id, { to: submission.contactEmail, messageId, ...mail });
  }

  return {
    scored: async ({ submissionId, snapshotId }: JobPayloads[JobName.SubmissionScored]) => {
      const snapshot = await dataSource.getRepository(ScoreSnapshot).findOne({ where: { id: snapshotId } });
      const submission = await dataSource.getRepository(Submission).findOne({ where: { id: submissionId } });
      if (!snapshot || !submission) return { outcome: 'skipped', reason: 'submission or snapshot not found' };
      // The snapshot a verified report was scored with (its current one once SCORED) is final: the mail says the centre,
      // the last review stage, verified it. Any other is provisional, from the document check, and awaits verification.
      const final = submission.status === SubmissionStatus.SCORED && submission.currentSnapshotId === snapshotId;
      return send(submission, {
        template: final ? 'submission-verified' : 'submission-scored',
        ledgerKind: 'submission-scored',
        dedupeKey: `snapshot:${snapshotId}`,
        vars: { total: snapshot.total.toFixed(2), band: snapshot.band },
      });
    },
    checkFailed: async ({ submissionId, submitCount }: JobPayloads[JobName.SubmissionCheckFailed]) => {
      const submission = await dataSource.getRepository(Submission).findOne({ where: { id: submissionId } });
      if (!submission) return { outcome: 'skipped', reason: 'submission not found' };
      const rejected = await dataSource
        .getRepository(EvidenceDocument)
        .find({ where: { submissionId, status: DocumentStatus.REJECTED }, order: { createdAt: 'ASC' } });
      const problems = rejected.map((document) => `- ${document.originalName}: ${document.checkReasons.join(', ')}`).join('\n');
      return send(submission, {
        template: 'submission-check-failed',
        dedupeKey: `check:${submissionId}:${submitCount}`,
        vars: { problems: problems || '-' },
      });
    },
  };
}
