import { DICTIONARIES } from '../src/i18n/messages';
import {
  bandDistribution,
  bandsOf,
  defaultPeriod,
  formatNumber,
  openedPeriods,
  pembinaRows,
  returnBars,
  segmentsOf,
  sumRows,
  timelinessRow,
  usesDashboard,
  type ProvinceAward,
  type ScoreSnapshot,
} from '../src/pages/dashboard/dashboard-model';
import {
  LEDGER_PAGE,
  awaitsWorker,
  canResend,
  checkResendReason,
  followsReminders,
  ledgerQuery,
  pageCount,
  FOLLOW_AT_MOST_MS,
  reminderMoment,
  stillFollowing,
  zoneOfReminder,
} from '../src/pages/reminders/reminders-model';

let sequence = 0;
function score(provinceCode: string | null, band: string): ScoreSnapshot {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    submissionId: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
    provinceCode,
    regionCode: provinceCode ? `${provinceCode}.${String(sequence).padStart(2, '0')}` : null,
    organisationId: null,
    periodKey: '2026-TAHUNAN',
    frameworkVersion: 'KKP HAM v1',
    frameworkVersionId: null,
    basis: 'VERIFIED',
    total: 70,
    band,
    current: true,
    final: false,
    recalculationRunId: null,
    createdAt: '2026-11-01T00:00:00Z',
  };
}

describe('who the oversight pages are for', () => {
  it('offers the dashboard to the centre and the Kanwil only, the ledger to coordinators as well', () => {
    expect(usesDashboard([{ role: 'NATIONAL_ADMIN' }])).toBe(true);
    expect(usesDashboard([{ role: 'CENTRAL_VERIFIER' }])).toBe(true);
    expect(usesDashboard([{ role: 'UNIT_OPERATOR' }, { role: 'KANWIL_VERIFIER' }])).toBe(true);
    expect(usesDashboard([{ role: 'COORDINATOR' }])).toBe(false);
    expect(usesDashboard([])).toBe(false);
    expect(followsReminders([{ role: 'COORDINATOR' }])).toBe(true);
    expect(followsReminders([{ role: 'KANWIL_VERIFIER' }])).toBe(true);
    expect(followsReminders([{ role: 'UNIT_HEAD' }, { role: 'VIEWER' }])).toBe(false);
  });
});

describe('bands per province', () => {
  it('counts each province’s reporters by band, KKP HAM’s bands in order, ministries last, names from the regions', () => {
    const scores = [score('64', 'KURANG_PEDULI'), score('64', 'PEDULI'), score('64', 'PEDULI'), score('11', 'CUKUP_PEDULI'), score(null, 'BAIK')];
    expect(bandsOf(scores)).toEqual(['PEDULI', 'CUKUP_PEDULI', 'KURANG_PEDULI', 'BAIK']);
    const { bands, rows } = bandDistribution(scores, new Map([['64', 'Kalimantan Timur']]));
    expect(bands).toEqual(['PEDULI', 'CUKUP_PEDULI', 'KURANG_PEDULI', 'BAIK']);
    expect(rows.map((row) => [row.key, row.name, row.total])).toEqual([
      ['11', '11', 1],
      ['64', 'Kalimantan Timur', 3],
      ['none', null, 1],
    ]);
    expect(rows[1].counts).toEqual([
      { category: 'PEDULI', count: 2 },
      { category: 'CUKUP_PEDULI', count: 0 },
      { category: 'KURANG_PEDULI', count: 1 },
      { category: 'BAIK', count: 0 },
    ]);
    const total = sumRows(rows, bands);
    expect(total.total).toBe(5);
    expect(total.counts.map((entry) => entry.count)).toEqual([2, 1, 1, 1]);
  });

  it('draws no zero-width segment and nothing for an empty row', () => {
    const { rows } = bandDistribution([score('64', 'PEDULI'), score('64', 'PEDULI'), score('64', 'MULAI_PEDULI'), score('64', 'KURANG_PEDULI')], new Map());
    expect(segmentsOf(rows[0])).toEqual([
      { category: 'PEDULI', count: 2, percent: 50 },
      { category: 'MULAI_PEDULI', count: 1, percent: 25 },
      { category: 'KURANG_PEDULI', count: 1, percent: 25 },
    ]);
    expect(segmentsOf({ key: 'x', name: 'x', counts: [{ category: 'PEDULI', count: 0 }], total: 0 })).toEqual([]);
    expect(bandDistribution([], new Map())).toEqual({ bands: [], rows: [] });
  });
});

