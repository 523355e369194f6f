import type { ApiErrorBody } from '@peduli/api-client';
import { DICTIONARIES } from '../src/i18n/messages';
import {
  choiceFieldId,
  compiledReportOf,
  conflictsOf,
  formatValue,
  inputStatusKey,
  isDisagreement,
  otherFieldId,
  programmesOf,
  reportersOf,
  settle,
  unitRows,
  unitsOf,
  type Answers,
  type Conflict,
  type Grant,
  type Organisation,
  type SubmissionSummary,
} from '../src/pages/compile/compile-logic';

const org = (id: string, kind: Organisation['kind'], name: string, active = true): Organisation => ({
  id,
  kind,
  name,
  provinceCode: '64',
  regionCode: '64.71',
  parentId: null,
  active,
});

let sequence = 0;
function input(overrides: Partial<SubmissionSummary>): SubmissionSummary {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    provinceCode: '64',
    regionCode: '64.71',
    organisationId: null,
    reporterLevel: 'KABKOTA',
    programme: 'KKP_HAM',
    periodKey: '2026-TAHUNAN',
    status: 'DRAFT',
    reviewStage: null,
    submittedAt: null,
    submitCount: 0,
    late: false,
    supersededBy: null,
    createdAt: '2026-11-02T01:00:00.000Z',
    updatedAt: '2026-11-02T01:00:00.000Z',
    ...overrides,
  };
}

const refusal = (fields: string[], statusCode = 409): ApiErrorBody => ({
  statusCode,
  error: 'CONFLICT',
  code: 'submission.compileConflicts',
  message: 'Units gave different answers',
  problems: fields.map((field) => ({ field, problem: `${field} differs` })),
  requestId: 'r',
});

describe('whose report a coordinator compiles', () => {
  it('takes one reporter per COORDINATOR grant: a regency/city or a reporting organisation, and nothing from other roles', () => {
    const grants: Grant[] = [
      { role: 'UNIT_HEAD', scope: { provinceCode: null, regionCode: null, organisationId: 'u1' } },
      { role: 'COORDINATOR', scope: { provinceCode: '64', regionCode: '64.71', organisationId: null } },
      { role: 'COORDINATOR', scope: { provinceCode: '64', regionCode: null, organisationId: 'biro' } },
      { role: 'COORDINATOR', scope: { provinceCode: '64', regionCode: '64.71', organisationId: null } },
    ];
    expect(reportersOf(grants)).toEqual([{ regionCode: '64.71' }, { organisationId: 'biro' }]);
    expect(reportersOf([{ role: 'KANWIL_VERIFIER', scope: { provinceCode: '64', regionCode: null, organisationId: null } }])).toEqual([]);
  });

  it('offers RANHAM only to a ministry or Biro Hukum, both programmes to a regency/city', () => {
    expect(programmesOf({ organisationId: 'biro' })).toEqual(['RANHAM']);
    expect(programmesOf({ regionCode: '64.71' })).toEqual(['KKP_HAM', 'RANHAM']);
  });
});

describe('the units’ inputs', () => {
  const bagianHukum = org('bh', 'BAGIAN_HUKUM', 'Bagian Hukum');
  const dinkes = org('dinkes', 'OPD', 'Dinas Kesehatan');
  const disdik = org('disdik', 'OPD', 'Dinas Pendidikan');
  const company = org('pt', 'COMPANY', 'PT Contoh');
  const closed = org('old', 'OPD', 'Dinas Lama', false);

  it('lists active units by name, without the reporter’s own organisation, and without companies for RANHAM', () => {
    const all = [disdik, bagianHukum, company, dinkes, closed];
    expect(unitsOf(all, 'KKP_HAM').map((o) => o.id)).toEqual(['dinkes', 'disdik', 'pt']);
    expect(unitsOf(all, 'RANHAM').map((o) => o.id)).toEqual(['dinkes', 'disdik']);
  });

  it('marks only VERIFIED inputs as compiled, takes each unit’s newest current input, and shows units without one', () => {
    const newest = input({ organisationId: 'dinkes', status: 'VERIFIED' });
    const older = input({ organisationId: 'dinkes', status: 'RETURNED' });
    const superseded = input({ organisationId: 'disdik', status: 'VERIFIED', supersededBy: newest.id });
    const waiting = input({ organisationId: 'disdik', status: 'IN_REVIEW', reviewStage: 'COORDINATOR' });
    const rows = unitRows([dinkes, disdik, company], [newest, older, superseded, waiting]);
    expect(rows.map((row) => [row.unit.id, row.input?.id ?? null, row.approved])).toEqual([
      ['dinkes', newest.id, true],
      ['disdik', waiting.id, false],
      ['pt', null, false],
    ]);
  });

  it('says in words where each input stands', () => {
    expect(inputStatusKey(null)).toEqual({ key: 'compile.noInput' });
    expect(inputStatusKey(input({ status: 'IN_REVIEW', reviewStage: 'UNIT_HEAD' }))).toEqual({ key: 'compile.waitingAt', stage: 'review.stage.UNIT_HEAD' });
    expect(inputStatusKey(input({ status: 'RETURNED' }))).toEqual({ key: 'status.RETURNED' });
  });

  it('finds the compiled report as the reporter’s own, never a unit’s input or another reporter’s report', () => {
    const unitInput = input({ organisationId: 'dinkes', status: 'VERIFIED' });
    const own = input({ organisationId: null, status: 'DRAFT' });
    expect(compiledReportOf([unitInput, own], { regionCode: '64.71' })?.id).toBe(own.id);
    expect(compiledReportOf([unitInput], { regionCode: '64.71' })).toBeNull();
    // A coordinator of Balikpapan and of a ministry: the city's report is not the ministry's, nor a directorate's input.
    const ministry = input({ regionCode: null, provinceCode: null, organisationId: 'kemenkes', programme: 'RANHAM', reporterLevel: 'KL' });
    const directorate = input({ regionCode: null, provinceCode: null, organisationId: 'ditjen-p2p', programme: 'RANHAM', reporterLevel: 'KL' });
    expect(compiledReportOf([own, directorate], { organisationId: 'kemenkes' })).toBeNull();
    expect(compiledReportOf([own, directorate, ministry], { organisationId: 'kemenkes' })?.id).toBe(ministry.id);
    expect(compiledReportOf([ministry, directorate], { regionCode: '64.71' })).toBeNull();
  });
});

