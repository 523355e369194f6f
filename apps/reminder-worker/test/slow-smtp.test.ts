import { ReminderLedger } from '@peduli/db';
import { MailTransport } from '@peduli/mail';
import { createMigratedDatabase, createTestOrganisation, createTestUser, MigratedDatabase } from '@peduli/testkit';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { planPeriod } from '../src/plan-period';
import { ReminderSender } from '../src/send-reminders';

/**
 * A slow SMTP server and two senders at once (the sweep and a timer). The case is a server taking 5 s a
 * message against a 120 s lease of 100 rows sent 10 at a time; here it is scaled down with the same shape: 1 s a
 * message, a 3 s lease (three exchanges' worth, so a slow machine does not make the test flaky), 2 lanes and 12 due
 * rows, so a row leased with the first would wait 5 s for a lane, past its lease. The clock is real (offset to the reminders' send time), as leases run out in real time.
 */
describe('reminders: a slow SMTP server never gets a reminder twice', () => {
  const MESSAGE_MS = 1000;
  const RECIPIENTS = 12;
  // D-14 at 09:00 WIB is 02:00Z on 23 August; the clock starts just after it and runs in real time.
  const START = new Date('2040-08-23T02:00:30Z');
  let database: MigratedDatabase;
  let server: SMTPServer;
  let transport: MailTransport;
  const received: { to: string; messageId: string | null }[] = [];

  beforeAll(async () => {
    database = await createMigratedDatabase();
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const messageId = /^Message-ID:\s*(\S+)/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? null;
          // The reply comes only after the pause: the sender waits for it as for a slow real server.
          setTimeout(() => {
            for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, messageId });
            callback();
          }, MESSAGE_MS);
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.server.address() as AddressInfo;
    transport = new MailTransport(`smtp://127.0.0.1:${port}`, 'Peduli <no-reply@peduli.test>', 2);
  });
  afterAll(async () => {
    transport?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await database?.drop();
  });

  it('leases only the rows it is sending: 0 duplicates with two senders and leases shorter than the queue', async () => {
    const db = database.dataSource;
    const [{ id: versionId }] = await db.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' ORDER BY version LIMIT 1`);
    const [cycle] = await db.query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('RANHAM', 2040, 'RANHAM 2040', $1) RETURNING id`,
      [versionId],
    );
    const [period] = await db.query(
      `INSERT INTO reporting_period (cycle_id, code, opens_on, deadline_date) VALUES ($1, 'B08', '2040-08-01', '2040-09-06') RETURNING id`,
      [cycle.id],
    );
    const policy = { offsetsDays: [14], sendAt: '09:00', overdueAfterDays: 1, escalateOverdue: false, graceHours: 24, weeklyDigest: null };
    await db.query(`INSERT INTO reminder_policy (cycle_id, policy) VALUES ($1, $2)`, [cycle.id, JSON.stringify(policy)]);
    const opd = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Sosial Kota Bandung 2040', regionCode: '32.73' });
    for (let i = 0; i < RECIPIENTS; i++) {
      await createTestUser(db, { email: `operator${i}.lambat@peduli.test`, roles: [{ role: 'UNIT_OPERATOR', organisationId: opd }] });
    }
    await planPeriod(db, null, period.id, new Date('2040-08-20T00:00:00Z'));
    const [{ due }] = await db.query(`SELECT count(*)::int AS due FROM reminder WHERE period_id = $1 AND send_at <= $2`, [period.id, START]);
    expect(due).toBeGreaterThanOrEqual(RECIPIENTS);

    const offset = START.getTime() - Date.now();
    const now = () => new Date(Date.now() + offset);
    const settings = { appUrl: 'https://peduli.test', leaseSeconds: 3, batchSize: 100, concurrency: 2, retryBaseMs: 1000, retryMaxMs: 60_000, maxAttempts: 5 };
    const sweep = new ReminderSender(db, transport, settings, new ReminderLedger(db));
    const timer = new ReminderSender(db, transport, settings, new ReminderLedger(db));

    let sweepDone = false;
    const sweepRun = sweep.sendDue({ now, periodId: period.id }).finally(() => (sweepDone = true));
    // The timer fires again and again while the sweep is busy, as timers and the next sweep would.
    const timerRuns = (async () => {
      while (!sweepDone) {
        await timer.sendDue({ now, periodId: period.id });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await timer.sendDue({ now, periodId: period.id });
    })();
    await Promise.all([sweepRun, timerRuns]);
    const statuses: { status: string; n: number }[] = await db.query(`SELECT status, count(*)::int AS n FROM reminder WHERE period_id = $1 AND send_at <= $2 GROUP BY status`, [period.id, START]);
    expect(statuses).toEqual([{ status: 'SENT', n: due }]);

    const perRecipient = new Map<string, number>();
    for (const mail of received) perRecipient.set(mail.to, (perRecipient.get(mail.to) ?? 0) + 1);
    const repeated = [...perRecipient].filter(([, count]) => count > 1);
    expect(repeated).toEqual([]);
    expect(received).toHaveLength(due);
    const rows: { attempts: number }[] = await db.query(`SELECT attempts FROM reminder WHERE period_id = $1 AND send_at <= $2`, [period.id, START]);
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
  }, 60_000);
});
