import { OrganisationKind, Role, RoleAssignmentGrant, Scope, scopeCovers } from './access';
import { Bilingual } from './locale';
import { Programme } from './programmes';

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
 * Who looks at a checked submission, in order: the unit's head approves its own unit's report, the regency/city
 * coordinator (Bagian Hukum) approves what is compiled for the kab/kota, and the Kanwil verifies, possibly setting
 * verified values. The last stage's approval makes the submission VERIFIED.
 */
export enum ReviewStage {
  UNIT_HEAD = 'UNIT_HEAD',
  COORDINATOR = 'COORDINATOR',
  KANWIL = 'KANWIL',
}

const STAGE_ROLE: Readonly<Record<ReviewStage, Role>> = {
  [ReviewStage.UNIT_HEAD]: Role.UNIT_HEAD,
  [ReviewStage.COORDINATOR]: Role.COORDINATOR,
  [ReviewStage.KANWIL]: Role.KANWIL_VERIFIER,
};

/**
 * The stages a submission passes, from who reports it and for which programme. A regency/city's own report skips the
 * unit head. A unit's KKP HAM input ends with the coordinator's approval: the coordinator compiles the approved inputs
 * into the regency/city's submission, and that one goes to the Kanwil.
 */
export function reviewStagesFor(organisationKind: OrganisationKind | null | undefined, programme: Programme): ReviewStage[] {
  if (organisationKind === null || organisationKind === undefined || organisationKind === OrganisationKind.BAGIAN_HUKUM) {
    return [ReviewStage.COORDINATOR, ReviewStage.KANWIL];
  }
  if (organisationKind === OrganisationKind.MINISTRY || organisationKind === OrganisationKind.BIRO_HUKUM || organisationKind === OrganisationKind.KANWIL) {
    return [ReviewStage.UNIT_HEAD, ReviewStage.KANWIL];
  }
  if (programme === Programme.KKP_HAM) return [ReviewStage.UNIT_HEAD, ReviewStage.COORDINATOR];
  return [ReviewStage.UNIT_HEAD, ReviewStage.COORDINATOR, ReviewStage.KANWIL];
}

/**
 * Whether a submission gets a score of its own. KKP HAM assesses regencies and cities, so only the regency/city's
 * (compiled) submission is scored, not each unit's input; every RANHAM reporter is scored.
 */
export function isScoringSubject(programme: Programme, organisationId: string | null): boolean {
  return programme !== Programme.KKP_HAM || organisationId === null;
}

/** The stage after `current`, or null when `current` is the last (its approval verifies). */
export function nextReviewStage(stages: readonly ReviewStage[], current: ReviewStage): ReviewStage | null {
  const index = stages.indexOf(current);
  if (index < 0) throw new RangeError(`${current} is not one of the stages ${stages.join(', ')}`);
  return stages[index + 1] ?? null;
}

/** Whether these grants may act at a stage for a submission in `scope`: the stage's role over it, or a national admin. */
export function mayReviewAt(grants: readonly RoleAssignmentGrant[], stage: ReviewStage, scope: Scope): boolean {
  return grants.some(
    (grant) => grant.role === Role.NATIONAL_ADMIN || (grant.role === STAGE_ROLE[stage] && scopeCovers(grant.scope, scope)),
  );
}
