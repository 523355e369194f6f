import type { SubmissionView } from '../api';
import { Demo, fact, person, PersonKey, t } from '../context';
import { expectThat } from '../failure';
import type { Step } from './step';

const CHECKED = new Set(['IN_REVIEW', 'CHECK_FAILED', 'RETURNED', 'VERIFIED', 'SCORED']);

/** Waits until the document worker has judged each submission (no longer SUBMITTED or CHECKING). */
export async function waitForChecks(demo: Demo, label: string, subjects: readonly { id: string; who: PersonKey; name: string }[]): Promise<Map<string, SubmissionView>> {
  const seen = new Map<string, SubmissionView>();
  await demo.story.waitFor(
    label,
    async () => {
      for (const subject of subjects) {
        if (CHECKED.has(seen.get(subject.id)?.status ?? '')) continue;
        seen.set(subject.id, await person(demo, subject.who).session.get<SubmissionView>(`/submissions/${subject.id}`));
      }
      const done = subjects.filter((subject) => CHECKED.has(seen.get(subject.id)?.status ?? '')).length;
      return { value: done === subjects.length ? true : undefined, status: { done, total: subjects.length, text: subjects.map((s) => `${s.name}: ${seen.get(s.id)?.status}`).join(', ') } };
    },
    { timeoutMs: 90_000, intervalMs: 400 },
  );
  return seen;
}

/** One line per document: what the unit declared, what the bytes really are, and the worker's verdict with its codes. */
export function verdictTable(demo: Demo, entries: readonly { unit: string; submission: SubmissionView }[]): void {
  demo.story.table(
    [t(demo, 'Unit', 'Unit'), t(demo, 'Berkas', 'File'), t(demo, 'Dinyatakan', 'Declared'), t(demo, 'Isi sebenarnya', 'Real type'), t(demo, 'Putusan', 'Verdict'), t(demo, 'Alasan', 'Reasons')],
    entries.flatMap(({ unit, submission }) =>
      submission.documents.map((document) => [
        unit,
        document.originalName,
        document.documentType,
        document.sniffedMime ?? '?',
        document.status,
        [...document.checkReasons, ...document.checkFlags].join(', ') || '–',
      ]),
    ),
  );
}

export function statusOf(demo: Demo, seen: Map<string, SubmissionView>, id: string, expected: string, what: string): SubmissionView {
  const submission = seen.get(id);
  expectThat(
    submission?.status === expected,
    t(demo, `${what}: status yang diharapkan ${expected}, ternyata ${submission?.status}`, `${what}: expected status ${expected}, found ${submission?.status}`),
    submission ? [JSON.stringify({ documents: submission.documents.map((d) => [d.originalName, d.status, d.checkReasons]), problems: submission.checkProblems })] : [],
  );
  return submission;
}

/**
 * The document worker's verdicts: each file judged by its bytes (type sniffed, structure read, size checked), the
 * KKP HAM document rules applied, and each submission moved on to review or back to its unit with reasons.
 */
export const checksStep: Step = {
  title: { id: 'Putusan document-worker', en: 'The document worker’s verdicts' },
  async run(demo) {
    const { story } = demo;
    const submissions = fact(demo, 'submissions');
    story.say(
      t(
        demo,
        'Mengirim mencatat peristiwa submission.submitted dalam transaksi yang sama (outbox); relay menaruhnya di antrean BullMQ "documents", dan document-worker memeriksa setiap berkas dari isinya, bukan dari namanya.',
        'Submitting records a submission.submitted event in the same transaction (the outbox); the relay puts it on the BullMQ "documents" queue, and the document worker judges each file by its content, not its name.',
      ),
    );
    const seen = await waitForChecks(demo, t(demo, 'document-worker memeriksa tiga laporan', 'document-worker checks three reports'), [
      { id: submissions.dinkes, who: 'dinkesOperator', name: 'Dinkes' },
      { id: submissions.disdikbudFirst, who: 'disdikbudOperator', name: 'Disdikbud' },
      { id: submissions.dinkesKkp, who: 'dinkesOperator', name: 'Dinkes KKP' },
    ]);
    const dinkes = statusOf(demo, seen, submissions.dinkes, 'IN_REVIEW', 'Dinkes RANHAM');
    const disdikbud = statusOf(demo, seen, submissions.disdikbudFirst, 'CHECK_FAILED', 'Disdikbud RANHAM');
    const kkp = statusOf(demo, seen, submissions.dinkesKkp, 'CHECK_FAILED', 'Dinkes KKP HAM');
    verdictTable(demo, [
      { unit: 'Dinkes', submission: dinkes },
      { unit: 'Disdikbud', submission: disdikbud },
      { unit: 'Dinkes KKP', submission: kkp },
    ]);
    const executable = disdikbud.documents.find((document) => document.originalName.startsWith('rekap-anggaran'));
    expectThat(
      executable?.status === 'REJECTED' && executable.checkReasons.includes('TYPE_NOT_ALLOWED'),
      t(demo, 'Program yang menyamar sebagai PDF seharusnya ditolak (TYPE_NOT_ALLOWED)', 'The program disguised as a PDF should be rejected (TYPE_NOT_ALLOWED)'),
      [JSON.stringify(executable)],
    );
    expectThat(
      [...dinkes.documents, ...kkp.documents, ...disdikbud.documents.filter((document) => document !== executable)].every((document) => document.status === 'ACCEPTED'),
      t(demo, 'PDF dan gambar asli seharusnya diterima', 'The real PDFs and images should be accepted'),
    );
    const missing = kkp.checkProblems.find((problem) => problem.code === 'INDICATOR_EVIDENCE_MISSING');
    expectThat(missing, t(demo, 'Laporan KKP HAM seharusnya gagal karena dokumen wajib tidak ada', 'The KKP HAM input should fail for its missing required document'), [JSON.stringify(kkp.checkProblems)]);
    story.ok(t(demo, `Dinkes (RANHAM): semua berkas diterima, laporan masuk tinjauan (IN_REVIEW, tahap ${dinkes.reviewStage}).`, `Dinkes (RANHAM): every file accepted, the report goes to review (IN_REVIEW, stage ${dinkes.reviewStage}).`));
    story.warn(
      t(
        demo,
        `Disdikbud (RANHAM): "${executable.originalName}" ternyata ${executable.sniffedMime}, jenis yang tidak diizinkan: satu dokumen ditolak menggagalkan pemeriksaan (CHECK_FAILED).`,
        `Disdikbud (RANHAM): "${executable.originalName}" is really ${executable.sniffedMime}, a type not allowed: one rejected document fails the check (CHECK_FAILED).`,
      ),
    );
    story.warn(t(demo, `Dinkes (KKP HAM): ${missing.message.id}`, `Dinkes (KKP HAM): ${missing.message.en}`));

    // The check-failed notice goes to the submission's contact address: the dev mailbox has it.
    if (demo.mailbox.exists()) {
      const to = person(demo, 'disdikbudOperator').email;
      const notice = await story.waitFor(
        t(demo, `reminder-worker mengirim pemberitahuan ke ${to}`, `reminder-worker mails the notice to ${to}`),
        async () => ({ value: (await demo.mailbox.since(demo.startedAt)).find((mail) => mail.to.includes(to) && /perlu diperbaiki|need fixing/.test(mail.subject)) }),
        { timeoutMs: 30_000 },
      );
      story.quote(`${notice.subject}\n\n${notice.text.trim()}`, 10);
    }
  },
};
