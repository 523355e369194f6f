import { OrganisationKind, Role, RoleAssignmentGrant, Scope, scopeCovers } from './access';
import { Bilingual } from './locale';
import { isReporterOwnReport } from './reporters';

/** Why a reviewer sends a submission back; the verifiers' usual findings first. */
export enum ReturnReason {
  WRONG_FORMAT = 'WRONG_FORMAT',
  NIHIL_INSTEAD_OF_NUMBER = 'NIHIL_INSTEAD_OF_NUMBER',
  MISSING_MINUTES = 'MISSING_MINUTES',
  MISSING_SIGNATURE_OR_LETTERHEAD = 'MISSING_SIGNATURE_OR_LETTERHEAD',
  EVIDENCE_NOT_MATCHING = 'EVIDENCE_NOT_MATCHING',
  WRONG_PERIOD = 'WRONG_PERIOD',
  INCOMPLETE = 'INCOMPLETE',
  OTHER = 'OTHER',
}

export const RETURN_REASON_MESSAGES: Readonly<Record<ReturnReason, Bilingual>> = {
  [ReturnReason.WRONG_FORMAT]: { id: 'Format dokumen atau isian tidak sesuai.', en: 'The document or entry has the wrong format.' },
  [ReturnReason.NIHIL_INSTEAD_OF_NUMBER]: { id: 'Diisi "nihil" padahal diminta angka.', en: '"Nihil" was entered where a number is required.' },
  [ReturnReason.MISSING_MINUTES]: { id: 'Notulen kegiatan belum dilampirkan.', en: 'The minutes of the activity are missing.' },
  [ReturnReason.MISSING_SIGNATURE_OR_LETTERHEAD]: { id: 'Dokumen tanpa tanda tangan atau kop resmi.', en: 'The document lacks a signature or an official letterhead.' },
  [ReturnReason.EVIDENCE_NOT_MATCHING]: { id: 'Data dukung tidak sesuai dengan indikator.', en: 'The evidence does not match the indicator.' },
  [ReturnReason.WRONG_PERIOD]: { id: 'Data dukung bukan untuk periode yang dilaporkan.', en: 'The evidence is for another period.' },
  [ReturnReason.INCOMPLETE]: { id: 'Isian belum lengkap.', en: 'The entries are incomplete.' },
  [ReturnReason.OTHER]: { id: 'Lihat catatan pemeriksa.', en: 'See the reviewer’s comment.' },
};

/**
 * Who looks at a checked submission, in order: the unit's head approves its own unit's input, the reporter's
 * coordinator (a regency/city's Bagian Hukum, a province's Biro Hukum, a ministry's coordinator) approves what is
 * compiled, the Kanwil checks regency/city and province reports, and the centre (the Directorate General with the
 * Panitia Nasional for RANHAM; central verification and the Tim Penilai for KKP HAM) verifies. The last stage's
 * approval makes the submission VERIFIED.
 */
export enum ReviewStage {
  UNIT_HEAD = 'UNIT_HEAD',
  COORDINATOR = 'COORDINATOR',
  KANWIL = 'KANWIL',
  CENTRAL = 'CENTRAL',
}

const STAGE_ROLE: Readonly<Record<ReviewStage, Role>> = {
  [ReviewStage.UNIT_HEAD]: Role.UNIT_HEAD,
  [ReviewStage.COORDINATOR]: Role.COORDINATOR,
  [ReviewStage.KANWIL]: Role.KANWIL_VERIFIER,
  [ReviewStage.CENTRAL]: Role.CENTRAL_VERIFIER,
};

/**
 * The stages a submission passes, from who reports it. A reporter's own report (a regency/city, a province through
 * its Biro Hukum, a ministry) starts at its coordinator; a K/L report has no Kanwil and is verified centrally only. A
 * unit's input (an OPD, a directorate, or a company asked for KKP HAM data) ends with the coordinator's approval: the
 * coordinator compiles the approved inputs into the reporter's one report, and that one goes on. The same for both
 * programmes.
 */
export function reviewStagesFor(organisationKind: OrganisationKind | null | undefined): ReviewStage[] {
  switch (organisationKind) {
    case null:
    case undefined:
    case OrganisationKind.BAGIAN_HUKUM:
    case OrganisationKind.BIRO_HUKUM:
      return [ReviewStage.COORDINATOR, ReviewStage.KANWIL, ReviewStage.CENTRAL];
    case OrganisationKind.MINISTRY:
      return [ReviewStage.COORDINATOR, ReviewStage.CENTRAL];
    case OrganisationKind.KANWIL:
      // The Kanwil verifies and does not report; reports it filed before that rule go to the centre.
      return [ReviewStage.UNIT_HEAD, ReviewStage.CENTRAL];
    default:
      return [ReviewStage.UNIT_HEAD, ReviewStage.COORDINATOR];
  }
}

/**
 * Whether a submission gets a score of its own: only a reporter's own report (a regency/city's, a province's, a
 * ministry's), compiled from its units' inputs, is assessed, in both programmes; a unit's input is not scored.
 * `organisationKind` is the submitting organisation's kind, null for a regency/city reporting as itself.
 */
export function isScoringSubject(organisationKind: OrganisationKind | null): boolean {
  return isReporterOwnReport(organisationKind);
}

/** The stage after `current`, or null when `current` is the last (its approval verifies). */
export function nextReviewStage(stages: readonly ReviewStage[], current: ReviewStage): ReviewStage | null {
  const index = stages.indexOf(current);
  if (index < 0) throw new RangeError(`${current} is not one of the stages ${stages.join(', ')}`);
  return stages[index + 1] ?? null;
}

/**
 * Where a return sends a submission: back to its reporter (status RETURNED, the reporter corrects and submits again),
 * or, from the centre, back to the Kanwil (still IN_REVIEW, at the Kanwil's stage) when the Kanwil's verification
 * rather than the report needs another look.
 */
export enum ReturnTarget {
  REPORTER = 'REPORTER',
  KANWIL = 'KANWIL',
}

/**
 * Where a reviewer at `current` may return a submission: always to its reporter; to the Kanwil only from the centre,
 * and only when the submission passed a Kanwil (a K/L report did not).
 */
export function returnTargetsAt(stages: readonly ReviewStage[], current: ReviewStage): ReturnTarget[] {
  const kanwilBefore = stages.indexOf(ReviewStage.KANWIL);
  const canReachKanwil = current === ReviewStage.CENTRAL && kanwilBefore >= 0 && kanwilBefore < stages.indexOf(current);
  return canReachKanwil ? [ReturnTarget.REPORTER, ReturnTarget.KANWIL] : [ReturnTarget.REPORTER];
}

/**
 * Whether a stage verifies, and so may set verified values and rejections: the Kanwil proposes them for the centre,
 * and the centre's are final (the score uses the latest a verifying stage set).
 */
export function setsVerifiedValues(stage: ReviewStage): boolean {
  return stage === ReviewStage.KANWIL || stage === ReviewStage.CENTRAL;
}

/** Whether these grants may act at a stage for a submission in `scope`: the stage's role over it, or a national admin. */
export function mayReviewAt(grants: readonly RoleAssignmentGrant[], stage: ReviewStage, scope: Scope): boolean {
  return grants.some(
    (grant) => grant.role === Role.NATIONAL_ADMIN || (grant.role === STAGE_ROLE[stage] && scopeCovers(grant.scope, scope)),
  );
}
