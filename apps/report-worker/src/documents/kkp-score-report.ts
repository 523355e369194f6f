import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { framedDocument, provenanceBlock, subjectLine } from '../render/frame';
import { formatDate, formatNumber, formatPoints, formatSigned } from '../render/format';
import type { KkpAdjustmentLine, KkpCriterionSection, KkpScoreReportInput } from './inputs';

const TITLE = 'Laporan Nilai Kabupaten/Kota Peduli HAM';

/** A regency/city's KKP HAM score: the summary first, then every criterion with the points of each indicator. */
export function kkpScoreReportDocument(input: KkpScoreReportInput, contentHash: string): TDocumentDefinitions {
  return framedDocument({
    title: TITLE,
    subject: input.subject,
    year: input.year,
    provenance: input.provenance,
    contentHash,
    content: [
      { text: TITLE, style: 'title' },
      { text: `${subjectLine(input.subject)} · Tahun penilaian ${input.year}`, style: 'subtitle' },
      provenanceBlock(input.provenance),
      summary(input),
      ...input.criteria.flatMap(criterionSection),
      ...adjustmentsSection(input.adjustments),
      decreeSection(input),
    ],
  });
}

function summary(input: KkpScoreReportInput): Content {
  const rows: TableCell[][] = [
    [{ text: 'Nilai akhir', bold: true }, { text: formatNumber(input.total), bold: true }],
    [{ text: 'Kategori', bold: true }, { text: input.band, bold: true }],
    ['Nilai sebelum penyesuaian', formatNumber(input.baseTotal)],
    ['Nilai penilaian mandiri', input.selfAssessedTotal === null ? 'Tidak tersedia' : formatNumber(input.selfAssessedTotal)],
    ['Status', input.decree ? 'Final (keputusan telah ditetapkan)' : 'Sementara (belum ada keputusan)'],
  ];
  return {
    table: { widths: [170, '*'], body: rows },
    layout: 'lightHorizontalLines',
    fontSize: 10,
    margin: [0, 4, 0, 4],
  };
}

const INDICATOR_COLUMNS = 7;

/**
 * One table per criterion, its title a header row: repeated at the top of every page the table runs onto, and never
 * left alone at the bottom of a page (keepWithHeaderRows), without pdfmake re-laying the document to move it.
 */
function criterionSection(criterion: KkpCriterionSection): Content[] {
  const title: TableCell[] = [
    {
      text: `Kriteria ${criterion.code}: ${criterion.name} (nilai ${formatNumber(criterion.score)})`,
      colSpan: INDICATOR_COLUMNS,
      fontSize: 10.5,
      bold: true,
      margin: [0, 10, 0, 3],
    },
    ...Array.from({ length: INDICATOR_COLUMNS - 1 }, () => ({})),
  ];
  const header: TableCell[] = ['Kode', 'Indikator', 'Jenis', 'Jawaban', 'Terverifikasi', 'Poin', 'Penolakan'].map(
    (text) => ({ text, style: 'tableHeader' }),
  );
  const body: TableCell[][] = [title, header];
  for (const line of criterion.indicators) {
    body.push([
      line.code,
      line.text,
      line.type,
      line.claimed,
      line.verified ?? '-',
      { text: `${formatPoints(line.points)} / ${formatPoints(line.maxPoints)}`, alignment: 'right', noWrap: true },
      line.rejection ?? '-',
    ]);
  }
  return [
    {
      table: {
        headerRows: 2,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [36, '*', 44, 44, 58, 40, 80],
        body,
      },
      layout: 'lightHorizontalLines',
      fontSize: 7.5,
    },
  ];
}

function adjustmentsSection(adjustments: KkpAdjustmentLine[]): Content[] {
  if (adjustments.length === 0) {
    return [{ text: 'Penyesuaian', style: 'section' }, { text: 'Tidak ada penyesuaian.' }];
  }
  const header: TableCell[] = ['Kode', 'Penyesuaian', 'Poin', 'Dibatasi', 'Alasan'].map((text) => ({
    text,
    style: 'tableHeader',
  }));
  const body: TableCell[][] = [header];
  for (const line of adjustments) {
    body.push([
      line.code,
      line.name,
      { text: formatSigned(line.applied), alignment: 'right', noWrap: true },
      line.capped ? 'Ya' : 'Tidak',
      line.reason ?? '-',
    ]);
  }
  return [
    { text: 'Penyesuaian', style: 'section' },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [40, '*', 44, 44, '*'], body },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
  ];
}

function decreeSection(input: KkpScoreReportInput): Content {
  if (!input.decree) {
    return {
      text: 'Nilai ini belum final: keputusan penetapan Kabupaten/Kota Peduli HAM belum ditetapkan.',
      italics: true,
      margin: [0, 12, 0, 0],
    };
  }
  return {
    text: `Nilai ini final berdasarkan Keputusan Nomor ${input.decree.number} tanggal ${formatDate(input.decree.date)}.`,
    bold: true,
    margin: [0, 12, 0, 0],
  };
}
