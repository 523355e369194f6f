import { DocumentType } from '../documents';
import { Programme } from '../programmes';
import {
  FrameworkStatus,
  RanhamAction,
  RanhamDocumentRule,
  RanhamFrameworkContent,
  RanhamFrameworkVersion,
  RanhamMeasureAnswerType,
  RanhamReporterLevel,
  RanhamSuccessMeasure,
  RanhamTargetGroup,
} from './model';
import { RANHAM_DEFAULT_ADMINISTRATIVE_REASONS } from './ranham-measures';
import { RANHAM_2021_2025_RULES } from './seed-data';

/*
 * RANHAM 2021-2025 (Perpres 53/2021): the four target groups of the fifth generation, and SAMPLE Aksi HAM. The actions
 * are NOT the official yearly lists (those are loaded by import); they are realistic examples for local governments so
 * that reporting, verification and scoring can be exercised end to end. The rules are the sample RANHAM rules.
 *
 * Version 1 was seeded in the old shape (one measure per action and period, no code, no document rules) and stays so:
 * databases that have it keep it as published. Version 2 is the same actions with numbered measures, answer types and
 * the documents each measure needs; fresh databases get both, and the sample's own year (2025) is pinned to version 2.
 */

/** The four target groups of RANHAM 2021-2025. */
export const RANHAM_2021_2025_TARGET_GROUPS: readonly RanhamTargetGroup[] = [
  { code: 'PEREMPUAN', name: 'Perempuan' },
  { code: 'ANAK', name: 'Anak' },
  { code: 'PENYANDANG_DISABILITAS', name: 'Penyandang Disabilitas' },
  { code: 'MASYARAKAT_ADAT', name: 'Masyarakat Adat' },
];

const REGIONAL: readonly RanhamReporterLevel[] = ['PROVINCE', 'KABKOTA'];

/** A measure of the old shape, as version 1 stores it: read through normaliseRanhamContent. */
export interface RanhamOldShapeMeasure {
  periodCode: string;
  measure: string;
}

export type RanhamOldShapeAction = Omit<RanhamAction, 'successMeasures'> & { successMeasures: readonly RanhamOldShapeMeasure[] };

function action(
  code: string,
  year: number,
  targetGroupCode: string,
  title: string,
  responsibleUnits: readonly string[],
  measures: [string, string, string],
  reporterLevels: readonly RanhamReporterLevel[] = REGIONAL,
): RanhamOldShapeAction {
  return {
    code,
    year,
    title,
    targetGroupCode,
    reporterLevels,
    responsibleUnits,
    successMeasures: [
      { periodCode: 'B04', measure: measures[0] },
      { periodCode: 'B08', measure: measures[1] },
      { periodCode: 'B12', measure: measures[2] },
    ],
  };
}

