import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { framedDocument, provenanceBlock, subjectLine } from '../render/frame';
import { formatNumber } from '../render/format';
import type { RanhamActionSection, RanhamPeriodReportInput } from './inputs';

const TITLE = 'Laporan Pelaksanaan Aksi HAM';

/** A reporter's RANHAM period in the secretariat's layout: each action's measures, then the period's score. */
export function ranhamPeriodReportDocument(input: RanhamPeriodReportInput, contentHash: string): TDocumentDefinitions {
  return framedDocument({
    title: TITLE,
    subject: input.subject,
    year: input.year,
    provenance: input.provenance,
    contentHash,
    content: [
      { text: TITLE, style: 'title' },
      {
        text: `${subjectLine(input.subject)} · ${input.level} · Tahun ${input.year} · ${input.periodCode} ${input.periodName}`,
        style: 'subtitle',
      },
      provenanceBlock(input.provenance),
      ...(input.actions.length === 0 ? [{ text: 'Tidak ada aksi yang dilaporkan pada periode ini.' }] : []),
      ...input.actions.flatMap(actionSection),
      scoreSection(input),
    ],
  });
}

const MEASURE_COLUMNS = 4;

/** The action's heading is a header row of its table, so it repeats on a page the table runs onto and is never orphaned. */
function actionSection(action: RanhamActionSection): Content[] {
  const title: TableCell[] = [
    {
      stack: [
        { text: `Aksi ${action.code}: ${action.title}`, fontSize: 11.5, bold: true },
        { text: `Kelompok sasaran: ${action.targetGroup}`, fontSize: 9, margin: [0, 2, 0, 0] },
      ],
      colSpan: MEASURE_COLUMNS,
      margin: [0, 10, 0, 3],
    },
    ...Array.from({ length: MEASURE_COLUMNS - 1 }, () => ({})),
  ];
  const header: TableCell[] = ['No.', 'Ukuran keberhasilan', 'Capaian', 'Dokumen pendukung'].map((text) => ({
    text,
    style: 'tableHeader',
  }));
  const body: TableCell[][] = [title, header];
  for (const line of action.measures) {
    const achievement: Content[] = [{ text: line.achievement }, { text: `(${formatNumber(line.achievementPercent)}%)`, style: 'muted' }];
    if (!line.complete) achievement.push({ text: 'Belum lengkap', italics: true });
    if (line.rejection) achievement.push({ text: `Ditolak: ${line.rejection}`, italics: true });
    body.push([
      line.label,
      line.measure,
      { stack: achievement },
      // pdfmake rewrites the nodes it lays out in place: give it a copy, never the caller's array.
      line.documents.length === 0 ? '-' : { ul: [...line.documents] },
    ]);
  }
  if (action.measures.length === 0) {
    body.push([{ text: 'Tidak ada ukuran keberhasilan yang dilaporkan.', colSpan: MEASURE_COLUMNS, italics: true }, {}, {}, {}]);
  }
  return [
    {
      table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: [40, '*', 110, 130], body },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
  ];
}

function scoreSection(input: RanhamPeriodReportInput): Content {
  const rows: TableCell[][] = [
    ['Nilai substansi', formatNumber(input.substance)],
    ['Nilai administrasi', formatNumber(input.administration)],
    [{ text: 'Nilai total', bold: true }, { text: formatNumber(input.total), bold: true }],
    ['Target', formatNumber(input.target)],
    [{ text: 'Kedudukan', bold: true }, { text: input.standing, bold: true }],
  ];
  return {
    stack: [
      { text: 'Penilaian periode', style: 'section' },
      { table: { widths: [170, '*'], body: rows }, layout: 'lightHorizontalLines', fontSize: 10 },
    ],
    unbreakable: true,
  };
}
