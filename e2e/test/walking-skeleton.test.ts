import { Queue } from 'bullmq';
import { JobName, QueueName } from '@peduli/queue';
import { eventually } from '@peduli/testkit';
import { Redis } from 'ioredis';
import { createAndSubmit, FAKE_EXE, MINIMAL_PDF, PNG_1X1, Role, RunningSystem, startSystem } from './system';

interface SubmissionView {
  status: string;
  documents: { id: string; originalName: string; status: string; sniffedMime: string | null; checkReasons: string[] }[];
  scores: { id: string; total: number; band: string; frameworkVersion: string }[];
}

describe('one submission through the API and all three workers, each a separate process', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    if (!system) return;
    const codes = await system.stop();
    // SIGTERM is graceful: every process drains and exits 0.
    expect(codes).toEqual({ api: 0, 'document-worker': 0, 'scoring-worker': 0, 'reminder-worker': 0, 'report-worker': 0 });
  });

  const mailTo = async (address: string) => {
    const messages = await system.sink.waitFor((all) => all.some((m) => m.to.includes(address)), 30_000);
    return messages.find((m) => m.to.includes(address))!;
  };
  const view = async (id: string) => (await (await fetch(`${system.apiUrl}/api/v1/submissions/${id}`, { headers: { authorization: `Bearer ${system.token}` } })).json()) as SubmissionView;

  it('every process reports ready (database, Redis, and for the reminder worker SMTP)', async () => {
    for (const role of Object.keys(system.healthUrls) as Role[]) {
      const response = await fetch(system.healthUrls[role]);
      expect({ role, status: response.status }).toEqual({ role, status: 200 });
    }
    const reminder = (await (await fetch(system.healthUrls['reminder-worker'])).json()) as { checks: Record<string, unknown> };
    expect(Object.keys(reminder.checks).sort()).toEqual(['database', 'redis', 'smtp', 'worker']);
  });

  it('submit → documents checked by their real type → score snapshot → email delivered over SMTP', async () => {
    const id = await createAndSubmit(
      system.apiUrl,
      system.token,
      // Criterion K1 fully met, the other nine unanswered: (100 + 9 × 0) / 10 = 10.00.
      { regionCode: '64.71', programme: 'KKP_HAM', periodKey: '2026-TAHUNAN', answers: { 'K1.S1': true, 'K1.P1': 100, 'K1.H1': 120 }, contactEmail: 'bagian.hukum@balikpapan.go.id' },
      [
        // Each answered indicator needs an accepted document of a type its rule allows (K1.S1 a legal product, the
        // others a report); the photo backs no indicator.
        { data: MINIMAL_PDF, name: 'perwal-bantuan-hukum.pdf', mime: 'application/pdf', type: 'PERBUP_PERWAL', indicators: ['K1.S1'] },
        { data: Buffer.concat([MINIMAL_PDF, Buffer.from('% laporan\n')]), name: 'laporan-realisasi.pdf', mime: 'application/pdf', type: 'LAPORAN', indicators: ['K1.P1', 'K1.H1'] },
        { data: PNG_1X1, name: 'foto-kegiatan.png', mime: 'image/png', type: 'FOTO' },
      ],
    );

    const mail = await mailTo('bagian.hukum@balikpapan.go.id');
    expect(mail.subject).toBe('Skor sementara Kota Balikpapan untuk periode 2026-TAHUNAN');
    expect(mail.text).toContain('skor sementara 10.00 (KURANG_PEDULI)');
    expect(mail.text).toContain(`https://peduli.test/reports/${id}`);

    const submission = await view(id);
    expect(submission.status).toBe('IN_REVIEW');
    expect(submission.documents.map((d) => [d.originalName, d.status, d.sniffedMime])).toEqual([
      ['perwal-bantuan-hukum.pdf', 'ACCEPTED', 'application/pdf'],
      ['laporan-realisasi.pdf', 'ACCEPTED', 'application/pdf'],
      ['foto-kegiatan.png', 'ACCEPTED', 'image/png'],
    ]);

    // Checked and accepted, so the unit can download it: as an attachment, with the type found in its bytes.
    const photo = submission.documents.find((d) => d.originalName === 'foto-kegiatan.png')!;
    const download = await fetch(`${system.apiUrl}/api/v1/submissions/${id}/evidence/${photo.id}/content`, { headers: { authorization: `Bearer ${system.token}` } });
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG_1X1);
    expect(submission.scores).toHaveLength(1);
    expect(submission.scores[0]).toMatchObject({ total: 10, band: 'KURANG_PEDULI', frameworkVersion: 'KKP_HAM_PERMENKUMHAM_22_2021@1' });

    // The sink has the mail a moment before the sender records it SENT.
    const ledger = await eventually(
      'the notice recorded SENT',
      async () => {
        const [row] = await system.database.dataSource.query(`SELECT status, message_id FROM email_notification WHERE kind = 'submission-scored'`);
        return row?.status === 'SENDING' ? undefined : row;
      },
      10_000,
    );
    expect(ledger.status).toBe('SENT');
    expect(mail.messageId).toBe(ledger.message_id);
  });

  it('a renamed executable fails the check, and the submitter is told what to fix; nothing is scored', async () => {
    const id = await createAndSubmit(
      system.apiUrl,
      system.token,
      { regionCode: '91.71', programme: 'RANHAM', periodKey: '2026-B08', contactEmail: 'hukum@jayapurakota.go.id' },
      [{ data: FAKE_EXE, name: 'laporan.pdf', mime: 'application/pdf', type: 'LAPORAN' }],
    );
    const mail = await mailTo('hukum@jayapurakota.go.id');
    expect(mail.subject).toBe('Dokumen laporan Kota Jayapura (2026-B08) perlu diperbaiki');
    expect(mail.text).toContain('- laporan.pdf: TYPE_NOT_ALLOWED');

    const submission = await view(id);
    expect(submission.status).toBe('CHECK_FAILED');
    expect(submission.documents[0]).toMatchObject({ status: 'REJECTED', sniffedMime: 'application/x-msdownload', checkReasons: ['TYPE_NOT_ALLOWED'] });
    expect(submission.scores).toEqual([]);
  });

  it('handlers are idempotent: the same events delivered again change nothing and send nothing', async () => {
    const id = await createAndSubmit(
      system.apiUrl,
      system.token,
      { regionCode: '64.71', programme: 'RANHAM', periodKey: '2025-B12', answers: { 'AKSI-2025-01': 100 }, contactEmail: 'ulang@balikpapan.go.id' },
      [],
    );
    await mailTo('ulang@balikpapan.go.id');
    const { scores } = await view(id);

    // BullMQ may deliver a job twice (a stalled worker, a republished outbox row): replay every stage with new job ids.
    const connection = new Redis(system.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const queues = [QueueName.Documents, QueueName.Scoring, QueueName.Reminders].map(
      (name) => new Queue(name, { connection, prefix: system.queuePrefix }),
    );
    try {
      await queues[0].add(JobName.SubmissionSubmitted, { submissionId: id, submitCount: 1 }, { jobId: `replay-submitted-${id}` });
      await queues[1].add(JobName.SubmissionChecked, { submissionId: id, submitCount: 1 }, { jobId: `replay-checked-${id}` });
      await queues[2].add(JobName.SubmissionScored, { submissionId: id, snapshotId: scores[0].id }, { jobId: `replay-scored-${id}` });
      await eventually('the replayed jobs complete', async () => {
        const done = await Promise.all(queues.map((queue, i) => queue.getJob(`replay-${['submitted', 'checked', 'scored'][i]}-${id}`).then((job) => job?.finishedOn)));
        return done.every(Boolean) ? true : undefined;
      });
    } finally {
      await Promise.all(queues.map((queue) => queue.close()));
      connection.disconnect();
    }
    expect((await view(id)).scores).toHaveLength(1);
    expect(system.sink.messages.filter((m) => m.to.includes('ulang@balikpapan.go.id'))).toHaveLength(1);
  });

  it('logs are structured JSON lines that carry the job id', () => {
    const lines = system.processes['scoring-worker'].output.filter((line) => line.startsWith('{'));
    // The worker's recovery sweep completes jobs of its own too; this looks at the submission's.
    const completed = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'job completed' && entry.job === 'submission.checked');
    expect(completed.length).toBeGreaterThan(0);
    expect(completed[0]).toMatchObject({ service: 'scoring-worker', level: 'info', job: 'submission.checked' });
    expect(typeof completed[0].jobId).toBe('string');
  });
});
