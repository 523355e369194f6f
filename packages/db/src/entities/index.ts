import { AccountToken } from './account-token.entity';
import { ApiToken } from './api-token.entity';
import { AuditEntry } from './audit-entry.entity';
import { EmailNotification } from './email-notification.entity';
import { FrameworkVersionRecord } from './framework-version.entity';
import { LoginThrottle } from './login-throttle.entity';
import { Organisation } from './organisation.entity';
import { RefreshToken } from './refresh-token.entity';
import { RoleAssignment } from './role-assignment.entity';
import { EvidenceDocument } from './evidence-document.entity';
import { OutboxEvent } from './outbox-event.entity';
import { Province } from './province.entity';
import { Region } from './region.entity';
import { ScoreSnapshot } from './score-snapshot.entity';
import { Submission } from './submission.entity';
import { UserAccount } from './user-account.entity';
import { ReportingCycle } from './reporting-cycle.entity';
import { SubmissionReview } from './submission-review.entity';
import { DeadlineExtension, ReportingPeriod } from './reporting-period.entity';
import { EvidenceBlob } from './evidence-blob.entity';
import { ReminderPolicyRecord } from './reminder-policy.entity';
import { RecalculationItem, RecalculationRun } from './recalculation.entity';
import { Reminder } from './reminder.entity';
import { CycleMilestone, InternalDeadline } from './calendar.entity';
import { ScoreAdjustmentEntry } from './score-adjustment.entity';
import { Assignment } from './assignment.entity';
import { PrintedReport } from './printed-report.entity';

export * from './account-token.entity';
export * from './api-token.entity';
export * from './audit-entry.entity';
export * from './email-notification.entity';
export * from './framework-version.entity';
export * from './login-throttle.entity';
export * from './organisation.entity';
export * from './refresh-token.entity';
export * from './role-assignment.entity';
export * from './evidence-document.entity';
export * from './outbox-event.entity';
export * from './province.entity';
export * from './region.entity';
export * from './score-snapshot.entity';
export * from './submission.entity';
export * from './user-account.entity';
export * from './reporting-cycle.entity';
export * from './submission-review.entity';
export * from './reporting-period.entity';
export * from './reminder.entity';
export * from './calendar.entity';
export * from './evidence-blob.entity';
export * from './reminder-policy.entity';
export * from './recalculation.entity';
export * from './score-adjustment.entity';
export * from './assignment.entity';
export * from './printed-report.entity';

export const ENTITIES = [
  Province,
  Region,
  UserAccount,
  Submission,
  EvidenceDocument,
  ScoreSnapshot,
  OutboxEvent,
  EmailNotification,
  Organisation,
  RoleAssignment,
  RefreshToken,
  ApiToken,
  LoginThrottle,
  AuditEntry,
  FrameworkVersionRecord,
  ReportingCycle,
  RecalculationRun,
  RecalculationItem,
  SubmissionReview,
  ReportingPeriod,
  DeadlineExtension,
  EvidenceBlob,
  ReminderPolicyRecord,
  Reminder,
  CycleMilestone,
  InternalDeadline,
  AccountToken,
  ScoreAdjustmentEntry,
  Assignment,
  PrintedReport,
];
