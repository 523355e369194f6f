/**
 * Queue and job names live here and nowhere else. Never rename a live queue: jobs waiting under the old name would be
 * orphaned.
 */
export enum QueueName {
  Documents = 'documents',
  Scoring = 'scoring',
  Reminders = 'reminders',
  Reports = 'reports',
}

/** Domain events carried by the outbox; each becomes a job of the same name on the queue it is routed to. */
export enum JobName {
  SubmissionSubmitted = 'submission.submitted',
  SubmissionChecked = 'submission.checked',
  SubmissionCheckFailed = 'submission.check_failed',
  SubmissionScored = 'submission.scored',
  /** The last review stage approved: score with the verified values, then mark SCORED. */
  SubmissionVerified = 'submission.verified',
  /** A cycle's framework version changed: list its subjects and fan out one child job each (a BullMQ flow). */
  RecalculationRequested = 'recalculation.requested',
  /** A child of a recalculation flow from before batches: rescore one subject. Still handled for jobs already queued. */
  RecalculationSubject = 'recalculation.subject',
  /** A child of a recalculation flow: rescore a batch of subjects in one transaction. Added by the planner, not through the outbox. */
  RecalculationBatch = 'recalculation.batch',
  /** The parent of a recalculation flow: runs once every child has finished or failed for good. */
  RecalculationFinish = 'recalculation.finish',
  /** A period's deadline, internal deadlines, extensions or its cycle's reminder policy changed: plan its reminders again. */
  RemindersPlanRequested = 'reminders.plan_requested',
  /** A timer (a delayed job at a send instant), the sweep, or a manual resend: send whatever reminders are due. */
  RemindersDue = 'reminders.due',
  /** Periodic: submissions stuck in SUBMITTED/CHECKING are queued again, or returned to the unit if their check cannot run. */
  ChecksRecover = 'recovery.checks',
  /** Periodic: notices not sent long after their event are queued again. */
  NoticesRecover = 'recovery.notices',
  /** Periodic: checked or verified submissions still unscored long after their event are queued again. */
  ScoresRecover = 'recovery.scores',
  /** An invitation or a password reset to mail: the reminder worker makes the token at send time. */
  AccountMailRequested = 'account.mail_requested',
  /** A printed document (PDF) was asked for: gather its data, render it, store it, mark it READY. */
  ReportRequested = 'report.requested',
  /** A KKP HAM cycle's decree was recorded or corrected: make a certificate for each regency/city rated PEDULI. */
  CertificatesRequested = 'certificates.requested',
}

/** Payloads carry ids, never whole records: handlers reload the current state from Postgres. */
export interface JobPayloads {
  [JobName.SubmissionSubmitted]: { submissionId: string; submitCount: number };
  [JobName.SubmissionChecked]: { submissionId: string; submitCount: number };
  [JobName.SubmissionCheckFailed]: { submissionId: string; submitCount: number };
  [JobName.SubmissionScored]: { submissionId: string; snapshotId: string };
  [JobName.SubmissionVerified]: { submissionId: string; submitCount: number };
  [JobName.RecalculationRequested]: { runId: string };
  [JobName.RecalculationSubject]: { runId: string; submissionId: string };
  [JobName.RecalculationBatch]: { runId: string; submissionIds: string[] };
  [JobName.RecalculationFinish]: { runId: string };
  [JobName.RemindersPlanRequested]: { periodId: string };
  /** periodId narrows a timer to its period; the sweep sends every due reminder. */
  [JobName.RemindersDue]: { periodId?: string | null };
  [JobName.ChecksRecover]: Record<string, never>;
  [JobName.NoticesRecover]: Record<string, never>;
  [JobName.ScoresRecover]: Record<string, never>;
  [JobName.AccountMailRequested]: { tokenId: string };
  [JobName.ReportRequested]: { reportId: string };
  [JobName.CertificatesRequested]: { cycleId: string };
}

export const EVENT_ROUTES: Readonly<Record<JobName, QueueName>> = {
  [JobName.SubmissionSubmitted]: QueueName.Documents,
  [JobName.SubmissionChecked]: QueueName.Scoring,
  [JobName.SubmissionCheckFailed]: QueueName.Reminders,
  [JobName.SubmissionScored]: QueueName.Reminders,
  [JobName.SubmissionVerified]: QueueName.Scoring,
  [JobName.RecalculationRequested]: QueueName.Scoring,
  [JobName.RecalculationSubject]: QueueName.Scoring,
  [JobName.RecalculationBatch]: QueueName.Scoring,
  [JobName.RecalculationFinish]: QueueName.Scoring,
  [JobName.RemindersPlanRequested]: QueueName.Reminders,
  [JobName.RemindersDue]: QueueName.Reminders,
  [JobName.ChecksRecover]: QueueName.Documents,
  [JobName.NoticesRecover]: QueueName.Reminders,
  [JobName.ScoresRecover]: QueueName.Scoring,
  [JobName.AccountMailRequested]: QueueName.Reminders,
  [JobName.ReportRequested]: QueueName.Reports,
  [JobName.CertificatesRequested]: QueueName.Reports,
};

export function isJobName(value: string): value is JobName {
  return (Object.values(JobName) as string[]).includes(value);
}
