import { Organisation } from '@peduli/db';
import { IANA_ZONE, OrganisationKind, reporterTimeZone } from '@peduli/domain';
import type { EntityManager } from 'typeorm';

/** The organisations that file a RANHAM report without a regency/city and compile their units' inputs into it. */
export const REGIONLESS_REPORTER_KINDS: readonly OrganisationKind[] = [OrganisationKind.MINISTRY, OrganisationKind.BIRO_HUKUM];

/**
 * The reporter (a ministry or a Biro Hukum) a region-less organisation reports for: itself, or a directorate's ministry
 * and a province OPD's Biro Hukum (its parent). Null for anything else: organisations of a regency/city are keyed by
 * their regency/city, and a Kanwil does not report.
 */
export function reportingOrganisationOf(organisation: Pick<Organisation, 'id' | 'kind' | 'regionCode' | 'parentId'>): string | null {
  if (organisation.regionCode) return null;
  if (REGIONLESS_REPORTER_KINDS.includes(organisation.kind)) return organisation.id;
  if (organisation.kind === OrganisationKind.DIRECTORATE || organisation.kind === OrganisationKind.OPD) return organisation.parentId;
  return null;
}

/** A region-less reporter and the zone its report and its units' inputs are due in (WIB for a ministry). */
export interface RegionlessReporter {
  organisation: Organisation;
  ianaZone: string;
}

/** The active ministry or Biro Hukum with this id, or null. */
export async function findRegionlessReporter(manager: EntityManager, id: string): Promise<RegionlessReporter | null> {
  const organisation = await manager.getRepository(Organisation).findOne({ where: { id, active: true } });
  if (!organisation || !REGIONLESS_REPORTER_KINDS.includes(organisation.kind)) return null;
  return { organisation, ianaZone: IANA_ZONE[reporterTimeZone(organisation.provinceCode)] };
}
