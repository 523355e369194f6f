/**
 * What a document can back: the KKP HAM indicators, or the RANHAM success measures of the report's period. Read from
 * a framework version's content (typed loosely by the API, so every field is checked before use).
 */
export interface EvidenceTarget {
  code: string;
  label: string;
}

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The period code of a period key: 2026-B08 → B08, 2026-TAHUNAN → TAHUNAN. */
export function periodCodeOf(periodKey: string): string {
  return periodKey.slice(periodKey.indexOf('-') + 1);
}

/**
 * RANHAM: only the measures the API accepts for this report, i.e. of actions of the report's year that its reporter
 * level (KL, province, regency/city) carries out; null (not a RANHAM reporter) keeps every action of the year.
 */
export function evidenceTargets(programme: 'KKP_HAM' | 'RANHAM', content: unknown, periodKey: string, reporterLevel: string | null = null): EvidenceTarget[] {
  if (!isObject(content)) return [];
  if (programme === 'KKP_HAM') {
    const indicators = Array.isArray(content.indicators) ? content.indicators.filter(isObject) : [];
    return indicators.filter((i) => text(i.code)).map((i) => ({ code: text(i.code), label: `${text(i.code)} — ${text(i.text)}` }));
  }
  const period = periodCodeOf(periodKey);
  const year = Number(periodKey.slice(0, 4));
  const actions = (Array.isArray(content.actions) ? content.actions.filter(isObject) : []).filter(
    (action) =>
      (typeof action.year !== 'number' || action.year === year) &&
      (reporterLevel === null || !Array.isArray(action.reporterLevels) || action.reporterLevels.includes(reporterLevel)),
  );
  return actions.flatMap((action) => {
    const measures = Array.isArray(action.successMeasures) ? action.successMeasures.filter(isObject) : [];
    // Versions stored before measures had codes carry one measure per period, coded by its action.
    return measures
      .filter((m) => text(m.periodCode) === period)
      .map((m) => {
        const code = text(m.code) || text(action.code);
        return { code, label: `${code} — ${text(m.measure) || text(action.title)}` };
      });
  });
}
