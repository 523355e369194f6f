import { returnTargetsAt, ReturnTarget, setsVerifiedValues, isReporterOwnReport, isScoringSubject, reporterLevelOf, reporterTimeZone, mayReviewAt, nextReviewStage, OrganisationKind, RETURN_REASON_MESSAGES, ReturnReason, reviewStagesFor, ReviewStage, Role } from '../src';

describe('review stages', () => {
  it('ends every unit input at the coordinator, and sends each reporter’s own report on to the centre (a K/L report without the Kanwil)', () => {
    for (const unit of [OrganisationKind.OPD, OrganisationKind.DIRECTORATE, OrganisationKind.COMPANY]) {
      expect(reviewStagesFor(unit)).toEqual(['UNIT_HEAD', 'COORDINATOR']);
    }
    expect(reviewStagesFor(null)).toEqual(['COORDINATOR', 'KANWIL', 'CENTRAL']);
    expect(reviewStagesFor(OrganisationKind.BAGIAN_HUKUM)).toEqual(['COORDINATOR', 'KANWIL', 'CENTRAL']);
    expect(reviewStagesFor(OrganisationKind.BIRO_HUKUM)).toEqual(['COORDINATOR', 'KANWIL', 'CENTRAL']);
    expect(reviewStagesFor(OrganisationKind.MINISTRY)).toEqual(['COORDINATOR', 'CENTRAL']);
  });

  it('scores only a reporter’s own compiled report, not a unit’s input', () => {
    expect(isScoringSubject(null)).toBe(true);
    expect(isScoringSubject(OrganisationKind.BIRO_HUKUM)).toBe(true);
    expect(isScoringSubject(OrganisationKind.MINISTRY)).toBe(true);
    expect(isScoringSubject(OrganisationKind.OPD)).toBe(false);
    expect(isScoringSubject(OrganisationKind.DIRECTORATE)).toBe(false);
  });

  it('knows the next stage, and that the last has none', () => {
    const stages = reviewStagesFor(null);
    expect(nextReviewStage(stages, ReviewStage.KANWIL)).toBe('CENTRAL');
    expect(nextReviewStage(stages, ReviewStage.CENTRAL)).toBeNull();
    expect(() => nextReviewStage(stages, ReviewStage.UNIT_HEAD)).toThrow(RangeError);
  });

  it('lets only the stage’s role over the submission’s scope act, or a national admin', () => {
    const opd = { provinceCode: '64', regionCode: '64.71', organisationId: 'dinkes' };
    const head = { role: Role.UNIT_HEAD, scope: { organisationId: 'dinkes' } };
    const otherHead = { role: Role.UNIT_HEAD, scope: { organisationId: 'disdik' } };
    const coordinator = { role: Role.COORDINATOR, scope: { regionCode: '64.71' } };
    const kanwil = { role: Role.KANWIL_VERIFIER, scope: { provinceCode: '64' } };
    const otherKanwil = { role: Role.KANWIL_VERIFIER, scope: { provinceCode: '91' } };
    expect(mayReviewAt([head], ReviewStage.UNIT_HEAD, opd)).toBe(true);
    expect(mayReviewAt([otherHead], ReviewStage.UNIT_HEAD, opd)).toBe(false);
    expect(mayReviewAt([head], ReviewStage.COORDINATOR, opd)).toBe(false);
    expect(mayReviewAt([coordinator], ReviewStage.COORDINATOR, opd)).toBe(true);
    expect(mayReviewAt([coordinator], ReviewStage.KANWIL, opd)).toBe(false);
    expect(mayReviewAt([kanwil], ReviewStage.KANWIL, opd)).toBe(true);
    expect(mayReviewAt([otherKanwil], ReviewStage.KANWIL, opd)).toBe(false);
    expect(mayReviewAt([{ role: Role.NATIONAL_ADMIN, scope: {} }], ReviewStage.UNIT_HEAD, opd)).toBe(true);
    expect(mayReviewAt([{ role: Role.UNIT_OPERATOR, scope: { organisationId: 'dinkes' } }], ReviewStage.UNIT_HEAD, opd)).toBe(false);
  });

  it('has a bilingual message for every return reason, including the verifiers’ usual findings', () => {
    for (const reason of ['WRONG_FORMAT', 'NIHIL_INSTEAD_OF_NUMBER', 'MISSING_MINUTES', 'MISSING_SIGNATURE_OR_LETTERHEAD', 'EVIDENCE_NOT_MATCHING', 'WRONG_PERIOD']) {
      expect(Object.values(ReturnReason)).toContain(reason);
    }
    for (const reason of Object.values(ReturnReason)) {
      expect(RETURN_REASON_MESSAGES[reason].id).not.toBe(RETURN_REASON_MESSAGES[reason].en);
    }
  });
});

