import type { SubmissionView } from '../api';
import { ANSWERS, BALIKPAPAN } from '../cast';
import { fact, person, t } from '../context';
import { makePdf, makePhoto } from '../files';
import { answersFor, measureCodeOf, upload, UploadRow, uploadTable } from './05-report';
import { statusOf, verdictTable, waitForChecks } from './06-checks';
import type { Step } from './step';

/**
 * The units act on the verdicts. A rejected file stays on its submission as a record, so Disdikbud starts a fresh
 * report for the period and reuses the document that passed (nothing is uploaded twice); Dinkes adds the legal
 * document its KKP HAM claim needs and submits again.
 */
export const correctionsStep: Step = {
  title: { id: 'Perbaikan dan pengiriman ulang', en: 'Corrections and resubmission' },
  async run(demo) {
    const { story } = demo;
    const submissions = fact(demo, 'submissions');
    const periodKey = fact(demo, 'periodKey');
    const year = fact(demo, 'year');
    const actions = fact(demo, 'actions');
    const indicator = fact(demo, 'kkpIndicator');
    const units = fact(demo, 'units');
    const disdikbud = person(demo, 'disdikbudOperator');
    const dinkes = person(demo, 'dinkesOperator');
    const rows: UploadRow[] = [];

    const fresh = await disdikbud.session.post<SubmissionView>('/submissions', {
      regionCode: BALIKPAPAN,
      programme: 'RANHAM',
      periodKey,
      organisationId: units.disdikbud,
      answers: answersFor(demo, ANSWERS.disdikbud),
      contactEmail: disdikbud.email,
    });
    submissions.disdikbud = fresh.id;
    await disdikbud.session.post(`/submissions/${fresh.id}/evidence/reuse`, { documentId: fact(demo, 'disdikbudReportDocument') });
    story.ok(
      t(
        demo,
        'Disdikbud membuat masukan baru untuk periode yang sama dan memakai ulang PDF laporannya yang sudah lolos (POST /submissions/{id}/evidence/reuse: berkas yang sama, diperiksa lagi).',
        'Disdikbud starts a fresh input for the same period and reuses its report PDF that passed (POST /submissions/{id}/evidence/reuse: the same stored file, checked again).',
      ),
    );
    await upload(
      demo,
      'disdikbudOperator',
      fresh.id,
      await makePhoto('foto-kegiatan-pug.jpg', 'Pelatihan anggaran responsif gender - Disdikbud', 'jpeg'),
      { documentType: 'FOTO', title: 'Foto pelatihan anggaran responsif gender', indicatorCodes: [measureCodeOf(demo, actions[5])] },
      rows,
      'Disdikbud',
      t(demo, 'JPEG asli (pengganti berkas .exe)', 'a real JPEG (instead of the .exe)'),
    );
    await disdikbud.session.post(`/submissions/${fresh.id}/submit`);

    const legalType = indicator.allowedDocumentTypes.includes('PERBUP_PERWAL') ? 'PERBUP_PERWAL' : indicator.allowedDocumentTypes[0];
    await upload(
      demo,
      'dinkesOperator',
      submissions.dinkesKkp,
      await makePdf('perwal-kawasan-tanpa-rokok.pdf', {
        issuer: 'Wali Kota Balikpapan',
        title: `Peraturan Wali Kota Balikpapan Nomor 5 Tahun ${year - 1}`,
        lines: ['tentang Kawasan Tanpa Rokok', '', 'Menimbang: bahwa setiap orang berhak atas lingkungan yang sehat;', 'Menetapkan: Peraturan Wali Kota tentang Kawasan Tanpa Rokok.'],
        signedBy: 'Wali Kota Balikpapan',
      }),
      { documentType: legalType, title: 'Perwal tentang Kawasan Tanpa Rokok', indicatorCodes: [indicator.code], legalNumber: `Perwal No. 5 Tahun ${year - 1}` },
      rows,
      'Dinkes (KKP HAM)',
      t(demo, 'PDF asli', 'a real PDF'),
    );
    await dinkes.session.post(`/submissions/${submissions.dinkesKkp}/submit`);
    story.ok(t(demo, `Dinkes melampirkan Perwal-nya (${legalType}) untuk ${indicator.code} dan mengirim ulang laporan KKP HAM-nya.`, `Dinkes attaches its mayoral regulation (${legalType}) for ${indicator.code} and submits its KKP HAM input again.`));
    uploadTable(demo, rows);

    const seen = await waitForChecks(demo, t(demo, 'document-worker memeriksa kedua kiriman ulang', 'document-worker checks both resubmissions'), [
      { id: fresh.id, who: 'disdikbudOperator', name: 'Disdikbud' },
      { id: submissions.dinkesKkp, who: 'dinkesOperator', name: 'Dinkes KKP' },
    ]);
    const disdikbudChecked = statusOf(demo, seen, fresh.id, 'IN_REVIEW', 'Disdikbud RANHAM (fresh report)');
    const kkpChecked = statusOf(demo, seen, submissions.dinkesKkp, 'IN_REVIEW', 'Dinkes KKP HAM (resubmitted)');
    verdictTable(demo, [
      { unit: 'Disdikbud', submission: disdikbudChecked },
      { unit: 'Dinkes KKP', submission: kkpChecked },
    ]);
    story.ok(
      t(
        demo,
        `Keduanya lolos dan masuk tinjauan. Masukan KKP HAM Dinkes (kiriman ke-${kkpChecked.submitCount}) kini menunggu kepala unit lalu koordinator, yang menghimpunnya ke laporan KKP HAM kota; cerita ini mengikuti laporan RANHAM kota.`,
        `Both pass and go to review. Dinkes’s KKP HAM input (submission no. ${kkpChecked.submitCount}) now waits for its head and then the coordinator, who compiles it into the city’s KKP HAM report; this story follows the city’s RANHAM report.`,
      ),
    );
  },
};
