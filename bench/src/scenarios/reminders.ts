import { freePort } from '@peduli/devservices';
import { MailTransport, renderMail } from '@peduli/mail';
import { ReminderSender } from '@peduli/reminder-worker';
import { createDataSource } from '@peduli/db';
import { createMigratedDatabase } from '@peduli/testkit';
import nodemailer, { Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { ScenarioResult } from '../results';

const MESSAGES = Number(process.env.BENCH_REMINDERS ?? 30_000);
const CONCURRENCY = Number(process.env.BENCH_SMTP_CONCURRENCY ?? 10);
/** Rows leased per round: 50 to 1,000 measured within noise of each other on 2 cores; 200 keeps a lease round short. */
const BATCH_SIZE = Number(process.env.BENCH_REMINDER_BATCH ?? 200);
const UNITS = 300;
/** The units are spread over this many regencies/cities, taken evenly from the code list (so over several zones). */
const REGIONS = 40;
const FROM = 'Peduli <no-reply@peduli.test>';
/** Mails sent through the bare transport before anything is timed, so neither side pays the JIT warm-up. */
const WARM_UP = Math.min(500, Math.ceil(MESSAGES / 10));

/**
 * A lean SMTP sink: accepts everything and only reads the Message-ID from the header block, so the receiving end is
 * not what is measured. A Message-ID seen before counts as a duplicate.
 */
async function startCountingSink() {
  const port = await freePort();
  const seen = new Set<string>();
  const state = { received: 0, duplicates: 0, withoutMessageId: 0, recipients: new Set<string>() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      let headDone = false;
      stream.on('data', (chunk: Buffer) => {
        if (headDone) return;
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end >= 0) {
          head = head.slice(0, end);
          headDone = true;
        }
      });
      stream.on('end', () => {
        state.received++;
        for (const rcpt of session.envelope.rcptTo) state.recipients.add(rcpt.address.toLowerCase());
        // `\s*` also spans a folded header line.
        const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
        if (!messageId) state.withoutMessageId++;
        else if (seen.has(messageId)) state.duplicates++;
        else seen.add(messageId);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    state,
    reset: () => {
      seen.clear();
      state.received = 0;
      state.duplicates = 0;
      state.withoutMessageId = 0;
      state.recipients.clear();
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * One RANHAM period with its deadline a week ahead; 300 OPD units over 40 regencies/cities; MESSAGES operators, one
 * unit each (a tenth of them in English); one BEFORE_DEADLINE D-7 reminder per operator, all due a minute ago. All in
 * set-based SQL: no round trip per row.
 */
async function seedDueReminders(db: DataSource): Promise<{ periodId: string }> {
  const [version] = await db.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' ORDER BY version LIMIT 1`);
  if (!version) throw new Error('reminders: no RANHAM framework version seeded');
  const [{ deadline_at: deadlineAt, deadline_date: deadlineDate, opens_on: opensOn, year }] = await db.query(
    `SELECT (d + time '23:59:59.999') AT TIME ZONE 'Asia/Jakarta' AS deadline_at, d::text AS deadline_date, (d - 30)::text AS opens_on,
            extract(year FROM d)::int AS year
       FROM (SELECT (now() AT TIME ZONE 'Asia/Jakarta')::date + 7 AS d) x`,
  );
  const [cycle] = await db.query(
    `INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('RANHAM', $1, $2, $3) RETURNING id`,
    [year, `RANHAM ${year}`, version.id],
  );
  const [period] = await db.query(
    `INSERT INTO reporting_period (cycle_id, code, opens_on, deadline_date) VALUES ($1, 'B08', $2, $3) RETURNING id`,
    [cycle.id, opensOn, deadlineDate],
  );
  await db.query(
    `WITH picked AS (
       SELECT code, name, row_number() OVER (ORDER BY code) - 1 AS i
         FROM (SELECT code, name, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS total FROM region) r
        WHERE k % greatest(1, total / $2) = 0 ORDER BY code LIMIT $2)
     INSERT INTO organisation (kind, name, province_code, region_code)
     SELECT 'OPD', 'Dinas ' || n || ' ' || p.name, left(p.code, 2), p.code
       FROM generate_series(0, $1 - 1) AS n JOIN picked p ON p.i = n % (SELECT count(*) FROM picked)`,
    [UNITS, REGIONS],
  );
  await db.query(
    `WITH units AS (SELECT id, region_code, row_number() OVER (ORDER BY id) - 1 AS i FROM organisation WHERE kind = 'OPD')
     , people AS (
       INSERT INTO user_account (email, display_name, password_hash, locale, organisation_id)
       SELECT 'operator.' || n || '@bench.peduli.test', 'Operator ' || n, 'bench-no-login', CASE WHEN n % 10 = 0 THEN 'en' ELSE 'id' END, u.id
         FROM generate_series(0, $1 - 1) AS n JOIN units u ON u.i = n % $2
       RETURNING id, email, organisation_id)
     , roles AS (
       INSERT INTO role_assignment (user_id, role, organisation_id) SELECT id, 'UNIT_OPERATOR', organisation_id FROM people RETURNING user_id)
     INSERT INTO reminder (period_id, recipient_user_id, recipient_email, kind, slot, deadline_at, time_zone, region_code, organisation_id,
                           send_at, expires_at)
     SELECT $3, p.id, p.email, 'BEFORE_DEADLINE', 'D-7', $4, r.iana_zone, u.region_code, u.id, now() - interval '1 minute', now() + interval '1 day'
       FROM people p JOIN roles ro ON ro.user_id = p.id JOIN organisation u ON u.id = p.organisation_id JOIN region r ON r.code = u.region_code`,
    [MESSAGES, UNITS, period.id, deadlineAt],
  );
  const [{ due }] = await db.query(`SELECT count(*)::int AS due FROM reminder WHERE status = 'PLANNED' AND send_at <= now()`);
  if (due !== MESSAGES) throw new Error(`reminders: seeded ${due} due reminders, expected ${MESSAGES}`);
  await db.query(`ANALYZE reminder; ANALYZE user_account; ANALYZE organisation`);
  return { periodId: period.id };
}

/** Sends `count` mails through a bare pooled nodemailer transport, `CONCURRENCY` at a time; returns the seconds taken. */
async function sendRaw(transporter: Transporter, count: number, tag: string, mail: { subject: string; text: string; html: string }) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const n = next++;
        await transporter.sendMail({ from: FROM, to: `${tag}.${n}@bench.peduli.test`, messageId: `<${tag}.${n}@peduli>`, ...mail });
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * `reminders`: MESSAGES (30,000) reminders due at once, sent by the reminder worker's sender (lease, facts, render,
 * SMTP, ledger update) to a local SMTP sink. Baseline, same run and same sink: as many mails of the same size sent by
 * a bare pooled nodemailer transport with the same number of connections and no database. Duplicates are counted at
 * the sink by Message-ID and must be 0.
 */
export async function remindersScenario(): Promise<ScenarioResult> {
  const database = await createMigratedDatabase();
  const db = database.dataSource;
  const sink = await startCountingSink();
  const raw = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, pool: true, maxConnections: CONCURRENCY, secure: false, ignoreTLS: true });
  const transport = new MailTransport(sink.url, FROM, CONCURRENCY);
  try {
    await seedDueReminders(db);

    // A mail like the ones the sender renders (Indonesian, with text and HTML), for the baseline.
    const sample = renderMail('reminder-before-deadline', 'id', {
      recipientName: 'Operator 1',
      unitName: 'Dinas 1 Kabupaten Contoh',
      periodLabel: 'RANHAM 2026 B08',
      deadline: '6 September 2026 pukul 23.59 WIB',
      daysLeft: 7,
      missing: '- Laporan belum dibuat.',
      link: 'https://peduli.test/submissions?periodKey=2026-B08',
    });

    await sendRaw(raw, WARM_UP, 'warm-up', sample);
    sink.reset();
    const baselineSeconds = await sendRaw(raw, MESSAGES, 'baseline', sample);
    const baselineSink = { received: sink.state.received, duplicates: sink.state.duplicates };
    raw.close();
    if (baselineSink.received !== MESSAGES) throw new Error(`reminders: the sink received ${baselineSink.received} of ${MESSAGES} baseline mails`);
    sink.reset();

    // The worker's own pool: one connection per SMTP lane on top of its jobs' (see the reminder worker's main.ts).
    const senderDb = await createDataSource({ url: database.url, poolSize: CONCURRENCY + 2, applicationName: 'peduli-bench-sender' }).initialize();
    const sender = new ReminderSender(senderDb, transport, {
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
    await senderDb.destroy();

    const [ledger] = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, count(DISTINCT message_id)::int AS message_ids, count(*)::int AS total FROM reminder`,
    );
    const { received, duplicates, withoutMessageId, recipients } = sink.state;
    if (tally.sent !== MESSAGES || ledger.sent !== MESSAGES || ledger.message_ids !== MESSAGES || received !== MESSAGES || withoutMessageId > 0) {
      throw new Error(
        `reminders: expected ${MESSAGES} sent; tally ${JSON.stringify(tally)}, ledger ${JSON.stringify(ledger)}, sink ${received} received (${withoutMessageId} without Message-ID)`,
      );
    }
    if (duplicates > 0) console.warn(`  reminders: ${duplicates} duplicate Message-IDs at the sink`);

    const value = MESSAGES / seconds;
    const baseline = MESSAGES / baselineSeconds;
    return {
      value,
      unit: 'messages/s',
      baseline,
      ratio: value / baseline,
      duplicates,
      messages: MESSAGES,
      sent: tally.sent,
      received,
      recipients: recipients.size,
      seconds,
      baselineSeconds,
      concurrency: CONCURRENCY,
      batchSize: BATCH_SIZE,
    };
  } finally {
    raw.close();
    transport.close();
    await sink.stop();
    await database.drop();
  }
}