describe('timeliness per period', () => {
  it('makes a period’s bar of the API’s counts, in the categories’ order, a missing one as zero', () => {
    const row = timelinessRow('TAHUNAN', { LATE: 1, ON_TIME: 1, SUBMITTED_LATE: 1, NOT_YET: 1 });
    expect(row).toEqual({
      key: 'TAHUNAN',
      name: 'TAHUNAN',
      counts: [
        { category: 'ON_TIME', count: 1 },
        { category: 'SUBMITTED_LATE', count: 1 },
        { category: 'LATE', count: 1 },
        { category: 'NOT_YET', count: 1 },
      ],
      total: 4,
    });
    expect(timelinessRow('B08', { ON_TIME: 2 }).counts.map((entry) => entry.count)).toEqual([2, 0, 0, 0]);
  });

  it('keeps the periods already opened, by deadline, and picks the next deadline first', () => {
    const periods = [
      { code: 'B09', opensOn: '2026-09-25', deadlineDate: '2026-10-06' },
      { code: 'B08', opensOn: '2026-08-30', deadlineDate: '2026-09-06' },
      { code: 'B10', opensOn: '2026-10-30', deadlineDate: '2026-11-06' },
      { code: 'X', opensOn: null, deadlineDate: '2026-01-10' },
    ];
    expect(openedPeriods(periods, '2026-09-30').map((period) => period.code)).toEqual(['X', 'B08', 'B09']);
    expect(openedPeriods(periods, '2026-08-01').map((period) => period.code)).toEqual(['X']);
    expect(defaultPeriod(periods, '2026-09-30')?.code).toBe('B09');
    expect(defaultPeriod(periods, '2027-01-01')?.code).toBe('B10');
    expect(defaultPeriod([], '2026-01-01')).toBeUndefined();
  });
});

describe('the most returned codes', () => {
  it('sizes each bar against the longest, returns and rejections together', () => {
    const bars = returnBars([
      { code: 'K1.P1', returns: 2, rejections: 2, submissions: 3 },
      { code: 'K2.S1', returns: 1, rejections: 0, submissions: 1 },
    ]);
    expect(bars.map((bar) => [bar.code, bar.total, bar.percent])).toEqual([
      ['K1.P1', 4, 100],
      ['K2.S1', 1, 25],
    ]);
    expect(returnBars([])).toEqual([]);
  });
});

describe('pembina provinces', () => {
  const province = (code: string, share: number, qualifies: boolean): ProvinceAward => ({
    provinceCode: code,
    name: `Provinsi ${code}`,
    counted: 10,
    scored: 10,
    inBand: share / 10,
    share,
    ranhamYearlyScore: null,
    qualifies,
    reasons: qualifies ? [] : [{ code: 'SHARE_BELOW_MINIMUM', message: { id: 'Kurang dari 60%', en: 'Below 60%' } }],
  });

  it('orders by share, qualifying first on a tie, with the reasons in the page’s language', () => {
    const rows = pembinaRows([province('11', 40, false), province('64', 70, true), province('31', 70, false)], 'en');
    expect(rows.map((row) => [row.code, row.qualifies])).toEqual([
      ['64', true],
      ['31', false],
      ['11', false],
    ]);
    expect(rows[1].reasons).toEqual(['Below 60%']);
    expect(pembinaRows([province('11', 40, false)], 'id')[0].reasons).toEqual(['Kurang dari 60%']);
  });

  it('writes numbers as each language does', () => {
    expect(formatNumber(62.5, 'id')).toBe('62,5');
    expect(formatNumber(62.5, 'en')).toBe('62.5');
    expect(formatNumber(33.333, 'id')).toBe('33,33');
  });
});

