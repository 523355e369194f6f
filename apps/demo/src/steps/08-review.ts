import type { ReviewView, SubmissionView } from '../api';
import { BALIKPAPAN, short } from '../cast';
import { Demo, fact, person, PersonKey, t } from '../context';
import { expectThat } from '../failure';
import { makePdf } from '../files';
import { measureCodeOf, upload, UploadRow } from './05-report';
import { statusOf, waitForChecks } from './06-checks';
import type { Step } from './step';

/** Approves at the current stage as `who`, and checks where the submission went. */
async function approve(demo: Demo, who: PersonKey, id: string, unit: string, expected: { status: string; stage?: string | null }, body: Record<string, unknown> = {}): Promise<SubmissionView> {
  const reviewer = person(demo, who);
  const before = await reviewer.session.get<SubmissionView>(`/submissions/${id}`);
  const after = await reviewer.session.post<SubmissionView>(`/submissions/${id}/approve`, body);
  expectThat(
    after.status === expected.status && (expected.stage === undefined || after.reviewStage === expected.stage),
    `${unit}: after ${reviewer.role}'s approval expected ${expected.status}${expected.stage ? `/${expected.stage}` : ''}, found ${after.status}/${after.reviewStage}`,
  );
  demo.story.ok(
    t(
      demo,
      `${unit}: ${short(reviewer.email)} (${before.reviewStage}) menyetujui → ${after.status}${after.reviewStage ? `, tahap berikut ${after.reviewStage}` : ''}`,
      `${unit}: ${short(reviewer.email)} (${before.reviewStage}) approves → ${after.status}${after.reviewStage ? `, next stage ${after.reviewStage}` : ''}`,
    ),
  );
  return after;
}

/**
 * Review in stages. A unit's input goes to its head, then the city's coordinator (Bagian Hukum), whose approval ends
 * it: the coordinator returns one report with a reason code; the unit fixes it and submits again, and its review
 * starts afresh. The city's own report, compiled by the coordinator from the approved inputs, then goes on: the
 * coordinator, the Kanwil (which may propose verified values) and the centre, whose verification is final. The centre
 * sends it back to the Kanwil once with a reason code, as central verification does when the Kanwil's check needs
 * another look.
 */
export const reviewStep: Step = {
  title: { id: 'Tinjauan: kepala unit, koordinator, Kanwil, pusat', en: 'Review: unit head, coordinator, Kanwil, centre' },
  async run(demo) {
    const { story } = demo;
    const submissions = fact(demo, 'submissions');
    const actions = fact(demo, 'actions');

    await approve(demo, 'dinkesHead', submissions.dinkes, 'Dinkes', { status: 'IN_REVIEW', stage: 'COORDINATOR' });
    await approve(demo, 'disdikbudHead', submissions.disdikbud, 'Disdikbud', { status: 'IN_REVIEW', stage: 'COORDINATOR' });

    const coordinator = person(demo, 'coordinator');
    const comment = `Notulen rapat gugus tugas KLA untuk ${actions[2].code} belum dilampirkan; foto saja tidak cukup.`;
    const returned = await coordinator.session.post<SubmissionView>(`/submissions/${submissions.dinkes}/return`, {
      reasons: [{ code: 'MISSING_MINUTES', indicatorCode: measureCodeOf(demo, actions[2]) }],
      comment,
    });
    expectThat(returned.status === 'RETURNED', `Dinkes: after the coordinator's return expected RETURNED, found ${returned.status}`);
    story.warn(t(demo, `Dinkes: ${short(coordinator.email)} mengembalikan laporan (MISSING_MINUTES untuk ${actions[2].code}): "${comment}"`, `Dinkes: ${short(coordinator.email)} returns the report (MISSING_MINUTES for ${actions[2].code}): "${comment}"`));
    await approve(demo, 'coordinator', submissions.disdikbud, 'Disdikbud', { status: 'VERIFIED' });

    const rows: UploadRow[] = [];
    await upload(
      demo,
      'dinkesOperator',
      submissions.dinkes,
      await makePdf('notulen-rapat-gugus-tugas-kla.pdf', {
        issuer: 'Dinas Kesehatan Kota Balikpapan',
        title: 'Notulen Rapat Koordinasi Gugus Tugas Kota Layak Anak',
        lines: ['Hari/tanggal: Senin', 'Tempat: Aula Dinas Kesehatan', 'Peserta: 24 orang (daftar hadir terlampir)', 'Kesimpulan: rencana aksi daerah KLA disepakati.'],
        signedBy: 'Sekretaris Dinas Kesehatan',
      }),
      { documentType: 'NOTULEN', title: 'Notulen rapat gugus tugas KLA', indicatorCodes: [measureCodeOf(demo, actions[2])] },
      rows,
      'Dinkes',
      'PDF',
    );
    await person(demo, 'dinkesOperator').session.post(`/submissions/${submissions.dinkes}/submit`);
    story.ok(t(demo, 'Dinkes melampirkan notulen (NOTULEN, PDF) dan mengirim ulang; tinjauannya mulai lagi dari awal.', 'Dinkes attaches the minutes (NOTULEN, PDF) and submits again; its review starts afresh.'));
    const seen = await waitForChecks(demo, t(demo, 'document-worker memeriksa kiriman ulang Dinkes', 'document-worker checks the Dinkes resubmission'), [
      { id: submissions.dinkes, who: 'dinkesOperator', name: 'Dinkes' },
    ]);
    statusOf(demo, seen, submissions.dinkes, 'IN_REVIEW', 'Dinkes RANHAM (resubmitted)');
    await approve(demo, 'dinkesHead', submissions.dinkes, 'Dinkes', { status: 'IN_REVIEW', stage: 'COORDINATOR' });
    await approve(demo, 'coordinator', submissions.dinkes, 'Dinkes', { status: 'VERIFIED' });

    const history = await person(demo, 'coordinator').session.get<ReviewView[]>(`/submissions/${submissions.dinkes}/reviews`);
    story.section(t(demo, 'Riwayat tinjauan laporan Dinkes (GET /submissions/{id}/reviews):', 'Review history of the Dinkes report (GET /submissions/{id}/reviews):'));
    story.table(
      [t(demo, 'Tahap', 'Stage'), t(demo, 'Keputusan', 'Decision'), t(demo, 'Alasan', 'Reasons'), t(demo, 'Catatan', 'Comment')],
      history.map((review) => [review.stage, review.decision, review.reasons.map((reason) => `${reason.code}${reason.indicatorCode ? ` (${reason.indicatorCode})` : ''}`).join(', ') || '–', review.comment ?? '–']),
    );
    expectThat(history.some((review) => review.decision === 'RETURNED' || review.reasons.some((reason) => reason.code === 'MISSING_MINUTES')), 'the review history lacks the return');

    await cityReportToTheCentre(demo);
  },
};

