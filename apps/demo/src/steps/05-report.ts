import type { CreatedCycle, KkpIndicator, SubmissionView, VersionDetail, VersionSummary } from '../api';
import { ANSWERS, BALIKPAPAN, JAYAPURA } from '../cast';
import { Demo, fact, person, PersonKey, t } from '../context';
import { expectThat } from '../failure';
import { makeDisguisedExecutable, makePdf, makePhoto } from '../files';
import { itemsOf, Upload } from '../http';
import { chooseKkpFramework } from '../kkp';
import type { Step } from './step';

/** The code of the action's success measure in the demo's period: answers and documents name it. */
export function measureCodeOf(demo: Demo, action: { code: string }): string {
  return `${action.code}.${fact(demo, 'periodCode')}.1`;
}

/** The unit's answers keyed by the period's measure codes, as percentages (yes 100, no 0); unanswered ones are left out. */
export function answersFor(demo: Demo, values: readonly (boolean | number | null)[]): Record<string, number> {
  const actions = fact(demo, 'actions');
  const entries = actions.map((action, index) => [measureCodeOf(demo, action), values[index]] as const);
  return Object.fromEntries(
    entries.filter(([, value]) => value !== null && value !== undefined).map(([code, value]) => [code, value === true ? 100 : value === false ? 0 : Number(value)]),
  );
}

/** The actions whose measures are named, by their number: "01, 02, 03, 04". */
export function actionNumbers(measureCodes: readonly string[]): string {
  return measureCodes.map((code) => code.split('.')[0].split('-').pop()).join(', ');
}

/** How many measures a unit answered, and of which actions by their number: "4 (01, 02, 03, 04)". */
export function answeredActions(answers: Record<string, unknown>): string {
  return `${Object.keys(answers).length} (${actionNumbers(Object.keys(answers))})`;
}

export interface UploadRow {
  unit: string;
  file: Upload;
  documentType: string;
  what: string;
}

/** Uploads one evidence file as the given person and returns its id; `rows` collects what the table shows. */
export async function upload(
  demo: Demo,
  who: PersonKey,
  submissionId: string,
  file: Upload,
  fields: { documentType: string; title: string; indicatorCodes: string[]; legalNumber?: string },
  rows: UploadRow[],
  unit: string,
  what: string,
): Promise<string> {
  const form: Record<string, string> = { documentType: fields.documentType, title: fields.title, indicatorCodes: fields.indicatorCodes.join(',') };
  if (fields.legalNumber) form.legalNumber = fields.legalNumber;
  const document = await person(demo, who).session.upload<{ id: string; status: string }>(`/submissions/${submissionId}/evidence`, form, file);
  expectThat(document.status === 'QUARANTINED', `upload ${file.name}: status ${document.status}, expected QUARANTINED`);
  rows.push({ unit, file, documentType: fields.documentType, what });
  return document.id;
}

export function uploadTable(demo: Demo, rows: UploadRow[]): void {
  demo.story.table(
    [t(demo, 'Unit', 'Unit'), t(demo, 'Berkas', 'File'), t(demo, 'Jenis dokumen', 'Document type'), t(demo, 'Ukuran', 'Size'), t(demo, 'Sebenarnya', 'What it really is')],
    rows.map((row) => [row.unit, row.file.name, row.documentType, `${(row.file.bytes.length / 1024).toFixed(1)} KB`, row.what]),
  );
}

/**
 * The KKP HAM indicator whose document rule the story breaks. The demo's year gets a KKP HAM cycle of its own, pinning
 * the newest published version that has such an indicator: the unit's input is then checked against that version
 * (the one a cycle pins), not whichever KKP HAM version was published last.
 */
