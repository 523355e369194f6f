import type { ReviewView, SubmissionView } from '../api';
import { short, VERIFIED_FOURTH } from '../cast';
import { Demo, fact, person, PersonKey, t } from '../context';
import { expectThat } from '../failure';
import { makePdf } from '../files';
import { upload, UploadRow } from './05-report';
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
 * Review in stages: each unit's head, then the city's coordinator (Bagian Hukum), then the Kanwil, whose approval
 * verifies. The coordinator returns one report with a reason code; the unit fixes it and submits again, and its review
 * starts afresh. The Kanwil verifies one answer at a lower value than the unit claimed (both are kept).
 */
export const reviewStep: Step = {
  title: { id: 'Tinjauan: kepala unit, koordinator, Kanwil', en: 'Review: unit head, coordinator, Kanwil' },
  async run(demo) {
    const { story } = demo;
    const submissions = fact(demo, 'submissions');
    const actions = fact(demo, 'actions');

    await approve(demo, 'dinkesHead', submissions.dinkes, 'Dinkes', { status: 'IN_REVIEW', stage: 'COORDINATOR' });
    await approve(demo, 'disdikbudHead', submissions.disdikbud, 'Disdikbud', { status: 'IN_REVIEW', stage: 'COORDINATOR' });

    const coordinator = person(demo, 'coordinator');
    const comment = `Notulen rapat gugus tugas KLA untuk ${actions[2].code} belum dilampirkan; foto saja tidak cukup.`;
    const returned = await coordinator.session.post<SubmissionView>(`/submissions/${submissions.dinkes}/return`, {
      reasons: [{ code: 'MISSING_MINUTES', indicatorCode: actions[2].code }],
      comment,
    });
    expectThat(returned.status === 'RETURNED', `Dinkes: after the coordinator's return expected RETURNED, found ${returned.status}`);
    story.warn(t(demo, `Dinkes: ${short(coordinator.email)} mengembalikan laporan (MISSING_MINUTES untuk ${actions[2].code}): "${comment}"`, `Dinkes: ${short(coordinator.email)} returns the report (MISSING_MINUTES for ${actions[2].code}): "${comment}"`));
    await approve(demo, 'coordinator', submissions.disdikbud, 'Disdikbud', { status: 'IN_REVIEW', stage: 'KANWIL' });

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
      { documentType: 'NOTULEN', title: 'Notulen rapat gugus tugas KLA', indicatorCodes: [actions[2].code] },
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
    await approve(demo, 'coordinator', submissions.dinkes, 'Dinkes', { status: 'IN_REVIEW', stage: 'KANWIL' });

    const verified = await approve(
      demo,
      'kanwil',
      submissions.dinkes,
      'Dinkes',
      { status: 'VERIFIED' },
      { verifiedAnswers: { [actions[3].code]: VERIFIED_FOURTH }, comment: `Capaian ${actions[3].code} diverifikasi ${VERIFIED_FOURTH}%: akta baru terbit di tiga dari enam kecamatan.` },
    );
    expectThat(verified.verifiedAnswers[actions[3].code] === VERIFIED_FOURTH, 'Dinkes: the verified value was not kept');
    story.note(
      t(
        demo,
        `Kanwil menetapkan nilai terverifikasi ${actions[3].code} = ${VERIFIED_FOURTH} (unit mengisi ${verified.answers[actions[3].code]}); keduanya disimpan, yang terverifikasi yang dihitung.`,
        `The Kanwil sets a verified value ${actions[3].code} = ${VERIFIED_FOURTH} (the unit claimed ${verified.answers[actions[3].code]}); both are kept, the verified one counts.`,
      ),
    );
    await approve(demo, 'kanwil', submissions.disdikbud, 'Disdikbud', { status: 'VERIFIED' }, { comment: 'Lengkap.' });

    const history = await person(demo, 'coordinator').session.get<ReviewView[]>(`/submissions/${submissions.dinkes}/reviews`);
    story.section(t(demo, 'Riwayat tinjauan laporan Dinkes (GET /submissions/{id}/reviews):', 'Review history of the Dinkes report (GET /submissions/{id}/reviews):'));
    story.table(
      [t(demo, 'Tahap', 'Stage'), t(demo, 'Keputusan', 'Decision'), t(demo, 'Alasan', 'Reasons'), t(demo, 'Catatan', 'Comment')],
      history.map((review) => [review.stage, review.decision, review.reasons.map((reason) => `${reason.code}${reason.indicatorCode ? ` (${reason.indicatorCode})` : ''}`).join(', ') || '–', review.comment ?? '–']),
    );
    expectThat(history.some((review) => review.decision === 'RETURNED' || review.reasons.some((reason) => reason.code === 'MISSING_MINUTES')), 'the review history lacks the return');
  },
};