describe('the reminder ledger', () => {
  it('asks for a page of the chosen status and kind only', () => {
    expect(ledgerQuery({ status: null, kind: null }, 0)).toEqual({ limit: LEDGER_PAGE, offset: 0 });
    expect(ledgerQuery({ status: 'FAILED', kind: 'OVERDUE' }, 2)).toEqual({ status: 'FAILED', kind: 'OVERDUE', limit: LEDGER_PAGE, offset: 2 * LEDGER_PAGE });
    expect(pageCount(0)).toBe(1);
    expect(pageCount(LEDGER_PAGE)).toBe(1);
    expect(pageCount(LEDGER_PAGE + 1)).toBe(2);
  });

  it('offers a resend only for finished reminders', () => {
    expect(canResend({ status: 'SENT' })).toBe(true);
    expect(canResend({ status: 'SKIPPED' })).toBe(true);
    expect(canResend({ status: 'FAILED' })).toBe(true);
    expect(canResend({ status: 'PLANNED' })).toBe(false);
    expect(canResend({ status: 'SENDING' })).toBe(false);
    expect(canResend({ status: 'VOID' })).toBe(false);
  });

  it('keeps asking while the worker has due or sending reminders, and stops once they settle', () => {
    const now = new Date('2026-09-01T02:00:00Z');
    expect(awaitsWorker([{ status: 'SENDING', sendAt: '2026-09-01T01:00:00Z' }], now)).toBe(true);
    expect(awaitsWorker([{ status: 'PLANNED', sendAt: '2026-09-01T01:59:00Z' }], now)).toBe(true);
    expect(awaitsWorker([{ status: 'PLANNED', sendAt: '2026-09-05T01:00:00Z' }], now)).toBe(false);
    expect(awaitsWorker([{ status: 'SENT', sendAt: '2026-09-01T01:00:00Z' }], now)).toBe(false);
  });

  it('follows a resend until the ledger shows it finished, or gives up after a while', () => {
    const followed = { id: 'r1', generation: 1, since: 1_000 };
    expect(stillFollowing(null, [], 2_000)).toBe(false);
    // Still the old row (before the page asked again), then planned anew, then out of the filtered page: keep asking.
    expect(stillFollowing(followed, [{ id: 'r1', generation: 0, status: 'SENT' }], 2_000)).toBe(true);
    expect(stillFollowing(followed, [{ id: 'r1', generation: 1, status: 'PLANNED' }], 2_000)).toBe(true);
    expect(stillFollowing(followed, [], 2_000)).toBe(true);
    expect(stillFollowing(followed, [{ id: 'r1', generation: 1, status: 'SENT' }], 2_000)).toBe(false);
    expect(stillFollowing(followed, [{ id: 'r1', generation: 1, status: 'FAILED' }], 2_000)).toBe(false);
    expect(stillFollowing(followed, [], 1_000 + FOLLOW_AT_MOST_MS + 1)).toBe(false);
  });

  it('needs a reason before sending, and leaves its length to the API', () => {
    expect(checkResendReason('   ')).toEqual([{ field: 'reason', message: { key: 'reminders.reasonRequired' } }]);
    expect(checkResendReason('ok')).toEqual([]);
    expect(DICTIONARIES.id['reminders.reasonRequired']).toBe('Tulis alasan mengirim ulang');
    expect(DICTIONARIES.en['reminders.reasonRequired']).toBe('Enter a reason for sending again');
  });

  it('shows when a reminder went out, or is due, in the recipient’s zone with the zone named', () => {
    expect(zoneOfReminder('Asia/Makassar')).toBe('WITA');
    expect(zoneOfReminder('Asia/Jayapura')).toBe('WIT');
    expect(zoneOfReminder('Europe/Paris')).toBe('WIB');
    expect(reminderMoment({ sentAt: '2026-08-30T01:00:00Z', sendAt: '2026-08-30T01:00:00Z', timeZone: 'Asia/Makassar' }, 'id')).toEqual({
      sent: true,
      text: '30 Agustus 2026 pukul 09.00 WITA',
    });
    expect(reminderMoment({ sentAt: null, sendAt: '2026-09-03T01:00:00Z', timeZone: 'Asia/Jakarta' }, 'en')).toEqual({ sent: false, text: '3 September 2026, 08:00 WIB' });
  });
});

describe('the oversight pages’ words', () => {
  it('has every dashboard and reminder word in both languages', () => {
    const keys = Object.keys(DICTIONARIES.id).filter((key) => key.startsWith('dashboard.') || key.startsWith('reminders.'));
    expect(keys.length).toBeGreaterThan(80);
    for (const key of keys) expect(DICTIONARIES.en[key as keyof typeof DICTIONARIES.en]).toBeTruthy();
  });
});
