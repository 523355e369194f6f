import type { UploadOutcome } from './upload';

/** The upload form's fields an API refusal can name. */
export const EVIDENCE_FIELDS = ['documentType', 'title', 'indicatorCodes'] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

export interface Refusal {
  /** What the file's row says: the API's own words, already in the viewer's language. */
  fileError: string;
  /** Problems the API pinned to a field of the form, shown next to that field as well. */
  fieldProblems: { field: EvidenceField; text: string }[];
}

const isEvidenceField = (field: string): field is EvidenceField => (EVIDENCE_FIELDS as readonly string[]).includes(field);

/** A refused upload as the page shows it; `networkMessage` when the API could not be reached or answered no JSON. */
export function refusalOf(outcome: Extract<UploadOutcome, { ok: false }>, networkMessage: string): Refusal {
  if (!outcome.error) return { fileError: networkMessage, fieldProblems: [] };
  const problems = outcome.error.problems ?? [];
  const fieldProblems = problems.filter((p) => isEvidenceField(p.field)).map((p) => ({ field: p.field as EvidenceField, text: p.problem }));
  const fileError = problems.length > 0 ? problems.map((p) => p.problem).join('; ') : outcome.error.message;
  return { fileError, fieldProblems };
}
