import type { Schemas } from '@peduli/api-client';
import { statusKey } from '../src/app/status-badge';
import { DICTIONARIES } from '../src/i18n/messages';
import { organisationLookup, placeNames, regionLookup, reporterName } from '../src/pages/review/queue-names';
import {
  buildVerification,
  draftFrom,
  parseVerified,
  ruleFromAnswer,
  rulesByCode,
  stageOfSets,
  verificationFieldOf,
  type AnswerRule,
  type EarlierSets,
} from '../src/pages/review/verification';

const NUMBER: AnswerRule = { kind: 'NUMBER', choices: [] };
const PERCENT: AnswerRule = { kind: 'PERCENT', choices: [] };
const YES_NO: AnswerRule = { kind: 'YES_NO', choices: [] };
const CHOICE: AnswerRule = { kind: 'CHOICE', choices: ['ADA', 'TIDAK_ADA'] };
const TEXT: AnswerRule = { kind: 'TEXT', choices: [] };
const DOCUMENT_ONLY: AnswerRule = { kind: 'DOCUMENT_ONLY', choices: [] };
const NOTHING: EarlierSets = { verifiedAnswers: {}, rejections: {} };
const rules: Record<string, AnswerRule> = { 'K1.S1': YES_NO, 'K1.P1': PERCENT, 'K3.P1': NUMBER, 'K2.P1': CHOICE, 'K4.P1': TEXT, 'K5.P1': DOCUMENT_ONLY };
const ruleOf = (code: string) => rules[code] ?? TEXT;

describe('a verified value', () => {
  it('is read by the answer type: numbers in either notation, yes/no words, a listed choice, text; blank is none', () => {
    expect(parseVerified('75,5', PERCENT)).toEqual({ ok: true, value: 75.5 });
    expect(parseVerified(' 1 200 ', NUMBER)).toEqual({ ok: true, value: 1200 });
    expect(parseVerified('40.25', NUMBER)).toEqual({ ok: true, value: 40.25 });
    expect(parseVerified('Tidak', YES_NO)).toEqual({ ok: true, value: false });
    expect(parseVerified('yes', YES_NO)).toEqual({ ok: true, value: true });
    expect(parseVerified('ADA', CHOICE)).toEqual({ ok: true, value: 'ADA' });
    expect(parseVerified('  Perwal 12/2025 ', TEXT)).toEqual({ ok: true, value: 'Perwal 12/2025' });
    expect(parseVerified('   ', NUMBER)).toEqual({ ok: true, value: undefined });
  });

  it('refuses what the answer type cannot hold, each with its own words', () => {
    expect(parseVerified('empat puluh', NUMBER)).toEqual({ ok: false, problem: 'review.verify.notANumber' });
    expect(parseVerified('nihil', NUMBER)).toEqual({ ok: false, problem: 'review.verify.nihil' });
    expect(parseVerified('-3', NUMBER)).toEqual({ ok: false, problem: 'review.verify.negative' });
    expect(parseVerified('100,5', PERCENT)).toEqual({ ok: false, problem: 'review.verify.percentRange' });
    expect(parseVerified('150', NUMBER)).toEqual({ ok: true, value: 150 });
    expect(parseVerified('mungkin', YES_NO)).toEqual({ ok: false, problem: 'review.verify.yesNo' });
    expect(parseVerified('SEBAGIAN', CHOICE)).toEqual({ ok: false, problem: 'review.verify.choice' });
    expect(parseVerified('x'.repeat(4001), TEXT)).toEqual({ ok: false, problem: 'review.verify.tooLong' });
    expect(parseVerified('ada', DOCUMENT_ONLY)).toEqual({ ok: false, problem: 'review.verify.documentOnly' });
  });

  it('falls back to the self-assessed answer’s type when the framework does not name the code', () => {
    expect(ruleFromAnswer(82)).toEqual(NUMBER);
    expect(ruleFromAnswer(true)).toEqual(YES_NO);
    expect(ruleFromAnswer('teks')).toEqual(TEXT);
    expect(ruleFromAnswer(null)).toEqual(TEXT);
    expect(rulesByCode([{ code: 'K1.P1', kind: 'PERCENT', choices: [] }]).get('K1.P1')).toEqual(PERCENT);
  });
});

