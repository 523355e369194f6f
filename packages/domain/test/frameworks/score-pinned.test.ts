import { createHash } from 'node:crypto';
import {
  AnswerType,
  AnswerValue,
  DocumentType,
  FrameworkVersion,
  IndicatorType,
  KKP_HAM_2021_SAMPLE,
  OrganisationKind,
  prepareSubmissionScorer,
  Programme,
  RANHAM_2021_2025_SAMPLE,
  ScoringSubject,
  StoredFrameworkVersion,
} from '../../src';
import { criterion, framework, indicator, TEN_EIGHT_SIX_BANDS } from './builders';

/**
 * Snapshots are keyed and deduplicated by the input hash, and their breakdown is what people check: a faster engine
 * must give the same bytes. These figures were taken from the engine before it was optimised; if one changes, stored
 * snapshots would no longer match their inputs, which is a migration, not a refactor.
 */

const stored = (version: FrameworkVersion | typeof RANHAM_2021_2025_SAMPLE): StoredFrameworkVersion => {
  const { programme, frameworkCode, version: number, status, label, ...content } = version;
  return { programme, frameworkCode, version: number, status, label, content: content as StoredFrameworkVersion['content'] };
};

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** mulberry32: a tiny seeded PRNG so the generated subjects are the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every answer type and scoring path: targets with each rounding and a cap, bands (also on a NUMBER), choices. */
const wide = framework(
  [criterion('A'), criterion('B'), criterion('C')],
  [
    indicator('A.1', 'A', IndicatorType.STRUKTUR, AnswerType.YES_NO),
    indicator('A.2', 'A', IndicatorType.PROSES, AnswerType.NUMBER, { target: { value: 7, rounding: 'WHOLE_POINTS' }, points: 15 }),
    indicator('A.3', 'A', IndicatorType.HASIL, AnswerType.PERCENT, { target: { value: 80, cap: 0.9, rounding: 'TWO_DECIMALS' } }),
    indicator('A.4', 'A', IndicatorType.HASIL, AnswerType.PERCENT, { points: 7 }),
    indicator('A.5', 'A', IndicatorType.HASIL, AnswerType.NUMBER, { target: { value: 3 } }),
    indicator('B.1', 'B', IndicatorType.PROSES, AnswerType.BANDED, { bands: TEN_EIGHT_SIX_BANDS }),
    indicator('B.2', 'B', IndicatorType.PROSES, AnswerType.NUMBER, { bands: [{ min: 5, points: 4 }, { min: 10, points: 10 }] }),
    indicator('B.3', 'B', IndicatorType.HASIL, AnswerType.NUMBER),
    indicator('B.4', 'B', IndicatorType.HASIL, AnswerType.CHOICE, { choices: [{ value: 'ALL', points: 10 }, { value: 'SOME', points: 5 }, { value: 'NONE', points: 0 }] }),
    indicator('C.1', 'C', IndicatorType.STRUKTUR, AnswerType.TEXT_ONLY),
    indicator('C.2', 'C', IndicatorType.STRUKTUR, AnswerType.DOCUMENT_ONLY),
    indicator('C.3', 'C', IndicatorType.HASIL, AnswerType.BANDED, { bands: [{ min: 20, points: 5 }, { min: 60, points: 10 }] }),
  ],
  {
    adjustments: [
      { code: 'BONUS', name: 'Bonus', kind: 'BONUS', cap: 5 },
      { code: 'PENALTY', name: 'Penalty', kind: 'PENALTY', cap: 10, perUnit: 2 },
    ],
  },
);

const CANDIDATES: Record<AnswerType, AnswerValue[]> = {
  [AnswerType.YES_NO]: [true, false, 'ya', null, 1],
  [AnswerType.NUMBER]: [0, 1, 2.5, 3, 4.2, 6.99, 7, 12, -1, 'nihil', '12', null, '  ', 1e-7],
  [AnswerType.PERCENT]: [0, 12.5, 33.333, 50, 72, 80, 100, 101, -3, 'nihil', null, 66.6666],
  [AnswerType.BANDED]: [0, 0.5, 1, 24.99, 25, 50, 74, 99.9, 100, 250, -5, '-', null],
  [AnswerType.CHOICE]: ['ALL', 'SOME', 'NONE', 'OTHER', 3, null, ''],
  [AnswerType.TEXT_ONLY]: ['Perda No. 3', 'x'.repeat(4001), 5, null, ' '],
  [AnswerType.DOCUMENT_ONLY]: [true, false, 'yes', null],
};

