import { eventually } from '@peduli/testkit';
import { MINIMAL_PDF, RunningSystem, startSystem } from './system';

/**
 * SIGTERM is graceful: the API finishes the request it is serving before it exits, and a worker finishes the job it
 * is running (here a reminder held at the SMTP server) rather than leaving it to be found stalled.
 */
describe('SIGTERM drains', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    // The two processes whose shutdown is under test; the evidence is uploaded, never submitted, so no check runs.
    system = await startSystem({ REMINDER_SWEEP_INTERVAL_MS: '500' }, { roles: ['reminder-worker'] });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('the API completes an upload in progress, then exits 0', async () => {
    const created = await fetch(`${system.apiUrl}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ regionCode: '64.71', programme: 'RANHAM', periodKey: '2025-B08' }),
    });
    const { id } = (await created.json()) as { id: string };

    // A multipart upload whose body arrives in pieces over about a second; SIGTERM lands after the first piece.
    const boundary = 'peduli-graceful';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\nLAPORAN\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="laporan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const pieces = [head, MINIMAL_PDF.subarray(0, 40), MINIMAL_PDF.subarray(40), tail];
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === pieces.length) return controller.close();
        if (sent > 0) await new Promise((resolve) => setTimeout(resolve, 350));
        controller.enqueue(new Uint8Array(pieces[sent++]));
      },
    });
    const upload = fetch(`${system.apiUrl}/api/v1/submissions/${id}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    await eventually('the upload has started', async () => (sent >= 1 ? true : undefined), 5000);
    system.processes.api.kill('SIGTERM');

    const response = await upload;
    expect(response.status).toBe(201);
    expect(sent).toBe(pieces.length);
    expect(await system.processes.api.exited).toBe(0);
    const [document] = await system.database.dataSource.query(`SELECT original_name FROM evidence_document WHERE submission_id = $1`, [id]);
    expect(document).toEqual({ original_name: 'laporan.pdf' });
    await system.restart('api');
  });

  it('a worker finishes the reminder it is sending, marks it sent, and exits 0', async () => {
    const db = system.database.dataSource;
    const [user] = await db.query(
      `INSERT INTO user_account (email, display_name, password_hash) VALUES ('operator.graceful@peduli.test', 'Operator', 'x') RETURNING id`,
    );
    const [version] = await db.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' AND version = 1`);
    const [cycle] = await db.query(`INSERT INTO reporting_cycle (programme, year, label, framework_version_id) VALUES ('RANHAM', 2097, 'RANHAM 2097', $1) RETURNING id`, [version.id]);
    const [period] = await db.query(`INSERT INTO reporting_period (cycle_id, code, deadline_date) VALUES ($1, 'B08', '2097-09-06') RETURNING id`, [cycle.id]);
    system.sink.holdAcceptance = true;
    const [reminder] = await db.query(
      `INSERT INTO reminder (period_id, recipient_user_id, recipient_email, kind, slot, deadline_at, time_zone, region_code, send_at, expires_at)
       VALUES ($1, $2, 'operator.graceful@peduli.test', 'OVERDUE', 'D+1', '2097-09-06T16:59:59Z', 'Asia/Jakarta', '32.73', now(), now() + interval '1 day')
       RETURNING id`,
      [period.id, user.id],
    );
    const status = async () => (await db.query(`SELECT status FROM reminder WHERE id = $1`, [reminder.id]))[0].status as string;
    await eventually('the reminder is being sent', async () => ((await status()) === 'SENDING' ? true : undefined), 15_000);

    system.processes['reminder-worker'].kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Still draining: the job waits for the server's answer rather than being abandoned.
    expect(system.processes['reminder-worker'].isRunning()).toBe(true);
    system.sink.holdAcceptance = false;

    expect(await system.processes['reminder-worker'].exited).toBe(0);
    expect(await status()).toBe('SENT');
    expect(system.sink.messages.filter((mail) => mail.to.includes('operator.graceful@peduli.test'))).toHaveLength(1);
    await system.restart('reminder-worker');
  });
});