const ACTIONS_2025: RanhamOldShapeAction[] = [
  action('AKSI-2025-01', 2025, 'PEREMPUAN', 'Penguatan layanan terpadu perlindungan perempuan korban kekerasan (UPTD PPA)', ['DP3A', 'Dinas Kesehatan'], [
    'SK pembentukan atau pembaruan UPTD PPA ditetapkan',
    'Standar operasional layanan pengaduan disusun dan disosialisasikan',
    'Laporan jumlah kasus yang ditangani dan dirujuk tersedia',
  ]),
  action('AKSI-2025-02', 2025, 'PEREMPUAN', 'Pengarusutamaan gender dalam perencanaan dan penganggaran daerah', ['Bappeda', 'DP3A'], [
    'Gender analysis pathway disusun untuk paling sedikit tiga OPD',
    'Anggaran responsif gender tercantum dalam RKA OPD',
    'Laporan realisasi anggaran responsif gender tersedia',
  ]),
  action('AKSI-2025-03', 2025, 'ANAK', 'Pembentukan dan penguatan Kabupaten/Kota Layak Anak', ['DP3A', 'Bagian Hukum Setda'], [
    'Gugus tugas KLA ditetapkan dengan SK kepala daerah',
    'Rencana aksi daerah KLA disusun',
    'Evaluasi mandiri KLA disampaikan',
  ]),
  action('AKSI-2025-04', 2025, 'ANAK', 'Percepatan kepemilikan akta kelahiran anak', ['Dinas Kependudukan dan Pencatatan Sipil'], [
    'Data anak tanpa akta kelahiran dipetakan per kecamatan',
    'Layanan jemput bola dilaksanakan di paling sedikit lima kecamatan',
    'Cakupan kepemilikan akta kelahiran anak dilaporkan',
  ]),
  action('AKSI-2025-05', 2025, 'PENYANDANG_DISABILITAS', 'Penyusunan Perda/Perwal tentang Penghormatan, Pelindungan dan Pemenuhan Hak Penyandang Disabilitas', ['Bagian Hukum Setda', 'Dinas Sosial'], [
    'Naskah akademik dan rancangan disusun',
    'Rancangan dibahas bersama DPRD dan organisasi penyandang disabilitas',
    'Perda/Perwal ditetapkan dan diundangkan',
  ]),
  action('AKSI-2025-06', 2025, 'PENYANDANG_DISABILITAS', 'Penyediaan sarana dan prasarana publik yang aksesibel', ['Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas Sosial'], [
    'Audit aksesibilitas gedung pelayanan publik dilaksanakan',
    'Perbaikan aksesibilitas dianggarkan',
    'Laporan gedung yang telah aksesibel tersedia',
  ]),
  action('AKSI-2025-07', 2025, 'MASYARAKAT_ADAT', 'Pengakuan dan pelindungan masyarakat hukum adat', ['Bagian Hukum Setda', 'Dinas Pemberdayaan Masyarakat dan Desa'], [
    'Panitia masyarakat hukum adat dibentuk dengan SK kepala daerah',
    'Identifikasi dan verifikasi masyarakat hukum adat dilaksanakan',
    'Keputusan pengakuan masyarakat hukum adat ditetapkan',
  ]),
  action('AKSI-2025-08', 2025, 'MASYARAKAT_ADAT', 'Pemetaan wilayah adat partisipatif', ['Dinas Pertanahan', 'Dinas Lingkungan Hidup'], [
    'Rencana pemetaan disepakati bersama masyarakat adat',
    'Pemetaan lapangan dilaksanakan',
    'Peta wilayah adat diserahkan dan didaftarkan',
  ]),
  action('AKSI-2025-09', 2025, 'PENYANDANG_DISABILITAS', 'Penyusunan peraturan teknis layanan publik inklusif bagi penyandang disabilitas', ['Biro Hukum Kementerian/Lembaga'], [
    'Rancangan peraturan teknis disusun',
    'Konsultasi publik dengan organisasi penyandang disabilitas dilaksanakan',
    'Peraturan teknis ditetapkan',
  ], ['KL']),
];

const ACTIONS_2024: RanhamOldShapeAction[] = [
  action('AKSI-2024-01', 2024, 'ANAK', 'Pencegahan perkawinan anak', ['DP3A', 'Kantor Kementerian Agama'], [
    'Gerakan pencegahan perkawinan anak dicanangkan',
    'Sosialisasi di sekolah dan desa dilaksanakan',
    'Data dispensasi kawin dilaporkan',
  ]),
  action('AKSI-2024-02', 2024, 'PEREMPUAN', 'Penyediaan rumah aman bagi perempuan korban kekerasan', ['DP3A'], [
    'Lokasi rumah aman ditetapkan',
    'Petugas rumah aman dilatih',
    'Laporan layanan rumah aman tersedia',
  ]),
  action('AKSI-2024-03', 2024, 'PENYANDANG_DISABILITAS', 'Pendataan penyandang disabilitas berbasis nama dan alamat', ['Dinas Sosial', 'Dinas Kependudukan dan Pencatatan Sipil'], [
    'Instrumen pendataan disepakati bersama organisasi penyandang disabilitas',
    'Pendataan dilaksanakan di seluruh kecamatan',
    'Data penyandang disabilitas ditetapkan dan dimanfaatkan dalam perencanaan',
  ]),
];

/** Version 1 exactly as it was seeded: the old shape, answered by action code. */
export const RANHAM_2021_2025_SAMPLE_V1 = {
  programme: Programme.RANHAM,
  frameworkCode: 'RANHAM_PERPRES_53_2021',
  version: 1,
  status: FrameworkStatus.PUBLISHED,
  label: 'RANHAM 2021-2025 (Perpres 53/2021) — CONTOH: aksi HAM sampel, bukan daftar resmi',
  targetGroups: RANHAM_2021_2025_TARGET_GROUPS,
  actions: [...ACTIONS_2024, ...ACTIONS_2025],
  rules: RANHAM_2021_2025_RULES,
} as const satisfies Omit<RanhamFrameworkVersion, 'actions'> & { actions: readonly RanhamOldShapeAction[] };

