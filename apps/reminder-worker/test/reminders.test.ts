import { createRedisConnection, QueueName, QueueRegistry } from '@peduli/queue';
import { SmtpSink, startSmtpSink } from '@peduli/devservices';
import { MailTransport } from '@peduli/mail';
import { createMigratedDatabase, createTestOrganisation, createTestUser, MigratedDatabase, testServiceUrls, uniqueQueuePrefix } from '@peduli/testkit';
import type { Redis } from 'ioredis';
import { planPeriod, timerJobId } from '../src/plan-period';
import { ReminderSender } from '../src/send-reminders';
import { ReminderLedger } from '@peduli/db';

/**
 * Reminders planned from the database and sent to a real SMTP server at simulated moments: the clock is the only
 * thing the test controls. Counts are exact, per recipient.
 */
describe('reminders: planning and sending against a real SMTP server', () => {
  let database: MigratedDatabase;
  let sink: SmtpSink;
  let transport: MailTransport;
  let sender: ReminderSender;
  let redis: Redis;
  let queues: QueueRegistry;
  let versionId: string;
  const BANDUNG = '32.73'; // WIB, Asia/Jakarta
  const JAYAPURA = '91.71'; // WIT, Asia/Jayapura
  let year = 2030;
  const SENDER_SETTINGS = { appUrl: 'https://peduli.test', leaseSeconds: 60, batchSize: 50, concurrency: 4, retryBaseMs: 1000, retryMaxMs: 60_000, maxAttempts: 5 };

  beforeAll(async () => {
    database = await createMigratedDatabase();
    sink = await startSmtpSink();
    transport = new MailTransport(`${sink.url}?pool=false`, 'Peduli <no-reply@peduli.test>');
    sender = new ReminderSender(database.dataSource, transport, SENDER_SETTINGS);
    redis = createRedisConnection(testServiceUrls().redis, 'producer', 'reminders-test');
    queues = new QueueRegistry(redis, uniqueQueuePrefix('reminders'));
    [{ id: versionId }] = await database.dataSource.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' ORDER BY version LIMIT 1`);
  });
  afterEach(() => (sink.refuseRecipient = null));
  afterAll(async () => {
    transport?.close();
    await queues?.queue(QueueName.Reminders).obliterate({ force: true });
    await queues?.close();
    redis?.disconnect();
    await sink?.stop();
    await database?.drop();
  });

  interface Cast {
    periodId: string;
    periodKey: string;
    bandungOpd: string;
    jayapuraOpd: string;
    people: Record<'bandungOperator' | 'bandungHead' | 'jayapuraOperator' | 'jayapuraHead' | 'coordinator' | 'kanwil', string>;
  }

  /** A fresh RANHAM year with one B08 period, an OPD in a WIB city and one in a WIT city, their people, a coordinator and a Kanwil. */
  async function openPeriod(deadlineDate: string, options: { weeklyDigest?: boolean; opensOn?: string; defaultPolicy?: boolean } = {}): Promise<Cast> {
    const db = database.dataSource;
    const tag = ++year;
    const opensOn = (options.opensOn ?? '2030-08-01').replace(/^\d{4}/, String(tag));
    // Each test has its own people and units: the earlier tests' are retired.
    await db.query(`UPDATE user_account SET active = false`);
    await db.query(`UPDATE organisation SET active = false`);
    const [cycle] = await db.query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('RANHAM', $1, $2, $3) RETURNING id`,
      [tag, `RANHAM ${tag}`, versionId],
    );
    const [period] = await db.query(
      `INSERT INTO reporting_period (cycle_id, code, opens_on, deadline_date) VALUES ($1, 'B08', $2, $3) RETURNING id`,
      [cycle.id, opensOn, deadlineDate.replace(/^\d{4}/, String(tag))],
    );
    // The digest's Mondays differ from year to year; only the test that counts them keeps it.
    const policy = { offsetsDays: [14, 7, 3, 1], sendAt: '09:00', overdueAfterDays: 1, escalateOverdue: true, graceHours: 24, weeklyDigest: options.weeklyDigest ? { weekday: 1, time: '09:00' } : null };
    // A policy stored before the opening reminder existed keeps its offsets; `defaultPolicy` leaves the cycle on the defaults.
    if (!options.defaultPolicy) await db.query(`INSERT INTO reminder_policy (cycle_id, policy) VALUES ($1, $2)`, [cycle.id, JSON.stringify(policy)]);
    const bandungOpd = await createTestOrganisation(db, { kind: 'OPD', name: `Dinas Sosial Kota Bandung ${tag}`, regionCode: BANDUNG });
    const jayapuraOpd = await createTestOrganisation(db, { kind: 'OPD', name: `Dinas Sosial Kota Jayapura ${tag}`, regionCode: JAYAPURA });
    const person = async (name: string, roles: Parameters<typeof createTestUser>[1]['roles'], locale: 'id' | 'en' = 'id') =>
      (await createTestUser(db, { email: `${name}.${tag}@peduli.test`, roles, locale })).email;
    const people = {
      bandungOperator: await person('operator.bandung', [{ role: 'UNIT_OPERATOR', organisationId: bandungOpd }]),
      bandungHead: await person('kepala.bandung', [{ role: 'UNIT_HEAD', organisationId: bandungOpd }]),
      jayapuraOperator: await person('operator.jayapura', [{ role: 'UNIT_OPERATOR', organisationId: jayapuraOpd }], 'en'),
      jayapuraHead: await person('kepala.jayapura', [{ role: 'UNIT_HEAD', organisationId: jayapuraOpd }]),
      coordinator: await person('koordinator.bandung', [{ role: 'COORDINATOR', regionCode: BANDUNG }]),
      kanwil: await person('kanwil.jabar', [{ role: 'KANWIL_VERIFIER', provinceCode: '32' }]),
    };
    current = { periodId: period.id, periodKey: `${tag}-B08`, bandungOpd, jayapuraOpd, people };
    return current;
  }

  /** Other periods' cities have their own coordinators: keep each test to its own recipients. */
  const mailsTo = (address: string) => sink.messages.filter((mail) => mail.to.includes(address));
  const at = (iso: string) => new Date(iso);
  // Earlier tests leave reminders planned in their own years: each test sends only its own period's.
  let current: Cast;
  const sendAt = (iso: string) => sender.sendDue({ now: () => at(iso), periodId: current.periodId });
  const tagged = (cast: Cast, iso: string) => iso.replace(/^\d{4}/, cast.periodKey.slice(0, 4));
  const ledger = (periodId: string) =>
    database.dataSource.query(`SELECT recipient_email, kind, slot, status, send_at, skip_reason, attempts, last_error, smtp_response, message_id FROM reminder WHERE period_id = $1`, [periodId]);

  it('sends each offset at 09:00 in the recipient’s own zone: WIT two hours before WIB', async () => {
    const cast = await openPeriod('2030-09-06', { weeklyDigest: true });
    expect(cast.periodKey).toBe('2031-B08'); // its Mondays: 11, 18 and 25 August, 1 September
    await planPeriod(database.dataSource, null, cast.periodId, at(tagged(cast, '2030-08-10T00:00:00Z')));
    const { people } = cast;
    const year = Number(cast.periodKey.slice(0, 4));
    const everyMorning = async (fromDay: number, toDay: number) => {
      for (let day = fromDay; day <= toDay; day++) {
        const date = Date.UTC(year, 7, day); // August; days past 31 run into September
        for (const hour of [0, 2]) await sendAt(new Date(date + hour * 3_600_000 + 60_000).toISOString());
      }
    };
    await everyMorning(10, 22);

    // 2030-08-23 09:00 WIT is 00:00Z; 09:00 WIB is 02:00Z.
    await sendAt(tagged(cast, '2030-08-22T23:59:00Z'));
    expect(mailsTo(people.jayapuraOperator)).toHaveLength(0);
    await sendAt(tagged(cast, '2030-08-23T00:00:30Z'));
    expect(mailsTo(people.jayapuraOperator)).toHaveLength(1);
    expect(mailsTo(people.jayapuraHead)).toHaveLength(1);
    expect(mailsTo(people.bandungOperator)).toHaveLength(0);
    await sendAt(tagged(cast, '2030-08-23T01:59:00Z'));
    expect(mailsTo(people.bandungOperator)).toHaveLength(0);
    await sendAt(tagged(cast, '2030-08-23T02:00:30Z'));
    expect(mailsTo(people.bandungOperator)).toHaveLength(1);
    expect(mailsTo(people.bandungHead)).toHaveLength(1);

    // The mail: English for the Jayapura operator, Indonesian for the head, deadline in WIT, with the unit and what is missing.
    const [english] = mailsTo(people.jayapuraOperator);
    expect(english.subject).toBe(`Reminder: the RANHAM ${cast.periodKey.replace('-', ' ')} report of Dinas Sosial Kota Jayapura ${cast.periodKey.slice(0, 4)} is due 6 September ${cast.periodKey.slice(0, 4)}, 23:59 WIT`);
    expect(english.text).toContain('(in 14 days)');
    expect(english.text).toContain('The report has not been started.');
    const [indonesian] = mailsTo(people.bandungHead);
    expect(indonesian.text).toContain(`6 September ${cast.periodKey.slice(0, 4)} pukul 23.59 WIB (14 hari lagi)`);
    // Not started yet: the link opens Beranda, where the period's report is begun.
    expect(indonesian.text).toMatch(/https:\/\/peduli\.test\/\s/);

    // The rest of the period, at every day's WIB and WIT 09:00 and at each Monday's digest: exact totals per person.
    await everyMorning(23, 38);
    for (const person of [people.bandungOperator, people.bandungHead, people.jayapuraOperator, people.jayapuraHead]) {
      // 14, 7, 3 and 1 days before, and the overdue notice the day after.
      expect(mailsTo(person).map((mail) => mail.subject.split(':')[0])).toEqual(['Pengingat', 'Pengingat', 'Pengingat', 'Pengingat', 'Terlambat'].map((word, i) =>
        person === people.jayapuraOperator ? ['Reminder', 'Reminder', 'Reminder', 'Reminder', 'Overdue'][i] : word,
      ));
    }
    // The coordinator: the city's own report (4 + overdue), the escalation, and the four Monday digests.
    const coordinatorMails = mailsTo(people.coordinator);
    expect(coordinatorMails.filter((mail) => mail.subject.startsWith('Pengingat'))).toHaveLength(4);
    expect(coordinatorMails.filter((mail) => mail.subject.startsWith('Terlambat'))).toHaveLength(1);
    expect(coordinatorMails.filter((mail) => mail.subject.startsWith('Ringkasan mingguan'))).toHaveLength(4);
    const escalation = coordinatorMails.filter((mail) => /belum mengirim laporan/.test(mail.subject));
    expect(escalation).toHaveLength(1);
    expect(escalation[0].text).toContain(`Dinas Sosial Kota Bandung ${cast.periodKey.slice(0, 4)} (belum dibuat)`);
    expect(coordinatorMails).toHaveLength(10);
    // The Kanwil of West Java hears about Bandung's overdue units once; Jayapura is not its province.
    expect(mailsTo(people.kanwil)).toHaveLength(1);
    expect(mailsTo(people.kanwil)[0].text).not.toContain('Jayapura');

    const rows: { status: string }[] = await ledger(cast.periodId);
    expect(rows.filter((row) => row.status !== 'SENT')).toEqual([]);
    // Every message carries the ledger's Message-ID.
    const ids = new Set(sink.messages.map((mail) => mail.messageId));
    for (const row of rows as unknown as { message_id: string }[]) expect(ids.has(row.message_id)).toBe(true);
  });

  it('plans the default reminders of a window as practised (30 Aug-6 Sep): at the opening, on 3 and 5 September, in each unit’s zone, none before the opening', async () => {
    const cast = await openPeriod('2030-09-06', { opensOn: '2030-08-30', defaultPolicy: true });
    await planPeriod(database.dataSource, null, cast.periodId, at(tagged(cast, '2030-08-01T00:00:00Z')));
    const rows: { recipient_email: string; slot: string; send_at: Date }[] = await ledger(cast.periodId);
    const planFor = (email: string) =>
      rows
        .filter((row) => row.recipient_email === email)
        .sort((a, b) => a.send_at.getTime() - b.send_at.getTime())
        .map((row) => `${row.slot} ${row.send_at.toISOString()}`);
    const inYear = (line: string) => line.replace(/\d{4}-/, `${cast.periodKey.slice(0, 4)}-`);
    // 09:00 WIT is 00:00Z, 09:00 WIB is 02:00Z.
    expect(planFor(cast.people.jayapuraOperator)).toEqual(
      ['D-7 2030-08-30T00:00:00.000Z', 'D-3 2030-09-03T00:00:00.000Z', 'D-1 2030-09-05T00:00:00.000Z', 'D+1 2030-09-07T00:00:00.000Z'].map(inYear),
    );
    expect(planFor(cast.people.bandungHead)).toEqual(
      ['D-7 2030-08-30T02:00:00.000Z', 'D-3 2030-09-03T02:00:00.000Z', 'D-1 2030-09-05T02:00:00.000Z', 'D+1 2030-09-07T02:00:00.000Z'].map(inYear),
    );
    // Nothing before the window opens: 30 August 00:00 WIT (29 August 15:00Z) is the earlier of the two zones' openings.
    const opening = at(tagged(cast, '2030-08-29T15:00:00Z'));
    expect(rows.filter((row) => row.send_at < opening)).toEqual([]);
  });

  it('says "1 day" the day before, and tells an overdue unit that its coordinator and Kanwil hear of it only where they do', async () => {
    const cast = await openPeriod('2030-09-06');
    await planPeriod(database.dataSource, null, cast.periodId, at(tagged(cast, '2030-09-04T12:00:00Z')));
    await sendAt(tagged(cast, '2030-09-05T03:00:00Z'));
    await sendAt(tagged(cast, '2030-09-07T03:00:00Z'));
    const { people } = cast;
    const [dayBefore, overdue] = mailsTo(people.jayapuraOperator);
    expect(dayBefore.text).toContain('(in 1 day)');
    // Jayapura's province has no Kanwil account and the city no coordinator: nobody else is told, so the mail says nothing of it.
    expect(overdue.subject).toMatch(/^Overdue:/);
    expect(overdue.text).toContain('has not been submitted.\n\nStill to be done:');
    expect(overdue.text).not.toMatch(/Kanwil|coordinator/);
    // Bandung has both, and both get the escalation.
    const bandung = mailsTo(people.bandungOperator).find((mail) => mail.subject.startsWith('Terlambat'));
    expect(bandung?.text).toContain('belum dikirim. Koordinator dan Kanwil juga diberi tahu.');
    expect(mailsTo(people.kanwil)).toHaveLength(1);
  });

  it('stops reminding a unit once it has submitted, and does not escalate it', async () => {
    const cast = await openPeriod('2030-09-06');
    await planPeriod(database.dataSource, null, cast.periodId, at(tagged(cast, '2030-08-20T00:00:00Z')));
    await sendAt(tagged(cast, '2030-08-23T03:00:00Z'));
    await sendAt(tagged(cast, '2030-08-30T03:00:00Z'));
    await database.dataSource.query(
      `INSERT INTO submission (region_code, organisation_id, programme, period_key, status, submit_count, version) VALUES ($1, $2, 'RANHAM', $3, 'SUBMITTED', 1, 1)`,
      [BANDUNG, cast.bandungOpd, cast.periodKey],
    );
    for (const day of ['09-03', '09-05', '09-07', '09-08']) await sendAt(tagged(cast, `2030-${day}T03:00:00Z`));
    expect(mailsTo(cast.people.bandungOperator)).toHaveLength(2);
    expect(mailsTo(cast.people.bandungHead)).toHaveLength(2);
    expect(mailsTo(cast.people.jayapuraHead)).toHaveLength(5);
    const skipped = (await ledger(cast.periodId)).filter((row: { recipient_email: string; status: string }) => row.recipient_email === cast.people.bandungHead && row.status === 'SKIPPED');
    expect(skipped.map((row: { skip_reason: string }) => row.skip_reason)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    // The escalation names the city's own report, still missing, and not the unit that submitted.
    const [escalation] = mailsTo(cast.people.kanwil);
    expect(escalation.subject).toBe(`1 unit di Kota Bandung belum mengirim laporan RANHAM ${cast.periodKey.replace('-', ' ')}`);
    expect(escalation.text).toContain('- Kota Bandung (belum dibuat)');
    expect(escalation.text).not.toContain('Dinas Sosial');
    // A re-plan leaves nothing planned for the completed unit.
    await planPeriod(database.dataSource, null, cast.periodId, at(tagged(cast, '2030-09-09T00:00:00Z')));
    const planned = (await ledger(cast.periodId)).filter((row: { recipient_email: string; status: string }) => row.recipient_email === cast.people.bandungHead && row.status === 'PLANNED');
    expect(planned).toEqual([]);
  });

  it('re-plans when the deadline moves: old timers removed, new ones added, a notice when it moved earlier', async () => {
    const cast = await openPeriod('2030-09-20');
    const planTime = at(tagged(cast, '2030-08-20T00:00:00Z'));
    const first = await planPeriod(database.dataSource, queues, cast.periodId, planTime);
    expect(first).toMatchObject({ movedNotices: 0 });
    const queue = queues.queue(QueueName.Reminders);
    // D-14 for 2030-09-20 in WIB: 2030-09-06 09:00 WIB = 02:00Z.
    const oldTimer = timerJobId(cast.periodId, at(tagged(cast, '2030-09-06T02:00:00Z')));
    expect(await queue.getJob(oldTimer)).toBeDefined();

    await database.dataSource.query(`UPDATE reporting_period SET deadline_date = $2 WHERE id = $1`, [cast.periodId, tagged(cast, '2030-09-10')]);
    const second = await planPeriod(database.dataSource, queues, cast.periodId, planTime);
    // Four unit recipients and the coordinator (for the city's own report) are told the deadline moved earlier.
    expect(second).toMatchObject({ movedNotices: 5 });
    expect(await queue.getJob(oldTimer)).toBeUndefined();
    expect(await queue.getJob(timerJobId(cast.periodId, at(tagged(cast, '2030-08-27T02:00:00Z'))))).toBeDefined();

    // Planning again changes nothing: no second notice, no duplicate rows.
    const third = await planPeriod(database.dataSource, queues, cast.periodId, planTime);
    expect(third).toMatchObject({ movedNotices: 5, voided: 0 });
    const rows = await ledger(cast.periodId);
    const voided = rows.filter((row: { status: string }) => row.status === 'VOID');
    expect(voided.length).toBeGreaterThan(0);

    await sendAt(tagged(cast, '2030-08-20T00:00:10Z'));
    const moved = mailsTo(cast.people.bandungHead);
    expect(moved).toHaveLength(1);
    expect(moved[0].subject).toBe(`Batas waktu laporan RANHAM ${cast.periodKey.replace('-', ' ')} dimajukan menjadi 10 September ${cast.periodKey.slice(0, 4)} pukul 23.59 WIB`);
    // The new offsets, counted from 10 September: 14 days before is 27 August.
    await sendAt(tagged(cast, '2030-08-27T02:00:30Z'));
    expect(mailsTo(cast.people.bandungHead)).toHaveLength(2);
    expect(mailsTo(cast.people.bandungHead)[1].text).toContain(`10 September ${cast.periodKey.slice(0, 4)} pukul 23.59 WIB (14 hari lagi)`);
    // Nothing goes out for the old D-14 (6 September).
    await sendAt(tagged(cast, '2030-09-03T02:00:30Z'));
    expect(mailsTo(cast.people.bandungHead)).toHaveLength(3);
    // Nothing goes out at the old D-14 (6 September 09:00 WIB); the new D-3 is on 7 September.
    await sendAt(tagged(cast, '2030-09-06T02:00:30Z'));
    expect(mailsTo(cast.people.bandungHead)).toHaveLength(3);
    expect(mailsTo(cast.people.bandungHead).map((mail) => mail.text.match(/\((\d+) hari lagi\)/)?.[1] ?? 'moved')).toEqual(['moved', '14', '7']);
  });

  it('retries a transient SMTP failure with backoff and delivers exactly once when the server recovers', async () => {
    const cast = await openPeriod('2030-09-06');
    await planPeriod(database.dataSource, null, cast.periodId, at(tagged(cast, '2030-08-20T00:00:00Z')));
    sink.refuseRecipient = () => 451;
    const down = await sendAt(tagged(cast, '2030-08-23T02:00:30Z'));
    expect(down).toMatchObject({ sent: 0, retrying: 5 });
    // Still failing at the first retry (1 s later): the next wait doubles.
    const again = await sendAt(tagged(cast, '2030-08-23T02:00:31.5Z'));
    expect(again).toMatchObject({ sent: 0, retrying: 5 });
    const waiting = (await ledger(cast.periodId)).filter((row: { attempts: number }) => row.attempts === 2);
    expect(waiting).toHaveLength(5);
    expect(waiting[0].last_error).toContain('451');
    // Before the doubled wait (2 s) is over nothing is tried.
    sink.refuseRecipient = null;
    expect(await sendAt(tagged(cast, '2030-08-23T02:00:32.5Z'))).toMatchObject({ sent: 0, retrying: 0 });
    expect(await sendAt(tagged(cast, '2030-08-23T02:00:34Z'))).toMatchObject({ sent: 5 });
    expect(await sendAt(tagged(cast, '2030-08-23T02:00:40Z'))).toMatchObject({ sent: 0 });
    for (const person of [cast.people.bandungOperator, cast.people.bandungHead, cast.people.coordinator]) expect(mailsTo(person)).toHaveLength(1);
    const sent = (await ledger(cast.periodId)).filter((row: { status: string }) => row.status === 'SENT');
    expect(sent).toHaveLength(5);
    expect(sent[0]).toMatchObject({ attempts: 3, last_error: null });
    expect(sent[0].smtp_response).toMatch(/^250/);
  });

  it('records a refused or invalid address as a permanent failure for that recipient only', async () => {
    const cast = await openPeriod('2030-09-06');
    await database.dataSource.query(`UPDATE user_account SET email = 'operator bandung.at.nowhere' WHERE email = $1`, [cast.people.bandungOperator]);
    await database.dataSource.query(`UPDATE user_account SET email = $2 WHERE email = $1`, [cast.people.bandungHead, `ditolak.${cast.periodKey}@peduli.test`]);
    await planPeriod(database.dataSource, null, cast.periodId, at(tagged(cast, '2030-08-20T00:00:00Z')));
    sink.refuseRecipient = (address) => (address.startsWith('ditolak.') ? 550 : null);
    const tally = await sendAt(tagged(cast, '2030-08-23T02:00:30Z'));
    expect(tally).toMatchObject({ sent: 3, failed: 2, retrying: 0 });
    const rows = await ledger(cast.periodId);
    const failed = rows.filter((row: { status: string }) => row.status === 'FAILED');
    expect(failed).toHaveLength(2);
    expect(failed.map((row: { last_error: string }) => row.last_error)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^550/), expect.stringMatching(/^INVALID_ADDRESS/)]),
    );
    expect(mailsTo(cast.people.coordinator)).toHaveLength(1);
    expect(mailsTo(`ditolak.${cast.periodKey}@peduli.test`)).toHaveLength(0);
    // Failed rows are not tried again.
    expect(await sendAt(tagged(cast, '2030-08-23T03:00:00Z'))).toMatchObject({ sent: 0, failed: 0 });
  });

  it('records a reminder found later than the grace as skipped, not sent late; one within the grace still goes', async () => {
    const cast = await openPeriod('2030-09-06');
    await planPeriod(database.dataSource, null, cast.periodId, at(tagged(cast, '2030-08-20T00:00:00Z')));
    // The workers were down from before D-14 (23 Aug) until after D-7 (30 Aug 09:00 WIB) plus 3 hours.
    const tally = await sendAt(tagged(cast, '2030-08-30T05:00:00Z'));
    expect(tally).toMatchObject({ sent: 5, skipped: 5 });
    const head = (await ledger(cast.periodId)).filter((row: { recipient_email: string; status: string }) => row.recipient_email === cast.people.bandungHead && row.status !== 'PLANNED');
    expect(head.map((row: { slot: string; status: string; skip_reason: string | null }) => [row.slot, row.status, row.skip_reason]).sort()).toEqual([
      ['D-14', 'SKIPPED', 'TOO_LATE'],
      ['D-7', 'SENT', null],
    ]);
  });

  it('does not plan reminders whose moment has passed when a period is opened late', async () => {
    const cast = await openPeriod('2030-09-06');
    await planPeriod(database.dataSource, null, cast.periodId, at(tagged(cast, '2030-09-01T00:00:00Z')));
    const slots = (await ledger(cast.periodId))
      .filter((row: { recipient_email: string }) => row.recipient_email === cast.people.bandungHead)
      .map((row: { slot: string }) => row.slot)
      .sort();
    expect(slots).toEqual(['D+1', 'D-1', 'D-3']);
  });

  it('reminds a ministry’s directorate and the ministry’s coordinator in WIB, and a province’s OPD in its province’s zone', async () => {
    const cast = await openPeriod('2030-09-06');
    const db = database.dataSource;
    const tag = cast.periodKey.slice(0, 4);
    const ministry = await createTestOrganisation(db, { kind: 'MINISTRY', name: `Kementerian Sosial ${tag}` });
    const biroHukum = await createTestOrganisation(db, { kind: 'BIRO_HUKUM', name: `Biro Hukum Setda Provinsi Papua ${tag}`, provinceCode: '91' });
    const [{ id: directorate }] = await db.query(`INSERT INTO organisation (kind, name, parent_id) VALUES ('DIRECTORATE', $1, $2) RETURNING id`, [`Direktorat Rehabilitasi Sosial ${tag}`, ministry]);
    const [{ id: provinceOpd }] = await db.query(`INSERT INTO organisation (kind, name, province_code, parent_id) VALUES ('OPD', $1, '91', $2) RETURNING id`, [`Dinas Sosial Provinsi Papua ${tag}`, biroHukum]);
    const person = async (name: string, roles: Parameters<typeof createTestUser>[1]['roles']) => (await createTestUser(db, { email: `${name}.${tag}@peduli.test`, roles })).email;
    const directorateOperator = await person('operator.rehsos', [{ role: 'UNIT_OPERATOR', organisationId: directorate }]);
    const ministryCoordinator = await person('koordinator.kemensos', [{ role: 'COORDINATOR', organisationId: ministry }]);
    const provinceOperator = await person('operator.dinsos.papua', [{ role: 'UNIT_OPERATOR', organisationId: provinceOpd }]);
    await planPeriod(db, null, cast.periodId, at(tagged(cast, '2030-09-01T00:00:00Z')));
    const dayBefore: { recipient_email: string; time_zone: string; region_code: string | null; organisation_id: string }[] = await db.query(
      `SELECT recipient_email, time_zone, region_code, organisation_id FROM reminder WHERE period_id = $1 AND slot = 'D-1' AND recipient_email = ANY($2) ORDER BY recipient_email`,
      [cast.periodId, [directorateOperator, ministryCoordinator, provinceOperator]],
    );
    expect(dayBefore).toEqual(
      [
        { recipient_email: directorateOperator, time_zone: 'Asia/Jakarta', region_code: null, organisation_id: directorate },
        { recipient_email: ministryCoordinator, time_zone: 'Asia/Jakarta', region_code: null, organisation_id: ministry },
        { recipient_email: provinceOperator, time_zone: 'Asia/Jayapura', region_code: null, organisation_id: provinceOpd },
      ].sort((a, b) => a.recipient_email.localeCompare(b.recipient_email)),
    );
    // 5 September 09:00 WIB is 02:00Z: the day-before reminders of all three are due by then.
    await sendAt(tagged(cast, '2030-09-05T02:00:30Z'));
    expect(mailsTo(directorateOperator).map((mail) => mail.subject)).toEqual([expect.stringContaining(`Direktorat Rehabilitasi Sosial ${tag}`)]);
    expect(mailsTo(directorateOperator)[0].text).toContain(`6 September ${tag} pukul 23.59 WIB`);
    expect(mailsTo(ministryCoordinator)[0].subject).toContain(`Kementerian Sosial ${tag}`);
    expect(mailsTo(provinceOperator)[0].text).toContain(`6 September ${tag} pukul 23.59 WIT`);
  });

  it('escalates a directorate’s overdue input to the ministry’s coordinator and the central verifiers, a province OPD’s to the Biro Hukum’s coordinator and the province’s Kanwil, and sends their coordinators the weekly digest', async () => {
    const cast = await openPeriod('2030-09-06', { weeklyDigest: true });
    const db = database.dataSource;
    const tag = cast.periodKey.slice(0, 4);
    const ministry = await createTestOrganisation(db, { kind: 'MINISTRY', name: `Kementerian Sosial ${tag}` });
    const biroHukum = await createTestOrganisation(db, { kind: 'BIRO_HUKUM', name: `Biro Hukum Setda Provinsi Papua ${tag}`, provinceCode: '91' });
    const [{ id: directorate }] = await db.query(`INSERT INTO organisation (kind, name, parent_id) VALUES ('DIRECTORATE', $1, $2) RETURNING id`, [`Direktorat Rehabilitasi Sosial ${tag}`, ministry]);
    const [{ id: provinceOpd }] = await db.query(`INSERT INTO organisation (kind, name, province_code, parent_id) VALUES ('OPD', $1, '91', $2) RETURNING id`, [`Dinas Sosial Provinsi Papua ${tag}`, biroHukum]);
    const person = async (name: string, roles: Parameters<typeof createTestUser>[1]['roles']) => (await createTestUser(db, { email: `${name}.${tag}@peduli.test`, roles })).email;
    const directorateOperator = await person('operator.rehsos', [{ role: 'UNIT_OPERATOR', organisationId: directorate }]);
    const ministryCoordinator = await person('koordinator.kemensos', [{ role: 'COORDINATOR', organisationId: ministry }]);
    const central = await person('verifikator.pusat', [{ role: 'CENTRAL_VERIFIER' }]);
    const provinceOperator = await person('operator.dinsos.papua', [{ role: 'UNIT_OPERATOR', organisationId: provinceOpd }]);
    const biroCoordinator = await person('koordinator.biro.papua', [{ role: 'COORDINATOR', organisationId: biroHukum }]);
    const papuaKanwil = await person('kanwil.papua', [{ role: 'KANWIL_VERIFIER', provinceCode: '91' }]);
    // The ministry's coordinator asked its directorates for 4 September: their reminders count down to it, the ministry's own report keeps the 6th.
    await db.query(`INSERT INTO internal_deadline (period_id, reporter_organisation_id, deadline_date) VALUES ($1, $2, $3)`, [cast.periodId, ministry, `${tag}-09-04`]);
    await planPeriod(db, null, cast.periodId, at(tagged(cast, '2030-08-20T00:00:00Z')));
    const deadlines: { recipient_email: string; deadline_at: Date }[] = await db.query(
      `SELECT DISTINCT recipient_email, deadline_at FROM reminder WHERE period_id = $1 AND kind = 'BEFORE_DEADLINE' AND recipient_email = ANY($2)`,
      [cast.periodId, [directorateOperator, ministryCoordinator]],
    );
    expect(Object.fromEntries(deadlines.map((row) => [row.recipient_email, row.deadline_at.toISOString()]))).toEqual({
      [directorateOperator]: `${tag}-09-04T16:59:59.999Z`,
      [ministryCoordinator]: `${tag}-09-06T16:59:59.999Z`,
    });
    const escalations: { recipient_email: string; time_zone: string; region_code: string | null; organisation_id: string }[] = await db.query(
      `SELECT recipient_email, time_zone, region_code, organisation_id FROM reminder WHERE period_id = $1 AND kind = 'ESCALATION' AND region_code IS NULL ORDER BY recipient_email`,
      [cast.periodId],
    );
    expect(escalations).toEqual(
      [
        { recipient_email: ministryCoordinator, time_zone: 'Asia/Jakarta', region_code: null, organisation_id: ministry },
        { recipient_email: central, time_zone: 'Asia/Jakarta', region_code: null, organisation_id: ministry },
        { recipient_email: biroCoordinator, time_zone: 'Asia/Jayapura', region_code: null, organisation_id: biroHukum },
        { recipient_email: papuaKanwil, time_zone: 'Asia/Jayapura', region_code: null, organisation_id: biroHukum },
      ].sort((a, b) => a.recipient_email.localeCompare(b.recipient_email)),
    );

    // The weekly digest goes to each reporter's coordinator (never to the centre or the Kanwil), about its units.
    const digests: { recipient_email: string; slot: string; send_at: Date }[] = await db.query(
      `SELECT recipient_email, slot, send_at FROM reminder WHERE period_id = $1 AND kind = 'DIGEST' AND region_code IS NULL ORDER BY send_at, recipient_email`,
      [cast.periodId],
    );
    expect(new Set(digests.map((row) => row.recipient_email))).toEqual(new Set([ministryCoordinator, biroCoordinator]));
    expect(digests.filter((row) => row.recipient_email === ministryCoordinator).every((row) => row.slot.startsWith(`DIGEST:${ministry}:`))).toBe(true);
    const firstMinistryDigest = digests.find((row) => row.recipient_email === ministryCoordinator)!;
    await sendAt(new Date(firstMinistryDigest.send_at.getTime() + 30_000).toISOString());
    expect(mailsTo(ministryCoordinator).map((mail) => mail.subject)).toContain(`Ringkasan mingguan RANHAM ${tag} B08: 2 unit di Kementerian Sosial ${tag} belum selesai`);

    for (const day of ['09-03', '09-05', '09-06', '09-07', '09-08']) await sendAt(tagged(cast, `2030-${day}T03:00:00Z`));
    const escalationTo = (address: string, about: string) => mailsTo(address).filter((mail) => /belum mengirim laporan/.test(mail.subject) && mail.subject.includes(about));
    const [toCentre] = escalationTo(central, `Kementerian Sosial ${tag}`);
    expect(toCentre.subject).toBe(`2 unit di Kementerian Sosial ${tag} belum mengirim laporan RANHAM ${tag} B08`);
    expect(toCentre.text).toContain(`6 September ${tag} pukul 23.59 WIB`);
    expect(toCentre.text).toContain(`- Kementerian Sosial ${tag} (belum dibuat)\n- Direktorat Rehabilitasi Sosial ${tag} (belum dibuat)`);
    expect(toCentre.text).toContain(`organisationId=${ministry}`);
    expect(mailsTo(central)).toHaveLength(1);
    expect(escalationTo(ministryCoordinator, `Kementerian Sosial ${tag}`)).toHaveLength(1);
    const [toKanwil] = escalationTo(papuaKanwil, `Biro Hukum Setda Provinsi Papua ${tag}`);
    expect(toKanwil.text).toContain(`- Dinas Sosial Provinsi Papua ${tag} (belum dibuat)`);
    expect(toKanwil.text).toContain(`6 September ${tag} pukul 23.59 WIT`);
    expect(escalationTo(biroCoordinator, `Biro Hukum Setda Provinsi Papua ${tag}`)).toHaveLength(1);
    // Another province's Kanwil hears nothing of them.
    expect(mailsTo(cast.people.kanwil).filter((mail) => /Kementerian|Biro Hukum/.test(mail.subject))).toEqual([]);
    // Each overdue unit is told who else hears of it.
    expect(mailsTo(directorateOperator).find((mail) => mail.subject.startsWith('Terlambat'))?.text).toContain('belum dikirim. Koordinator dan verifikator pusat juga diberi tahu.');
    expect(mailsTo(provinceOperator).find((mail) => mail.subject.startsWith('Terlambat'))?.text).toContain('belum dikirim. Koordinator dan Kanwil juga diberi tahu.');
  });

  it('counts a policy in minutes from each unit’s deadline instant, and says the minutes left', async () => {
    const cast = await openPeriod('2030-09-06');
    await database.dataSource.query(`UPDATE reporting_period SET deadline_time = '14:05' WHERE id = $1`, [cast.periodId]);
    const policy = { unit: 'MINUTES', offsetsDays: [14, 7], sendAt: '09:00', overdueAfterDays: 1, offsetsMinutes: [5, 1], overdueAfterMinutes: 2, escalateOverdue: true, graceHours: 1, weeklyDigest: null };
    await database.dataSource.query(`UPDATE reminder_policy SET policy = $2 WHERE cycle_id = (SELECT cycle_id FROM reporting_period WHERE id = $1)`, [cast.periodId, JSON.stringify(policy)]);
    // 14:05 WIT passes at 05:06Z; 14:05 WIB two hours later, at 07:06Z.
    const planned = await planPeriod(database.dataSource, queues, cast.periodId, at(tagged(cast, '2030-09-06T04:00:00Z')));
    expect(planned).toMatchObject({ timers: 6 });
    expect(await queues.queue(QueueName.Reminders).getJob(timerJobId(cast.periodId, at(tagged(cast, '2030-09-06T05:01:00Z'))))).toBeDefined();
    const { people } = cast;

    await sendAt(tagged(cast, '2030-09-06T05:00:59Z'));
    expect(mailsTo(people.jayapuraOperator)).toHaveLength(0);
    await sendAt(tagged(cast, '2030-09-06T05:01:10Z'));
    expect(mailsTo(people.jayapuraOperator)).toHaveLength(1);
    expect(mailsTo(people.jayapuraOperator)[0].text).toContain(`6 September ${cast.periodKey.slice(0, 4)}, 14:05 WIT (in 5 minutes)`);
    expect(mailsTo(people.jayapuraHead)[0].text).toContain('pukul 14.05 WIT (5 menit lagi)');
    expect(mailsTo(people.bandungHead)).toHaveLength(0);
    await sendAt(tagged(cast, '2030-09-06T05:05:10Z'));
    await sendAt(tagged(cast, '2030-09-06T05:08:10Z'));
    expect(mailsTo(people.jayapuraHead).map((mail) => mail.subject.split(':')[0])).toEqual(['Pengingat', 'Pengingat', 'Terlambat']);
    expect(mailsTo(people.jayapuraHead)[1].text).toContain('(1 menit lagi)');
    expect(mailsTo(people.bandungHead)).toHaveLength(0);

    await sendAt(tagged(cast, '2030-09-06T07:08:10Z'));
    expect(mailsTo(people.bandungHead).map((mail) => mail.subject.split(':')[0])).toEqual(['Pengingat', 'Pengingat', 'Terlambat']);
    expect(mailsTo(people.kanwil)).toHaveLength(1);
    expect(mailsTo(people.kanwil)[0].subject).toContain('belum mengirim laporan');
    const slots = (await ledger(cast.periodId))
      .filter((row: { recipient_email: string }) => row.recipient_email === people.jayapuraHead)
      .map((row: { slot: string; status: string }) => `${row.slot} ${row.status}`)
      .sort();
    expect(slots).toEqual(['M+2 SENT', 'M-1 SENT', 'M-5 SENT']);
  });

  it('records a reminder the server accepted even when the ledger write fails at first (a database blip)', async () => {
    const cast = await openPeriod('2030-09-06');
    await planPeriod(database.dataSource, null, cast.periodId, at(tagged(cast, '2030-08-10T00:00:00Z')));
    // The real ledger, whose first two "sent" writes are lost as a dropped connection would lose them.
    const blipping = new ReminderLedger(database.dataSource);
    const lostWrite = new Error('Connection terminated unexpectedly');
    const markSent = jest.spyOn(blipping, 'markSent').mockRejectedValueOnce(lostWrite).mockRejectedValueOnce(lostWrite);
    const blippingSender = new ReminderSender(database.dataSource, transport, SENDER_SETTINGS, blipping);
    // 14 days ahead, 09:00 WIB: every unit's D-14 is due.
    const tally = await blippingSender.sendDue({ now: () => at(tagged(cast, '2030-08-23T02:00:00Z')), periodId: cast.periodId });
    expect(markSent.mock.calls.length).toBe(tally.sent + 2);
    expect(tally).toMatchObject({ failed: 0, retrying: 0 });
    expect(tally.sent).toBeGreaterThanOrEqual(2);
    const rows: { recipient_email: string; status: string; attempts: number; message_id: string }[] = await ledger(cast.periodId);
    const sent = rows.filter((row) => row.status === 'SENT');
    expect(sent).toHaveLength(tally.sent);
    // One mail per reminder, each recorded with the Message-ID it went out with.
    for (const row of sent) {
      expect(mailsTo(row.recipient_email).map((mail) => mail.messageId)).toEqual([row.message_id]);
      expect(row.attempts).toBe(1);
    }
  });
});
