import { downloadName } from '../src/lib/download';
import { DICTIONARIES } from '../src/i18n/messages';
import {
  COMPLETENESS_STATUSES,
  NO_FILTERS,
  defaultPeriod,
  exportQuery,
  filterRows,
  fitFilters,
  isLateUnit,
  overseesCompleteness,
  provinceOptions,
  regionOptions,
  reportHref,
  toRowModel,
  totalsByStatus,
  type CompletenessRow,
} from '../src/pages/completeness/completeness-model';

let sequence = 0;
function unit(overrides: Partial<CompletenessRow>): CompletenessRow {
  sequence += 1;
  return {
    regionCode: '64.71',
    regionName: 'Kota Balikpapan',
    organisationId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    organisationName: `Dinas ${sequence}`,
    status: 'NOT_STARTED',
    late: false,
    submissionId: null,
    reviewStage: null,
    ownReport: false,
    deadlineAt: '2026-09-06T15:59:59.999Z',
    deadline: { id: '6 September 2026 pukul 23.59 WITA', en: '6 September 2026, 23:59 WITA' },
    extended: false,
    ...overrides,
  } as CompletenessRow;
}

const city = unit({ organisationId: null, organisationName: null, ownReport: true, status: 'SUBMITTED', submissionId: 'city-report' });
const late = unit({ status: 'LATE' });
const submittedLate = unit({ status: 'SUBMITTED', late: true, submissionId: 'late-report' });
const extended = unit({ status: 'DRAFT', extended: true, submissionId: 'draft-report' });
const jayapura = unit({ regionCode: '91.71', regionName: 'Kota Jayapura', status: 'LATE' });
const bontang = unit({ regionCode: '64.74', regionName: 'Kota Bontang', status: 'VERIFIED', submissionId: 'bontang' });
const rows = [city, late, submittedLate, extended, bontang, jayapura];

describe('completeness: filters and totals', () => {
  it('keeps everything without filters, in the API’s order', () => {
    expect(filterRows(rows, NO_FILTERS)).toEqual(rows);
  });

  it('late only keeps units still owing a report after their deadline and those that sent it within an extension', () => {
    expect(filterRows(rows, { ...NO_FILTERS, lateOnly: true })).toEqual([late, submittedLate, jayapura]);
    expect(rows.filter(isLateUnit)).toEqual([late, submittedLate, jayapura]);
  });

  it('narrows by province, regency/city and status, together', () => {
    expect(filterRows(rows, { ...NO_FILTERS, provinceCode: '64' })).toEqual([city, late, submittedLate, extended, bontang]);
    expect(filterRows(rows, { ...NO_FILTERS, regionCode: '64.74' })).toEqual([bontang]);
    expect(filterRows(rows, { ...NO_FILTERS, provinceCode: '64', status: 'LATE' })).toEqual([late]);
    expect(filterRows(rows, { ...NO_FILTERS, status: 'SUBMITTED', lateOnly: true })).toEqual([submittedLate]);
    expect(filterRows(rows, { ...NO_FILTERS, provinceCode: '91', regionCode: '64.71' })).toEqual([]);
  });

  it('counts every status within the chosen place, whatever status or lateness is picked', () => {
    const totals = totalsByStatus(rows, { ...NO_FILTERS, provinceCode: '64', status: 'LATE', lateOnly: true });
    expect(totals).toEqual({ NOT_STARTED: 0, DRAFT: 1, SUBMITTED: 2, RETURNED: 0, VERIFIED: 1, LATE: 1 });
    expect(Object.keys(totalsByStatus([], NO_FILTERS))).toEqual([...COMPLETENESS_STATUSES]);
  });

  it('filters a national list of 25,700 units without losing any', () => {
    const national = Array.from({ length: 25_700 }, (_, i) =>
      unit({ regionCode: `${String(11 + (i % 38)).padStart(2, '0')}.${String(i % 50).padStart(2, '0')}`, status: i % 7 === 0 ? 'LATE' : 'DRAFT' }),
    );
    expect(filterRows(national, NO_FILTERS)).toHaveLength(25_700);
    expect(filterRows(national, { ...NO_FILTERS, lateOnly: true })).toHaveLength(Math.ceil(25_700 / 7));
    expect(Object.values(totalsByStatus(national, NO_FILTERS)).reduce((a, b) => a + b, 0)).toBe(25_700);
  });
});

