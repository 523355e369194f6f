import { DocumentType, KKP_HAM_2021_SAMPLE, missingEvidence } from '../../src';

const indicators = KKP_HAM_2021_SAMPLE.indicators.filter((indicator) => indicator.criterionCode === 'K1');

describe('evidence required by answered indicators', () => {
  it('asks for accepted documents of an allowed type that name the indicator', () => {
    const answers = { 'K1.S1': true, 'K1.P1': 80, 'K1.H1': 0 };
    const missing = missingEvidence(indicators, answers, [
      { documentType: DocumentType.PERBUP_PERWAL, indicatorCodes: ['K1.S1'], accepted: true },
      // wrong type for K1.P1, and a rejected DPA: neither counts
      { documentType: DocumentType.FOTO, indicatorCodes: ['K1.P1'], accepted: true },
      { documentType: DocumentType.DPA, indicatorCodes: ['K1.P1'], accepted: false },
    ]);
    expect(missing.map((m) => [m.indicatorCode, m.required, m.found])).toEqual([['K1.P1', 1, 0]]);
    expect(missing[0].message.en).toBe('Indicator K1.P1 needs 1 supporting document(s) (RENSTRA, RKPD, DPA, LAPORAN) that passed the check; found 0.');
  });

  it('needs nothing for blank, "no" or zero answers', () => {
    expect(missingEvidence(indicators, { 'K1.S1': false, 'K1.P1': 0, 'K1.H1': null }, [])).toEqual([]);
  });

  it('counts up to the minimum (ACTIVITY indicators need two)', () => {
    const activity = KKP_HAM_2021_SAMPLE.indicators.find((indicator) => indicator.evidence.minCount === 2)!;
    const one = [{ documentType: activity.evidence.allowedDocumentTypes[0], indicatorCodes: [activity.code], accepted: true }];
    const answer = { [activity.code]: activity.answerType === 'CHOICE' ? activity.choices![0].value : 1 };
    expect(missingEvidence([activity], answer, one)).toEqual([expect.objectContaining({ required: 2, found: 1 })]);
    expect(missingEvidence([activity], answer, [...one, ...one])).toEqual([]);
  });
});
