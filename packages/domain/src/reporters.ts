import { OrganisationKind } from './access';
import { RanhamReporterLevel } from './frameworks/model';
import { IndonesianTimeZone, timeZoneOfProvince } from './time-zones';

/**
 * Who files a report, and at which RANHAM level. Three kinds of reporter file one report each per period, compiled
 * from their units' inputs (Perpres 53/2021 art. 7): a ministry or agency (K/L) from its directorates, a province
 * (through its Biro Hukum) from its OPD, and a regency/city (through its Bagian Hukum) from its OPD. The Kanwil
 * verifies and does not report; companies, universities and NGOs only give KKP HAM inputs where a regency/city asks.
 */
export interface ReporterPlace {
  /** The kind of the submitting organisation; null for a regency/city reporting as itself. */
  organisationKind: OrganisationKind | null;
  /** Set for an organisation of a regency/city (and for a regency/city reporting as itself). */
  regionCode: string | null;
}

/** The RANHAM level a report counts at, or null when the organisation is no RANHAM reporter. */
export function reporterLevelOf(place: ReporterPlace): RanhamReporterLevel | null {
  switch (place.organisationKind) {
    case OrganisationKind.MINISTRY:
    case OrganisationKind.DIRECTORATE:
      return 'KL';
    case OrganisationKind.BIRO_HUKUM:
      return 'PROVINCE';
    case OrganisationKind.KANWIL:
    case OrganisationKind.COMPANY:
    case OrganisationKind.UNIVERSITY:
    case OrganisationKind.NGO:
      return null;
    case OrganisationKind.OPD:
      return place.regionCode ? 'KABKOTA' : 'PROVINCE';
    default:
      return 'KABKOTA';
  }
}

/**
 * Whether the organisation files its reporter's own report (which is scored), rather than a unit's input (which its
 * coordinator compiles into that report). Null stands for a regency/city reporting as itself.
 */
export function isReporterOwnReport(organisationKind: OrganisationKind | null): boolean {
  return (
    organisationKind === null ||
    organisationKind === OrganisationKind.BAGIAN_HUKUM ||
    organisationKind === OrganisationKind.BIRO_HUKUM ||
    organisationKind === OrganisationKind.MINISTRY
  );
}

/** Ministries sit in Jakarta: their deadlines and reminders follow WIB unless an organisation's zone is configured. */
export const NATIONAL_TIME_ZONE = IndonesianTimeZone.WIB;

/** The zone a reporter works in: its province's, or Jakarta's for a ministry and its directorates. */
export function reporterTimeZone(provinceCode: string | null): IndonesianTimeZone {
  return provinceCode ? timeZoneOfProvince(provinceCode) : NATIONAL_TIME_ZONE;
}