describe('completeness: place options', () => {
  it('offers the provinces and regencies/cities present, by code, named where known', () => {
    expect(provinceOptions(rows, new Map([['64', 'Kalimantan Timur']]))).toEqual([
      { value: '64', label: 'Kalimantan Timur (64)' },
      { value: '91', label: '91' },
    ]);
    expect(regionOptions(rows, null).map((option) => option.value)).toEqual(['64.71', '64.74', '91.71']);
    expect(regionOptions(rows, '64')).toEqual([
      { value: '64.71', label: 'Kota Balikpapan (64.71)' },
      { value: '64.74', label: 'Kota Bontang (64.74)' },
    ]);
    // A ministry's units have no regency/city and no province here.
    expect(provinceOptions([unit({ regionCode: null, regionName: null })], new Map())).toEqual([]);
  });

  it('drops a place filter the list no longer has, and keeps a filter that still fits as the same object', () => {
    const provinces = provinceOptions(rows, new Map());
    const fits = { ...NO_FILTERS, provinceCode: '64', regionCode: '64.71', lateOnly: true };
    expect(fitFilters(fits, provinces, regionOptions(rows, '64'))).toBe(fits);
    expect(fitFilters({ ...fits, regionCode: '12.01' }, provinces, regionOptions(rows, '64'))).toEqual({ ...fits, regionCode: null });
    expect(fitFilters({ ...fits, provinceCode: '12' }, provinces, [])).toEqual({ ...fits, provinceCode: null, regionCode: null });
  });
});

describe('completeness: a row and its report link', () => {
  const coordinator = [{ role: 'COORDINATOR' as const }];
  const admin = [{ role: 'NATIONAL_ADMIN' as const }];

  it('shows status, lateness and the extended deadline in the unit’s zone, in the chosen language', () => {
    expect(toRowModel(late, 'id', coordinator)).toMatchObject({ status: 'LATE', colour: 'red', lateFlag: 'LATE', href: null, deadline: '6 September 2026 pukul 23.59 WITA' });
    expect(toRowModel(submittedLate, 'en', coordinator)).toMatchObject({ lateFlag: 'SUBMITTED_LATE', href: '/review/late-report', deadline: '6 September 2026, 23:59 WITA' });
    expect(toRowModel(extended, 'id', admin)).toMatchObject({ extended: true, lateFlag: null, href: '/reports/draft-report' });
    expect(toRowModel(city, 'id', coordinator)).toMatchObject({ unitName: null, regionName: 'Kota Balikpapan' });
    expect(toRowModel(unit({ deadline: null, deadlineAt: null }), 'id', coordinator).deadline).toBeNull();
    expect(new Set(rows.map((row) => toRowModel(row, 'id', admin).key)).size).toBe(rows.length);
  });

  it('opens the review page for reviewers and the report page for others', () => {
    expect(reportHref('x', [{ role: 'KANWIL_VERIFIER' }])).toBe('/review/x');
    expect(reportHref('x', [{ role: 'VIEWER' }, { role: 'NATIONAL_ADMIN' }])).toBe('/reports/x');
  });

  it('is offered to coordinators, the Kanwil, the centre and admins, not to unit staff', () => {
    for (const role of ['COORDINATOR', 'KANWIL_VERIFIER', 'CENTRAL_VERIFIER', 'NATIONAL_ADMIN'] as const) expect(overseesCompleteness([{ role }])).toBe(true);
    expect(overseesCompleteness([{ role: 'UNIT_OPERATOR' }, { role: 'UNIT_HEAD' }, { role: 'VIEWER' }])).toBe(false);
    expect(overseesCompleteness([])).toBe(false);
  });

  it('has words for every status in both languages', () => {
    for (const dictionary of Object.values(DICTIONARIES)) {
      for (const status of COMPLETENESS_STATUSES) expect(dictionary[`completeness.status.${status}` as keyof typeof dictionary]).toEqual(expect.any(String));
    }
  });
});

describe('completeness: export and the default period', () => {
  const selection = { cycleId: 'c', periodCode: 'B08' };

  it('asks the export for the same period and filters the page shows', () => {
    expect(exportQuery(selection, NO_FILTERS, 'csv')).toEqual({ cycleId: 'c', periodCode: 'B08', format: 'csv' });
    expect(exportQuery(selection, { provinceCode: '64', regionCode: '64.71', status: 'LATE', lateOnly: true }, 'xlsx')).toEqual({
      cycleId: 'c',
      periodCode: 'B08',
      format: 'xlsx',
      regionCode: '64.71',
      status: 'LATE',
      lateOnly: true,
    });
    expect(exportQuery(selection, { ...NO_FILTERS, provinceCode: '64' }, 'csv')).toMatchObject({ provinceCode: '64' });
  });

  it('names the file as the API did, or falls back', () => {
    expect(downloadName('attachment; filename="kelengkapan-ranham-2025-B08-64.71.csv"', 'x.csv')).toBe('kelengkapan-ranham-2025-B08-64.71.csv');
    expect(downloadName(null, 'completeness.csv')).toBe('completeness.csv');
  });

  it('picks the next deadline still ahead, else the one that closed last, else nothing', () => {
    const periods = [
      { code: 'B04', deadlineDate: '2025-04-30' },
      { code: 'B12', deadlineDate: '2025-12-05' },
      { code: 'B08', deadlineDate: '2025-09-06' },
    ];
    expect(defaultPeriod(periods, '2025-05-01')?.code).toBe('B08');
    expect(defaultPeriod(periods, '2025-09-06')?.code).toBe('B08');
    expect(defaultPeriod(periods, '2026-01-01')?.code).toBe('B12');
    expect(defaultPeriod([], '2026-01-01')).toBeUndefined();
  });
});
