import type { CompiledView, ReviewView, SubmissionView } from '../api';
import { BALIKPAPAN, short, VERIFIED_ACTION, VERIFIED_FOURTH } from '../cast';
import { Demo, fact, person, PersonKey, t } from '../context';
import { expectThat } from '../failure';
import { makePdf } from '../files';
import { actionNumbers, measureCodeOf, upload, UploadRow } from './05-report';
import { statusOf, waitForChecks } from './06-checks';
import type { Step } from './step';

/** Approves at the current stage as `who`, and checks where the submission went. */
export async function approve(demo: Demo, who: PersonKey, id: string, unit: string, expected: { status: string; stage?: string | null }, body: Record<string, unknown> = {}): Promise<SubmissionView> {
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
    story.warn(t(demo, `Dinkes: ${short(coordinator.email)} mengembalikan masukan (MISSING_MINUTES untuk ${actions[2].code}): "${comment}"`, `Dinkes: ${short(coordinator.email)} returns the input (MISSING_MINUTES for ${actions[2].code}): "${comment}"`));
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
    story.section(t(demo, 'Riwayat tinjauan masukan Dinkes (GET /submissions/{id}/reviews):', 'Review history of the Dinkes input (GET /submissions/{id}/reviews):'));
    story.table(
      [t(demo, 'Tahap', 'Stage'), t(demo, 'Keputusan', 'Decision'), t(demo, 'Alasan', 'Reasons'), t(demo, 'Catatan', 'Comment')],
      history.map((review) => [review.stage, review.decision, review.reasons.map((reason) => `${reason.code}${reason.indicatorCode ? ` (${reason.indicatorCode})` : ''}`).join(', ') || '–', review.comment ?? '–']),
    );
    expectThat(history.some((review) => review.decision === 'RETURNED' || review.reasons.some((reason) => reason.code === 'MISSING_MINUTES')), 'the review history lacks the return');

    // The Dinkes KKP HAM input ends at the coordinator too; the city's RANHAM report below shows the reporter's chain.
    await approve(demo, 'dinkesHead', submissions.dinkesKkp, 'Dinkes KKP', { status: 'IN_REVIEW', stage: 'COORDINATOR' });
    await approve(demo, 'coordinator', submissions.dinkesKkp, 'Dinkes KKP', { status: 'VERIFIED' });
    story.note(
      t(
        demo,
        'Masukan unit berakhir di koordinator (VERIFIED sebagai masukan) dan tidak pernah diberi skor: yang dinilai hanya laporan pelapor sendiri, yang dihimpun koordinator dari masukan yang disetujui.',
        'A unit’s input ends at the coordinator (VERIFIED as an input) and is never scored: only the reporter’s own report counts, compiled by the coordinator from the approved inputs.',
      ),
    );

    await cityReportToTheCentre(demo);
  },
};

/**
 * Kota Balikpapan's own RANHAM report through every stage of a reporter's report: compiled by the coordinator from the
 * two approved inputs (each unit's actions, no conflict), checked, approved by the coordinator, then by the Kanwil with
 * a verified value for one measure; the centre finds it in its national queue, returns it to the Kanwil once, and
 * verifies it after the Kanwil's second look.
 */
