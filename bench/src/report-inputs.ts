import { loadReferenceData } from '@peduli/db';
import type { KkpCriterionSection, KkpIndicatorLine, KkpScoreReportInput } from '@peduli/report-worker';
import { frameworkOf120 } from './kkp-120';

/** Printed when a reviewer rejects an answer: what reviewers write, from a line to a paragraph. */
const REJECTIONS = [
  'Bukti tidak sesuai dengan indikator',
  'Dokumen yang diunggah belum ditandatangani pejabat yang berwenang',
  'Peraturan yang dilampirkan masih berupa rancangan dan belum diundangkan dalam lembaran daerah; unggah salinan yang telah diundangkan beserta nomornya',
  'Data capaian tidak didukung laporan realisasi anggaran tahun berjalan',
];

const CHOICES = ['Ada, sudah berjalan', 'Ada, belum berjalan', 'Tidak ada'];

/** mulberry32: the same inputs on every run, so runs can be compared. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const comma = (value: number, decimals: number) => value.toFixed(decimals).replace('.', ',');

function band(total: number): string {
  if (total >= 76) return 'Peduli HAM';
  if (total >= 51) return 'Cukup Peduli HAM';
  return 'Kurang Peduli HAM';
}

/**
 * The score reports of a national run: one per regency/city (514), each over a 120-indicator version, with answers,
 * verifications, rejections and adjustments varied from a fixed seed in the proportions a review produces.
 */
export function nationalScoreReports(count = 514): KkpScoreReportInput[] {
  const { provinces, regions } = loadReferenceData();
  const provinceName = new Map(provinces.map((province) => [province.code, province.name]));
  const framework = frameworkOf120('KKP-HAM-BENCH-120');
  return regions.slice(0, count).map((region, regionIndex) => {
    const next = random(20261210 + regionIndex);
    let claimedSum = 0;
    let maxSum = 0;
    const criteria: KkpCriterionSection[] = framework.criteria.map((criterion) => {
      const indicators: KkpIndicatorLine[] = framework.indicators
        .filter((indicator) => indicator.criterionCode === criterion.code)
        .map((indicator) => {
          const max = indicator.points;
          const share = next() < 0.7 ? 1 : Math.round(next() * 10) / 10;
          let claimed: string;
          switch (indicator.answerType) {
            case 'YES_NO':
              claimed = share >= 0.5 ? 'Ya' : 'Tidak';
              break;
            case 'PERCENT':
              claimed = `${comma(share * 100, 1)}%`;
              break;
            case 'NUMBER':
              claimed = String(Math.round(share * 40));
              break;
            case 'CHOICE':
            case 'BANDED':
              claimed = CHOICES[share >= 0.8 ? 0 : share >= 0.4 ? 1 : 2];
              break;
            default:
              claimed = share > 0 ? 'Dokumen diunggah' : 'Belum dijawab';
          }
          const claimedPoints = Math.round(share * max * 2) / 2;
          const rejected = next() < 0.06;
          const reviewed = !rejected && next() < 0.15;
          const verifiedPoints = reviewed ? Math.max(0, claimedPoints - max / 2) : claimedPoints;
          claimedSum += claimedPoints;
          maxSum += max;
          return {
            code: indicator.code,
            text: indicator.text,
            type: indicator.type,
            claimed,
            verified: reviewed ? (indicator.answerType === 'YES_NO' ? 'Tidak' : `${comma((verifiedPoints / max) * 100, 1)}%`) : null,
            points: rejected ? 0 : verifiedPoints,
            maxPoints: max,
            rejection: rejected ? REJECTIONS[Math.floor(next() * REJECTIONS.length)] : null,
          };
        });
      const points = indicators.reduce((sum, line) => sum + line.points, 0);
      const max = indicators.reduce((sum, line) => sum + line.maxPoints, 0);
      return { code: criterion.code, name: criterion.name, score: (points / max) * 100, indicators };
    });
    const baseTotal = criteria.reduce((sum, criterion) => sum + criterion.score, 0) / criteria.length;
    const adjustment = next() < 0.3 ? -Math.round(next() * 6) / 2 : 0;
    const total = Math.max(0, baseTotal + adjustment);
    return {
      kind: 'KKP_SCORE_REPORT',
      subject: { name: region.name, provinceName: provinceName.get(region.provinceCode) ?? null, regionCode: region.code },
      year: 2026,
      total,
      band: band(total),
      selfAssessedTotal: (claimedSum / maxSum) * 100,
      baseTotal,
      criteria,
      adjustments:
        adjustment === 0
          ? []
          : [{ code: 'PENGURANG-1', name: 'Pelanggaran HAM yang terbukti', applied: adjustment, capped: false, reason: 'Pengaduan yang terbukti pada tahun penilaian' }],
      decree: { number: 'M.HA-17.HA.01.02 TAHUN 2026', date: '2026-12-10' },
      provenance: {
        frameworkVersion: 'KKP HAM 120 indikator (versi 1)',
        scoreInputHash: (regionIndex.toString(16).padStart(8, '0') + 'a3f1c09e5b7d2e4f6a8b0c1d2e3f4051').repeat(2).slice(0, 64),
        asOf: '2026-12-09T03:00:00.000Z',
        contentHash: '',
      },
    };
  });
}
