import { createTestOrganisation, createTestUser, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

interface ReturnsBody {
  cycleId: string;
  periodKey: string | null;
  returnedReviews: number;
  items: { code: string; returns: number; rejections: number; submissions: number }[];
}

/**
 * The dashboard's count of the codes reviewers return or reject most, against real PostgreSQL: return reasons naming
 * a code and rejections set with approvals are summed per code over every stage, a period narrows it, and the caller's
 * scope decides which reports count (a Kanwil its province's, nobody outside the cycle's reports).
 */
describe('dashboard: the indicators most often returned or rejected', () => {
  let api: TestApi;
  let cycleId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    tokens.admin = api.adminToken;
    const kanwil = await createTestUser(db, { email: 'kanwil@dasbor.test', roles: [{ role: 'KANWIL_VERIFIER', provinceCode: '64' }] });
    tokens.kanwil = await signIn(api.baseUrl, kanwil.email);
    const other = await createTestUser(db, { email: 'kanwil.papua@dasbor.test', roles: [{ role: 'KANWIL_VERIFIER', provinceCode: '91' }] });
    tokens.otherKanwil = await signIn(api.baseUrl, other.email);

    const [version] = await db.query(`SELECT id FROM framework_version WHERE programme = 'KKP_HAM' ORDER BY version LIMIT 1`);
    const created = await api.post('/api/v1/cycles', { programme: 'KKP_HAM', year: 2026, label: 'KKP HAM 2026', frameworkVersionId: version.id });
    expect(created.status).toBe(201);
    cycleId = ((await created.json()) as { cycle: { id: string } }).cycle.id;

    const unit = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Sosial Kota Balikpapan', regionCode: '64.71' });
    const submission = async (regionCode: string, periodKey: string, organisationId: string | null = null): Promise<string> => {
      const [row] = await db.query(
        `INSERT INTO submission (region_code, province_code, organisation_id, own_report, programme, period_key, status, submit_count, version)
         VALUES ($1, $2, $3, $4, 'KKP_HAM', $5, 'RETURNED', 1, 1) RETURNING id`,
        [regionCode, regionCode.slice(0, 2), organisationId, organisationId === null, periodKey],
      );
      return row.id;
    };
    const review = (submissionId: string, decision: string, reasons: unknown[], rejections: Record<string, string> | null = null) =>
      db.query(
        `INSERT INTO submission_review (submission_id, submit_count, stage, decision, reasons, return_to, rejections)
         VALUES ($1, 1, 'KANWIL', $2, $3, $4, $5)`,
        [submissionId, decision, JSON.stringify(reasons), decision === 'RETURNED' ? 'REPORTER' : null, rejections === null ? null : JSON.stringify(rejections)],
      );

    const balikpapan = await submission('64.71', '2026-TAHUNAN');
    await review(balikpapan, 'RETURNED', [{ code: 'MISSING_MINUTES', indicatorCode: 'K1.P1' }, { code: 'WRONG_FORMAT', indicatorCode: 'K2.S1' }]);
    await review(balikpapan, 'RETURNED', [{ code: 'INCOMPLETE', indicatorCode: 'K1.P1' }, { code: 'OTHER' }]);
    await review(balikpapan, 'VERIFIED', [], { 'K1.P1': 'EVIDENCE_NOT_MATCHING', 'K3.H1': 'WRONG_PERIOD' });
    const samarinda = await submission('64.72', '2026-TAHUNAN');
    await review(samarinda, 'RETURNED', [{ code: 'MISSING_MINUTES', indicatorCode: 'K2.S1' }]);
    // A unit's input in Balikpapan counts within the Kanwil's province too.
    await review(await submission('64.71', '2026-TAHUNAN', unit), 'RETURNED', [{ code: 'OTHER', indicatorCode: 'K2.S1' }]);
    // Another period of the cycle, and a report of another year, which is another cycle.
    await review(await submission('64.71', '2026-SEMESTER1'), 'RETURNED', [{ code: 'OTHER', indicatorCode: 'K9.X1' }]);
    await review(await submission('64.71', '2025-TAHUNAN'), 'RETURNED', [{ code: 'OTHER', indicatorCode: 'K8.X1' }]);
    // Papua's report: outside Kalimantan Timur's Kanwil.
    await review(await submission('91.71', '2026-TAHUNAN'), 'RETURNED', [{ code: 'OTHER', indicatorCode: 'K7.X1' }]);
  });
  afterAll(async () => {
    await api?.close();
  });

  const returns = async (who: string, query: string): Promise<{ status: number; body: ReturnsBody & { message?: string; problems?: unknown[] } }> => {
    const response = await fetch(`${api.baseUrl}/api/v1/dashboard/returns?${query}`, { headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': 'en' } });
    return { status: response.status, body: (await json(response)) as unknown as ReturnsBody & { message?: string; problems?: unknown[] } };
  };

  it('counts return reasons and rejections per code nationally, most often first, within the cycle', async () => {
    const { status, body } = await returns('admin', `cycleId=${cycleId}`);
    expect(status).toBe(200);
    expect(body.cycleId).toBe(cycleId);
    expect(body.periodKey).toBeNull();
    // Six returning reviews in the cycle's year: four of the annual period in Kaltim, one of the semester, one in Papua.
    expect(body.returnedReviews).toBe(6);
    expect(body.items).toEqual([
      // Three each: a tie goes by code.
      { code: 'K1.P1', returns: 2, rejections: 1, submissions: 1 },
      { code: 'K2.S1', returns: 3, rejections: 0, submissions: 3 },
      { code: 'K3.H1', returns: 0, rejections: 1, submissions: 1 },
      { code: 'K7.X1', returns: 1, rejections: 0, submissions: 1 },
      { code: 'K9.X1', returns: 1, rejections: 0, submissions: 1 },
    ]);
  });

  it('narrows to one period and to the caller’s province, and keeps to the limit', async () => {
    const period = await returns('admin', `cycleId=${cycleId}&periodCode=TAHUNAN&limit=2`);
    expect(period.status).toBe(200);
    expect(period.body.periodKey).toBe('2026-TAHUNAN');
    expect(period.body.items.map((item) => item.code)).toEqual(['K1.P1', 'K2.S1']);

    const kaltim = await returns('kanwil', `cycleId=${cycleId}&periodCode=TAHUNAN`);
    expect(kaltim.status).toBe(200);
    expect(kaltim.body.returnedReviews).toBe(4);
    expect(kaltim.body.items.map((item) => item.code)).toEqual(['K1.P1', 'K2.S1', 'K3.H1']);

    // A province without returns in scope gets an empty list, not another province's counts.
    const papua = await returns('otherKanwil', `cycleId=${cycleId}&periodCode=SEMESTER1`);
    expect(papua.status).toBe(200);
    expect(papua.body).toEqual({ cycleId, periodKey: '2026-SEMESTER1', returnedReviews: 0, items: [] });
  });

  it('refuses an unknown cycle, a malformed query and an anonymous caller', async () => {
    const unknown = await returns('admin', 'cycleId=00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Cycle 00000000-0000-4000-8000-000000000000 was not found.');

    const malformed = await returns('admin', `cycleId=nope&periodCode=b08&limit=0`);
    expect(malformed.status).toBe(400);
    expect((malformed.body.problems as { field: string }[]).map((problem) => problem.field).sort()).toEqual(['cycleId', 'limit', 'periodCode']);

    const anonymous = await fetch(`${api.baseUrl}/api/v1/dashboard/returns?cycleId=${cycleId}`);
    expect(anonymous.status).toBe(401);
  });

  describe('timeliness, as counts', () => {
    interface Unit {
      status: string;
      late: boolean;
      ownReport: boolean;
    }
    const get = (who: string, path: string) => fetch(`${api.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': 'en' } });
    /** What the dashboard counted from the whole list before: the reporters' own reports by timeliness. */
    const countedFromList = async (who: string, query: string) => {
      const response = await get(who, `/completeness?${query}`);
      expect(response.status).toBe(200);
      const { units } = (await response.json()) as { units: Unit[] };
      const counts = { ON_TIME: 0, SUBMITTED_LATE: 0, LATE: 0, NOT_YET: 0 };
      for (const unit of units.filter((u) => u.ownReport)) {
        const key = unit.status === 'LATE' ? 'LATE' : unit.status === 'NOT_STARTED' || unit.status === 'DRAFT' ? 'NOT_YET' : unit.late ? 'SUBMITTED_LATE' : 'ON_TIME';
        counts[key] += 1;
      }
      return counts;
    };

    beforeAll(async () => {
      const db = api.database.dataSource;
      // The annual period's deadline has passed; Paser sent in time, Berau late within an extension, Kutai Barat has a draft.
      await db.query(`INSERT INTO reporting_period (cycle_id, code, opens_on, deadline_date) VALUES ($1, 'TAHUNAN', '2026-01-01', '2026-03-31')`, [cycleId]);
      await db.query(
        `INSERT INTO submission (region_code, province_code, own_report, programme, period_key, status, submit_count, version, late)
         VALUES ('64.01', '64', true, 'KKP_HAM', '2026-TAHUNAN', 'SUBMITTED', 1, 1, false), ('64.03', '64', true, 'KKP_HAM', '2026-TAHUNAN', 'VERIFIED', 1, 1, true),
                ('64.07', '64', true, 'KKP_HAM', '2026-TAHUNAN', 'DRAFT', 0, 1, false)`,
      );
    });

    it('counts the reporters’ own reports as the whole list would, nationally and within a Kanwil’s province', async () => {
      for (const who of ['admin', 'kanwil']) {
        const response = await get(who, `/dashboard/timeliness?cycleId=${cycleId}&periodCode=TAHUNAN`);
        expect(response.status).toBe(200);
        const body = (await response.json()) as { periodKey: string; deadlineSet: boolean; counts: Record<string, number>; total: number };
        expect(body.periodKey).toBe('2026-TAHUNAN');
        expect(body.deadlineSet).toBe(true);
        expect(body.counts).toEqual(await countedFromList(who, `cycleId=${cycleId}&periodCode=TAHUNAN`));
        expect(body.total).toBe(Object.values(body.counts).reduce((sum, n) => sum + n, 0));
      }
      const kaltim = (await (await get('kanwil', `/dashboard/timeliness?cycleId=${cycleId}&periodCode=TAHUNAN`)).json()) as { counts: Record<string, number>; total: number };
      // Kalimantan Timur's ten regencies/cities, not its units: Paser sent in time, Berau late within an extension; the
      // returned Balikpapan and Samarinda, the draft and the five without a report still owe theirs after the deadline.
      expect(kaltim.total).toBe(10);
      expect(kaltim.counts).toEqual({ ON_TIME: 1, SUBMITTED_LATE: 1, LATE: 8, NOT_YET: 0 });
    });

    it('refuses an unknown cycle, a malformed query and an anonymous caller', async () => {
      expect((await get('admin', '/dashboard/timeliness?cycleId=00000000-0000-4000-8000-000000000000&periodCode=TAHUNAN')).status).toBe(404);
      const malformed = await get('admin', '/dashboard/timeliness?cycleId=nope&periodCode=b08');
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { problems: { field: string }[] }).problems.map((problem) => problem.field).sort()).toEqual(['cycleId', 'periodCode']);
      expect((await fetch(`${api.baseUrl}/api/v1/dashboard/timeliness?cycleId=${cycleId}&periodCode=TAHUNAN`)).status).toBe(401);
    });
  });
});
