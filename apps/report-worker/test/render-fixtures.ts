import { KKP_HAM_2021_SAMPLE } from '@peduli/domain';
import type {
  CertificateInput,
  KkpCriterionSection,
  KkpScoreReportInput,
  PrintedProvenance,
  PrintedSubject,
  RanhamPeriodReportInput,
  RanhamYearSummaryInput,
} from '../src/documents/inputs';

export const BALIKPAPAN: PrintedSubject = { name: 'Kota Balikpapan', provinceName: 'Kalimantan Timur', regionCode: '64.71' };

/** 17:30 UTC on 9 December is 00:30 on 10 December in WIB: the printed date must be the 10th. */
export const AS_OF = '2026-12-09T17:30:00.000Z';

export const SCORE_INPUT_HASH = 'a3f1c09e5b7d2e4f6a8b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f7';

export function provenance(overrides: Partial<PrintedProvenance> = {}): PrintedProvenance {
  return {
    frameworkVersion: 'Permen HAM 2025 (versi 3)',
    scoreInputHash: SCORE_INPUT_HASH,
    asOf: AS_OF,
    contentHash: '',
    ...overrides,
  };
}

export const LONG_REJECTION =
  'Dokumen yang diunggah adalah rancangan peraturan yang belum ditandatangani dan belum diundangkan dalam lembaran daerah, ' +
  'sehingga belum dapat dinilai sebagai bukti tersedianya kebijakan; unggah salinan yang telah diundangkan beserta nomor ' +
  'lembaran daerahnya, lalu ajukan kembali sebelum batas waktu verifikasi berakhir pada akhir bulan';

/**
 * A score report over the 30-indicator sample framework repeated `perCriterion` times per criterion (4 gives 120, the
 * official size), with points that vary so every figure on the page is distinct enough to find.
 */
export function kkpScoreReport(perCriterion = 1, overrides: Partial<KkpScoreReportInput> = {}): KkpScoreReportInput {
  const criteria: KkpCriterionSection[] = KKP_HAM_2021_SAMPLE.criteria.map((criterion, criterionIndex) => {
    const own = KKP_HAM_2021_SAMPLE.indicators.filter((indicator) => indicator.criterionCode === criterion.code);
    const indicators = Array.from({ length: own.length * perCriterion }, (_, index) => {
      const source = own[index % own.length];
      const round = Math.floor(index / own.length);
      const rejected = (criterionIndex + index) % 7 === 3;
      const points = rejected ? 0 : source.points - ((index + criterionIndex) % 3) * 0.5;
      return {
        code: round === 0 ? source.code : `${source.code}.${round}`,
        text: source.text,
        type: source.type,
        claimed: source.answerType === 'YES_NO' ? 'Ya' : '82,5',
        verified: index % 4 === 1 ? 'Tidak' : null,
        points,
        maxPoints: source.points,
        rejection: rejected ? (criterionIndex === 0 ? LONG_REJECTION : 'Bukti tidak sesuai dengan indikator') : null,
      };
    });
    return { code: criterion.code, name: criterion.name, score: 61.234567 + criterionIndex * 3.111, indicators };
  });
  return {
    kind: 'KKP_SCORE_REPORT',
    subject: BALIKPAPAN,
    year: 2026,
    total: 82.504,
    band: 'Peduli HAM',
    selfAssessedTotal: 88.1,
    baseTotal: 79.5,
    criteria,
    adjustments: [
      { code: 'P1', name: 'Pengaduan pelanggaran HAM yang terbukti', applied: -1.5, capped: false, reason: 'Dua pengaduan terbukti' },
      { code: 'P2', name: 'Inovasi layanan HAM', applied: 4.504, capped: true, reason: null },
    ],
    decree: { number: 'M.HA-17.HA.01.02 TAHUN 2026', date: '2026-12-10' },
    provenance: provenance(),
    ...overrides,
  };
}

export function ranhamPeriodReport(overrides: Partial<RanhamPeriodReportInput> = {}): RanhamPeriodReportInput {
  return {
    kind: 'RANHAM_PERIOD_REPORT',
    subject: { name: 'Biro Hukum Provinsi Jawa Barat', provinceName: 'Jawa Barat', regionCode: null },
    year: 2026,
    periodCode: 'B06',
    periodName: 'Triwulan II / Periode Juni',
    level: 'Provinsi',
    actions: [
      {
        code: 'A1',
        title: 'Penyediaan layanan pengaduan bagi penyandang disabilitas',
        targetGroup: 'Penyandang disabilitas',
        measures: [
          {
            label: 'B06.1',
            measure: 'Tersedianya kanal pengaduan yang dapat diakses penyandang disabilitas netra dan rungu',
            achievement: 'Tercapai',
            achievementPercent: 100,
            documents: ['sk-kanal-pengaduan-2026.pdf', 'foto-loket-aksesibel.jpg'],
            complete: true,
            rejection: null,
          },
          {
            label: 'B06.2',
            measure: 'Jumlah petugas layanan yang dilatih bahasa isyarat',
            achievement: '12 dari 20',
            achievementPercent: 60,
            documents: [],
            complete: false,
            rejection: 'Daftar hadir pelatihan tidak dilampirkan',
          },
        ],
      },
      {
        code: 'A2',
        title: 'Pendataan kelompok rentan di tingkat desa',
        targetGroup: 'Masyarakat adat',
        measures: [
          {
            label: 'B06.3',
            measure: 'Persentase desa yang memutakhirkan data kelompok rentan',
            achievement: '75%',
            achievementPercent: 75,
            documents: ['rekap-pendataan-desa-triwulan-ii.xlsx'],
            complete: true,
            rejection: null,
          },
        ],
      },
    ],
    substance: 71.25,
    administration: 90.5,
    total: 77.03,
    target: 70,
    standing: 'Memenuhi target',
    provenance: provenance({ scoreInputHash: null }),
    ...overrides,
  };
}

export function ranhamYearSummary(overrides: Partial<RanhamYearSummaryInput> = {}): RanhamYearSummaryInput {
  return {
    kind: 'RANHAM_YEAR_SUMMARY',
    subject: { name: 'Kementerian Hukum', provinceName: null, regionCode: null },
    year: 2026,
    level: 'Kementerian/Lembaga',
    periods: [
      { periodCode: 'B03', periodName: 'Triwulan I / Periode Maret', total: 64.4, standing: 'Di bawah target', submittedOn: '2026-04-02', late: true },
      { periodCode: 'B06', periodName: 'Triwulan II / Periode Juni', total: 77.03, standing: 'Memenuhi target', submittedOn: '2026-06-28T03:15:00.000Z', late: false },
      { periodCode: 'B09', periodName: 'Triwulan III / Periode September', total: null, standing: null, submittedOn: null, late: false },
    ],
    yearlyScore: 70.716,
    target: 70,
    provenance: provenance(),
    ...overrides,
  };
}

export function certificate(overrides: Partial<CertificateInput> = {}): CertificateInput {
  return {
    kind: 'CERTIFICATE',
    subject: BALIKPAPAN,
    year: 2026,
    band: 'Peduli HAM',
    total: 82.504,
    decree: { number: 'M.HA-17.HA.01.02 TAHUN 2026', date: '2026-12-10' },
    signatory: 'Menteri Hak Asasi Manusia Republik Indonesia',
    provenance: provenance(),
    ...overrides,
  };
}
