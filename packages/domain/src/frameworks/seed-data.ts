import { DocumentType } from '../documents';
import { Programme, RANHAM_DEFAULT_PERIODS } from '../programmes';
import { KKP_DEFAULT_BANDS } from '../scoring/bands';
import {
  AnswerType,
  Criterion,
  EvidenceRequirement,
  FrameworkStatus,
  FrameworkVersion,
  Indicator,
  IndicatorType,
  KKP_DEFAULT_TYPE_WEIGHTS,
  PointBand,
  RanhamRules,
  RightsGroup,
} from './model';

/*
 * SAMPLE data. The ten criteria and their rights groups follow Permenkumham No. 22 of 2021; the indicators do NOT:
 * they are 30 illustrative indicators (three per criterion), not the official 120, for development and tests.
 * Point sizes, adjustment sizes and RANHAM weights are sample values of rules the brief marks as configurable.
 */

const { PERDA, PERBUP_PERWAL, SK, RENSTRA, RKPD, DPA, LAPORAN, NOTULEN, DAFTAR_HADIR, FOTO, DATA_STATISTIK, DAFTAR_PENERIMA_MANFAAT } =
  DocumentType;

const LEGAL_PRODUCT: EvidenceRequirement = { allowedDocumentTypes: [PERDA, PERBUP_PERWAL, SK], minCount: 1 };
const BUDGET: EvidenceRequirement = { allowedDocumentTypes: [RENSTRA, RKPD, DPA, LAPORAN], minCount: 1 };
const ACTIVITY: EvidenceRequirement = { allowedDocumentTypes: [LAPORAN, NOTULEN, DAFTAR_HADIR, FOTO], minCount: 2 };
const OUTCOME: EvidenceRequirement = { allowedDocumentTypes: [DATA_STATISTIK, LAPORAN, DAFTAR_PENERIMA_MANFAAT], minCount: 1 };

/** The 10/8/6/4/2/0 pattern seen in the rule books, for coverage percentages. */
const COVERAGE_BANDS: readonly PointBand[] = [
  { min: 95, points: 10 },
  { min: 90, points: 8 },
  { min: 85, points: 6 },
  { min: 80, points: 4 },
  { min: 75, points: 2 },
  { min: 0, points: 0 },
];

export const KKP_HAM_2021_CRITERIA: readonly Criterion[] = [
  { code: 'K1', name: 'Hak atas Bantuan Hukum', rightsGroup: RightsGroup.SIPOL },
  { code: 'K2', name: 'Hak atas Informasi', rightsGroup: RightsGroup.SIPOL },
  { code: 'K3', name: 'Hak untuk Turut Serta dalam Pemerintahan', rightsGroup: RightsGroup.SIPOL },
  { code: 'K4', name: 'Hak atas Keberagaman dan Pluralisme', rightsGroup: RightsGroup.SIPOL },
  { code: 'K5', name: 'Hak atas Kependudukan', rightsGroup: RightsGroup.SIPOL },
  { code: 'K6', name: 'Hak atas Kesehatan', rightsGroup: RightsGroup.EKOSOB },
  { code: 'K7', name: 'Hak atas Pendidikan', rightsGroup: RightsGroup.EKOSOB },
  { code: 'K8', name: 'Hak atas Pekerjaan', rightsGroup: RightsGroup.EKOSOB },
  {
    code: 'K9',
    name: 'Hak atas Lingkungan yang Baik dan Sehat serta Perumahan yang Layak',
    rightsGroup: RightsGroup.EKOSOB,
    subGroups: [
      { code: 'LINGKUNGAN', name: 'Hak atas Lingkungan yang Baik dan Sehat' },
      { code: 'PERUMAHAN', name: 'Hak atas Perumahan yang Layak' },
    ],
  },
  { code: 'K10', name: 'Hak Perempuan dan Anak', rightsGroup: RightsGroup.EKOSOB },
];

