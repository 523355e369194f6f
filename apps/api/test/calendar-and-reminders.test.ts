import { createTestOrganisation, createTestUser, rowCounts, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

describe('the reporting calendar and the reminder ledger over HTTP', () => {
  let api: TestApi;
  let ranhamCycleId: string;
  let kkpCycleId: string;
  const BALIKPAPAN = '64.71';
  const tokens: Record<'coordinator' | 'otherCoordinator' | 'operator' | 'kanwil' | 'otherKanwil', string> = {} as never;
  let opdId: string;

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    const [ranham] = await db.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' AND version = 1`);
    const [kkp] = await db.query(`SELECT id FROM framework_version WHERE programme = 'KKP_HAM' AND version = 1`);
    ranhamCycleId = ((await (await api.post('/api/v1/cycles', { programme: 'RANHAM', year: 2027, label: 'RANHAM 2027', frameworkVersionId: ranham.id })).json()) as { cycle: { id: string } }).cycle.id;
    kkpCycleId = ((await (await api.post('/api/v1/cycles', { programme: 'KKP_HAM', year: 2027, label: 'KKP HAM 2027', frameworkVersionId: kkp.id })).json()) as { cycle: { id: string } }).cycle.id;
    opdId = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Sosial Kota Balikpapan', regionCode: BALIKPAPAN });
    const people = {
      coordinator: [{ role: 'COORDINATOR' as const, regionCode: BALIKPAPAN }],
      otherCoordinator: [{ role: 'COORDINATOR' as const, regionCode: '32.73' }],
      operator: [{ role: 'UNIT_OPERATOR' as const, organisationId: opdId }],
      kanwil: [{ role: 'KANWIL_VERIFIER' as const, provinceCode: '64' }],
      otherKanwil: [{ role: 'KANWIL_VERIFIER' as const, provinceCode: '32' }],
    };
    for (const [name, roles] of Object.entries(people)) {
      const user = await createTestUser(db, { email: `${name}@peduli.test`, roles });
      tokens[name as keyof typeof tokens] = await signIn(api.baseUrl, user.email);
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  const call = (method: string, path: string, body?: unknown, token = api.adminToken) =>
    fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const planEvents = async () =>
    (await api.database.dataSource.query(`SELECT payload FROM outbox_event WHERE event = 'reminders.plan_requested' ORDER BY created_at`)) as { payload: { periodId: string } }[];
  const untouched = ['reporting_period', 'internal_deadline', 'cycle_milestone', 'outbox_event', 'audit_entry', 'reminder'];

  describe('periods', () => {
    it('refuses a deadline before the opening and an unknown zone, naming the problem, and plans nothing', async () => {
      const before = await rowCounts(api.database.dataSource, untouched);
      const early = await call('PUT', `/cycles/${ranhamCycleId}/periods/B08`, { opensOn: '2027-09-01', deadlineDate: '2027-08-30' });
      expect(early.status).toBe(400);
      expect((await json(early)).message).toBe('The deadline 2027-08-30 falls before the opening date 2027-09-01; the deadline must be on or after the opening.');
      const zone = await call('PUT', `/cycles/${ranhamCycleId}/periods/B08`, { deadlineDate: '2027-09-06', timeZone: 'Mars/Olympus' });
      expect(zone.status).toBe(400);
      expect((await json(zone)).message).toContain('Unknown time zone "Mars/Olympus"');
      expect(await rowCounts(api.database.dataSource, untouched)).toEqual(before);
    });

    it('plans again whenever a deadline is set or moved, and shows one instant for a period with its own zone', async () => {
      const set = await call('PUT', `/cycles/${ranhamCycleId}/periods/B08`, { opensOn: '2027-08-30', deadlineDate: '2027-09-06' });
      expect(set.status).toBe(200);
      const period = (await set.json()) as { id: string; deadlineByZone: Record<string, string> };
      expect(period.deadlineByZone).toEqual({ WIB: '2027-09-06T16:59:59.999Z', WITA: '2027-09-06T15:59:59.999Z', WIT: '2027-09-06T14:59:59.999Z' });
      const national = await call('PUT', `/cycles/${ranhamCycleId}/periods/B12`, { deadlineDate: '2027-12-05', deadlineTime: '16:00', timeZone: 'WIB' });
      expect(national.status).toBe(200);
      const b12 = (await national.json()) as { id: string; timeZone: string; deadlineByZone: Record<string, string> };
      expect(b12.timeZone).toBe('Asia/Jakarta');
      expect(new Set(Object.values(b12.deadlineByZone))).toEqual(new Set(['2027-12-05T09:00:59.999Z']));
      expect(b12).toMatchObject({ opensOn: '2027-11-28' });
      expect((await planEvents()).map((event) => event.payload.periodId)).toEqual([period.id, b12.id]);
    });
  });

  describe('opening dates', () => {
    it('opens a RANHAM window a week before its deadline when no opening is given, and records it; a KKP HAM period gets none', async () => {
      // Cycles of their own, so the periods here do not change what the other tests plan.
      const db = api.database.dataSource;
      const cycleOf = async (programme: string) => {
        const [version] = await db.query(`SELECT id FROM framework_version WHERE programme = $1 AND version = 1`, [programme]);
        const created = await call('POST', '/cycles', { programme, year: 2028, label: `${programme} 2028`, frameworkVersionId: version.id });
        return ((await created.json()) as { cycle: { id: string } }).cycle.id;
      };
      const [ranham2028, kkp2028] = [await cycleOf('RANHAM'), await cycleOf('KKP_HAM')];
      const b04 = await call('PUT', `/cycles/${ranham2028}/periods/B04`, { deadlineDate: '2028-05-06' });
      expect(b04.status).toBe(200);
      const period = (await b04.json()) as { id: string; opensOn: string | null };
      expect(period.opensOn).toBe('2028-04-29');
      const [audit] = await api.database.dataSource.query(`SELECT after FROM audit_entry WHERE action = 'period.created' AND entity_id = $1`, [period.id]);
      expect(audit.after).toMatchObject({ code: 'B04', opensOn: '2028-04-29', deadlineDate: '2028-05-06' });
      // An opening given is kept as given, also one longer than a week.
      expect(await (await call('PUT', `/cycles/${ranham2028}/periods/B04`, { opensOn: '2028-04-20', deadlineDate: '2028-05-06' })).json()).toMatchObject({ opensOn: '2028-04-20' });
      const kkp = await call('PUT', `/cycles/${kkp2028}/periods/TAHUNAN`, { deadlineDate: '2028-03-31' });
      expect(kkp.status).toBe(200);
      expect(await kkp.json()).toMatchObject({ opensOn: null });
    });
  });

  describe('reminder policy', () => {
    it('plans every period of the cycle again when the policy changes, and nothing when it is refused', async () => {
      const before = (await planEvents()).length;
      expect((await call('PUT', `/cycles/${ranhamCycleId}/reminder-policy`, { offsetsDays: [-1] })).status).toBe(400);
      expect(await planEvents()).toHaveLength(before);
      expect((await call('PUT', `/cycles/${ranhamCycleId}/reminder-policy`, { offsetsDays: [10, 5, 1] })).status).toBe(200);
      expect(await planEvents()).toHaveLength(before + 2);
    });
  });

  describe('internal deadlines', () => {
    it('lets the coordinator set an earlier deadline for its own units only, and plans again', async () => {
      const before = (await planEvents()).length;
      const set = await call('PUT', `/cycles/${ranhamCycleId}/periods/B08/internal-deadlines/${BALIKPAPAN}`, { deadlineDate: '2027-09-02' }, tokens.coordinator);
      expect(set.status).toBe(200);
      expect(await set.json()).toMatchObject({ regionCode: BALIKPAPAN, deadlineAt: '2027-09-02T15:59:59.999Z', deadline: { id: '2 September 2027 pukul 23.59 WITA' } });
      expect(await planEvents()).toHaveLength(before + 1);
      const audit = await api.database.dataSource.query(`SELECT after FROM audit_entry WHERE action = 'internal_deadline.set'`);
      expect(audit).toEqual([{ after: { regionCode: BALIKPAPAN, deadlineDate: '2027-09-02', deadlineTime: null } }]);
    });

    it('refuses one not earlier than the official deadline, before the opening, or for another regency/city', async () => {
      const before = await rowCounts(api.database.dataSource, untouched);
      const late = await call('PUT', `/cycles/${ranhamCycleId}/periods/B08/internal-deadlines/${BALIKPAPAN}`, { deadlineDate: '2027-09-06' }, tokens.coordinator);
      expect(late.status).toBe(400);
      expect((await json(late)).message).toBe('The internal deadline 6 September 2027, 23:59 WITA must be earlier than the official deadline 6 September 2027, 23:59 WITA.');
      const early = await call('PUT', `/cycles/${ranhamCycleId}/periods/B08/internal-deadlines/${BALIKPAPAN}`, { deadlineDate: '2027-08-01' }, tokens.coordinator);
      expect(early.status).toBe(400);
      expect((await call('PUT', `/cycles/${ranhamCycleId}/periods/B08/internal-deadlines/${BALIKPAPAN}`, { deadlineDate: '2027-09-01' }, tokens.otherCoordinator)).status).toBe(403);
      expect((await call('PUT', `/cycles/${ranhamCycleId}/periods/B08/internal-deadlines/${BALIKPAPAN}`, { deadlineDate: '2027-09-01' }, tokens.operator)).status).toBe(403);
      expect((await call('PUT', `/cycles/${ranhamCycleId}/periods/B08/internal-deadlines/${BALIKPAPAN}`, { deadlineDate: '1 Sept' }, tokens.coordinator)).status).toBe(400);
      expect(await rowCounts(api.database.dataSource, untouched)).toEqual(before);
    });

    it('can be dropped by the coordinator, which plans again', async () => {
      const before = (await planEvents()).length;
      expect((await call('DELETE', `/cycles/${ranhamCycleId}/periods/B08/internal-deadlines/${BALIKPAPAN}`, undefined, tokens.coordinator)).status).toBe(204);
      expect(await planEvents()).toHaveLength(before + 1);
      expect((await call('DELETE', `/cycles/${ranhamCycleId}/periods/B08/internal-deadlines/${BALIKPAPAN}`, undefined, tokens.coordinator)).status).toBe(404);
    });
  });

  describe('KKP HAM milestones', () => {
    it('shows the usual calendar for award year Y: input close in March, award on 10 December', async () => {
      const milestones = (await (await call('GET', `/cycles/${kkpCycleId}/milestones`)).json()) as { code: string; date: string; isDefault: boolean }[];
      expect(milestones.map((m) => [m.code, m.date, m.isDefault])).toEqual([
        ['PEMDA_INPUT_CLOSE', '2027-03-31', true],
        ['KANWIL_VERIFICATION_CLOSE', '2027-05-15', true],
        ['CENTRAL_REVIEW_CLOSE', '2027-09-30', true],
        ['DECREE', '2027-11-15', true],
        ['AWARD', '2027-12-10', true],
      ]);
    });

    it('moves a milestone, keeps them in order, and makes the input close the TAHUNAN deadline that reminders count down to', async () => {
      const before = await rowCounts(api.database.dataSource, untouched);
      const disorder = await call('PUT', `/cycles/${kkpCycleId}/milestones/DECREE`, { date: '2027-12-20' });
      expect(disorder.status).toBe(400);
      expect((await json(disorder)).message).toBe('Milestone DECREE (2027-12-20) must come before AWARD (2027-12-10).');
      expect((await call('PUT', `/cycles/${kkpCycleId}/milestones/PARTY`, { date: '2027-12-20' })).status).toBe(400);
      expect((await call('PUT', `/cycles/${ranhamCycleId}/milestones/AWARD`, { date: '2027-12-10' })).status).toBe(400);
      expect((await call('PUT', `/cycles/${kkpCycleId}/milestones/AWARD`, { date: '2027-12-10' }, tokens.coordinator)).status).toBe(403);
      expect(await rowCounts(api.database.dataSource, untouched)).toEqual(before);

      const events = (await planEvents()).length;
      const moved = await call('PUT', `/cycles/${kkpCycleId}/milestones/PEMDA_INPUT_CLOSE`, { date: '2027-04-15' });
      expect(moved.status).toBe(200);
      const periods = (await (await call('GET', `/cycles/${kkpCycleId}/periods`)).json()) as { code: string; deadlineDate: string }[];
      expect(periods).toEqual([expect.objectContaining({ code: 'TAHUNAN', deadlineDate: '2027-04-15' })]);
      expect(await planEvents()).toHaveLength(events + 1);
      expect((await call('PUT', `/cycles/${kkpCycleId}/milestones/DECREE`, { date: '2027-11-20' })).status).toBe(200);
      const after = (await (await call('GET', `/cycles/${kkpCycleId}/milestones`)).json()) as { code: string; date: string; isDefault: boolean }[];
      expect(after.filter((m) => !m.isDefault).map((m) => [m.code, m.date])).toEqual([
        ['PEMDA_INPUT_CLOSE', '2027-04-15'],
        ['DECREE', '2027-11-20'],
      ]);
    });
  });

  describe('the reminder ledger', () => {
    let periodId: string;
    let sentId: string;
    let plannedId: string;
    beforeAll(async () => {
      const db = api.database.dataSource;
      [{ id: periodId }] = await db.query(`SELECT id FROM reporting_period WHERE cycle_id = $1 AND code = 'B08'`, [ranhamCycleId]);
      const [operator] = await db.query(`SELECT id, email FROM user_account WHERE email = 'operator@peduli.test'`);
      const [coordinator] = await db.query(`SELECT id, email FROM user_account WHERE email = 'coordinator@peduli.test'`);
      const insert = async (user: { id: string; email: string }, organisationId: string | null, slot: string, status: string) =>
        (
          await db.query(
            `INSERT INTO reminder (period_id, recipient_user_id, recipient_email, kind, slot, deadline_at, time_zone, region_code, organisation_id,
                                   send_at, expires_at, status, message_id, sent_at)
             VALUES ($1, $2, $3, 'BEFORE_DEADLINE', $4, '2027-09-06T15:59:59.999Z', 'Asia/Makassar', $5, $6, '2027-08-23T01:00:00Z',
                     '2027-08-24T01:00:00Z', $7::varchar, CASE WHEN $7::varchar = 'SENT' THEN '<old@peduli>' END, CASE WHEN $7::varchar = 'SENT' THEN now() END) RETURNING id`,
            [periodId, user.id, user.email, slot, BALIKPAPAN, organisationId, status],
          )
        )[0].id as string;
      sentId = await insert(operator, opdId, 'D-14', 'SENT');
      plannedId = await insert(operator, opdId, 'D-7', 'PLANNED');
      await insert(coordinator, null, 'D-14', 'FAILED');
    });

    it('lists a period’s reminders with totals per status, within the caller’s scope', async () => {
      const all = (await (await call('GET', `/cycles/${ranhamCycleId}/periods/B08/reminders`)).json()) as { periodKey: string; totals: Record<string, number>; items: { id: string; deadline: { id: string } }[] };
      expect(all).toMatchObject({ periodKey: '2027-B08', totals: { PLANNED: 1, SENT: 1, FAILED: 1, SKIPPED: 0 } });
      expect(all.items[0].deadline.id).toBe('6 September 2027 pukul 23.59 WITA');
      const failed = (await (await call('GET', `/cycles/${ranhamCycleId}/periods/B08/reminders?status=FAILED`)).json()) as { items: unknown[]; total: number };
      expect(failed.total).toBe(1);
      const mine = (await (await call('GET', `/cycles/${ranhamCycleId}/periods/B08/reminders`, undefined, tokens.operator)).json()) as { items: { organisationId: string }[] };
      expect(mine.items.map((item) => item.organisationId)).toEqual([opdId, opdId]);
      const elsewhere = (await (await call('GET', `/cycles/${ranhamCycleId}/periods/B08/reminders`, undefined, tokens.otherCoordinator)).json()) as { items: unknown[] };
      expect(elsewhere.items).toEqual([]);
      expect((await call('GET', `/cycles/${ranhamCycleId}/periods/B08/reminders?status=LOST`)).status).toBe(400);
    });

    it('resends a sent reminder by hand with a new generation, audited with the reason, and sends it through the outbox', async () => {
      const resent = await call('POST', `/reminders/${sentId}/resend`, { reason: 'Operator baru belum menerima email' }, tokens.kanwil);
      expect(resent.status).toBe(202);
      expect(await resent.json()).toMatchObject({ id: sentId, status: 'PLANNED', generation: 1, messageId: null, attempts: 0 });
      const [audit] = await api.database.dataSource.query(`SELECT reason, before, after FROM audit_entry WHERE action = 'reminder.resent'`);
      expect(audit).toMatchObject({ reason: 'Operator baru belum menerima email', before: { status: 'SENT', generation: 0, messageId: '<old@peduli>' }, after: { generation: 1 } });
      const due = await api.database.dataSource.query(`SELECT payload FROM outbox_event WHERE event = 'reminders.due'`);
      expect(due).toEqual([{ payload: { periodId } }]);
    });

    it('refuses to resend a reminder still planned, without a reason, or outside the caller’s province', async () => {
      const before = await rowCounts(api.database.dataSource, untouched);
      expect((await call('POST', `/reminders/${plannedId}/resend`, { reason: 'Kirim lagi sekarang' })).status).toBe(409);
      expect((await call('POST', `/reminders/${sentId}/resend`, {})).status).toBe(400);
      expect((await call('POST', `/reminders/${sentId}/resend`, { reason: 'Kirim lagi sekarang' }, tokens.otherKanwil)).status).toBe(404);
      expect((await call('POST', `/reminders/${sentId}/resend`, { reason: 'Kirim lagi sekarang' }, tokens.operator)).status).toBe(403);
      expect((await call('POST', `/reminders/not-a-uuid/resend`, { reason: 'Kirim lagi sekarang' })).status).toBe(400);
      expect(await rowCounts(api.database.dataSource, untouched)).toEqual(before);
    });
  });
});
