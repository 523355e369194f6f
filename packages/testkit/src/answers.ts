import { Answers, AnswerType, FrameworkVersion, Indicator } from '@peduli/domain';

function answerAt(indicator: Indicator, quality: number): Answers[string] {
  switch (indicator.answerType) {
    case AnswerType.YES_NO:
      return quality >= 0.5;
    case AnswerType.PERCENT:
      return Math.round(quality * 100);
    case AnswerType.NUMBER:
    case AnswerType.BANDED: {
      const edges = [...(indicator.bands ?? [])].map((band) => band.min).sort((a, b) => a - b);
      if (edges.length === 0) return quality > 0 ? Math.max(1, Math.round(quality * 10)) : 0;
      return edges[Math.min(edges.length - 1, Math.floor(quality * edges.length))];
    }
    case AnswerType.CHOICE: {
      const choices = [...(indicator.choices ?? [])].sort((a, b) => a.points - b.points);
      return choices[Math.min(choices.length - 1, Math.floor(quality * choices.length))].value;
    }
    case AnswerType.TEXT_ONLY:
      return quality > 0 ? 'Uraian kegiatan terlampir.' : null;
    case AnswerType.DOCUMENT_ONLY:
      return quality > 0 ? true : null;
  }
}

/**
 * Valid answers to every indicator of a KKP HAM version at a chosen quality, from 0 (nothing achieved) to 1 (full
 * points everywhere): for tests, benchmarks and demo data. A higher quality never scores lower.
 */
export function kkpAnswersAt(version: Pick<FrameworkVersion, 'indicators'>, quality: number): Answers {
  return Object.fromEntries(version.indicators.map((indicator) => [indicator.code, answerAt(indicator, quality)]));
}