/**
 * The city's KKP HAM report through every stage of a reporter's own report: the Dinkes input approved by its head and
 * the coordinator, compiled into the city's report, checked, then approved by the coordinator and the Kanwil; the
 * centre finds it in its national queue, returns it to the Kanwil once, and verifies it after the Kanwil's second look.
 */
async function cityReportToTheCentre(demo: Demo): Promise<void> {
  const { story } = demo;
  const submissions = fact(demo, 'submissions');
  const periodKey = `${fact(demo, 'year')}-TAHUNAN`;
  await approve(demo, 'dinkesHead', submissions.dinkesKkp, 'Dinkes KKP', { status: 'IN_REVIEW', stage: 'COORDINATOR' });
  await approve(demo, 'coordinator', submissions.dinkesKkp, 'Dinkes KKP', { status: 'VERIFIED' });

  const coordinator = person(demo, 'coordinator');
  const compiled = await coordinator.session.post<SubmissionView>('/submissions/compile', { regionCode: BALIKPAPAN, periodKey });
  await coordinator.session.post(`/submissions/${compiled.id}/submit`);
  story.ok(
    t(
      demo,
      `Koordinator menghimpun masukan yang disetujui ke laporan KKP HAM Kota Balikpapan ${periodKey} dan mengirimnya.`,
      `The coordinator compiles the approved inputs into Kota Balikpapan's KKP HAM report ${periodKey} and submits it.`,
    ),
  );
  const seen = await waitForChecks(demo, t(demo, 'document-worker memeriksa laporan kota', 'document-worker checks the city’s report'), [
    { id: compiled.id, who: 'coordinator', name: 'Kota Balikpapan KKP' },
  ]);
  statusOf(demo, seen, compiled.id, 'IN_REVIEW', 'Kota Balikpapan KKP HAM');
  const city = 'Kota Balikpapan KKP';
  await approve(demo, 'coordinator', compiled.id, city, { status: 'IN_REVIEW', stage: 'KANWIL' });
  await approve(demo, 'kanwil', compiled.id, city, { status: 'IN_REVIEW', stage: 'CENTRAL' }, { comment: 'Data dukung sesuai; diteruskan ke verifikasi pusat.' });

  const central = person(demo, 'central');
  const queue = await central.session.get<{ items: { id: string }[] }>('/submissions?reviewStage=CENTRAL');
  expectThat(queue.items.some((item) => item.id === compiled.id), 'the centre’s queue (GET /submissions?reviewStage=CENTRAL) lacks the city’s report');
  story.ok(
    t(demo, `Antrean pusat (GET /submissions?reviewStage=CENTRAL) memuat ${queue.items.length} laporan, termasuk laporan kota.`, `The centre’s queue (GET /submissions?reviewStage=CENTRAL) holds ${queue.items.length} report(s), the city’s among them.`),
  );
  const comment = 'Nomor Perwal pada data dukung perlu dicocokkan dengan JDIH kota.';
  const returned = await central.session.post<SubmissionView>(`/submissions/${compiled.id}/return`, { reasons: [{ code: 'EVIDENCE_NOT_MATCHING' }], comment, returnTo: 'KANWIL' });
  expectThat(returned.status === 'IN_REVIEW' && returned.reviewStage === 'KANWIL', `${city}: after the centre's return expected IN_REVIEW/KANWIL, found ${returned.status}/${returned.reviewStage}`);
  story.warn(t(demo, `${city}: pusat mengembalikan ke Kanwil (EVIDENCE_NOT_MATCHING): "${comment}"`, `${city}: the centre returns it to the Kanwil (EVIDENCE_NOT_MATCHING): "${comment}"`));
  await approve(demo, 'kanwil', compiled.id, city, { status: 'IN_REVIEW', stage: 'CENTRAL' }, { comment: 'Nomor Perwal sudah dicocokkan.' });
  await approve(demo, 'central', compiled.id, city, { status: 'VERIFIED' }, { comment: 'Terverifikasi pusat; keputusan Tim Penilai.' });

  // returnTo: where a return went (REPORTER, or KANWIL from the centre).
  const history = await coordinator.session.get<(ReviewView & { returnTo?: string | null })[]>(`/submissions/${compiled.id}/reviews`);
  story.section(t(demo, 'Riwayat tinjauan laporan kota:', 'Review history of the city’s report:'));
  story.table(
    [t(demo, 'Tahap', 'Stage'), t(demo, 'Keputusan', 'Decision'), t(demo, 'Tujuan', 'To'), t(demo, 'Catatan', 'Comment')],
    history.map((review) => [review.stage, review.decision, review.returnTo ?? '–', review.comment ?? '–']),
  );
}
