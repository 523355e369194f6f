import type { KkpIndicator } from './api';

/** A yes/no indicator that needs a document a photo cannot be: the rule the story's KKP HAM input breaks. */
export function breakableIndicator(indicators: readonly KkpIndicator[]): KkpIndicator | undefined {
  const candidates = indicators.filter(
    (indicator) =>
      indicator.answerType === 'YES_NO' &&
      indicator.evidence.minCount > 0 &&
      !(indicator.evidence.allowedDocumentTypes as readonly string[]).includes('FOTO'),
  );
  return candidates.find((candidate) => candidate.code === 'K6.S1') ?? candidates[0];
}

/**
 * The KKP HAM version the demo's year pins, and its indicator: the newest published version that has such an
 * indicator, whatever other versions the system holds (a newer framework without one must not stop the demo).
 * `versions` come newest first.
 */
export function chooseKkpFramework(
  versions: readonly { id: string; indicators: readonly KkpIndicator[] }[],
): { versionId: string; indicator: KkpIndicator } | undefined {
  for (const version of versions) {
    const indicator = breakableIndicator(version.indicators);
    if (indicator) return { versionId: version.id, indicator };
  }
  return undefined;
}
