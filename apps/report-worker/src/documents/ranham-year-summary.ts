import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { framedDocument, provenanceBlock, subjectLine } from '../render/frame';
import { formatDate, formatNumber } from '../render/format';
import type { RanhamYearSummaryInput } from './inputs';

const TITLE = 'Rekapitulasi Tahunan Aksi HAM';

/** A reporter's RANHAM year on one page: every period's score and when it came in, then the yearly score. */
export function ranhamYearSummaryDocument(input: RanhamYearSummaryInput, contentHash: string): TDocumentDefinitions {
  const header: TableCell[] = ['Periode', 'Nilai', 'Kedudukan', 'Disampaikan', 'Keterangan'].map((text) => ({
    text,
    style: 'tableHeader',
  }));
  const body: TableCell[][] = [header];
  for (const line of input.periods) {
    body.push([
      `${line.periodCode} ${line.periodName}`,
      { text: line.total === null ? '-' : formatNumber(line.total), alignment: 'right' },
      line.standing ?? '-',
      line.submittedOn ? formatDate(line.submittedOn) : 'Belum disampaikan',
      line.late ? 'Terlambat' : '-',
    ]);
  }
  const yearly = input.yearlyScore === null ? 'Belum ada nilai' : formatNumber(input.yearlyScore);
  const meets = input.yearlyScore !== null && input.yearlyScore >= input.target;
  return framedDocument({
    title: TITLE,
    subject: input.subject,
    year: input.year,
    provenance: input.provenance,
    contentHash,
    content: [
      { text: TITLE, style: 'title' },
      { text: `${subjectLine(input.subject)} · ${input.level} · Tahun ${input.year}`, style: 'subtitle' },
      provenanceBlock(input.provenance),
      {
        table: { headerRows: 1, dontBreakRows: true, widths: ['*', 44, 100, 92, 66], body },
        layout: 'lightHorizontalLines',
        margin: [0, 6, 0, 10],
      },
      {
        table: {
          widths: [170, '*'],
          body: [
            [{ text: 'Nilai tahunan', bold: true }, { text: yearly, bold: true }],
            ['Target', formatNumber(input.target)],
            [
              'Capaian terhadap target',
              input.yearlyScore === null ? '-' : meets ? 'Memenuhi target' : 'Di bawah target',
            ],
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 10,
      },
    ],
  });
}
