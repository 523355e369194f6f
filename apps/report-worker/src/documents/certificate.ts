import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { framedDocument } from '../render/frame';
import { formatDate, formatNumber } from '../render/format';
import type { CertificateInput } from './inputs';

const TITLE = 'Piagam Penghargaan';

/** The piagam: one landscape page naming the regency/city, the year and the decree that rated it. */
export function certificateDocument(input: CertificateInput, contentHash: string): TDocumentDefinitions {
  const definition = framedDocument({
    title: TITLE,
    subject: input.subject,
    year: input.year,
    provenance: input.provenance,
    contentHash,
    orientation: 'landscape',
    // Inside the double border drawn as the page's background.
    edge: 60,
    headerTop: 40,
    content: [
      { text: 'PIAGAM PENGHARGAAN', fontSize: 30, bold: true, alignment: 'center', margin: [0, 36, 0, 18] },
      { text: 'diberikan kepada', fontSize: 13, alignment: 'center' },
      { text: input.subject.name, fontSize: 26, bold: true, alignment: 'center', margin: [0, 10, 0, 2] },
      ...(input.subject.provinceName
        ? [{ text: `Provinsi ${input.subject.provinceName}`, fontSize: 13, alignment: 'center' as const }]
        : []),
      { text: 'sebagai', fontSize: 13, alignment: 'center', margin: [0, 16, 0, 4] },
      { text: `Kabupaten/Kota Peduli HAM Tahun ${input.year}`, fontSize: 20, bold: true, alignment: 'center' },
      {
        text: `dengan nilai ${formatNumber(input.total)} (kategori ${input.band})`,
        fontSize: 11,
        alignment: 'center',
        margin: [0, 6, 0, 0],
      },
      {
        text: `berdasarkan Keputusan Nomor ${input.decree.number} tanggal ${formatDate(input.decree.date)}`,
        fontSize: 11,
        alignment: 'center',
        margin: [0, 12, 0, 0],
      },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 300,
            alignment: 'center',
            fontSize: 11,
            stack: [
              { text: `Ditetapkan tanggal ${formatDate(input.decree.date)}` },
              { text: input.signatory, bold: true, margin: [0, 4, 0, 0] },
            ],
          },
        ],
        margin: [0, 36, 0, 0],
      },
    ],
  });
  // The footer sits inside the border too.
  definition.pageMargins = [60, 68, 60, 76];
  definition.background = (_page, size) => ({
    canvas: [
      { type: 'rect', x: 24, y: 24, w: size.width - 48, h: size.height - 48, lineWidth: 2.5, lineColor: '#7a1f1f' },
      { type: 'rect', x: 30, y: 30, w: size.width - 60, h: size.height - 60, lineWidth: 0.75, lineColor: '#7a1f1f' },
    ],
  });
  return definition;
}
