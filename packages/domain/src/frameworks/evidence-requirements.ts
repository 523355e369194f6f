import { DocumentType } from '../documents';
import { Bilingual } from '../locale';
import { Answers } from '../submissions';
import { isUnanswered } from './answers';
import { Indicator } from './model';

export interface EvidenceOnFile {
  documentType: DocumentType;
  indicatorCodes: readonly string[];
  /** Only documents that passed the document check count. */
  accepted: boolean;
}

export interface MissingEvidence {
  code: 'INDICATOR_EVIDENCE_MISSING';
  indicatorCode: string;
  required: number;
  found: number;
  allowedDocumentTypes: readonly DocumentType[];
  message: Bilingual;
}

/** An answer that claims something (not blank, not "no", not zero) must be backed by documents. */
function claimsSomething(value: Answers[string] | undefined): boolean {
  return !isUnanswered(value ?? null) && value !== false && value !== 0;
}

/**
 * Which answered indicators lack the supporting documents their rule asks for: at least `minCount` accepted
 * documents of an allowed type that name the indicator. A "no" or a zero claims nothing, so it needs no evidence.
 */
export function missingEvidence(indicators: readonly Indicator[], answers: Answers, documents: readonly EvidenceOnFile[]): MissingEvidence[] {
  const missing: MissingEvidence[] = [];
  for (const indicator of indicators) {
    const { allowedDocumentTypes, minCount } = indicator.evidence;
    if (minCount <= 0 || !claimsSomething(answers[indicator.code])) continue;
    const found = documents.filter(
      (document) => document.accepted && document.indicatorCodes.includes(indicator.code) && allowedDocumentTypes.includes(document.documentType),
    ).length;
    if (found >= minCount) continue;
    const types = allowedDocumentTypes.join(', ');
    missing.push({
      code: 'INDICATOR_EVIDENCE_MISSING',
      indicatorCode: indicator.code,
      required: minCount,
      found,
      allowedDocumentTypes,
      message: {
        id: `Indikator ${indicator.code} memerlukan ${minCount} data dukung (${types}) yang lolos pemeriksaan; baru ada ${found}.`,
        en: `Indicator ${indicator.code} needs ${minCount} supporting document(s) (${types}) that passed the check; found ${found}.`,
      },
    });
  }
  return missing;
}