const S = IndicatorType.STRUKTUR;
const P = IndicatorType.PROSES;
const H = IndicatorType.HASIL;

export const KKP_HAM_2021_SAMPLE_INDICATORS: readonly Indicator[] = [
  // 1 Bantuan hukum
  { code: 'K1.S1', criterionCode: 'K1', type: S, answerType: AnswerType.YES_NO, points: 10, evidence: LEGAL_PRODUCT,
    text: 'Tersedia Perda/Perbup/Perwal tentang penyelenggaraan bantuan hukum bagi masyarakat miskin' },
  { code: 'K1.P1', criterionCode: 'K1', type: P, answerType: AnswerType.PERCENT, unit: '%', points: 10, evidence: BUDGET,
    text: 'Persentase realisasi anggaran bantuan hukum terhadap pagu dalam DPA' },
  { code: 'K1.H1', criterionCode: 'K1', type: H, answerType: AnswerType.BANDED, unit: 'orang', points: 10,
    evidence: { allowedDocumentTypes: [DAFTAR_PENERIMA_MANFAAT, LAPORAN], minCount: 1 },
    text: 'Jumlah penerima bantuan hukum dari kelompok masyarakat miskin',
    bands: [
      { min: 100, points: 10 },
      { min: 75, points: 8 },
      { min: 50, points: 6 },
      { min: 25, points: 4 },
      { min: 1, points: 2 },
      { min: 0, points: 0 },
    ] },
  // 2 Informasi
  { code: 'K2.S1', criterionCode: 'K2', type: S, answerType: AnswerType.YES_NO, points: 10, evidence: LEGAL_PRODUCT,
    text: 'Tersedia SK penetapan Pejabat Pengelola Informasi dan Dokumentasi (PPID)' },
  { code: 'K2.P1', criterionCode: 'K2', type: P, answerType: AnswerType.CHOICE, points: 10, evidence: ACTIVITY,
    text: 'Pemutakhiran Daftar Informasi Publik (DIP) oleh OPD',
    choices: [
      { value: 'SELURUH_OPD', points: 10 },
      { value: 'SEBAGIAN_OPD', points: 5 },
      { value: 'BELUM_ADA', points: 0 },
    ] },
  { code: 'K2.H1', criterionCode: 'K2', type: H, answerType: AnswerType.PERCENT, unit: '%', points: 10, evidence: OUTCOME,
    text: 'Persentase permohonan informasi publik yang diselesaikan tepat waktu' },
  // 3 Turut serta dalam pemerintahan
  { code: 'K3.S1', criterionCode: 'K3', type: S, answerType: AnswerType.YES_NO, points: 10, evidence: LEGAL_PRODUCT,
    text: 'Tersedia Perda/Perbup/Perwal tentang partisipasi masyarakat dalam pembentukan produk hukum daerah' },
  { code: 'K3.P1', criterionCode: 'K3', type: P, answerType: AnswerType.NUMBER, unit: 'kegiatan', points: 10, evidence: ACTIVITY,
    text: 'Jumlah Musrenbang yang melibatkan kelompok perempuan, anak, dan penyandang disabilitas',
    helpText: 'Isi 0 bila tidak ada; jangan menulis "nihil".' },
  { code: 'K3.H1', criterionCode: 'K3', type: H, answerType: AnswerType.PERCENT, unit: '%', points: 10, evidence: OUTCOME,
    text: 'Persentase usulan Musrenbang kelompok rentan yang diakomodasi dalam RKPD' },
  // 4 Keberagaman dan pluralisme
  { code: 'K4.S1', criterionCode: 'K4', type: S, answerType: AnswerType.YES_NO, points: 10, evidence: LEGAL_PRODUCT,
    text: 'Tersedia SK pembentukan Forum Kerukunan Umat Beragama (FKUB)' },
  { code: 'K4.P1', criterionCode: 'K4', type: P, answerType: AnswerType.TEXT_ONLY, points: 10, evidence: ACTIVITY,
    text: 'Uraian kegiatan dialog lintas agama dan kepercayaan yang difasilitasi Pemda' },
  { code: 'K4.H1', criterionCode: 'K4', type: H, answerType: AnswerType.PERCENT, unit: '%', points: 10, evidence: OUTCOME,
    text: 'Persentase pengaduan diskriminasi atas dasar agama atau kepercayaan yang ditindaklanjuti' },
  // 5 Administrasi kependudukan
  { code: 'K5.S1', criterionCode: 'K5', type: S, answerType: AnswerType.YES_NO, points: 10, evidence: LEGAL_PRODUCT,
    text: 'Tersedia Perbup/Perwal tentang pelayanan administrasi kependudukan secara jemput bola' },
  { code: 'K5.P1', criterionCode: 'K5', type: P, answerType: AnswerType.DOCUMENT_ONLY, points: 10,
    evidence: { allowedDocumentTypes: [LAPORAN, FOTO, DAFTAR_HADIR], minCount: 2 },
    text: 'Dokumentasi layanan perekaman KTP-el bagi penyandang disabilitas dan lansia' },
  { code: 'K5.H1', criterionCode: 'K5', type: H, answerType: AnswerType.BANDED, unit: '%', points: 10, evidence: OUTCOME, bands: COVERAGE_BANDS,
    text: 'Persentase anak usia 0-17 tahun yang memiliki akta kelahiran' },
  // 6 Kesehatan
  { code: 'K6.S1', criterionCode: 'K6', type: S, answerType: AnswerType.YES_NO, points: 10, evidence: LEGAL_PRODUCT,
    text: 'Tersedia Perda/Perbup/Perwal tentang Kawasan Tanpa Rokok' },
  { code: 'K6.P1', criterionCode: 'K6', type: P, answerType: AnswerType.PERCENT, unit: '%', points: 10, evidence: OUTCOME,
    text: 'Persentase Puskesmas yang terakreditasi' },
  { code: 'K6.H1', criterionCode: 'K6', type: H, answerType: AnswerType.BANDED, unit: '%', points: 10, evidence: OUTCOME, bands: COVERAGE_BANDS,
    text: 'Cakupan imunisasi dasar lengkap pada bayi' },
  // 7 Pendidikan
  { code: 'K7.S1', criterionCode: 'K7', type: S, answerType: AnswerType.YES_NO, points: 10, evidence: LEGAL_PRODUCT,
    text: 'Tersedia Perda/Perbup/Perwal tentang penyelenggaraan pendidikan inklusif' },
  { code: 'K7.P1', criterionCode: 'K7', type: P, answerType: AnswerType.CHOICE, points: 10, evidence: BUDGET,
    text: 'Program bantuan biaya pendidikan bagi peserta didik dari keluarga miskin',
    choices: [
      { value: 'SELURUH_JENJANG', points: 10 },
      { value: 'SEBAGIAN_JENJANG', points: 5 },
      { value: 'TIDAK_ADA', points: 0 },
    ] },
  { code: 'K7.H1', criterionCode: 'K7', type: H, answerType: AnswerType.PERCENT, unit: '%', points: 10, evidence: OUTCOME,
    text: 'Angka Partisipasi Murni (APM) SD/MI' },
  // 8 Pekerjaan
  { code: 'K8.S1', criterionCode: 'K8', type: S, answerType: AnswerType.YES_NO, points: 10, evidence: LEGAL_PRODUCT,
    text: 'Tersedia Perda/Perbup/Perwal tentang perlindungan dan penempatan tenaga kerja' },
  { code: 'K8.P1', criterionCode: 'K8', type: P, answerType: AnswerType.NUMBER, unit: 'kegiatan', points: 10, evidence: ACTIVITY,
    text: 'Jumlah pelatihan kerja berbasis kompetensi yang diselenggarakan',
    bands: [
      { min: 10, points: 10 },
      { min: 5, points: 6 },
      { min: 1, points: 3 },
      { min: 0, points: 0 },
    ] },
  { code: 'K8.H1', criterionCode: 'K8', type: H, answerType: AnswerType.PERCENT, unit: '%', points: 10, evidence: OUTCOME,
    text: 'Persentase pencari kerja terdaftar yang ditempatkan' },
  // 9 Lingkungan yang baik dan sehat serta perumahan yang layak
  { code: 'K9.S1', criterionCode: 'K9', subGroupCode: 'LINGKUNGAN', type: S, answerType: AnswerType.YES_NO, points: 10, evidence: LEGAL_PRODUCT,
    text: 'Tersedia Perda/Perbup/Perwal tentang pengelolaan sampah' },
  { code: 'K9.P1', criterionCode: 'K9', subGroupCode: 'PERUMAHAN', type: P, answerType: AnswerType.PERCENT, unit: '%', points: 10, evidence: BUDGET,
    text: 'Persentase realisasi anggaran program peningkatan kualitas rumah tidak layak huni' },
  { code: 'K9.H1', criterionCode: 'K9', subGroupCode: 'LINGKUNGAN', type: H, answerType: AnswerType.BANDED, unit: '%', points: 10, evidence: OUTCOME,
    bands: COVERAGE_BANDS, text: 'Persentase rumah tangga dengan akses sanitasi layak' },
  // 10 Perempuan dan anak
  { code: 'K10.S1', criterionCode: 'K10', type: S, answerType: AnswerType.YES_NO, points: 10, evidence: LEGAL_PRODUCT,
    text: 'Tersedia Perda/Perbup/Perwal tentang Kabupaten/Kota Layak Anak' },
  { code: 'K10.P1', criterionCode: 'K10', type: P, answerType: AnswerType.CHOICE, points: 10, evidence: ACTIVITY,
    text: 'Status Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak (UPTD PPA)',
    choices: [
      { value: 'BEROPERASI', points: 10 },
      { value: 'DALAM_PEMBENTUKAN', points: 4 },
      { value: 'BELUM_ADA', points: 0 },
    ] },
  { code: 'K10.H1', criterionCode: 'K10', type: H, answerType: AnswerType.PERCENT, unit: '%', points: 10, evidence: OUTCOME,
    text: 'Persentase kasus kekerasan terhadap perempuan dan anak yang mendapat layanan penanganan' },
];