async function kkpIndicator(demo: Demo): Promise<KkpIndicator> {
  const admin = person(demo, 'admin').session;
  const year = fact(demo, 'year');
  const versions = itemsOf(await admin.get<VersionSummary[]>('/frameworks/versions?programme=KKP_HAM'))
    .filter((version) => version.status === 'PUBLISHED')
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.version - a.version);
  expectThat(versions[0], 'no published KKP HAM framework version: has the seed run?');
  const details: { id: string; indicators: readonly KkpIndicator[] }[] = [];
  for (const version of versions) {
    const detail = await admin.get<VersionDetail<{ indicators: KkpIndicator[] }>>(`/frameworks/versions/${version.id}`);
    details.push({ id: version.id, indicators: detail.content.indicators ?? [] });
    if (chooseKkpFramework(details.slice(-1))) break;
  }
  const choice = chooseKkpFramework(details);
  expectThat(choice, 'no published KKP HAM version has a yes/no indicator with a document rule');
  await admin.post<CreatedCycle>('/cycles', {
    programme: 'KKP_HAM',
    year,
    label: `Peragaan (KKP HAM ${year})`,
    frameworkVersionId: choice.versionId,
  });
  const pinned = versions.find((version) => version.id === choice.versionId);
  demo.story.ok(
    t(
      demo,
      `Siklus KKP HAM ${year} dibuka, mengunci ${pinned?.frameworkCode} v${pinned?.version}: masukan unit diperiksa terhadap versi itu.`,
      `KKP HAM cycle ${year} opened, pinning ${pinned?.frameworkCode} v${pinned?.version}: the unit's input is checked against that version.`,
    ),
  );
  return choice.indicator;
}

/**
 * The units report: answers per action and supporting documents, streamed as multipart uploads. Among them, a file
 * named .pdf that is really a Windows program, and (in the unit's KKP HAM input, whose indicators name the documents
 * they need) a claim without its legal document. Jayapura's unit starts a draft and stops there.
 */
