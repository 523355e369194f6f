import type { Organisation, Submission } from '@peduli/db';
import type { Scope } from '@peduli/domain';

/** Where an organisation sits: its province, its regency/city (if any), the reporter it belongs to (if any), itself. */
export function organisationScope(organisation: Pick<Organisation, 'id' | 'provinceCode' | 'regionCode'> & { parentId?: string | null }): Scope {
  return {
    provinceCode: organisation.provinceCode,
    regionCode: organisation.regionCode,
    organisationId: organisation.id,
    parentOrganisationId: organisation.parentId ?? null,
  };
}

/**
 * Where a submission sits: its province (none for a K/L report, so no Kanwil covers it), its regency/city (none for a
 * province's or a ministry's report), its reporting organisation and the reporter that organisation belongs to (a
 * directorate's ministry, a province-level OPD's Biro Hukum), whose coordinator covers it.
 */
export function submissionScope(
  submission: Pick<Submission, 'provinceCode' | 'regionCode' | 'organisationId'> & { parentOrganisationId?: string | null },
): Scope {
  return {
    provinceCode: submission.provinceCode,
    regionCode: submission.regionCode,
    organisationId: submission.organisationId,
    parentOrganisationId: submission.parentOrganisationId ?? null,
  };
}
