import { draftOf, groupItems, isChanged, itemsWithoutLead, problemsOfRefusal, setToSave, withUnits, type AssignmentsView } from '../src/pages/assignments/assignments-model';
import { workbookRefusal } from '../src/pages/report/workbook-model';
import { assignedGroups, type TaskGroup } from '../src/pages/report/tasks';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

function view(programme: 'KKP_HAM' | 'RANHAM', items: Partial<AssignmentsView['items'][number]>[]): AssignmentsView {
  return {
    cycleId: 'c',
    programme,
    reporter: { regionCode: '64.71', organisationId: null, name: 'Kota Balikpapan' },
    assigning: true,
    units: [
      { id: A, name: 'Dinas Kesehatan', kind: 'OPD', active: true },
      { id: B, name: 'Dinas Sosial', kind: 'OPD', active: true },
    ],
    items: items.map((item) => ({ code: 'X', kind: 'INDICATOR', text: '', parentCode: null, periodCode: null, unitIds: [], leadUnitId: null, ...item })),
    unassignedCodes: [],
  } as AssignmentsView;
}

describe('the assignments page', () => {
  it('groups KKP HAM indicators under their criterion and RANHAM measures under their action', () => {
    const kkp = view('KKP_HAM', [{ code: 'K1.S1' }, { code: 'K2.S1' }, { code: 'K1.P1' }]);
    const content = { criteria: [{ code: 'K1', name: 'Bantuan hukum' }, { code: 'K2', name: 'Informasi' }], indicators: [{ code: 'K1.S1', criterionCode: 'K1' }, { code: 'K2.S1', criterionCode: 'K2' }, { code: 'K1.P1', criterionCode: 'K1' }] };
    expect(groupItems(kkp, content).map((group) => [group.code, group.title, group.items.map((item) => item.code)])).toEqual([
      ['K1', 'Bantuan hukum', ['K1.S1', 'K1.P1']],
      ['K2', 'Informasi', ['K2.S1']],
    ]);
    const ranham = view('RANHAM', [
      { code: 'AKSI-1', kind: 'ACTION', text: 'Perwal' },
      { code: 'AKSI-1.B04.1', kind: 'MEASURE', parentCode: 'AKSI-1' },
      { code: 'AKSI-2', kind: 'ACTION', text: 'Sosialisasi' },
    ]);
    expect(groupItems(ranham, {}).map((group) => [group.code, group.title, group.items.length])).toEqual([
      ['AKSI-1', 'Perwal', 2],
      ['AKSI-2', 'Sosialisasi', 1],
    ]);
  });

  it('keeps the lead only while it is among the units, and names items with several units and no lead', () => {
    expect(withUnits({ unitIds: [], leadUnitId: null }, [A])).toEqual({ unitIds: [A], leadUnitId: A });
    expect(withUnits({ unitIds: [A], leadUnitId: A }, [A, B])).toEqual({ unitIds: [A, B], leadUnitId: A });
    expect(withUnits({ unitIds: [A, B], leadUnitId: A }, [B])).toEqual({ unitIds: [B], leadUnitId: B });
    expect(withUnits({ unitIds: [A, B], leadUnitId: A }, [])).toEqual({ unitIds: [], leadUnitId: null });
    const stored = view('KKP_HAM', [{ code: 'K1.S1' }, { code: 'K2.S1', unitIds: [A], leadUnitId: A }]);
    const draft = { ...draftOf(stored), 'K1.S1': { unitIds: [A, B], leadUnitId: null } };
    expect(isChanged(stored, draftOf(stored))).toBe(false);
    expect(isChanged(stored, draft)).toBe(true);
    expect(itemsWithoutLead(stored, draft)).toEqual(['K1.S1']);
    expect(setToSave(stored, draft)).toEqual([
      { code: 'K1.S1', unitIds: [A, B], leadUnitId: null },
      { code: 'K2.S1', unitIds: [A], leadUnitId: A },
    ]);
  });

  it('pins the API’s problems to the item at the position the field names', () => {
    const sent = [{ code: 'K1.S1' }, { code: 'K2.S1' }];
    const error = {
      statusCode: 400,
      error: 'BAD_REQUEST',
      code: 'request.invalid',
      message: 'Permintaan tidak valid',
      requestId: 'r',
      problems: [
        { field: 'items[1].unitIds[0]', problem: 'unit di luar cakupan', constraint: 'x' },
        { field: 'items[0].leadUnitId', problem: 'unit utama bukan salah satu unit', constraint: 'y' },
        { field: 'regionCode', problem: 'tidak dikenal', constraint: 'z' },
      ],
    };
    expect(problemsOfRefusal(error, sent, 'fallback')).toEqual([
      { code: 'K2.S1', field: 'units', text: 'K2.S1: unit di luar cakupan' },
      { code: 'K1.S1', field: 'lead', text: 'K1.S1: unit utama bukan salah satu unit' },
      { code: null, field: 'units', text: 'regionCode: tidak dikenal' },
    ]);
    expect(problemsOfRefusal(undefined, sent, 'fallback')).toEqual([{ code: null, field: 'units', text: 'fallback' }]);
  });
});

