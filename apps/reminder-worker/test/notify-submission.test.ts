import type { ReminderWorkerConfig } from '@peduli/config';
import { EmailLedger } from '@peduli/db';
import { SmtpSink, startSmtpSink } from '@peduli/devservices';
import { MailTransport } from '@peduli/mail';
import { RetryLaterError } from '@peduli/queue';
import { createMigratedDatabase, MigratedDatabase } from '@peduli/testkit';
import type { WorkerContext } from '@peduli/worker-kit';
import { makeNotifier } from '../src/notify-submission';

describe('reminder-worker: notices through the email ledger, against a real SMTP server', () => {
  let database: MigratedDatabase;
  let sink: SmtpSink;
  let transport: MailTransport;
  let notifier: ReturnType<typeof makeNotifier>;
  let context: WorkerContext<ReminderWorkerConfig>;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    sink = await startSmtpSink();
    transport = new MailTransport(`${sink.url}?pool=false`, 'Peduli <no-reply@peduli.test>');
    context = {
      dataSource: database.dataSource,
      config: { APP_URL: 'https://peduli.test/' } as ReminderWorkerConfig,
    } as unknown as WorkerContext<ReminderWorkerConfig>;
    notifier = makeNotifier(context, transport, new EmailLedger(database.dataSource));
  });
  afterEach(() => (sink.refuseRecipient = null));
  afterAll(async () => {
    transport?.close();
    await sink?.stop();
    await database?.drop();
  });

  let reports = 0;
  /** A scored regency/city report, each of a year of its own (one current RANHAM report per reporter and period). */
  async function scoredSubmission(contactEmail: string | null): Promise<{ submissionId: string; snapshotId: string }> {
    const [submission] = await database.dataSource.query(
      `INSERT INTO submission (region_code, programme, period_key, status, contact_email, submit_count, version)
       VALUES ('32.73', 'RANHAM', $2, 'IN_REVIEW', $1, 1, 1) RETURNING id`,
      [contactEmail, `${2026 + reports++}-B04`],
    );
    const [snapshot] = await database.dataSource.query(
      `INSERT INTO score_snapshot (submission_id, region_code, period_key, framework_version, basis, input_hash, total, band, breakdown)
       VALUES ($1, '32.73', '2026-B04', 'RANHAM_PERPRES_53_2021@1', 'SELF_ASSESSED', md5(random()::text) || md5(random()::text), 80, 'PEDULI', '{}') RETURNING id`,
      [submission.id],
    );
    return { submissionId: submission.id, snapshotId: snapshot.id };
  }
  const ledger = (recipient: string) =>
    database.dataSource.query(`SELECT status, attempts, last_error, message_id FROM email_notification WHERE recipient = $1`, [recipient]);
  const received = (recipient: string) => sink.messages.filter((m) => m.to.includes(recipient));

  it('sends once in Indonesian with the region, period, score and link; a repeat sends nothing', async () => {
    const payload = await scoredSubmission('hukum@bandung.go.id');
    const first = await notifier.scored(payload);
    expect(first.outcome).toBe('sent');
    expect(await notifier.scored(payload)).toEqual({ outcome: 'skipped', reason: 'already sent, or refused for good' });
    const mails = received('hukum@bandung.go.id');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Skor sementara Kota Bandung untuk periode 2026-B04');
    expect(mails[0].text).toContain('skor sementara 80.00 (PEDULI)');
    expect(mails[0].text).toContain(`https://peduli.test/reports/${payload.submissionId}`);
    const [row] = await ledger('hukum@bandung.go.id');
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, message_id: mails[0].messageId });
  });

  it('says the centre verified the report when the snapshot is a scored report’s final one, under the same ledger kind', async () => {
    const payload = await scoredSubmission('final@bandung.go.id');
    await database.dataSource.query(`UPDATE submission SET status = 'SCORED', current_snapshot_id = $2 WHERE id = $1`, [payload.submissionId, payload.snapshotId]);
    expect((await notifier.scored(payload)).outcome).toBe('sent');
    const [mail] = received('final@bandung.go.id');
    expect(mail.subject).toBe('Laporan Kota Bandung periode 2027-B04 telah diverifikasi pusat');
    expect(mail.text).toContain('telah diverifikasi pada tahap pusat (Direktorat Jenderal HAM) dengan skor 80.00 (PEDULI)');
    expect(await database.dataSource.query(`SELECT kind, dedupe_key FROM email_notification WHERE recipient = 'final@bandung.go.id'`)).toEqual([
      { kind: 'submission-scored', dedupe_key: `snapshot:${payload.snapshotId}` },
    ]);
    // An earlier, provisional snapshot of the same report keeps the provisional wording.
    const [older] = await database.dataSource.query(
      `INSERT INTO score_snapshot (submission_id, region_code, period_key, framework_version, basis, input_hash, total, band, breakdown)
       VALUES ($1, '32.73', '2026-B04', 'RANHAM_PERPRES_53_2021@1', 'SELF_ASSESSED', md5(random()::text) || md5(random()::text), 60, 'CUKUP_PEDULI', '{}') RETURNING id`,
      [payload.submissionId],
    );
    expect((await notifier.scored({ submissionId: payload.submissionId, snapshotId: older.id })).outcome).toBe('sent');
    expect(received('final@bandung.go.id')[1].subject).toBe('Skor sementara Kota Bandung untuk periode 2027-B04');
  });

  it('records a permanent refusal (550) as FAILED with the SMTP reply and does not retry', async () => {
    const payload = await scoredSubmission('tidak.ada@bandung.go.id');
    sink.refuseRecipient = (address) => (address === 'tidak.ada@bandung.go.id' ? 550 : null);
    const outcome = await notifier.scored(payload);
    expect(outcome.outcome).toBe('failed');
    const [row] = await ledger('tidak.ada@bandung.go.id');
    expect(row.status).toBe('FAILED');
    expect(row.last_error).toContain('550');
    expect(await notifier.scored(payload)).toMatchObject({ outcome: 'skipped' });
    expect(received('tidak.ada@bandung.go.id')).toHaveLength(0);
  });

  it('throws on a transient refusal (451) so the job is retried, and the retry sends exactly one mail', async () => {
    const payload = await scoredSubmission('sibuk@bandung.go.id');
    sink.refuseRecipient = () => 451;
    await expect(notifier.scored(payload)).rejects.toThrow(/451/);
    const [released] = await ledger('sibuk@bandung.go.id');
    expect(released).toMatchObject({ status: 'PENDING', attempts: 1 });
    sink.refuseRecipient = null;
    expect((await notifier.scored(payload)).outcome).toBe('sent');
    expect(received('sibuk@bandung.go.id')).toHaveLength(1);
    const [sent] = await ledger('sibuk@bandung.go.id');
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('skips a submission without a contact address', async () => {
    const payload = await scoredSubmission(null);
    expect(await notifier.scored(payload)).toEqual({ outcome: 'skipped', reason: 'the submission has no contact address' });
  });

  it('puts the job off while another sender holds the lease, and sends once that lease has run out', async () => {
    const payload = await scoredSubmission('lease@bandung.go.id');
    const key = { kind: 'submission-scored', dedupeKey: `snapshot:${payload.snapshotId}`, recipient: 'lease@bandung.go.id' };
    const held = await new EmailLedger(database.dataSource).lease(key);
    if (!held.leased) throw new Error('the first lease should have been taken');
    const [{ leased_until: heldUntil }] = await database.dataSource.query(`SELECT leased_until FROM email_notification WHERE id = $1`, [held.id]);

    // Not dropped: the job is put off until the holder's lease runs out, as the holder may have died mid-send.
    const putOff = await notifier.scored(payload).catch((error: unknown) => error);
    expect(putOff).toBeInstanceOf(RetryLaterError);
    expect((putOff as RetryLaterError).at).toEqual(heldUntil);
    expect(received('lease@bandung.go.id')).toHaveLength(0);

    // The holder died: once its lease has run out the row is taken over and sent once.
    await database.dataSource.query(`UPDATE email_notification SET leased_until = now() - interval '1 second' WHERE id = $1`, [held.id]);
    expect((await notifier.scored(payload)).outcome).toBe('sent');
    expect(received('lease@bandung.go.id')).toHaveLength(1);
    expect(await notifier.scored(payload)).toEqual({ outcome: 'skipped', reason: 'already sent, or refused for good' });
  });

  it('records a notice the server accepted even when the ledger write fails at first (a database blip)', async () => {
    // The real ledger, whose first two "sent" writes are lost as a dropped connection would lose them.
    const blipping = new EmailLedger(database.dataSource);
    const lostWrite = new Error('Connection terminated unexpectedly');
    const markSent = jest.spyOn(blipping, 'markSent').mockRejectedValueOnce(lostWrite).mockRejectedValueOnce(lostWrite);
    const payload = await scoredSubmission('blip@bandung.go.id');
    expect((await makeNotifier(context, transport, blipping).scored(payload)).outcome).toBe('sent');
    expect(markSent).toHaveBeenCalledTimes(3);
    const mails = received('blip@bandung.go.id');
    expect(mails).toHaveLength(1);
    const [row] = await ledger('blip@bandung.go.id');
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, message_id: mails[0].messageId });
  });
});