async function cityReportToTheCentre(demo: Demo): Promise<void> {
  const { story } = demo;
  const submissions = fact(demo, 'submissions');
  const periodKey = fact(demo, 'periodKey');
  const actions = fact(demo, 'actions');
  const names = fact(demo, 'unitNames');
  const coordinator = person(demo, 'coordinator');

  story.section(t(demo, 'Laporan RANHAM Kota Balikpapan, dihimpun dari masukan unit:', 'Kota Balikpapan’s RANHAM report, compiled from the units’ inputs:'));
  const compiled = await coordinator.session.post<CompiledView>('/submissions/compile', { programme: 'RANHAM', periodKey, regionCode: BALIKPAPAN });
  submissions.city = compiled.id;
  story.table(
    [t(demo, 'Dari unit', 'From unit'), t(demo, 'Masukan', 'Input'), t(demo, `Aksi (ukuran ${fact(demo, 'periodCode')}.1)`, `Actions (measure ${fact(demo, 'periodCode')}.1)`), t(demo, 'Dokumen dibawa', 'Documents brought')],
    compiled.compiledFrom.map((entry) => [names.get(entry.organisationId) ?? entry.organisationId, `${entry.submissionId.slice(0, 8)}…`, actionNumbers(entry.indicatorCodes), entry.documents]),
  );
  const from = (id: string) => compiled.compiledFrom.find((entry) => entry.submissionId === id);
  expectThat(
    from(submissions.dinkes) && from(submissions.disdikbud),
    t(demo, 'Laporan kota seharusnya dihimpun dari masukan Dinkes dan Disdikbud yang disetujui', 'The city’s report should be compiled from the approved Dinkes and Disdikbud inputs'),
    [JSON.stringify(compiled.compiledFrom)],
  );
  demo.state.cityMeasureSources = new Map(
    compiled.compiledFrom.flatMap((entry) => entry.indicatorCodes.map((code) => [code, names.get(entry.organisationId) ?? entry.organisationId] as const)),
  );
  expectThat(
    Object.keys(compiled.answers).length === from(submissions.dinkes)!.indicatorCodes.length + from(submissions.disdikbud)!.indicatorCodes.length,
    'the compiled report’s answers are not the units’ answers together',
    [JSON.stringify(compiled.answers)],
  );
  await coordinator.session.post(`/submissions/${compiled.id}/submit`);
  story.ok(
    t(
      demo,
      `Koordinator menghimpun (POST /submissions/compile) ${Object.keys(compiled.answers).length} jawaban dari dua unit ke laporan kota ${periodKey} (tingkat ${compiled.reporterLevel}) dan mengirimnya.`,
      `The coordinator compiles (POST /submissions/compile) ${Object.keys(compiled.answers).length} answers from two units into the city’s report ${periodKey} (level ${compiled.reporterLevel}) and submits it.`,
    ),
  );
  const seen = await waitForChecks(demo, t(demo, 'document-worker memeriksa laporan kota', 'document-worker checks the city’s report'), [
    { id: compiled.id, who: 'coordinator', name: 'Kota Balikpapan' },
  ]);
  statusOf(demo, seen, compiled.id, 'IN_REVIEW', 'Kota Balikpapan RANHAM');
  const city = 'Kota Balikpapan';
  await approve(demo, 'coordinator', compiled.id, city, { status: 'IN_REVIEW', stage: 'KANWIL' });

  const measure = measureCodeOf(demo, actions[VERIFIED_ACTION]);
  const verified = await approve(
    demo,
    'kanwil',
    compiled.id,
    city,
    { status: 'IN_REVIEW', stage: 'CENTRAL' },
    { verifiedAnswers: { [measure]: VERIFIED_FOURTH }, comment: `Capaian ${measure} diverifikasi ${VERIFIED_FOURTH}%: akta baru terbit di tiga dari enam kecamatan.` },
  );
  expectThat(verified.verifiedAnswers[measure] === VERIFIED_FOURTH, `${city}: the Kanwil's verified value was not kept`, [JSON.stringify(verified.verifiedAnswers)]);
  story.ok(
    t(
      demo,
      `Kanwil menetapkan nilai terverifikasi ${measure} = ${VERIFIED_FOURTH} (Dinkes mengisi ${verified.answers[measure]}); keduanya disimpan, yang terverifikasi yang dihitung.`,
      `The Kanwil sets a verified value ${measure} = ${VERIFIED_FOURTH} (Dinkes claimed ${verified.answers[measure]}); both are kept, the verified one counts.`,
    ),
  );

  const central = person(demo, 'central');
  const queue = await central.session.get<{ items: { id: string }[] }>('/submissions?reviewStage=CENTRAL');
  expectThat(queue.items.some((item) => item.id === compiled.id), 'the centre’s queue (GET /submissions?reviewStage=CENTRAL) lacks the city’s report');
  story.ok(
    t(demo, `Antrean pusat (GET /submissions?reviewStage=CENTRAL) memuat ${queue.items.length} laporan, termasuk laporan kota.`, `The centre’s queue (GET /submissions?reviewStage=CENTRAL) holds ${queue.items.length} report(s), the city’s among them.`),
  );
  const comment = `Dasar nilai terverifikasi ${measure} perlu dilampirkan: rekap akta per kecamatan.`;
  const returned = await central.session.post<SubmissionView>(`/submissions/${compiled.id}/return`, { reasons: [{ code: 'EVIDENCE_NOT_MATCHING', indicatorCode: measure }], comment, returnTo: 'KANWIL' });
  expectThat(returned.status === 'IN_REVIEW' && returned.reviewStage === 'KANWIL', `${city}: after the centre's return expected IN_REVIEW/KANWIL, found ${returned.status}/${returned.reviewStage}`);
  story.warn(t(demo, `${city}: pusat mengembalikan ke Kanwil (EVIDENCE_NOT_MATCHING): "${comment}"`, `${city}: the centre returns it to the Kanwil (EVIDENCE_NOT_MATCHING): "${comment}"`));
  await approve(demo, 'kanwil', compiled.id, city, { status: 'IN_REVIEW', stage: 'CENTRAL' }, { comment: 'Rekap akta per kecamatan sudah dicocokkan; nilai terverifikasi tetap.' });
  const final = await approve(demo, 'central', compiled.id, city, { status: 'VERIFIED' }, { comment: 'Terverifikasi pusat; keputusan Tim Penilai.' });
  expectThat(final.verifiedAnswers[measure] === VERIFIED_FOURTH, `${city}: the Kanwil's verified value did not stand through the centre's verification`, [JSON.stringify(final.verifiedAnswers)]);

  // returnTo: where a return went (REPORTER, or KANWIL from the centre).
  const history = await coordinator.session.get<ReviewView[]>(`/submissions/${compiled.id}/reviews`);
  story.section(t(demo, 'Riwayat tinjauan laporan kota:', 'Review history of the city’s report:'));
  story.table(
    [t(demo, 'Tahap', 'Stage'), t(demo, 'Keputusan', 'Decision'), t(demo, 'Tujuan', 'To'), t(demo, 'Catatan', 'Comment')],
    history.map((review) => [review.stage, review.decision, review.returnTo ?? '–', review.comment ?? '–']),
  );
}
