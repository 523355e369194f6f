import type { Organisation, Submission } from '@peduli/db';
import type { Scope } from '@peduli/domain';

/** Where an organisation sits: its province, its regency/city (if any), and itself. */
export function organisationScope(organisation: Pick<Organisation, 'id' | 'provinceCode' | 'regionCode'>): Scope {
  return { provinceCode: organisation.provinceCode, regionCode: organisation.regionCode, organisationId: organisation.id };
}

/** Where a submission sits: its regency/city (and so province), and its reporting unit when a unit reports. */
export function submissionScope(submission: Pick<Submission, 'regionCode' | 'organisationId'>): Scope {
  return { provinceCode: submission.regionCode.slice(0, 2), regionCode: submission.regionCode, organisationId: submission.organisationId };
}
