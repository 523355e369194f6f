import { formatAnswer, parseAnswer } from '../src/pages/report/answer-parsing';
import {
  answerProblemsFromApi,
  answersToSend,
  DEBOUNCE_MS,
  hasUnsaved,
  initialSaveState,
  nextSaveDelay,
  saveReducer,
  type SaveEvent,
  type SaveState,
} from '../src/pages/report/autosave';
import { missingTasks, taskGroupsOf, taskStatus } from '../src/pages/report/tasks';

describe('reading what a person typed as an answer', () => {
  it('takes numbers with a decimal comma or point and refuses "nihil" where a number belongs', () => {
    expect(parseAnswer('NUMBER', '75,50')).toEqual({ ok: true, value: 75.5 });
    expect(parseAnswer('NUMBER', ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parseAnswer('PERCENT', '99.5')).toEqual({ ok: true, value: 99.5 });
    for (const nihil of ['nihil', 'NIHIL', 'nil', '-']) expect(parseAnswer('NUMBER', nihil)).toEqual({ ok: false, problem: 'report.answer.nihil' });
    expect(parseAnswer('NUMBER', 'dua belas')).toEqual({ ok: false, problem: 'report.answer.notANumber' });
    expect(parseAnswer('NUMBER', '-3')).toEqual({ ok: false, problem: 'report.answer.negative' });
    expect(parseAnswer('PERCENT', '100,01')).toEqual({ ok: false, problem: 'report.answer.percentRange' });
  });

  it('reads yes/no, choices and text, and a blank as no answer yet', () => {
    expect(parseAnswer('YES_NO', 'true')).toEqual({ ok: true, value: true });
    expect(parseAnswer('YES_NO', 'false')).toEqual({ ok: true, value: false });
    expect(parseAnswer('YES_NO', 'mungkin')).toEqual({ ok: false, problem: 'report.answer.yesNo' });
    expect(parseAnswer('CHOICE', 'LENGKAP', ['LENGKAP', 'SEBAGIAN'])).toEqual({ ok: true, value: 'LENGKAP' });
    expect(parseAnswer('CHOICE', 'LAIN', ['LENGKAP'])).toEqual({ ok: false, problem: 'report.answer.choice' });
    expect(parseAnswer('TEXT', 'x'.repeat(4001))).toEqual({ ok: false, problem: 'report.answer.tooLong' });
    expect(parseAnswer('NUMBER', '   ')).toEqual({ ok: true, value: null });
  });

  it('shows a stored number back with the decimal comma in Indonesian', () => {
    expect(formatAnswer(75.5, 'id')).toBe('75,5');
    expect(formatAnswer(75.5, 'en')).toBe('75.5');
    expect(formatAnswer(null, 'id')).toBe('');
  });
});

describe('a report as a task list', () => {
  const kkp = {
    criteria: [{ code: 'K1', name: 'Hak atas kesehatan' }, { code: 'K2', name: 'Hak atas pendidikan' }],
    indicators: [
      { code: 'K1.1', criterionCode: 'K1', text: 'Ada Perda', answerType: 'YES_NO', evidence: { allowedDocumentTypes: ['PERDA'], minCount: 1 }, helpText: 'Lampirkan Perda' },
      { code: 'K2.1', criterionCode: 'K2', text: 'Sekolah inklusi', answerType: 'BANDED', evidence: { allowedDocumentTypes: [], minCount: 0 } },
    ],
  };
  const ranham = {
    actions: [
      {
        code: 'AKSI-1',
        year: 2026,
        reporterLevels: ['PROVINCE', 'KABKOTA'],
        title: 'Perwal disabilitas',
        successMeasures: [
          { periodCode: 'B04', code: 'AKSI-1.B04.1', measure: 'Draf disusun', answerType: 'YES_NO', requiredDocuments: [{ documentTypes: ['NOTULEN'], minCount: 1 }] },
          { periodCode: 'B08', code: 'AKSI-1.B08.1', measure: 'Dibahas', answerType: 'PERCENT', requiredDocuments: [] },
        ],
      },
      { code: 'AKSI-0', year: 2025, title: 'Tahun lalu', successMeasures: [{ periodCode: 'B04', code: 'AKSI-0.B04.1', measure: 'x', answerType: 'YES_NO', requiredDocuments: [] }] },
      { code: 'AKSI-K', year: 2026, reporterLevels: ['KL'], title: 'Kementerian', successMeasures: [{ periodCode: 'B04', code: 'AKSI-K.B04.1', measure: 'x', answerType: 'YES_NO', requiredDocuments: [] }] },
      { code: 'AKSI-2', title: 'Lain', successMeasures: [{ periodCode: 'B12', code: 'AKSI-2.B12.1', measure: 'x', answerType: 'TEXT', requiredDocuments: [] }] },
    ],
  };

  it('groups KKP HAM indicators by criterion with their help and documents', () => {
    const groups = taskGroupsOf('KKP_HAM', kkp, '2026-TAHUNAN');
    expect(groups.map((g) => [g.code, g.tasks.map((t) => t.code)])).toEqual([['K1', ['K1.1']], ['K2', ['K2.1']]]);
    expect(groups[0].tasks[0]).toMatchObject({ kind: 'YES_NO', helpText: 'Lampirkan Perda', documents: [{ types: ['PERDA'], minCount: 1 }] });
    expect(groups[1].tasks[0]).toMatchObject({ kind: 'NUMBER', documents: [] });
  });

  it("lists only this period's RANHAM measures of the year and the reporter's level, keyed by measure code", () => {
    const groups = taskGroupsOf('RANHAM', ranham, '2026-B04', 'KABKOTA');
    expect(groups).toHaveLength(1);
    expect(groups[0].tasks.map((t) => [t.code, t.kind])).toEqual([['AKSI-1.B04.1', 'YES_NO']]);
  });

  it('marks each task not started, in progress or done, and lists the missing ones', () => {
    expect(taskStatus(undefined, undefined, false)).toBe('NOT_STARTED');
    expect(taskStatus(undefined, 'nihil', true)).toBe('IN_PROGRESS');
    expect(taskStatus(false, undefined, false)).toBe('DONE');
    expect(taskStatus(0, '0', false)).toBe('DONE');
    const groups = taskGroupsOf('KKP_HAM', kkp, '2026-TAHUNAN');
    expect(missingTasks(groups, { 'K1.1': true }).map((t) => t.code)).toEqual(['K2.1']);
  });
});

describe('autosave and conflicts', () => {
  const run = (state: SaveState, ...events: SaveEvent[]) => events.reduce(saveReducer, state);
  const start = initialSaveState({ 'M.1': true });

  it('waits for the debounce after an edit, then is saved once the server confirms what was sent', () => {
    const edited = run(start, { type: 'EDIT', key: 'M.2', value: 40 });
    expect(edited.phase).toBe('pending');
    expect(nextSaveDelay(edited)).toBe(DEBOUNCE_MS);
    const saving = run(edited, { type: 'SAVE_STARTED' });
    expect(nextSaveDelay(saving)).toBeNull();
    const saved = run(saving, { type: 'SAVED', sent: saving.inFlight!, server: { 'M.1': true, 'M.2': 40 } });
    expect(saved.phase).toBe('saved');
    expect(hasUnsaved(saved)).toBe(false);
  });

  it('does not call newer typing saved when an older save is confirmed', () => {
    const saving = run(start, { type: 'EDIT', key: 'M.2', value: 40 }, { type: 'SAVE_STARTED' });
    const typedMore = run(saving, { type: 'EDIT', key: 'M.2', value: 45 });
    const confirmed = run(typedMore, { type: 'SAVED', sent: saving.inFlight!, server: { 'M.1': true, 'M.2': 40 } });
    expect(confirmed.phase).toBe('pending');
    expect(confirmed.local['M.2']).toBe(45);
  });

  it('keeps typed answers through a lost connection and retries with a growing delay', () => {
    const failedOnce = run(start, { type: 'EDIT', key: 'M.2', value: 40 }, { type: 'SAVE_STARTED' }, { type: 'NETWORK_FAILED' });
    expect(failedOnce.phase).toBe('offline');
    expect(failedOnce.local['M.2']).toBe(40);
    const failedTwice = run(failedOnce, { type: 'SAVE_STARTED' }, { type: 'NETWORK_FAILED' }, { type: 'EDIT', key: 'M.3', value: 'catatan' });
    expect(nextSaveDelay(failedTwice)).toBeGreaterThan(nextSaveDelay(failedOnce)!);
    expect(failedTwice.phase).toBe('offline');
    expect(hasUnsaved(failedTwice)).toBe(true);
  });

  it('stops on a conflict without losing what was typed, and saves it again only when the person chooses so', () => {
    const conflict = run(start, { type: 'EDIT', key: 'M.2', value: 40 }, { type: 'SAVE_STARTED' }, { type: 'CONFLICT', message: '', server: { 'M.1': false } });
    expect(conflict.phase).toBe('conflict');
    expect(nextSaveDelay(conflict)).toBeNull();
    expect(run(conflict, { type: 'EDIT', key: 'M.3', value: 1 }).phase).toBe('conflict');
    const kept = run(conflict, { type: 'RELOAD', server: { 'M.1': false }, keepLocal: true });
    expect(kept).toMatchObject({ phase: 'pending', local: { 'M.1': true, 'M.2': 40 } });
    const taken = run(conflict, { type: 'RELOAD', server: { 'M.1': false }, keepLocal: false });
    expect(taken).toMatchObject({ phase: 'saved', local: { 'M.1': false } });
  });

  it("places the API's refusal on the answers it names and clears it when that answer changes", () => {
    const problems = answerProblemsFromApi({ message: 'Periksa', problems: [{ field: 'answers.M.2', problem: 'Tulis 0, bukan "nihil".' }] });
    expect(problems).toEqual({ 'M.2': 'Tulis 0, bukan "nihil".' });
    expect(answerProblemsFromApi({ message: 'Laporan terkunci' })).toEqual({ '': 'Laporan terkunci' });
    const refused = run(start, { type: 'EDIT', key: 'M.2', value: 40 }, { type: 'SAVE_STARTED' }, { type: 'REFUSED', problems });
    expect(refused.phase).toBe('refused');
    expect(run(refused, { type: 'EDIT', key: 'M.2', value: 0 }).problems).toEqual({});
    expect(answersToSend({ a: 1, b: null, c: '' })).toEqual({ a: 1 });
  });
});