describe('the report of a unit whose reporter assigns items', () => {
  const groups: TaskGroup[] = [
    { code: 'K1', title: 'a', tasks: [{ code: 'K1.S1', text: '', kind: 'YES_NO', choices: [], documents: [] }, { code: 'K1.P1', text: '', kind: 'NUMBER', choices: [], documents: [] }] },
    { code: 'K2', title: 'b', tasks: [{ code: 'K2.S1', text: '', kind: 'YES_NO', choices: [], documents: [] }] },
  ];
  it('shows only the assigned tasks, and every task when nothing is assigned', () => {
    expect(assignedGroups(groups, ['K1.P1']).map((group) => [group.code, group.tasks.map((task) => task.code)])).toEqual([['K1', ['K1.P1']]]);
    expect(assignedGroups(groups, null)).toBe(groups);
    expect(assignedGroups(groups, [])).toEqual([]);
  });
});

describe('a refused workbook', () => {
  const body = (problems?: { field: string; problem: string }[], code = 'submission.workbookInvalid') => ({ statusCode: 400, error: 'x', code, message: 'Berkas jawaban tidak dapat diterima', requestId: 'r', ...(problems ? { problems: problems.map((p) => ({ ...p, constraint: 'c' })) } : {}) });
  it('lists each wrong cell as the API names it, and tells a stale workbook from a locked report', () => {
    expect(workbookRefusal(400, body([{ field: 'Jawaban!E7', problem: 'Jawaban!E7: "nihil" bukan angka' }, { field: 'file', problem: 'lembar Jawaban tidak ada' }]))).toEqual({
      kind: 'cells',
      message: 'Berkas jawaban tidak dapat diterima',
      problems: ['Jawaban!E7: "nihil" bukan angka', 'lembar Jawaban tidak ada'],
    });
    // The 409's code tells a stale workbook from a locked report, with no second read.
    expect(workbookRefusal(409, body(undefined, 'submission.versionConflict'))).toMatchObject({ kind: 'api', key: 'workbook.stale' });
    expect(workbookRefusal(409, body(undefined, 'submission.answersLocked'))).toMatchObject({ kind: 'api', key: 'workbook.locked' });
    expect(workbookRefusal(409, body(undefined, 'submission.noFramework'))).toEqual({ kind: 'api', key: null, message: 'Berkas jawaban tidak dapat diterima' });
    expect(workbookRefusal(413, body(undefined, 'submission.workbookTooLarge'))).toEqual({ kind: 'api', key: null, message: 'Berkas jawaban tidak dapat diterima' });
    expect(workbookRefusal(0, undefined)).toEqual({ kind: 'local', key: 'workbook.failed' });
  });
});
