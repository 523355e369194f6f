import { DocumentType, KKP_HAM_2021_SAMPLE, missingEvidence, missingMeasureEvidence, RANHAM_2021_2025_SAMPLE } from '../../src';

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

describe('documents required by answered RANHAM measures', () => {
  const first = RANHAM_2021_2025_SAMPLE.actions.filter((action) => action.code === 'AKSI-2025-01');

  it('fails a measure that claims something without its required minutes, naming the action and the measure', () => {
    const answers = { 'AKSI-2025-01.B04.1': true, 'AKSI-2025-01.B04.2': true, 'AKSI-2025-01.B04.3': 0 };
    const missing = missingMeasureEvidence(first, 'B04', answers, [
      { documentType: DocumentType.DAFTAR_HADIR, indicatorCodes: ['AKSI-2025-01.B04.1'], accepted: true },
      { documentType: DocumentType.NOTULEN, indicatorCodes: ['AKSI-2025-01.B04.1'], accepted: false }, // failed the check
      { documentType: DocumentType.SK, indicatorCodes: ['AKSI-2025-01.B04.2'], accepted: true },
    ]);
    expect(missing.map((m) => [m.code, m.actionCode, m.measureCode, m.required, m.found])).toEqual([
      ['MEASURE_EVIDENCE_MISSING', 'AKSI-2025-01', 'AKSI-2025-01.B04.1', 1, 0],
    ]);
    expect(missing[0].message).toEqual({
      id: 'Aksi AKSI-2025-01, ukuran B04.1 memerlukan 1 NOTULEN yang lolos pemeriksaan; baru ada 0.',
      en: 'Action AKSI-2025-01, measure B04.1 needs 1 NOTULEN that passed the check; found 0.',
    });
  });

  it('looks only at the period’s measures, and asks nothing of blank, "no" or zero answers', () => {
    expect(missingMeasureEvidence(first, 'B08', { 'AKSI-2025-01.B04.1': true, 'AKSI-2025-01.B08.1': 0, 'AKSI-2025-01.B08.2': false }, [])).toEqual([]);
    expect(missingMeasureEvidence(first, 'B08', { 'AKSI-2025-01.B08.2': true }, []).map((m) => [m.measureCode, m.allowedDocumentTypes])).toEqual([
      ['AKSI-2025-01.B08.2', ['NOTULEN']],
      ['AKSI-2025-01.B08.2', ['FOTO']],
    ]);
  });
});