const docs = (minCount: number, ...documentTypes: DocumentType[]): RanhamDocumentRule => ({ documentTypes, minCount });
const MINUTES = docs(1, DocumentType.NOTULEN);
const REPORT = docs(1, DocumentType.LAPORAN);

type MeasureSpec = Pick<RanhamSuccessMeasure, 'measure' | 'answerType' | 'requiredDocuments'> & { target?: number };

/**
 * The 2025 kab/kota matrix numbers several measures per period: the first action's are spelt out here (three in B04,
 * two in B08, two in B12, as in the matrix); other actions keep their one measure per period, answered yes/no and
 * backed by minutes (a meeting decided it) or a report.
 */
const DETAILED_MEASURES: Readonly<Record<string, Readonly<Record<string, readonly MeasureSpec[]>>>> = {
  'AKSI-2025-01': {
    B04: [
      { measure: 'Rapat koordinasi pembentukan atau pembaruan UPTD PPA dilaksanakan', answerType: RanhamMeasureAnswerType.YES_NO, requiredDocuments: [MINUTES, docs(1, DocumentType.DAFTAR_HADIR)] },
      { measure: 'SK pembentukan atau pembaruan UPTD PPA ditetapkan', answerType: RanhamMeasureAnswerType.YES_NO, requiredDocuments: [docs(1, DocumentType.SK)] },
      { measure: 'Petugas layanan UPTD PPA ditunjuk dan dilatih', answerType: RanhamMeasureAnswerType.NUMBER, target: 10, requiredDocuments: [docs(2, DocumentType.FOTO), REPORT] },
    ],
    B08: [
      { measure: 'Standar operasional layanan pengaduan disusun', answerType: RanhamMeasureAnswerType.PERCENT, requiredDocuments: [MINUTES] },
      { measure: 'Sosialisasi layanan pengaduan dilaksanakan', answerType: RanhamMeasureAnswerType.YES_NO, requiredDocuments: [MINUTES, docs(2, DocumentType.FOTO)] },
    ],
    B12: [
      { measure: 'Laporan jumlah kasus yang ditangani dan dirujuk tersedia', answerType: RanhamMeasureAnswerType.YES_NO, requiredDocuments: [REPORT] },
      { measure: 'Kendala layanan dan tindak lanjutnya diuraikan', answerType: RanhamMeasureAnswerType.TEXT, requiredDocuments: [MINUTES] },
    ],
  },
};

/** Measures coded "<action>.<period>.<number>", numbered per period from 1. */
function numberedMeasures(old: RanhamOldShapeAction): RanhamSuccessMeasure[] {
  const detailed = DETAILED_MEASURES[old.code];
  return old.successMeasures.flatMap(({ periodCode, measure }) => {
    const specs: readonly MeasureSpec[] = detailed?.[periodCode] ?? [
      { measure, answerType: RanhamMeasureAnswerType.YES_NO, requiredDocuments: [periodCode === 'B12' ? REPORT : MINUTES] },
    ];
    return specs.map((spec, index) => ({ periodCode, code: `${old.code}.${periodCode}.${index + 1}`, ...spec }));
  });
}

const withNumberedMeasures = (old: RanhamOldShapeAction): RanhamAction => ({ ...old, successMeasures: numberedMeasures(old) });

/** Version 2: the sample actions with numbered measures, answer types and document rules. */
export const RANHAM_2021_2025_SAMPLE: RanhamFrameworkVersion = {
  ...RANHAM_2021_2025_SAMPLE_V1,
  version: 2,
  label: 'RANHAM 2021-2025 (Perpres 53/2021) — CONTOH: aksi HAM sampel dengan ukuran keberhasilan bernomor, bukan daftar resmi',
  actions: RANHAM_2021_2025_SAMPLE_V1.actions.map(withNumberedMeasures),
  // The findings that make a measure formally incomplete, as data of the version (the same as the default).
  rules: { ...RANHAM_2021_2025_RULES, administrativeReasons: RANHAM_DEFAULT_ADMINISTRATIVE_REASONS },
};

/** The sample versions as they are seeded, oldest first, each as its stored content. */
export const RANHAM_2021_2025_SEEDED_VERSIONS: readonly { version: number; label: string; content: RanhamFrameworkContent }[] = [
  RANHAM_2021_2025_SAMPLE_V1 as unknown as RanhamFrameworkVersion,
  RANHAM_2021_2025_SAMPLE,
].map(({ version, label, targetGroups, actions, rules }) => ({ version, label, content: { targetGroups, actions, rules } }));
