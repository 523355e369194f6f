// Every migration, oldest first. Generate one with `npm run migration:generate -w @peduli/db -- src/migrations/Name`
// (DATABASE_URL pointing at a migrated database), read it, then add it here.
import { InitialSchema1795822573998 } from './1795822573998-InitialSchema';
import { AccountsAndAudit1795826093894 } from './1795826093894-AccountsAndAudit';
import { RolesAreTheOnlyGrant1795827725990 } from './1795827725990-RolesAreTheOnlyGrant';
import { FrameworkVersions1795829174162 } from './1795829174162-FrameworkVersions';
import { CyclesSnapshotsRecalculation1795837875762 } from './1795837875762-CyclesSnapshotsRecalculation';
import { EvidenceChecks1795839611031 } from './1795839611031-EvidenceChecks';
import { ReviewAndDeadlines1795840110932 } from './1795840110932-ReviewAndDeadlines';
import { SubmissionCheckProblems1795840506509 } from './1795840506509-SubmissionCheckProblems';
import { EvidenceMetadataAndBlobs1795840355128 } from './1795840355128-EvidenceMetadataAndBlobs';
import { ReminderPolicies1795842243691 } from './1795842243691-ReminderPolicies';
import { RemindersAndCalendar1795864638403 } from './1795864638403-RemindersAndCalendar';
import { AccountTokens1795900100000 } from './1795900100000-AccountTokens';
import { LoginThrottlePerPair1795900350000 } from './1795900350000-LoginThrottlePerPair';
import { OneCurrentKkpSubmission1795900650000 } from './1795900650000-OneCurrentKkpSubmission';
import { ReportersAtEveryLevel1795901100000 } from './1795901100000-ReportersAtEveryLevel';
import { SubmissionPlaceDerived1795901100001 } from './1795901100001-SubmissionPlaceDerived';
import { RemindersForEveryReporter1795901100002 } from './1795901100002-RemindersForEveryReporter';
import { CentralReview1795901200000 } from './1795901200000-CentralReview';
import { CycleDataYearDecreeAndAdjustments1795901400000 } from './1795901400000-CycleDataYearDecreeAndAdjustments';
import { CriterionFiveName1795901500000 } from './1795901500000-CriterionFiveName';
import { ExtensionsForEveryReporter1795901700000 } from './1795901700000-ExtensionsForEveryReporter';
import { InternalDeadlinesForEveryReporter1795901700001 } from './1795901700001-InternalDeadlinesForEveryReporter';
import { ReminderSlotsNameReporters1795901700002 } from './1795901700002-ReminderSlotsNameReporters';
import { UnitAssignments1795902000000 } from './1795902000000-UnitAssignments';
import { PrintedReports1795902100000 } from './1795902100000-PrintedReports';

export const MIGRATIONS = [
  InitialSchema1795822573998, AccountsAndAudit1795826093894, RolesAreTheOnlyGrant1795827725990, FrameworkVersions1795829174162,
  CyclesSnapshotsRecalculation1795837875762, EvidenceChecks1795839611031, ReviewAndDeadlines1795840110932,
  EvidenceMetadataAndBlobs1795840355128, SubmissionCheckProblems1795840506509,
  ReminderPolicies1795842243691, RemindersAndCalendar1795864638403,
  AccountTokens1795900100000,
  LoginThrottlePerPair1795900350000,
  OneCurrentKkpSubmission1795900650000,
  ReportersAtEveryLevel1795901100000,
  SubmissionPlaceDerived1795901100001,
  RemindersForEveryReporter1795901100002,
  CentralReview1795901200000,
  CycleDataYearDecreeAndAdjustments1795901400000,
  CriterionFiveName1795901500000,
  ExtensionsForEveryReporter1795901700000,
  InternalDeadlinesForEveryReporter1795901700001,
  ReminderSlotsNameReporters1795901700002,
  UnitAssignments1795902000000,
  PrintedReports1795902100000,
];
