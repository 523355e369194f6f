import type { Content, PageOrientation, StyleDictionary, TDocumentDefinitions, TDocumentInformation } from 'pdfmake/interfaces';
import type { PrintedProvenance, PrintedSubject } from '../documents/inputs';
import { FONT_FAMILY } from './pdf';
import { formatDate, pdfDateOf } from './format';

/** What every printed document shares: its page, heading, stamped footer and PDF metadata. */
export interface FrameOptions {
  /** The document's title, e.g. "Laporan Nilai Kabupaten/Kota Peduli HAM". */
  title: string;
  subject: PrintedSubject;
  year: number;
  provenance: PrintedProvenance;
  /** The verified content hash (see contentHashOf): stamped on every page and the seed of the PDF's ID. */
  contentHash: string;
  orientation?: PageOrientation;
  /** Left and right margins of the page, its header and its footer; default 40. */
  edge?: number;
  /** Space above the header line; default 24. */
  headerTop?: number;
  content: Content;
}

export const STYLES: StyleDictionary = {
  title: { fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 10, margin: [0, 0, 0, 8] },
  section: { fontSize: 11.5, bold: true, margin: [0, 12, 0, 4] },
  subsection: { fontSize: 10, bold: true, margin: [0, 8, 0, 3] },
  tableHeader: { bold: true, fillColor: '#e8e8e8' },
  small: { fontSize: 7.5 },
  muted: { color: '#555555' },
};

export function subjectLine(subject: PrintedSubject): string {
  // "Biro Hukum Provinsi Jawa Barat" already says where it is.
  if (!subject.provinceName || subject.name.includes(subject.provinceName)) return subject.name;
  return `${subject.name}, Provinsi ${subject.provinceName}`;
}

/** The provenance block under a document's heading: what the figures were made from and when they were settled. */
export function provenanceBlock(provenance: PrintedProvenance): Content {
  const rows: Content[][] = [
    [{ text: 'Versi kerangka', style: 'muted' }, provenance.frameworkVersion],
    [{ text: 'Data per', style: 'muted' }, formatDate(provenance.asOf)],
  ];
  if (provenance.scoreInputHash) {
    rows.push([{ text: 'Hash masukan nilai', style: 'muted' }, { text: provenance.scoreInputHash, fontSize: 7.5 }]);
  }
  return {
    table: { widths: [110, '*'], body: rows },
    layout: 'noBorders',
    fontSize: 8.5,
    margin: [0, 0, 0, 6],
  };
}

export function framedDocument(options: FrameOptions): TDocumentDefinitions {
  const { subject, year, provenance, contentHash } = options;
  const settled = pdfDateOf(provenance.asOf);
  const heading = `${options.title} ${year} · ${subjectLine(subject)}`;
  const edge = options.edge ?? 40;
  const headerTop = options.headerTop ?? 24;
  // pdfkit derives the PDF's file ID from its info dictionary: with no clock in it and the hash as a key, the ID is a
  // function of the content hash alone.
  const info: TDocumentInformation & Record<string, unknown> = {
    title: `${options.title} ${year} - ${subject.name}`,
    author: 'Peduli',
    subject: subjectLine(subject),
    creator: 'Peduli',
    producer: 'Peduli',
    creationDate: settled,
    modDate: settled,
    VerificationCode: contentHash,
  };
  return {
    pageSize: 'A4',
    pageOrientation: options.orientation ?? 'portrait',
    pageMargins: [edge, headerTop + 28, edge, 56],
    info,
    language: 'id-ID',
    defaultStyle: { font: FONT_FAMILY, fontSize: 9, lineHeight: 1.15 },
    styles: STYLES,
    header: () => ({
      text: heading,
      fontSize: 7.5,
      color: '#555555',
      margin: [edge, headerTop, edge, 0],
    }),
    footer: (currentPage, pageCount) => ({
      margin: [edge, 12, edge, 0],
      fontSize: 7,
      color: '#333333',
      stack: [
        {
          columns: [
            { text: `Kode verifikasi: ${contentHash}`, width: '*' },
            { text: `Halaman ${currentPage} dari ${pageCount}`, width: 'auto', alignment: 'right' },
          ],
        },
        {
          text: [
            `Kerangka: ${provenance.frameworkVersion}`,
            provenance.scoreInputHash ? ` · Hash masukan nilai: ${provenance.scoreInputHash}` : '',
          ].join(''),
          color: '#555555',
        },
      ],
    }),
    content: options.content,
  };
}
