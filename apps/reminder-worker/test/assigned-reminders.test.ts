import { SmtpSink, startSmtpSink } from '@peduli/devservices';
import { MailTransport } from '@peduli/mail';
import { createMigratedDatabase, createTestOrganisation, createTestUser, MigratedDatabase } from '@peduli/testkit';
import { planPeriod } from '../src/plan-period';
import { ReminderSender } from '../src/send-reminders';

/**
 * Reminders follow a regency/city's assignments: once Kota Bandung assigns RANHAM actions to one OPD, the OPD with
 * nothing assigned is not reminded, and the assigned OPD's reminder (read back from a real SMTP server) says how many
 * items are its own. A unit of a city that assigns nothing is reminded as before.
 */
describe('reminders of units under assignments', () => {
  let database: MigratedDatabase;
  let sink: SmtpSink;
  let transport: MailTransport;
  let sender: ReminderSender;
  const BANDUNG = '32.73'; // WIB
  const BOGOR = '32.71'; // WIB, assigns nothing
  const SETTINGS = { appUrl: 'https://peduli.test', leaseSeconds: 60, batchSize: 50, concurrency: 4, retryBaseMs: 1000, retryMaxMs: 60_000, maxAttempts: 5 };

  beforeAll(async () => {
    database = await createMigratedDatabase();
    sink = await startSmtpSink();
    transport = new MailTransport(`${sink.url}?pool=false`, 'Peduli <no-reply@peduli.test>');
    sender = new ReminderSender(database.dataSource, transport, SETTINGS);
  });
  afterAll(async () => {
    transport?.close();
    await sink?.stop();
    await database?.drop();
  });

  it('reminds only the assigned unit, saying how many items are assigned to it', async () => {
    const db = database.dataSource;
    const [{ id: versionId }] = await db.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' ORDER BY version LIMIT 1`);
    // Two actions with a B08 measure: under this version each is answered once per period, by its own code.
    const actions: { code: string }[] = await db.query(
      `SELECT a->>'code' AS code FROM framework_version v, jsonb_array_elements(v.content->'actions') a
        WHERE v.id = $1 AND EXISTS (SELECT 1 FROM jsonb_array_elements(a->'successMeasures') m WHERE m->>'periodCode' = 'B08')
        ORDER BY 1 LIMIT 2`,
      [versionId],
    );
    expect(actions).toHaveLength(2);
    const [cycle] = await db.query(`INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('RANHAM', 2040, 'RANHAM 2040', $1) RETURNING id`, [versionId]);
    const [period] = await db.query(`INSERT INTO reporting_period (cycle_id, code, opens_on, deadline_date) VALUES ($1, 'B08', '2040-08-01', '2040-09-06') RETURNING id`, [cycle.id]);
    const policy = { offsetsDays: [7], sendAt: '09:00', overdueAfterDays: 1, escalateOverdue: false, graceHours: 24, weeklyDigest: null };
    await db.query(`INSERT INTO reminder_policy (cycle_id, policy) VALUES ($1, $2)`, [cycle.id, JSON.stringify(policy)]);
    const assigned = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Sosial Kota Bandung', regionCode: BANDUNG });
    const idle = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Perhubungan Kota Bandung', regionCode: BANDUNG });
    const bogor = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Sosial Kota Bogor', regionCode: BOGOR });
    const operator = async (name: string, organisationId: string, locale: 'id' | 'en' = 'id') =>
      (await createTestUser(db, { email: `${name}@assigned.test`, roles: [{ role: 'UNIT_OPERATOR', organisationId }], locale })).email;
    const people = {
      assigned: await operator('dinsos.bandung', assigned),
      assignedEn: await operator('dinsos.bandung.en', assigned, 'en'),
      idle: await operator('dishub.bandung', idle),
      bogor: await operator('dinsos.bogor', bogor),
    };
    for (const action of actions) {
      await db.query(
        `INSERT INTO assignment (cycle_id, reporter_region_code, item_code, unit_organisation_id, lead) VALUES ($1, $2, $3, $4, true)`,
        [cycle.id, BANDUNG, action.code, assigned],
      );
    }

    await planPeriod(db, null, period.id, new Date('2040-08-10T00:00:00Z'));
    const planned: { recipient_email: string }[] = await db.query(`SELECT DISTINCT recipient_email FROM reminder WHERE period_id = $1`, [period.id]);
    expect(planned.map((row) => row.recipient_email).sort()).toEqual([people.assigned, people.assignedEn, people.bogor].sort());

    // Seven days before 6 September, 09:00 WIB.
    await sender.sendDue({ now: () => new Date('2040-08-30T02:00:30Z'), periodId: period.id });
    const mailsTo = (address: string) => sink.messages.filter((mail) => mail.to.includes(address));
    expect(mailsTo(people.idle)).toHaveLength(0);
    expect(mailsTo(people.assigned)).toHaveLength(1);
    expect(mailsTo(people.assigned)[0].text).toContain('2 butir ditugaskan kepada unit Anda.');
    expect(mailsTo(people.assignedEn)[0].text).toContain('2 items assigned to your unit.');
    expect(mailsTo(people.bogor)).toHaveLength(1);
    expect(mailsTo(people.bogor)[0].text).not.toContain('ditugaskan');
  });
});
