import { Programme } from '@peduli/domain';
import type { Segment } from './problems';

/**
 * The spreadsheet layout of a framework file: one sheet per level, the way ministries publish criteria. Row 1 of
 * every sheet holds the column headers below (matched ignoring case and surrounding spaces, in any order); each
 * further row is one entry. Child rows (sub-groups, value bands, choices, success measures) name their parent by
 * code and keep their order. README.md ("Framework files") describes the same layout for users.
 *
 * KKP HAM
 *   Kerangka            kunci | nilai | keterangan          (keys below; keterangan is a note, not read)
 *   Kriteria            kode | nama | kelompok_hak
 *   Subkelompok         kode_kriteria | kode | nama
 *   Indikator           kode | kode_kriteria | kode_subkelompok | teks | jenis | jenis_jawaban | satuan | poin |
 *                       jenis_dokumen (comma list) | min_dokumen | petunjuk | target | batas_target |
 *                       pembulatan_target   (the last three optional: NUMBER/PERCENT scored against a target)
 *   Rentang Nilai       kode_indikator | min | poin
 *   Pilihan             kode_indikator | nilai | poin
 *   Kategori            kategori | min
 *   Penyesuaian         kode | nama | jenis | batas | poin_per_satuan
 * RANHAM
 *   Kerangka            kunci | nilai | keterangan
 *   Kelompok Sasaran    kode | nama
 *   Aksi                kode | tahun | judul | kode_kelompok_sasaran | tingkat_pelapor (comma list) |
 *                       unit_pelaksana (list separated by ";")
 *   Ukuran Keberhasilan kode_aksi | kode_periode | ukuran | kode | jenis_jawaban | target   (the last three optional:
 *                       numbered measures; a file of the old shape has one measure per action and period)
 *   Dokumen Ukuran      kode_ukuran | jenis_dokumen (comma list) | min_dokumen   (one row per document rule)
 *   Periode             kode | bulan_awal | bulan_akhir
 *   Target              tingkat | target
 */

/** How a cell is read and written: text, a number, a comma list of codes, or a ";" list of names. */
export type CellKind = 'text' | 'number' | 'codes' | 'names';

export const LIST_SEPARATORS: Readonly<Record<'codes' | 'names', string>> = { codes: ',', names: ';' };

export interface ColumnDef {
  /** The header in row 1. */
  header: string;
  kind: CellKind;
  width: number;
  /** A column that may be left out of the sheet altogether (its field is optional). */
  optional?: boolean;
}

export interface SheetDef {
  name: string;
  /** Without it the file is refused; an optional sheet left out means "no rows". */
  required: boolean;
  columns: readonly ColumnDef[];
}

/** One row of the Kerangka sheet: a key and where its value goes in the document. */
export interface KeyDef {
  key: string;
  path: readonly Segment[];
  kind: CellKind;
  note: string;
  /** A key whose row may be left out (its field is optional, e.g. absent from files of an earlier shape). */
  optional?: boolean;
}

const column = (header: string, kind: CellKind, width: number, optional = false): ColumnDef => ({ header, kind, width, ...(optional ? { optional } : {}) });

export const FRAMEWORK_SHEET: SheetDef = {
  name: 'Kerangka',
  required: true,
  columns: [column('kunci', 'text', 22), column('nilai', 'text', 60), column('keterangan', 'text', 60, true)],
};

/** The identity keys, common to both programmes. */
export const HEADER_KEYS: readonly KeyDef[] = [
  { key: 'format', path: ['format'], kind: 'text', note: 'Selalu "peduli.framework".' },
  { key: 'versi_format', path: ['formatVersion'], kind: 'number', note: 'Versi tata letak berkas ini: 1.' },
  { key: 'program', path: ['programme'], kind: 'text', note: 'KKP_HAM atau RANHAM.' },
  { key: 'kode_kerangka', path: ['frameworkCode'], kind: 'text', note: 'Kode kerangka, mis. KKP_HAM_PERMENKUMHAM_22_2021.' },
  { key: 'label', path: ['label'], kind: 'text', note: 'Nama versi yang ditampilkan.' },
];

export interface ProgrammeLayout {
  programme: Programme;
  keys: readonly KeyDef[];
  /** Every sheet, Kerangka first, in the order they are written. */
  sheets: readonly SheetDef[];
}

