import type { KkpIndicator } from '../src/api';
import { breakableIndicator, chooseKkpFramework } from '../src/kkp';

function indicator(code: string, answerType: string, allowedDocumentTypes: string[], minCount: number): KkpIndicator {
  return { code, answerType, evidence: { allowedDocumentTypes, minCount } } as unknown as KkpIndicator;
}

const seeded = [
  indicator('K1.S1', 'NUMBER', ['SK'], 1),
  indicator('K2.S1', 'YES_NO', ['FOTO', 'LAPORAN'], 1),
  indicator('K3.S1', 'YES_NO', ['PERDA'], 1),
  indicator('K6.S1', 'YES_NO', ['PERDA', 'PERWAL'], 1),
];

describe('the KKP HAM framework the demo pins', () => {
  it('takes K6.S1 when the version has it, otherwise the first yes/no indicator needing a non-photo document', () => {
    expect(breakableIndicator(seeded)?.code).toBe('K6.S1');
    expect(breakableIndicator(seeded.filter((i) => i.code !== 'K6.S1'))?.code).toBe('K3.S1');
    expect(breakableIndicator([indicator('X', 'YES_NO', ['FOTO'], 1), indicator('Y', 'YES_NO', ['SK'], 0)])).toBeUndefined();
  });

  it('passes over a newer published version without such an indicator (npm run demo failed at step 5 on it)', () => {
    const newer = { id: 'imported-later', indicators: [indicator('N1', 'NUMBER', ['SK'], 1)] };
    const older = { id: 'seeded', indicators: seeded };
    expect(chooseKkpFramework([newer, older])).toEqual({ versionId: 'seeded', indicator: seeded[3] });
    expect(chooseKkpFramework([newer])).toBeUndefined();
  });
});