function subjects(version: FrameworkVersion, seed: number, count: number): ScoringSubject[] {
  const random = prng(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const choiceValues = (code: string) => version.indicators.find((i) => i.code === code)?.choices?.map((c) => c.value) ?? [];
  return Array.from({ length: count }, () => {
    const answers: Record<string, AnswerValue> = {};
    const verifiedAnswers: Record<string, AnswerValue> = {};
    const rejections: Record<string, string> = {};
    for (const ind of [...version.indicators].sort(() => random() - 0.5)) {
      const roll = random();
      const value = ind.answerType === AnswerType.CHOICE && random() < 0.6 ? pick(choiceValues(ind.code)) : pick(CANDIDATES[ind.answerType]);
      if (roll < 0.08) continue;
      answers[ind.code] = value;
      if (roll > 0.9) verifiedAnswers[ind.code] = pick(CANDIDATES[ind.answerType]);
      if (roll > 0.85 && roll < 0.88) rejections[ind.code] = pick(['WRONG_PERIOD', 'NO_EVIDENCE']);
    }
    // Now and then an unknown code or a negative value, which the engine refuses.
    const codes = [...version.rules.adjustments.map((rule) => rule.code), 'UNKNOWN'];
    const adjustments = random() < 0.5 ? { [pick(codes)]: pick([0, 1, 2.5, 7, -1]) } : undefined;
    return {
      programme: Programme.KKP_HAM,
      periodKey: '2026-TAHUNAN',
      answers,
      ...(random() < 0.5 ? { verifiedAnswers } : {}),
      ...(random() < 0.7 ? { rejections } : {}),
      ...(adjustments ? { adjustments } : {}),
    };
  });
}

describe('pinned scores: the engine gives the same bytes for the same inputs', () => {
  it('keeps the input hash of a fixed KKP HAM subject', () => {
    const score = prepareSubmissionScorer(stored(KKP_HAM_2021_SAMPLE))({
      programme: Programme.KKP_HAM,
      periodKey: '2026-TAHUNAN',
      answers: { 'K1.S1': true, 'K1.P1': 50, 'K2.H1': 'nihil' },
      verifiedAnswers: { 'K1.P1': 60 },
      rejections: { 'K1.S1': 'WRONG_PERIOD' },
      adjustments: { AKSI_HAM_BONUS: 1 },
    });
    expect(score.inputHash).toBe('ef194d0f0a9c01d70f2bd5bfd6300665c8f1331cf9d98a505e08576bf9bf3096');
    expect(sha256(JSON.stringify(score))).toBe('395b995a05fa6a9dfb4d56516f23e3955eeece35f4afad226e7d548b3ffa9908');
  });

  it('keeps the input hash of a fixed RANHAM subject with documents', () => {
    const score = prepareSubmissionScorer(stored(RANHAM_2021_2025_SAMPLE))({
      programme: Programme.RANHAM,
      periodKey: '2025-B04',
      organisationKind: OrganisationKind.MINISTRY,
      answers: { 'AKSI-2025-09.B04.1': true, 'AKSI-2025-01.B04.3': 7 },
      documents: [{ documentType: DocumentType.NOTULEN, indicatorCodes: ['AKSI-2025-09.B04.1'], accepted: true }],
    });
    expect(score.inputHash).toBe('ce28ea71b5f2f2769bdd84a6d3dab301367570403c9f34ca479eb71b22ff79cd');
    expect(sha256(JSON.stringify(score))).toBe('3f170e266ed49c5b978ea3437968adfdf4d27eab96c2bfd4f731169a2d1654a4');
  });

  it('keeps every byte of 400 generated scores over every answer type and scoring path (seeded)', () => {
    const scorer = prepareSubmissionScorer(stored(wide));
    const lines = subjects(wide, 20261207, 400).map((subject) => {
      try {
        return JSON.stringify(scorer(subject));
      } catch (error) {
        return String(error);
      }
    });
    expect(lines.filter((line) => line.startsWith('RangeError')).length).toBeGreaterThan(0);
    expect(sha256(lines.join('\n'))).toBe('c0c2abe6b45640a13fb80e9567e8cdb15d9d240a20b78e7cf24537e131c3a678');
  });

  it('keeps every byte of 100 generated scores under the 2021 sample (seeded)', () => {
    const scorer = prepareSubmissionScorer(stored(KKP_HAM_2021_SAMPLE));
    const lines = subjects(KKP_HAM_2021_SAMPLE, 7, 100).map((subject) => {
      try {
        return JSON.stringify(scorer(subject));
      } catch (error) {
        return String(error);
      }
    });
    expect(sha256(lines.join('\n'))).toBe('d7b5da52c5177982a4bb181ccb3cad6fec3473d20d2b69d5bd7d9807cff5af63');
  });
});