export const KKP_SHEETS = {
  criteria: { name: 'Kriteria', required: true, columns: [column('kode', 'text', 10), column('nama', 'text', 60), column('kelompok_hak', 'text', 14)] },
  subGroups: {
    name: 'Subkelompok',
    required: false,
    columns: [column('kode_kriteria', 'text', 14), column('kode', 'text', 16), column('nama', 'text', 60)],
  },
  indicators: {
    name: 'Indikator',
    required: true,
    columns: [
      column('kode', 'text', 10),
      column('kode_kriteria', 'text', 14),
      column('kode_subkelompok', 'text', 16, true),
      column('teks', 'text', 70),
      column('jenis', 'text', 12),
      column('jenis_jawaban', 'text', 16),
      column('satuan', 'text', 12, true),
      column('poin', 'number', 8),
      column('jenis_dokumen', 'codes', 40),
      column('min_dokumen', 'number', 12),
      column('petunjuk', 'text', 50, true),
      // Points in proportion to a target: min(value / target, cap) x points, rounded NONE, TWO_DECIMALS or WHOLE_POINTS.
      column('target', 'number', 10, true),
      column('batas_target', 'number', 14, true),
      column('pembulatan_target', 'text', 20, true),
    ],
  },
  bands: { name: 'Rentang Nilai', required: false, columns: [column('kode_indikator', 'text', 16), column('min', 'number', 10), column('poin', 'number', 8)] },
  choices: { name: 'Pilihan', required: false, columns: [column('kode_indikator', 'text', 16), column('nilai', 'text', 30), column('poin', 'number', 8)] },
  scoreBands: { name: 'Kategori', required: true, columns: [column('kategori', 'text', 20), column('min', 'number', 10)] },
  adjustments: {
    name: 'Penyesuaian',
    required: false,
    columns: [
      column('kode', 'text', 34),
      column('nama', 'text', 60),
      column('jenis', 'text', 10),
      column('batas', 'number', 8),
      column('poin_per_satuan', 'number', 16, true),
    ],
  },
} satisfies Record<string, SheetDef>;

export const KKP_LAYOUT: ProgrammeLayout = {
  programme: Programme.KKP_HAM,
  keys: [
    ...HEADER_KEYS,
    { key: 'bobot_STRUKTUR', path: ['content', 'rules', 'typeWeights', 'STRUKTUR'], kind: 'number', note: 'Bobot indikator STRUKTUR per kriteria (jumlah ketiga bobot 100).' },
    { key: 'bobot_PROSES', path: ['content', 'rules', 'typeWeights', 'PROSES'], kind: 'number', note: 'Bobot indikator PROSES per kriteria.' },
    { key: 'bobot_HASIL', path: ['content', 'rules', 'typeWeights', 'HASIL'], kind: 'number', note: 'Bobot indikator HASIL per kriteria.' },
  ],
  sheets: [FRAMEWORK_SHEET, ...Object.values(KKP_SHEETS)],
};

export const RANHAM_SHEETS = {
  targetGroups: { name: 'Kelompok Sasaran', required: true, columns: [column('kode', 'text', 26), column('nama', 'text', 50)] },
  actions: {
    name: 'Aksi',
    required: true,
    columns: [
      column('kode', 'text', 14),
      column('tahun', 'number', 8),
      column('judul', 'text', 60),
      column('kode_kelompok_sasaran', 'text', 24),
      column('tingkat_pelapor', 'codes', 26),
      column('unit_pelaksana', 'names', 40),
    ],
  },
  successMeasures: {
    name: 'Ukuran Keberhasilan',
    required: false,
    columns: [
      column('kode_aksi', 'text', 14),
      column('kode_periode', 'text', 14),
      column('ukuran', 'text', 70),
      // Numbered measures: their code (e.g. AKSI-2025-01.B04.1), answer type and, for NUMBER, target. A file of the
      // old shape (one measure per action and period) leaves these columns out.
      column('kode', 'text', 22, true),
      column('jenis_jawaban', 'text', 16, true),
      column('target', 'number', 10, true),
    ],
  },
  measureDocuments: {
    name: 'Dokumen Ukuran',
    required: false,
    columns: [column('kode_ukuran', 'text', 22), column('jenis_dokumen', 'codes', 40), column('min_dokumen', 'number', 12)],
  },
  periods: { name: 'Periode', required: true, columns: [column('kode', 'text', 10), column('bulan_awal', 'number', 12), column('bulan_akhir', 'number', 12)] },
  targets: { name: 'Target', required: true, columns: [column('tingkat', 'text', 12), column('target', 'number', 10)] },
} satisfies Record<string, SheetDef>;

export const RANHAM_LAYOUT: ProgrammeLayout = {
  programme: Programme.RANHAM,
  keys: [
    ...HEADER_KEYS,
    { key: 'bobot_substansi', path: ['content', 'rules', 'substanceWeight'], kind: 'number', note: 'Bobot substansi dalam nilai periode (jumlah dengan bobot administrasi 100).' },
    { key: 'bobot_administrasi', path: ['content', 'rules', 'administrationWeight'], kind: 'number', note: 'Bobot administrasi dalam nilai periode.' },
    {
      key: 'alasan_administratif',
      path: ['content', 'rules', 'administrativeReasons'],
      kind: 'codes',
      note: 'Alasan pengembalian yang menggagalkan kelengkapan administrasi suatu ukuran (mis. MISSING_MINUTES); kosong: bawaan.',
      optional: true,
    },
  ],
  sheets: [FRAMEWORK_SHEET, ...Object.values(RANHAM_SHEETS)],
};

export const LAYOUTS: Readonly<Record<Programme, ProgrammeLayout>> = {
  [Programme.KKP_HAM]: KKP_LAYOUT,
  [Programme.RANHAM]: RANHAM_LAYOUT,
};

/** 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