describe('the approve body of a verification', () => {
  it('sends the verified values and the rejections with their reasons', () => {
    const draft = { verified: { 'K1.P1': '40', 'K2.P1': 'ADA', 'K4.P1': '' }, rejections: { 'K1.S1': 'MISSING_SIGNATURE_OR_LETTERHEAD' as const } };
    expect(buildVerification(draft, ruleOf, NOTHING)).toEqual({
      ok: true,
      sets: { verifiedAnswers: { 'K1.P1': 40, 'K2.P1': 'ADA' }, rejections: { 'K1.S1': 'MISSING_SIGNATURE_OR_LETTERHEAD' } },
    });
  });

  it('leaves out a set that did not change, so the earlier stage’s stands, and sends a changed one whole, even empty', () => {
    const earlier: EarlierSets = { verifiedAnswers: { 'K1.P1': 40 }, rejections: { 'K1.S1': 'WRONG_PERIOD' } };
    const opened = draftFrom(earlier, 'id');
    expect(opened).toEqual({ verified: { 'K1.P1': '40' }, rejections: { 'K1.S1': 'WRONG_PERIOD' } });
    expect(buildVerification(opened, ruleOf, earlier)).toEqual({ ok: true, sets: {} });
    expect(buildVerification({ ...opened, verified: { 'K1.P1': '60' } }, ruleOf, earlier)).toEqual({ ok: true, sets: { verifiedAnswers: { 'K1.P1': 60 } } });
    expect(buildVerification({ ...opened, rejections: {} }, ruleOf, earlier)).toEqual({ ok: true, sets: { rejections: {} } });
    expect(buildVerification({ verified: {}, rejections: {} }, ruleOf, NOTHING)).toEqual({ ok: true, sets: {} });
  });

  it('shows earlier values the way the form reads them back', () => {
    const earlier: EarlierSets = { verifiedAnswers: { 'K1.P1': 75.5, 'K1.S1': false }, rejections: {} };
    expect(draftFrom(earlier, 'id').verified).toEqual({ 'K1.P1': '75,5', 'K1.S1': 'tidak' });
    expect(draftFrom(earlier, 'en').verified).toEqual({ 'K1.P1': '75.5', 'K1.S1': 'tidak' });
    expect(buildVerification(draftFrom(earlier, 'id'), ruleOf, earlier)).toEqual({ ok: true, sets: {} });
  });

  it('refuses a rejection without a reason, an unreadable value, and a value for a rejected answer, each at its answer', () => {
    const draft = { verified: { 'K1.P1': 'seratus', 'K3.P1': '5' }, rejections: { 'K1.S1': null, 'K3.P1': 'INCOMPLETE' as const } };
    expect(buildVerification(draft, ruleOf, NOTHING)).toEqual({
      ok: false,
      problems: [
        { code: 'K1.P1', field: 'verified', message: 'review.verify.notANumber' },
        { code: 'K1.S1', field: 'reason', message: 'review.verify.reasonRequired' },
        { code: 'K3.P1', field: 'verified', message: 'review.verify.rejectedWithValue' },
      ],
    });
  });

  it('places the API’s refusal of a value or a rejection at its answer', () => {
    expect(verificationFieldOf('verifiedAnswers.K1.P1')).toEqual({ code: 'K1.P1', field: 'verified' });
    expect(verificationFieldOf('rejections.AKSI-2025-01.B08.1')).toEqual({ code: 'AKSI-2025-01.B08.1', field: 'reason' });
    expect(verificationFieldOf('comment')).toBeNull();
  });

  it('names the stage whose sets are in force: the latest approval that sent one', () => {
    const review = (stage: string, verifiedAnswers: unknown, rejections: unknown) => ({ stage, verifiedAnswers, rejections });
    expect(stageOfSets([review('COORDINATOR', null, null), review('KANWIL', { 'K1.P1': 40 }, null)])).toBe('KANWIL');
    expect(stageOfSets([review('KANWIL', null, { 'K1.S1': 'OTHER' }), review('CENTRAL', null, null)])).toBe('KANWIL');
    expect(stageOfSets([review('COORDINATOR', null, null)])).toBeNull();
  });

  it('has every word in both languages', () => {
    for (const key of Object.keys(DICTIONARIES.id) as (keyof typeof DICTIONARIES.id)[]) {
      if (!key.startsWith('review.verify.') && !key.startsWith('review.history.')) continue;
      expect(DICTIONARIES.en[key]).toBeTruthy();
    }
  });
});

