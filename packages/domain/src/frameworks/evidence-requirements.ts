import { DocumentType } from '../documents';
import { Bilingual } from '../locale';
import { Answers } from '../submissions';
import { isUnanswered } from './answers';
import { Indicator, RanhamAction, RanhamDocumentRule } from './model';
import { claimsAchievement, measureLabel, measuresForPeriod } from './ranham-measures';

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

export interface MissingMeasureEvidence {
  code: 'MEASURE_EVIDENCE_MISSING';
  actionCode: string;
  measureCode: string;
  required: number;
  found: number;
  allowedDocumentTypes: readonly DocumentType[];
  message: Bilingual;
}

/** How many accepted documents of the rule's types name the measure, against how many it needs. */
export function documentRuleCount(rule: RanhamDocumentRule, measureCode: string, documents: readonly EvidenceOnFile[]): number {
  return documents.filter((document) => document.accepted && document.indicatorCodes.includes(measureCode) && rule.documentTypes.includes(document.documentType)).length;
}

/**
 * Which answered RANHAM success measures of a period lack a document their rules ask for: per rule, at least
 * `minCount` accepted documents of an allowed type that name the measure's code. One problem per unmet rule, naming
 * the action and the measure. A "no" or a zero claims nothing, so it needs no documents.
 */
export function missingMeasureEvidence(actions: readonly RanhamAction[], periodCode: string, answers: Answers, documents: readonly EvidenceOnFile[]): MissingMeasureEvidence[] {
  const missing: MissingMeasureEvidence[] = [];
  for (const action of actions) {
    for (const measure of measuresForPeriod(action, periodCode)) {
      if (!claimsAchievement(answers[measure.code])) continue;
      const label = measureLabel(action.code, measure.code);
      for (const rule of measure.requiredDocuments) {
        const found = documentRuleCount(rule, measure.code, documents);
        if (found >= rule.minCount) continue;
        const types = rule.documentTypes.join('/');
        missing.push({
          code: 'MEASURE_EVIDENCE_MISSING',
          actionCode: action.code,
          measureCode: measure.code,
          required: rule.minCount,
          found,
          allowedDocumentTypes: rule.documentTypes,
          message: {
            id: `Aksi ${action.code}, ukuran ${label} memerlukan ${rule.minCount} ${types} yang lolos pemeriksaan; baru ada ${found}.`,
            en: `Action ${action.code}, measure ${label} needs ${rule.minCount} ${types} that passed the check; found ${found}.`,
          },
        });
      }
    }
  }
  return missing;
}