describe('the disagreements and their settlement', () => {
  const approved: { unit: string; answers: Answers }[] = [
    { unit: 'Dinas Kesehatan', answers: { 'K1.P1': 75.5, 'K2.S1': true, 'K3.T1': 'ada' } },
    { unit: 'Dinas Pendidikan', answers: { 'K1.P1': 60, 'K2.S1': false, 'K3.T1': 'belum' } },
    { unit: 'Dinas Sosial', answers: { 'K1.P1': null } },
  ];

  it('reads the codes from the refusal’s fields and the values from the approved inputs, leaving out units that did not answer', () => {
    const conflicts = conflictsOf(refusal(['answers.K1.P1', 'answers.K2.S1']), approved);
    expect(conflicts).toEqual([
      { code: 'K1.P1', problem: 'answers.K1.P1 differs', values: [{ unit: 'Dinas Kesehatan', value: 75.5 }, { unit: 'Dinas Pendidikan', value: 60 }] },
      { code: 'K2.S1', problem: 'answers.K2.S1 differs', values: [{ unit: 'Dinas Kesehatan', value: true }, { unit: 'Dinas Pendidikan', value: false }] },
    ]);
  });

  it('tells a disagreement from other refusals', () => {
    expect(isDisagreement(refusal(['answers.K1.P1']))).toBe(true);
    expect(isDisagreement(refusal(['answers.K1.P1'], 400))).toBe(false);
    expect(isDisagreement(refusal([]))).toBe(false);
  });

  const conflicts: Conflict[] = conflictsOf(refusal(['answers.K1.P1', 'answers.K2.S1', 'answers.K3.T1']), approved);

  it('turns a chosen unit value or a typed answer into the compile call’s answers, read like the units’ answers', () => {
    const { answers, problems } = settle(conflicts, {
      'K1.P1': { pick: 'other', other: ' 70,25 ' },
      'K2.S1': { pick: 1, other: '' },
      'K3.T1': { pick: 'other', other: 'sebagian' },
    });
    expect(problems).toEqual([]);
    expect(answers).toEqual({ 'K1.P1': 70.25, 'K2.S1': false, 'K3.T1': 'sebagian' });
    expect(settle(conflicts.slice(1, 2), { 'K2.S1': { pick: 'other', other: 'Ya' } }).answers).toEqual({ 'K2.S1': true });
  });

  it('names every problem at once: no choice, a blank typed answer, a typed answer that is no number or no yes/no', () => {
    const { answers, problems } = settle(conflicts, { 'K1.P1': { pick: 'other', other: 'nihil' }, 'K3.T1': { pick: 'other', other: '  ' } });
    expect(answers).toEqual({});
    expect(problems).toEqual([
      { code: 'K1.P1', onOther: true, message: { key: 'compile.notANumber', params: { code: 'K1.P1' } } },
      { code: 'K2.S1', onOther: false, message: { key: 'compile.chooseValue', params: { code: 'K2.S1' } } },
      { code: 'K3.T1', onOther: true, message: { key: 'compile.typeOther', params: { code: 'K3.T1' } } },
    ]);
    expect(settle(conflicts.slice(1, 2), { 'K2.S1': { pick: 'other', other: 'mungkin' } }).problems[0].message.key).toBe('compile.notYesNo');
  });

  it('gives each conflict field an id the error summary can link to', () => {
    expect(choiceFieldId('AKSI-2025-01.B08.1')).toBe('settle-AKSI-2025-01-B08-1');
    expect(otherFieldId('K1.P1')).toBe('settle-K1-P1-other');
  });

  it('shows values the Indonesian way and in English', () => {
    const words = { yes: 'ya', no: 'tidak', empty: '(kosong)' };
    expect(formatValue(75.5, 'id', words)).toBe('75,5');
    expect(formatValue(75.5, 'en', words)).toBe('75.5');
    expect(formatValue(false, 'id', words)).toBe('tidak');
    expect(formatValue(null, 'id', words)).toBe('(kosong)');
  });

  it('has every compile word in both languages', () => {
    const keys = Object.keys(DICTIONARIES.id).filter((key) => key.startsWith('compile.'));
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) expect(DICTIONARIES.en[key as keyof typeof DICTIONARIES.en]).toBeTruthy();
  });
});
