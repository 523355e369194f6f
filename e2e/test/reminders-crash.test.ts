import { eventually } from '@peduli/testkit';
import { RunningSystem, startSystem } from './system';

const REMINDERS = 400;
const REGION = '64.71'; // Kota Balikpapan, WITA

/**
 * The reminder worker as production runs it: a deadline set through the API is planned by the worker, and a batch
 * of due reminders survives the worker being SIGKILLed in the middle of it. The kill lands while the SMTP server is
 * still holding messages it has not acknowledged, which is where a sender spends nearly all its time.
 */
describe('reminders survive a reminder worker killed mid-batch', () => {
  let system: RunningSystem;
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${system.apiUrl}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${system.token}`, 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    // The API and the reminder worker: the reminders are planned and sent by it alone.
    system = await startSystem({ REMINDER_SWEEP_INTERVAL_MS: '1000', REMINDER_LEASE_SECONDS: '5', REMINDER_SMTP_CONCURRENCY: '5' }, { roles: ['reminder-worker'] });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('plans a period set through the API, then sends every due reminder exactly once across a SIGKILL and a restart', async () => {
    const db = system.database.dataSource;
    // 400 units of Kota Balikpapan, each with one operator.
    await db.query(
      `WITH units AS (
         INSERT INTO organisation (kind, name, province_code, region_code)
         SELECT 'OPD', 'Unit ' || n, '64', $1 FROM generate_series(1, $2) AS n RETURNING id, name)
       , people AS (
         INSERT INTO user_account (email, display_name, password_hash, locale)
         SELECT 'operator.' || replace(name, ' ', '') || '@peduli.test', 'Operator ' || name, 'x', 'id' FROM units RETURNING id, email)
       INSERT INTO role_assignment (user_id, role, organisation_id)
       SELECT p.id, 'UNIT_OPERATOR', u.id FROM people p JOIN units u ON p.email = 'operator.' || replace(u.name, ' ', '') || '@peduli.test'`,
      [REGION, REMINDERS],
    );
    const [version] = await db.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' AND version = 1`);
    const { cycle } = await call<{ cycle: { id: string } }>('/cycles', {
      method: 'POST',
      body: JSON.stringify({ programme: 'RANHAM', year: 2099, label: 'RANHAM 2099', frameworkVersionId: version.id }),
    });

    // A window as practised (30 Aug-6 Sep) set through the API reaches the worker through the outbox and is planned under
    // the default policy: at the opening, 3 and 1 days before the close, and the overdue notice, per operator.
    const period = await call<{ id: string }>(`/cycles/${cycle.id}/periods/B08`, { method: 'PUT', body: JSON.stringify({ opensOn: '2099-08-30', deadlineDate: '2099-09-06' }) });
    const planned = await eventually(
      'the worker planned the period',
      async () => {
        const [row] = await db.query(`SELECT count(*)::int AS n FROM reminder WHERE period_id = $1 AND status = 'PLANNED'`, [period.id]);
        return row.n >= REMINDERS * 4 ? row.n : undefined;
      },
      30_000,
    );
    expect(planned).toBe(REMINDERS * 4);
    const [opening] = await db.query(`SELECT min(send_at) AS at FROM reminder WHERE period_id = $1 AND slot = 'D-7'`, [period.id]);
    expect(opening.at.toISOString()).toBe('2099-08-30T01:00:00.000Z'); // the opening day, 09:00 WITA

    // Make one offset due now, as if its moment had come: every operator's D-3.
    const [, due] = await db.query(
      `UPDATE reminder SET send_at = now() - interval '1 minute', expires_at = now() + interval '1 day' WHERE period_id = $1 AND slot = 'D-3'`,
      [period.id],
    );
    expect(due).toBe(REMINDERS);

    await system.sink.waitFor((messages) => messages.length >= REMINDERS / 4, 60_000);
    // Hold the server's replies so that no message is between acceptance and its ledger update, then kill.
    system.sink.holdAcceptance = true;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const acceptedBeforeKill = system.sink.messages.length;
    expect(acceptedBeforeKill).toBeLessThan(REMINDERS);
    system.processes['reminder-worker'].kill('SIGKILL');
    await system.processes['reminder-worker'].exited;
    const [leased] = await db.query(`SELECT count(*)::int AS n FROM reminder WHERE period_id = $1 AND status = 'SENDING'`, [period.id]);
    expect(leased.n).toBeGreaterThan(0);
    system.sink.holdAcceptance = false;

    await system.restart('reminder-worker');
    await eventually(
      'every due reminder sent',
      async () => {
        const [row] = await db.query(`SELECT count(*)::int AS n FROM reminder WHERE period_id = $1 AND slot = 'D-3' AND status = 'SENT'`, [period.id]);
        return row.n === REMINDERS ? true : undefined;
      },
      60_000,
    );

    const messages = system.sink.messages;
    expect(messages).toHaveLength(REMINDERS);
    expect(new Set(messages.map((mail) => mail.messageId)).size).toBe(REMINDERS);
    expect(new Set(messages.flatMap((mail) => mail.to)).size).toBe(REMINDERS);
    // The ledger and the sink agree on every Message-ID, and some rows needed a second lease.
    const rows: { message_id: string; attempts: number }[] = await db.query(`SELECT message_id, attempts FROM reminder WHERE period_id = $1 AND slot = 'D-3'`, [period.id]);
    expect(new Set(rows.map((row) => row.message_id))).toEqual(new Set(messages.map((mail) => mail.messageId)));
    expect(rows.filter((row) => row.attempts === 2).length).toBeGreaterThan(0);
    // Nothing else went out: the other offsets are still waiting for their moment.
    const [waiting] = await db.query(`SELECT count(*)::int AS n FROM reminder WHERE period_id = $1 AND status = 'PLANNED'`, [period.id]);
    expect(waiting.n).toBe(REMINDERS * 3);
  }, 180_000);
});
