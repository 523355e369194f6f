import { formatAnswer, parseAnswer } from '../src/pages/report/answer-parsing';
import {
  afterConflict,
  answerProblemsFromApi,
  answersToSend,
  DEBOUNCE_MS,
  hasUnsaved,
  initialSaveState,
  nextSaveDelay,
  saveReducer,
  typedSince,
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
  const start = initialSaveState({ answers: { 'M.1': true }, version: 3 });

  it('waits for the debounce after an edit, then is saved at the version the server confirms', () => {
    const edited = run(start, { type: 'EDIT', key: 'M.2', value: 40 });
    expect(edited.phase).toBe('pending');
    expect(nextSaveDelay(edited)).toBe(DEBOUNCE_MS);
    const saving = run(edited, { type: 'SAVE_STARTED' });
    expect(nextSaveDelay(saving)).toBeNull();
    const saved = run(saving, { type: 'SAVED', sent: saving.inFlight!, server: { 'M.1': true, 'M.2': 40 }, version: 4 });
    expect(saved).toMatchObject({ phase: 'saved', version: 4 });
    expect(hasUnsaved(saved)).toBe(false);
  });

  it('does not call newer typing saved when an older save is confirmed, and sends it on the confirmed version', () => {
    const saving = run(start, { type: 'EDIT', key: 'M.2', value: 40 }, { type: 'SAVE_STARTED' });
    const typedMore = run(saving, { type: 'EDIT', key: 'M.2', value: 45 });
    const confirmed = run(typedMore, { type: 'SAVED', sent: saving.inFlight!, server: { 'M.1': true, 'M.2': 40 }, version: 4 });
    expect(confirmed).toMatchObject({ phase: 'pending', version: 4 });
    expect(confirmed.local['M.2']).toBe(45);
  });

  it('keeps typed answers through a lost connection and retries with a growing delay', () => {
    const failedOnce = run(start, { type: 'EDIT', key: 'M.2', value: 40 }, { type: 'SAVE_STARTED' }, { type: 'NETWORK_FAILED' });
    expect(failedOnce.phase).toBe('offline');
    expect(failedOnce.local['M.2']).toBe(40);
    const failedTwice = run(failedOnce, { type: 'SAVE_STARTED' }, { type: 'NETWORK_FAILED' }, { type: 'EDIT', key: 'M.3', value: 'catatan' });
    expect(nextSaveDelay(failedTwice)).toBeGreaterThan(nextSaveDelay(failedOnce)!);
    expect(failedTwice.phase).toBe('offline');
    expect(failedTwice.version).toBe(3);
    expect(hasUnsaved(failedTwice)).toBe(true);
  });

  it('stops on a version conflict without losing what was typed, and saves nothing until the person chooses', () => {
    const conflict = run(start, { type: 'EDIT', key: 'M.2', value: 40 }, { type: 'SAVE_STARTED' }, { type: 'CONFLICT', message: 'Laporan ini sudah diubah orang lain (versi 4, bukan 3).', locked: false });
    expect(conflict).toMatchObject({ phase: 'conflict', locked: false, conflictMessage: 'Laporan ini sudah diubah orang lain (versi 4, bukan 3).', version: 3 });
    expect(conflict.local).toEqual({ 'M.1': true, 'M.2': 40 });
    expect(nextSaveDelay(conflict)).toBeNull();
    const typedOn = run(conflict, { type: 'EDIT', key: 'M.3', value: 1 });
    expect(typedOn.phase).toBe('conflict');
    expect(nextSaveDelay(typedOn)).toBeNull();
  });

  it('"keep mine" takes the latest version as the baseline and saves the typed answers over it', () => {
    const typed = run(start, { type: 'EDIT', key: 'M.2', value: 40 }, { type: 'EDIT', key: 'M.1', value: null });
    const conflict = run(typed, { type: 'SAVE_STARTED' }, { type: 'CONFLICT', message: 'x', locked: false });
    // Meanwhile someone answered M.2 and M.5: the typed M.2 (and the cleared M.1) win, their M.5 stays.
    const kept = run(conflict, { type: 'RELOAD', server: { 'M.1': true, 'M.2': 10, 'M.5': 'lain' }, version: 4, keepLocal: true });
    expect(kept).toMatchObject({ phase: 'pending', version: 4, saved: { 'M.1': true, 'M.2': 10, 'M.5': 'lain' }, conflictMessage: null });
    expect(kept.local).toEqual({ 'M.1': null, 'M.2': 40, 'M.5': 'lain' });
    expect(nextSaveDelay(kept)).toBe(DEBOUNCE_MS);
    const saving = run(kept, { type: 'SAVE_STARTED' });
    expect(answersToSend(saving.inFlight!)).toEqual({ 'M.2': 40, 'M.5': 'lain' });
    const saved = run(saving, { type: 'SAVED', sent: saving.inFlight!, server: { 'M.2': 40, 'M.5': 'lain' }, version: 5 });
    expect(saved).toMatchObject({ phase: 'saved', version: 5 });
    expect(typedSince({ a: 1, b: 2, c: null }, { a: 1, b: 3, c: 4 })).toEqual({ b: 2, c: null });
    // The latest already holds what was typed: nothing left to save.
    expect(run(conflict, { type: 'RELOAD', server: { 'M.2': 40 }, version: 4, keepLocal: true })).toMatchObject({ phase: 'saved', version: 4 });
  });

  it('"use the latest" replaces what was typed with the latest answers and version', () => {
    const conflict = run(start, { type: 'EDIT', key: 'M.2', value: 40 }, { type: 'SAVE_STARTED' }, { type: 'CONFLICT', message: 'x', locked: false });
    const taken = run(conflict, { type: 'RELOAD', server: { 'M.1': false }, version: 4, keepLocal: false });
    expect(taken).toMatchObject({ phase: 'saved', local: { 'M.1': false }, version: 4, conflictMessage: null });
    expect(hasUnsaved(taken)).toBe(false);
  });

  describe('reading a 409 with the submission read after it', () => {
    const sent = { 'M.1': true, 'M.2': 40 };
    const saving = run(start, { type: 'EDIT', key: 'M.2', value: 40 }, { type: 'SAVE_STARTED' });

    it("is someone else's change when the latest answers are not what this page sent", () => {
      const event = afterConflict(saving, sent, { answers: { 'M.1': false }, version: 4, editable: true }, 'diubah orang lain');
      expect(event).toEqual({ type: 'CONFLICT', message: 'diubah orang lain', locked: false });
    });

    it('is a report that can no longer be edited when it was submitted meanwhile', () => {
      const event = afterConflict(saving, sent, { answers: { 'M.1': true }, version: 4, editable: false }, 'terkunci');
      expect(event).toEqual({ type: 'CONFLICT', message: 'terkunci', locked: true });
      const locked = run(saving, event);
      expect(locked).toMatchObject({ phase: 'conflict', locked: true, local: sent });
    });

    it('is still a conflict (never a silent overwrite) when the latest could not be read', () => {
      expect(afterConflict(saving, sent, null, 'x')).toEqual({ type: 'CONFLICT', message: 'x', locked: false });
    });

    it("is this page's own earlier write when a save's answer was lost and its retry meets the version it made", () => {
      // The first PATCH was written but its answer never came; the person typed on; the retry carries version 3.
      const lost = run(saving, { type: 'NETWORK_FAILED' }, { type: 'EDIT', key: 'M.3', value: 'catatan' }, { type: 'SAVE_STARTED' });
      expect(lost.unconfirmed).toEqual([sent]);
      const event = afterConflict(lost, lost.inFlight!, { answers: sent, version: 4, editable: true }, 'x');
      expect(event).toEqual({ type: 'SAVED', sent, server: sent, version: 4 });
      const moved = run(lost, event);
      // The typing after the lost write still waits, now on version 4.
      expect(moved).toMatchObject({ phase: 'pending', version: 4, unconfirmed: [], local: { ...sent, 'M.3': 'catatan' } });
    });

    it('is nothing to decide when the latest answers already are the ones sent', () => {
      const event = afterConflict(saving, sent, { answers: { 'M.2': 40, 'M.1': true }, version: 7, editable: true }, 'x');
      expect(run(saving, event)).toMatchObject({ phase: 'saved', version: 7 });
    });
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
