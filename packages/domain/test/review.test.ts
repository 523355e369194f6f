import { isScoringSubject, mayReviewAt, nextReviewStage, OrganisationKind, RETURN_REASON_MESSAGES, ReturnReason, reviewStagesFor, ReviewStage, Programme, Role } from '../src';

describe('review stages', () => {
  it('routes a unit’s report through its head, the coordinator and the Kanwil; a regency/city’s own report skips the head', () => {
    expect(reviewStagesFor(OrganisationKind.OPD, Programme.RANHAM)).toEqual(['UNIT_HEAD', 'COORDINATOR', 'KANWIL']);
    expect(reviewStagesFor(OrganisationKind.COMPANY, Programme.RANHAM)).toEqual(['UNIT_HEAD', 'COORDINATOR', 'KANWIL']);
    expect(reviewStagesFor(null, Programme.RANHAM)).toEqual(['COORDINATOR', 'KANWIL']);
    expect(reviewStagesFor(null, Programme.KKP_HAM)).toEqual(['COORDINATOR', 'KANWIL']);
    expect(reviewStagesFor(OrganisationKind.BAGIAN_HUKUM, Programme.KKP_HAM)).toEqual(['COORDINATOR', 'KANWIL']);
    expect(reviewStagesFor(OrganisationKind.BIRO_HUKUM, Programme.RANHAM)).toEqual(['UNIT_HEAD', 'KANWIL']);
  });

  it('ends a unit’s KKP HAM input at the coordinator, who compiles it for the regency/city; only that one is scored', () => {
    expect(reviewStagesFor(OrganisationKind.OPD, Programme.KKP_HAM)).toEqual(['UNIT_HEAD', 'COORDINATOR']);
    expect(isScoringSubject(Programme.KKP_HAM, null)).toBe(true);
    expect(isScoringSubject(Programme.KKP_HAM, 'dinkes')).toBe(false);
    expect(isScoringSubject(Programme.RANHAM, 'dinkes')).toBe(true);
  });

  it('knows the next stage, and that the last has none', () => {
    const stages = reviewStagesFor(OrganisationKind.OPD, Programme.RANHAM);
    expect(nextReviewStage(stages, ReviewStage.UNIT_HEAD)).toBe('COORDINATOR');
    expect(nextReviewStage(stages, ReviewStage.KANWIL)).toBeNull();
    expect(() => nextReviewStage(reviewStagesFor(null, Programme.RANHAM), ReviewStage.UNIT_HEAD)).toThrow(RangeError);
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