export const reportStep: Step = {
  title: { id: 'Unit (OPD) mengisi laporan dan mengunggah data dukung', en: 'The units (OPD) answer and upload their evidence' },
  async run(demo) {
    const { story } = demo;
    const periodKey = fact(demo, 'periodKey');
    const year = fact(demo, 'year');
    const actions = fact(demo, 'actions');
    const dinkes = person(demo, 'dinkesOperator');
    const disdikbud = person(demo, 'disdikbudOperator');
    const dinsos = person(demo, 'dinsosOperator');
    const units = { dinkes: dinkes.organisationId!, disdikbud: disdikbud.organisationId!, dinsos: dinsos.organisationId! };
    demo.state.units = units;
    demo.state.unitNames = new Map([
      [units.dinkes, 'Dinkes Balikpapan'],
      [units.disdikbud, 'Disdikbud Balikpapan'],
      [units.dinsos, 'Dinsos Jayapura'],
    ]);
    const create = (who: PersonKey, body: Record<string, unknown>) =>
      person(demo, who).session.post<SubmissionView>('/submissions', { ...body, contactEmail: person(demo, who).email });

    story.say(
      t(
        demo,
        `Setiap unit membuat masukannya (POST /submissions) berisi capaian aksi yang menjadi tanggung jawabnya: Dinkes empat aksi pertama, Disdikbud empat aksi terakhir, seperti di kota sungguhan tempat tiap OPD memegang aksinya sendiri. Data dukung diunggah satu per satu (multipart, dialirkan dengan batas ukuran dan SHA-256) dan dikarantina sampai diperiksa.`,
        `Each unit creates its input (POST /submissions) with its achievement for the actions it is responsible for: Dinkes the first four, Disdikbud the last four, as in a real city where each OPD owns some actions. Evidence is uploaded file by file (multipart, streamed with a size limit and SHA-256) and kept in quarantine until checked.`,
      ),
    );
    const rows: UploadRow[] = [];

    const dinkesReport = await create('dinkesOperator', { regionCode: BALIKPAPAN, programme: 'RANHAM', periodKey, organisationId: units.dinkes, answers: answersFor(demo, ANSWERS.dinkes) });
    await upload(
      demo,
      'dinkesOperator',
      dinkesReport.id,
      await makePhoto('foto-sosialisasi-kla.png', 'Sosialisasi Kota Layak Anak - Dinkes Balikpapan', 'png'),
      { documentType: 'FOTO', title: 'Foto sosialisasi gugus tugas KLA', indicatorCodes: [measureCodeOf(demo, actions[2])] },
      rows,
      'Dinkes',
      t(demo, 'PNG asli', 'a real PNG'),
    );
    await dinkes.session.post(`/submissions/${dinkesReport.id}/submit`);

    const disdikbudFirst = await create('disdikbudOperator', { regionCode: BALIKPAPAN, programme: 'RANHAM', periodKey, organisationId: units.disdikbud, answers: answersFor(demo, ANSWERS.disdikbud) });
    const goodReportId = await upload(
      demo,
      'disdikbudOperator',
      disdikbudFirst.id,
      await makePdf('laporan-aksi-ham-disdikbud.pdf', {
        issuer: 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan',
        title: `Laporan Pelaksanaan Aksi HAM ${periodKey}`,
        lines: actions.slice(4).map((action) => `${action.code}: ${action.title.slice(0, 70)}`),
        signedBy: 'Kepala Dinas Pendidikan dan Kebudayaan',
      }),
      { documentType: 'LAPORAN', title: `Laporan pelaksanaan aksi HAM ${periodKey}`, indicatorCodes: [measureCodeOf(demo, actions[4]), measureCodeOf(demo, actions[5])] },
      rows,
      'Disdikbud',
      t(demo, 'PDF asli', 'a real PDF'),
    );
    await upload(
      demo,
      'disdikbudOperator',
      disdikbudFirst.id,
      makeDisguisedExecutable('rekap-anggaran-responsif-gender.pdf'),
      { documentType: 'LAPORAN', title: 'Rekap anggaran responsif gender', indicatorCodes: [measureCodeOf(demo, actions[5])] },
      rows,
      'Disdikbud',
      t(demo, 'program Windows (.exe) berganti nama', 'a Windows program (.exe), renamed'),
    );
    await disdikbud.session.post(`/submissions/${disdikbudFirst.id}/submit`);

    const indicator = await kkpIndicator(demo);
    demo.state.kkpIndicator = { code: indicator.code, text: indicator.text, allowedDocumentTypes: [...indicator.evidence.allowedDocumentTypes], minCount: indicator.evidence.minCount };
    const kkpInput = await create('dinkesOperator', { regionCode: BALIKPAPAN, programme: 'KKP_HAM', periodKey: `${year}-TAHUNAN`, organisationId: units.dinkes, answers: { [indicator.code]: true } });
    await upload(
      demo,
      'dinkesOperator',
      kkpInput.id,
      await makePhoto('foto-papan-kawasan-tanpa-rokok.jpg', 'Kawasan Tanpa Rokok - Puskesmas Balikpapan', 'jpeg'),
      { documentType: 'FOTO', title: 'Papan kawasan tanpa rokok', indicatorCodes: [indicator.code] },
      rows,
      'Dinkes (KKP HAM)',
      t(demo, 'JPEG asli', 'a real JPEG'),
    );
    await dinkes.session.post(`/submissions/${kkpInput.id}/submit`);

    const dinsosDraft = await create('dinsosOperator', { regionCode: JAYAPURA, programme: 'RANHAM', periodKey, organisationId: units.dinsos, answers: answersFor(demo, ANSWERS.dinsos) });
    demo.state.submissions = { dinkes: dinkesReport.id, disdikbudFirst: disdikbudFirst.id, disdikbud: '', dinkesKkp: kkpInput.id, dinsos: dinsosDraft.id, city: '' };
    demo.state.disdikbudReportDocument = goodReportId;

    uploadTable(demo, rows);
    story.table(
      [t(demo, 'Masukan', 'Input'), t(demo, 'Jawaban (aksi)', 'Answers (actions)'), 'Status'],
      [
        [`Dinkes Balikpapan · RANHAM ${periodKey}`, answeredActions(dinkesReport.answers), 'SUBMITTED'],
        [`Disdikbud Balikpapan · RANHAM ${periodKey}`, answeredActions(disdikbudFirst.answers), 'SUBMITTED'],
        [`Dinkes Balikpapan · KKP HAM ${year}-TAHUNAN`, `${indicator.code} = ${t(demo, 'ya', 'yes')}`, 'SUBMITTED'],
        [`Dinsos Jayapura · RANHAM ${periodKey}`, answeredActions(dinsosDraft.answers), `DRAFT (${t(demo, 'belum dikirim', 'not submitted')})`],
      ],
    );
    story.note(
      t(
        demo,
        `Di KKP HAM, setiap indikator menyebut data dukung yang diperlukannya: ${indicator.code} ("${indicator.text}") meminta ${indicator.evidence.minCount} dokumen ${indicator.evidence.allowedDocumentTypes.join('/')}. Dinkes menjawab "ya" tetapi hanya melampirkan foto. (Ukuran keberhasilan RANHAM juga dapat meminta dokumen, mis. notulen; aksi tahun peragaan ini tidak memintanya.)`,
        `In KKP HAM every indicator names the evidence it needs: ${indicator.code} ("${indicator.text}") asks for ${indicator.evidence.minCount} ${indicator.evidence.allowedDocumentTypes.join('/')} document(s). Dinkes answers "yes" but attaches only a photo. (RANHAM success measures may ask for documents too, e.g. minutes; the demo year’s actions ask for none.)`,
      ),
    );
  },
};