export const KKP_HAM_2021_SAMPLE: FrameworkVersion = {
  programme: Programme.KKP_HAM,
  frameworkCode: 'KKP_HAM_PERMENKUMHAM_22_2021',
  version: 1,
  status: FrameworkStatus.PUBLISHED,
  label: 'KKP HAM Permenkumham 22/2021 — CONTOH: 30 indikator sampel, bukan 120 indikator resmi',
  criteria: KKP_HAM_2021_CRITERIA,
  indicators: KKP_HAM_2021_SAMPLE_INDICATORS,
  rules: {
    typeWeights: KKP_DEFAULT_TYPE_WEIGHTS,
    bands: KKP_DEFAULT_BANDS,
    adjustments: [
      // Sample sizes: the central team sets them per cycle.
      { code: 'AKSI_HAM_BONUS', name: 'Tambahan nilai atas capaian Aksi HAM', kind: 'BONUS', cap: 5 },
      {
        code: 'PENGADUAN_BELUM_DITINDAKLANJUTI',
        name: 'Pengurangan nilai atas pengaduan HAM yang belum ditindaklanjuti',
        kind: 'PENALTY',
        cap: 10,
        perUnit: 1,
      },
    ],
  },
};

export const RANHAM_2021_2025_RULES: RanhamRules = {
  // Sample weights: the brief marks the substance/administration split as configurable.
  substanceWeight: 70,
  administrationWeight: 30,
  targets: { KL: 75, PROVINCE: 65, KABKOTA: 60 },
  periods: RANHAM_DEFAULT_PERIODS,
};