describe('reporters', () => {
  it('places each organisation at its RANHAM level, and refuses the Kanwil and companies as reporters', () => {
    expect(reporterLevelOf({ organisationKind: OrganisationKind.MINISTRY, regionCode: null })).toBe('KL');
    expect(reporterLevelOf({ organisationKind: OrganisationKind.DIRECTORATE, regionCode: null })).toBe('KL');
    expect(reporterLevelOf({ organisationKind: OrganisationKind.BIRO_HUKUM, regionCode: null })).toBe('PROVINCE');
    expect(reporterLevelOf({ organisationKind: OrganisationKind.OPD, regionCode: null })).toBe('PROVINCE');
    expect(reporterLevelOf({ organisationKind: OrganisationKind.OPD, regionCode: '64.71' })).toBe('KABKOTA');
    expect(reporterLevelOf({ organisationKind: null, regionCode: '64.71' })).toBe('KABKOTA');
    expect(reporterLevelOf({ organisationKind: OrganisationKind.KANWIL, regionCode: null })).toBeNull();
    expect(reporterLevelOf({ organisationKind: OrganisationKind.COMPANY, regionCode: '64.71' })).toBeNull();
  });

  it('tells a reporter’s own report from a unit’s input, and puts ministries in WIB', () => {
    expect(isReporterOwnReport(null)).toBe(true);
    expect(isReporterOwnReport(OrganisationKind.MINISTRY)).toBe(true);
    expect(isReporterOwnReport(OrganisationKind.BIRO_HUKUM)).toBe(true);
    expect(isReporterOwnReport(OrganisationKind.DIRECTORATE)).toBe(false);
    expect(isReporterOwnReport(OrganisationKind.OPD)).toBe(false);
    expect(reporterTimeZone(null)).toBe('WIB');
    expect(reporterTimeZone('64')).toBe('WITA');
  });
});

describe('returns and verified values', () => {
  it('returns to the Kanwil only from the centre and only when the report passed a Kanwil', () => {
    const regency = reviewStagesFor(null);
    expect(returnTargetsAt(regency, ReviewStage.CENTRAL)).toEqual([ReturnTarget.REPORTER, ReturnTarget.KANWIL]);
    expect(returnTargetsAt(regency, ReviewStage.KANWIL)).toEqual([ReturnTarget.REPORTER]);
    expect(returnTargetsAt(regency, ReviewStage.COORDINATOR)).toEqual([ReturnTarget.REPORTER]);
    expect(returnTargetsAt(reviewStagesFor(OrganisationKind.MINISTRY), ReviewStage.CENTRAL)).toEqual([ReturnTarget.REPORTER]);
  });

  it('lets the Kanwil propose and the centre set verified values, and no earlier stage', () => {
    expect(setsVerifiedValues(ReviewStage.KANWIL)).toBe(true);
    expect(setsVerifiedValues(ReviewStage.CENTRAL)).toBe(true);
    expect(setsVerifiedValues(ReviewStage.COORDINATOR)).toBe(false);
    expect(setsVerifiedValues(ReviewStage.UNIT_HEAD)).toBe(false);
  });
});
