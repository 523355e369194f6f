import { freePort } from '@peduli/devservices';
import { MailTransport, renderMail } from '@peduli/mail';
import { ReminderSender } from '@peduli/reminder-worker';
import { createMigratedDatabase } from '@peduli/testkit';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { ScenarioResult } from '../results';

const MESSAGES = Number(process.env.BENCH_REMINDERS ?? 30_000);
const CONCURRENCY = Number(process.env.BENCH_SMTP_CONCURRENCY ?? 10);
const BATCH_SIZE = Number(process.env.BENCH_REMINDER_BATCH ?? 200);
const UNITS = 300;

/**
 * A lean SMTP sink: accepts everything and only reads the Message-ID header, so the receiving end is not what is
 * measured. Repeated Message-IDs are counted as duplicates.
 */
async function startCountingSink() {
  const port = await freePort();
  const seen = new Set<string>();
  const state = { received: 0, duplicates: 0, recipients: new Set<string>() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        state.received++;
        for (const rcpt of session.envelope.rcptTo) state.recipients.add(rcpt.address);
        const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
        if (messageId) {
          if (seen.has(messageId)) state.duplicates++;
          seen.add(messageId);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return { url: `smtp://127.0.0.1:${port}`, state, reset: () => { seen.clear(); state.received = 0; state.duplicates = 0; state.recipients.clear(); }, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** 300 units of several regencies/cities and one operator each per 100 reminders: 30,000 people, all due now. */
async function seedDueReminders(db: DataSource): Promise<void> {
  const [version] = await db.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' ORDER BY version LIMIT 1`);
  const [cycle] = await db.query(
    `INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('RANHAM', 2026, 'RANHAM 2026', $1) RETURNING id`,
    [version.id],
  );
  const [period] = await db.query(`INSERT INTO reporting_period (cycle_id, code, opens_on, deadline_date) VALUES ($1, 'B08', '2026-08-30', '2026-09-06') RETURNING id`, [cycle.id]);
  await db.query(
    `INSERT INTO organisation (kind, name, province_code, region_code)
     SELECT 'OPD', 'Dinas ' || n || ' ' || r.name, r.province_code, r.code
       FROM generate_series(1, $1) AS n
       JOIN LATERAL (SELECT code, name, province_code FROM region ORDER BY code OFFSET (n % 40) LIMIT 1) r ON TRUE`,
    [UNITS],
  );
  await db.query(
    `WITH units AS (SELECT id, region_code, row_number() OVER (ORDER BY id) - 1 AS i FROM organisation WHERE kind = 'OPD')
     , people AS (
       INSERT INTO user_account (email, display_name, password_hash, locale)
       SELECT 'operator.' || n || '@bench.peduli.test', 'Operator ' || n, 'x', CASE WHEN n % 10 = 0 THEN 'en' ELSE 'id' END
         FROM generate_series(1, $1) AS n RETURNING id, email, (split_part(split_part(email, '@', 1), '.', 2))::int AS n)
     , roles AS (
       INSERT INTO role_assignment (user_id, role, organisation_id)
       SELECT p.id, 'UNIT_OPERATOR', u.id FROM people p JOIN units u ON u.i = p.n % $2 RETURNING user_id, organisation_id)
     INSERT INTO reminder (period_id, recipient_user_id, recipient_email, kind, slot, deadline_at, time_zone, region_code, organisation_id,
                           send_at, expires_at)
     SELECT $3, p.id, p.email, 'BEFORE_DEADLINE', 'D-7', '2026-09-06T16:59:59.999Z', r.iana_zone, u.region_code, u.id,
            now() - interval '1 minute', now() + interval '1 day'
       FROM people p JOIN roles ro ON ro.user_id = p.id JOIN units u ON u.id = ro.organisation_id JOIN region r ON r.code = u.region_code`,
    [MESSAGES, UNITS, period.id],
  );
}

/**
 * `reminders`: 30,000 reminders due at once, sent by the reminder worker's sender (lease, render, SMTP, ledger update)
 * to a local SMTP sink; baseline: the same number of similar mails sent by a bare pooled nodemailer transport with the
 * same connections, no database. Duplicates are counted at the sink by Message-ID.
 */
export async function remindersScenario(): Promise<ScenarioResult> {
  const database = await createMigratedDatabase();
  const sink = await startCountingSink();
  try {
    await seedDueReminders(database.dataSource);

    const baselineTransport = new MailTransport(sink.url, 'Peduli <no-reply@peduli.test>', CONCURRENCY);
    const sample = renderMail('reminder-before-deadline', 'id', {
      recipientName: 'Operator 1',
      unitName: 'Dinas 1 Kota Contoh',
      periodLabel: 'RANHAM 2026 B08',
      deadline: '6 September 2026 pukul 23.59 WIB',
      daysLeft: 7,
      missing: '- Laporan belum dibuat.',
      link: 'https://peduli.test/submissions?periodKey=2026-B08',
    });
    let next = 0;
    const baselineStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < MESSAGES) {
          const n = next++;
          await baselineTransport.send({ to: `baseline.${n}@bench.peduli.test`, messageId: `<baseline.${n}@peduli>`, ...sample });
        }
      }),
    );
    const baselineSeconds = (performance.now() - baselineStarted) / 1000;
    baselineTransport.close();
    const baselineReceived = sink.state.received;
    sink.reset();

    const transport = new MailTransport(sink.url, 'Peduli <no-reply@peduli.test>', CONCURRENCY);
    const sender = new ReminderSender(database.dataSource, transport, {
      appUrl: 'https://peduli.test',
      leaseSeconds: 120,
      batchSize: BATCH_SIZE,
      concurrency: CONCURRENCY,
      retryBaseMs: 1000,
      retryMaxMs: 60_000,
      maxAttempts: 5,
    });
    const started = performance.now();
    const tally = await sender.sendDue();
    const seconds = (performance.now() - started) / 1000;
    transport.close();

    const [ledger] = await database.dataSource.query(`SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent FROM reminder`);
    if (tally.sent !== MESSAGES || ledger.sent !== MESSAGES || sink.state.received !== MESSAGES || baselineReceived !== MESSAGES) {
      throw new Error(`reminders: expected ${MESSAGES} sent, got tally ${JSON.stringify(tally)}, ledger ${ledger.sent}, sink ${sink.state.received}, baseline ${baselineReceived}`);
    }
    const value = MESSAGES / seconds;
    const baseline = MESSAGES / baselineSeconds;
    return {
      value,
      unit: 'messages/s',
      baseline,
      ratio: value / baseline,
      duplicates: sink.state.duplicates,
      messages: MESSAGES,
      recipients: sink.state.recipients.size,
      seconds,
      baselineSeconds,
      concurrency: CONCURRENCY,
      batchSize: BATCH_SIZE,
    };
  } finally {
    await sink.stop();
    await database.drop();
  }
}
