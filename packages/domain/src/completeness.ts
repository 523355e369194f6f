import { OrganisationKind } from './access';
import { SubmissionStatus } from './submissions';

/** The kinds of organisation that report for themselves in a regency/city; the regency/city itself is a unit too. */
export const REPORTING_UNIT_KINDS: readonly OrganisationKind[] = [OrganisationKind.OPD, OrganisationKind.COMPANY, OrganisationKind.UNIVERSITY, OrganisationKind.NGO];

/** Where a unit stands for a period, as coordinators and the Kanwil follow it up. */
export enum CompletenessStatus {
  NOT_STARTED = 'NOT_STARTED',
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  VERIFIED = 'VERIFIED',
  /** Not submitted, and the deadline (and any extension) has passed. */
  LATE = 'LATE',
}

const BY_STATUS: Readonly<Record<SubmissionStatus, CompletenessStatus>> = {
  [SubmissionStatus.DRAFT]: CompletenessStatus.DRAFT,
  [SubmissionStatus.SUBMITTED]: CompletenessStatus.SUBMITTED,
  [SubmissionStatus.CHECKING]: CompletenessStatus.SUBMITTED,
  [SubmissionStatus.IN_REVIEW]: CompletenessStatus.SUBMITTED,
  // A failed check goes back to the unit just like a reviewer's return: the unit has to act.
  [SubmissionStatus.CHECK_FAILED]: CompletenessStatus.RETURNED,
  [SubmissionStatus.RETURNED]: CompletenessStatus.RETURNED,
  [SubmissionStatus.VERIFIED]: CompletenessStatus.VERIFIED,
  [SubmissionStatus.SCORED]: CompletenessStatus.VERIFIED,
};

/** A unit's standing from its latest submission (null: none yet) and whether it may still submit on time. */
export function completenessOf(status: SubmissionStatus | null, mayStillSubmit: boolean): CompletenessStatus {
  const standing = status === null ? CompletenessStatus.NOT_STARTED : BY_STATUS[status];
  const waitingForUnit = standing === CompletenessStatus.NOT_STARTED || standing === CompletenessStatus.DRAFT || standing === CompletenessStatus.RETURNED;
  return waitingForUnit && !mayStillSubmit ? CompletenessStatus.LATE : standing;
}
