import { HttpStatus } from '@nestjs/common';
import type { Organisation, Region } from '@peduli/db';
import { isReporterOwnReport, OrganisationKind, Programme, RanhamReporterLevel, reporterLevelOf } from '@peduli/domain';
import { ApiError } from '../common/api-error';

/** Where a new submission sits and what it is: a reporter's own report or a unit's input, at which RANHAM level. */
export interface ReporterPlace {
  regionCode: string | null;
  provinceCode: string | null;
  organisationId: string | null;
  organisationKind: OrganisationKind | null;
  parentOrganisationId: string | null;
  ownReport: boolean;
  level: RanhamReporterLevel | null;
}

/**
 * The place of a submission from the body's regionCode and organisationId, already looked up: a regency/city as itself,
 * or an organisation (a ministry or its directorate, a Biro Hukum or a province's OPD, a regency/city's organisation).
 * Refuses, saying what to fix, what cannot report the programme: RANHAM is not reported by a Kanwil, company,
 * university or NGO; KKP HAM assesses regencies/cities, so only they and their organisations report it.
 */
export function reporterPlace(
  programme: Programme,
  given: { regionCode?: string; organisationId?: string },
  region: Region | null,
  organisation: Organisation | null,
): ReporterPlace {
  if (given.organisationId) {
    // An organisation of another regency/city than the one named is treated as unknown, as before.
    if (!organisation || (given.regionCode && organisation.regionCode !== given.regionCode)) {
      throw ApiError.notFound('organisation.notFound', { id: given.organisationId });
    }
    const level = reporterLevelOf({ organisationKind: organisation.kind, regionCode: organisation.regionCode });
    if (programme === Programme.RANHAM && level === null) {
      throw ApiError.badRequest('submission.notRanhamReporter', { kind: organisation.kind });
    }
    if (programme === Programme.KKP_HAM && !organisation.regionCode) {
      throw ApiError.badRequest('submission.kkpRegionOnly', { kind: organisation.kind });
    }
    return {
      regionCode: organisation.regionCode,
      provinceCode: organisation.provinceCode,
      organisationId: organisation.id,
      organisationKind: organisation.kind,
      parentOrganisationId: organisation.parentId,
      ownReport: isReporterOwnReport(organisation.kind),
      level,
    };
  }
  if (!given.regionCode) {
    // Naming no reporter at all: the regency/city is the field missing (an organisation's operator is told which unit).
    throw new ApiError(HttpStatus.BAD_REQUEST, 'submission.reporterRequired', {}, [{ field: 'regionCode', constraint: 'isDefined', fallback: 'regionCode is required' }]);
  }
  if (!region) throw ApiError.notFound('region.notFound', { code: given.regionCode });
  return {
    regionCode: region.code,
    provinceCode: region.provinceCode,
    organisationId: null,
    organisationKind: null,
    parentOrganisationId: null,
    ownReport: true,
    level: 'KABKOTA',
  };
}