type Summary = Pick<Schemas['SubmissionSummary'], 'regionCode' | 'provinceCode' | 'organisationId'>;
const region = (code: string, name: string, provinceCode: string, provinceName: string) =>
  ({ code, name, provinceCode, provinceName, kind: 'KOTA', timeZone: 'WITA', ianaZone: 'Asia/Makassar' }) as Schemas['RegionView'];
const BALIKPAPAN = region('64.71', 'Kota Balikpapan', '64', 'Kalimantan Timur');
const JAYAPURA = region('91.71', 'Kota Jayapura', '91', 'Papua');

describe('the review queue’s names', () => {
  const regencyReport: Summary = { regionCode: '64.71', provinceCode: '64', organisationId: null };
  const unitInput: Summary = { regionCode: '64.71', provinceCode: '64', organisationId: 'org-dinkes' };
  const provinceReport: Summary = { regionCode: null, provinceCode: '64', organisationId: 'org-biro' };
  const ministryReport: Summary = { regionCode: null, provinceCode: null, organisationId: 'org-kemenkes' };

  it('asks for one province’s regions when the queue sits in one, every region when it spans provinces, none without places', () => {
    expect(regionLookup([regencyReport, provinceReport])).toEqual({ province: '64' });
    expect(regionLookup([regencyReport, { regionCode: '91.71', provinceCode: '91', organisationId: null }])).toEqual({});
    expect(regionLookup([ministryReport])).toBeNull();
    expect(regionLookup([])).toBeNull();
  });

  it('asks for organisations only when a report has one, narrowed to the place they share', () => {
    expect(organisationLookup([regencyReport])).toBeNull();
    expect(organisationLookup([regencyReport, unitInput])).toEqual({ regionCode: '64.71' });
    expect(organisationLookup([unitInput, provinceReport])).toEqual({ provinceCode: '64' });
    expect(organisationLookup([unitInput, ministryReport])).toEqual({});
  });

  it('names a regency/city with its province, an organisation by its name, and falls back to the code', () => {
    const names = placeNames([BALIKPAPAN, JAYAPURA], [
      { id: 'org-dinkes', name: 'Dinas Kesehatan Kota Balikpapan' },
      { id: 'org-kemenkes', name: 'Kementerian Kesehatan' },
    ] as Schemas['OrganisationView'][]);
    expect(reporterName(regencyReport, names)).toBe('Kota Balikpapan, Kalimantan Timur');
    expect(reporterName(unitInput, names)).toBe('Dinas Kesehatan Kota Balikpapan · Kota Balikpapan, Kalimantan Timur');
    expect(reporterName(provinceReport, names)).toBe('Kalimantan Timur');
    expect(reporterName(ministryReport, names)).toBe('Kementerian Kesehatan');
    const unknown = placeNames([], []);
    expect(reporterName(regencyReport, unknown)).toBe('64.71');
    expect(reporterName(provinceReport, unknown)).toBe('64');
  });
});

describe('a status', () => {
  it('reads as words in both languages, never as its code', () => {
    const statuses: Schemas['SubmissionSummary']['status'][] = ['DRAFT', 'SUBMITTED', 'CHECKING', 'CHECK_FAILED', 'IN_REVIEW', 'RETURNED', 'VERIFIED', 'SCORED'];
    for (const status of statuses) {
      for (const language of ['id', 'en'] as const) {
        const words = DICTIONARIES[language][statusKey(status)];
        expect(words).toBeTruthy();
        expect(words).not.toBe(status);
        expect(words).not.toMatch(/^[A-Z_]+$/);
      }
    }
    expect(DICTIONARIES.id[statusKey('RETURNED')]).toBe('Dikembalikan');
    expect(DICTIONARIES.en[statusKey('RETURNED')]).toBe('Returned');
  });
});
