import { PDFDocument, PDFFont, PDFPage, StandardFonts } from '@cantoo/pdf-lib';
import { CheckIsolation, CheckSettings, checkStoredDocument, DEFAULT_CHECK_SETTINGS, defaultCheckThreads, DocumentCheck, StoredDocument } from '@peduli/document-worker';
import { DocumentCheckReason as R, FILE_TYPE_CATALOGUE } from '@peduli/domain';
import { LocalDiskStorage } from '@peduli/storage';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { ZipFile } from 'yazl';
import { round, ScenarioResult } from '../results';

/**
 * The corpus comes out the same on every run, so runs can be compared: every file has the same size, and all but the
 * spreadsheets (zip timestamps) and the locked PDFs (random keys) are the same byte for byte.
 */
const SEED = 20250314;
const CONCURRENCY = 4;
const BASELINE_ROUNDS = 3;
/** Files being made at once while the corpus is generated. */
const GENERATION_WINDOW = 3;
const SETTINGS = DEFAULT_CHECK_SETTINGS;
/** The worker's defaults (DOCUMENT_CHECK_TIMEOUT_MS, DOCUMENT_CHECK_MEMORY_MB, one thread per core). */
const ISOLATION = { timeoutMs: 20_000, memoryMb: 256 };
const MB = 1_048_576;

const MIME = {
  pdf: FILE_TYPE_CATALOGUE.pdf.mime,
  jpeg: FILE_TYPE_CATALOGUE.jpeg.mime,
  png: FILE_TYPE_CATALOGUE.png.mime,
  docx: FILE_TYPE_CATALOGUE.docx.mime,
  xlsx: FILE_TYPE_CATALOGUE.xlsx.mime,
  exe: 'application/x-msdownload',
} as const;

interface Expected {
  sniffedMime: string;
  accepted: boolean;
  reasons: R[];
  flags: R[];
}

const accepted = (sniffedMime: string, flags: R[] = []): Expected => ({ sniffedMime, accepted: true, reasons: [], flags });
const rejected = (sniffedMime: string, reason: R): Expected => ({ sniffedMime, accepted: false, reasons: [reason], flags: [] });

interface CorpusFile {
  name: string;
  declaredMime: string;
  bytes: Buffer;
  expect: Expected;
}

interface StoredFile extends StoredDocument {
  kind: string;
  sha256: string;
  expect: Expected;
}

// --- Deterministic randomness ----------------------------------------------------------------------------------------

type Random = ReturnType<typeof random>;

/** mulberry32: small, fast and good enough to vary test content. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    bytes: (length: number) => {
      const out = Buffer.alloc(length);
      for (let i = 0; i < length; i++) out[i] = (next() * 256) | 0;
      return out;
    },
    seed: () => (next() * 0xffffffff) >>> 0,
  };
}

/** Roughly gaussian sensor noise, shared by all images (each starts at its own offset). */
const NOISE_LENGTH = 1 << 22;
function noiseTable(rng: Random, sigma: number): Int8Array {
  const table = new Int8Array(NOISE_LENGTH);
  // The sum of three uniforms on [-1, 1] has a standard deviation of 1.
  for (let i = 0; i < NOISE_LENGTH; i++) table[i] = Math.max(-127, Math.min(127, Math.round((rng.next() + rng.next() + rng.next() - 1.5) * 2 * sigma)));
  return table;
}

// --- Images ----------------------------------------------------------------------------------------------------------

/** A few random waves along one axis, per colour channel: the slow changes of light across a picture. */
function waves(rng: Random, length: number, amplitude: number): Float32Array {
  const out = new Float32Array(length * 3);
  for (let channel = 0; channel < 3; channel++) {
    for (let k = 0; k < 3; k++) {
      const frequency = ((rng.next() * 6 + 0.5) * 2 * Math.PI) / length;
      const phase = rng.next() * 2 * Math.PI;
      const height = rng.next() * amplitude;
      for (let i = 0; i < length; i++) out[i * 3 + channel] += height * Math.sin(frequency * i + phase);
    }
  }
  return out;
}

/**
 * A photo-like picture: light changing across it, patches of colour and sensor noise, so that JPEG compresses it
 * about as much as a phone photo (1.5–3 bits per pixel). Made in one pass, without resampling, to keep generation quick.
 */
function photoPixels(rng: Random, noise: Int8Array, width: number, height: number): Buffer {
  const rows = waves(rng, height, 40);
  const columns = waves(rng, width, 40);
  const cell = 24;
  const gridWidth = Math.ceil(width / cell);
  const patches = new Int8Array(gridWidth * Math.ceil(height / cell) * 3);
  for (let i = 0; i < patches.length; i++) patches[i] = (rng.next() - 0.5) * 80;
  const pixels = new Uint8ClampedArray(width * height * 3);
  let at = rng.int(0, NOISE_LENGTH - 1);
  let i = 0;
  for (let y = 0; y < height; y++) {
    const patchRow = ((y / cell) | 0) * gridWidth;
    for (let x = 0; x < width; x++) {
      const patch = (patchRow + ((x / cell) | 0)) * 3;
      for (let channel = 0; channel < 3; channel++) {
        pixels[i++] = 120 + rows[y * 3 + channel] + columns[x * 3 + channel] + patches[patch + channel] + noise[at];
        at = (at + 1) & (NOISE_LENGTH - 1);
      }
    }
  }
  return Buffer.from(pixels.buffer);
}

const PHONE_EXIF = { IFD0: { Make: 'samsung', Model: 'SM-A155F', Software: 'A155FXXU2AXB1' } };

async function phonePhoto(rng: Random, noise: Int8Array, width: number, height: number, quality: number): Promise<Buffer> {
  return sharp(photoPixels(rng, noise, width, height), { raw: { width, height, channels: 3 } }).jpeg({ quality }).withExif(PHONE_EXIF).toBuffer();
}

/** A greyscale A4 page scan: off-white paper with grain, a letterhead and lines of words. */
function scanPixels(rng: Random, noise: Int8Array, width: number, height: number): Buffer {
  const pixels = new Uint8ClampedArray(width * height);
  let at = rng.int(0, NOISE_LENGTH - 1);
  for (let i = 0; i < pixels.length; i++) {
    pixels[i] = 236 + (noise[at] >> 2);
    at = (at + 1) & (NOISE_LENGTH - 1);
  }
  const ink = (x0: number, y0: number, w: number, h: number, stems: number) => {
    for (let y = y0; y < Math.min(height, y0 + h); y++) {
      for (let x = x0; x < Math.min(width, x0 + w); x++) {
        if ((x * 7 + y * 3 + stems) % 9 < 4) pixels[y * width + x] = 40 + noise[(at++ & (NOISE_LENGTH - 1))];
      }
    }
  };
  const margin = Math.round(width * 0.1);
  const unit = Math.round(width / 100);
  ink(margin, margin, width - 2 * margin, unit * 3, 1);
  ink(margin, margin + unit * 4, width - 2 * margin, Math.max(2, unit >> 2), 0);
  for (let y = margin + unit * 8; y < height - margin; y += unit * 2) {
    if (rng.next() < 0.08) continue;
    let x = margin + (rng.next() < 0.15 ? unit * 4 : 0);
    const end = width - margin - (rng.next() < 0.2 ? rng.int(0, width >> 1) : 0);
    while (x < end) {
      const w = Math.min(end - x, rng.int(unit * 2, unit * 9));
      ink(x, y, w, Math.round(unit * 1.1), rng.int(0, 8));
      x += w + unit;
    }
  }
  return Buffer.from(pixels.buffer);
}

const scanImage = (rng: Random, noise: Int8Array, width: number, height: number) =>
  sharp(scanPixels(rng, noise, width, height), { raw: { width, height, channels: 1 } });

// --- PDF -------------------------------------------------------------------------------------------------------------

const WORDS = (
  'pemerintah kabupaten kota dinas pendidikan kesehatan sosial hak asasi manusia pelaksanaan kegiatan rencana aksi ' +
  'nasional daerah peraturan bupati wali keputusan tentang penyusunan laporan tahun anggaran realisasi program ' +
  'penerima manfaat kelompok rentan perempuan anak penyandang disabilitas masyarakat adat fasilitas pelayanan publik ' +
  'aksesibilitas sosialisasi koordinasi rapat peserta desa kelurahan kecamatan indikator capaian target dokumentasi ' +
  'evaluasi pemantauan sekretariat daerah bagian hukum berdasarkan sebagaimana dimaksud dalam pasal ayat huruf'
).split(' ');

function sentence(rng: Random, words: number): string {
  const text = Array.from({ length: words }, () => rng.pick(WORDS)).join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

async function newPdf(title: string): Promise<PDFDocument> {
  const document = await PDFDocument.create();
  const fixed = new Date('2025-03-14T09:30:00+08:00');
  document.setTitle(title);
  document.setAuthor('Bagian Hukum Sekretariat Daerah');
  document.setCreator('Microsoft Word');
  document.setProducer('Microsoft Word');
  document.setCreationDate(fixed);
  document.setModificationDate(fixed);
  return document;
}

function textPage(document: PDFDocument, font: PDFFont, rng: Random, firstLine = 800): PDFPage {
  const page = document.addPage([595, 842]);
  for (let y = firstLine; y > 60; y -= 14) page.drawText(sentence(rng, rng.int(8, 14)), { x: 60, y, size: 10, font });
  return page;
}

/** A report: pages of text, with documentation photos on some of them. */
async function reportPdf(rng: Random, photos: readonly Buffer[], photoCount: number, pages: number, javascript = false): Promise<PDFDocument> {
  const document = await newPdf('Laporan Pelaksanaan Aksi HAM');
  const font = await document.embedFont(StandardFonts.Helvetica);
  const photoPages = new Set<number>();
  while (photoPages.size < Math.min(photoCount, pages)) photoPages.add(rng.int(0, pages - 1));
  for (let i = 0; i < pages; i++) {
    if (!photoPages.has(i)) {
      textPage(document, font, rng);
      continue;
    }
    const image = await document.embedJpg(rng.pick(photos));
    textPage(document, font, rng, 440).drawImage(image, { x: 90, y: 470, width: 415, height: 311 });
  }
  if (javascript) document.addJavaScript('hitung', 'this.getField("total").value = 0;');
  return document;
}

/** A scanned letter or decree: one greyscale JPEG per page, as a copier's scan-to-PDF makes it. */
async function scannedPdf(rng: Random, scans: readonly Buffer[], pages: number): Promise<Buffer> {
  const document = await newPdf('Scan');
  for (let i = 0; i < pages; i++) {
    const image = await document.embedJpg(rng.pick(scans));
    document.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return Buffer.from(await document.save());
}

// --- Office ----------------------------------------------------------------------------------------------------------

const DISTRICTS = ['Balikpapan Kota', 'Balikpapan Utara', 'Balikpapan Selatan', 'Balikpapan Timur', 'Balikpapan Barat', 'Balikpapan Tengah'];
const AID = ['Bantuan pendidikan', 'Alat bantu dengar', 'Kursi roda', 'Pelatihan kerja', 'Bantuan gizi balita'];
const NAMES = ['Siti', 'Ahmad', 'Dewi', 'Budi', 'Rina', 'Agus', 'Nur', 'Hendra', 'Wati', 'Yusuf', 'Lestari', 'Rahmat'];

/** A list of beneficiaries, the spreadsheet most often uploaded as evidence. */
async function beneficiaryXlsx(rng: Random, rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Dinas Sosial';
  workbook.created = workbook.modified = new Date('2025-03-14T09:30:00+08:00');
  const sheet = workbook.addWorksheet('Penerima manfaat');
  sheet.columns = [
    { header: 'No', key: 'no', width: 6 },
    { header: 'NIK', key: 'nik', width: 20 },
    { header: 'Nama', key: 'name', width: 28 },
    { header: 'L/P', key: 'sex', width: 5 },
    { header: 'Kecamatan', key: 'district', width: 22 },
    { header: 'Jenis bantuan', key: 'aid', width: 24 },
    { header: 'Nilai (Rp)', key: 'amount', width: 14 },
    { header: 'Tanggal', key: 'date', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (let i = 1; i <= rows; i++) {
    sheet.addRow({
      no: i,
      nik: `6471${String(rng.int(0, 999_999_999)).padStart(9, '0')}${rng.int(100, 999)}`,
      name: `${rng.pick(NAMES)} ${rng.pick(NAMES)}`,
      sex: rng.pick(['L', 'P']),
      district: rng.pick(DISTRICTS),
      aid: rng.pick(AID),
      amount: rng.int(5, 300) * 10_000,
      date: new Date(Date.UTC(2025, rng.int(0, 11), rng.int(1, 28))),
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function zip(entries: readonly { name: string; data: Buffer | string }[]): Promise<Buffer> {
  const archive = new ZipFile();
  const mtime = new Date('2025-03-14T09:30:00+08:00');
  for (const { name, data } of entries) archive.addBuffer(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, name, { mtime });
  archive.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    archive.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on('error', reject);
  });
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Meeting minutes: paragraphs of text and the photos taken at the meeting, the parts Word needs to open it. */
function minutesDocx(rng: Random, photos: readonly Buffer[], paragraphs: number, photoCount: number): Promise<Buffer> {
  const body = Array.from({ length: paragraphs }, () => `<w:p><w:r><w:t>${sentence(rng, rng.int(10, 40))}</w:t></w:r></w:p>`).join('');
  const media = Array.from({ length: photoCount }, (_, i) => ({ name: `word/media/image${i + 1}.jpeg`, data: rng.pick(photos) }));
  return zip([
    {
      name: '[Content_Types].xml',
      data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: 'word/document.xml',
      data: `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Notulen Rapat Koordinasi RANHAM</w:t></w:r></w:p>${body}</w:body></w:document>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${media
        .map((part, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/image" Target="${part.name.slice('word/'.length)}"/>`)
        .join('')}</Relationships>`,
    },
    ...media,
  ]);
}

/** Flips bytes inside one entry's compressed data: a download or copy that went wrong. */
function damageEntry(archive: Buffer, name: string): Buffer {
  const damaged = Buffer.from(archive);
  const header = damaged.indexOf(Buffer.from(name, 'utf8')) - 30;
  if (header < 0 || damaged.readUInt32LE(header) !== 0x04034b50) throw new Error(`documents: no local header for ${name}`);
  const data = header + 30 + damaged.readUInt16LE(header + 26) + damaged.readUInt16LE(header + 28);
  for (let i = 16; i < 48; i++) damaged[data + i] ^= 0x5a;
  return damaged;
}

// --- The corpus ------------------------------------------------------------------------------------------------------

/** What the file would look like to an upload form: a name and the MIME type a browser derives from it. */
const upload = (name: string, declaredMime: string, bytes: Buffer, expect: Expected): CorpusFile => ({ name, declaredMime, bytes, expect });

interface Pools {
  noise: Int8Array;
  /** 1280×960 photos, as embedded in reports and minutes. */
  photos: Buffer[];
  /** 150 dpi greyscale A4 scans, as JPEG pages of scanned PDFs. */
  scans: Buffer[];
}

type Generator = (rng: Random, pools: Pools, n: number) => Promise<CorpusFile>;

const PHONE_SIZES: readonly [number, number][] = [
  [1600, 1200],
  [1920, 1440],
  [2000, 1500],
  [2304, 1728],
];
/** A4 at 150 dpi (twice as often) and at 200 dpi. */
const SCAN_SIZES: readonly [number, number][] = [
  [1240, 1754],
  [1240, 1754],
  [1654, 2339],
];

const photoName = (n: number) => `IMG_20250${3 + (n % 6)}${String(10 + (n % 18)).padStart(2, '0')}_${String(80_000 + n * 137).padStart(6, '0')}.jpg`;

async function phoneUpload(rng: Random, pools: Pools): Promise<Buffer> {
  const [long, short] = rng.pick(PHONE_SIZES);
  const portrait = rng.next() < 0.3;
  return phonePhoto(rng, pools.noise, portrait ? short : long, portrait ? long : short, rng.int(84, 92));
}

/** The mix, by kind: how many files of each, and how each is made. Rejected and flagged files are a handful. */
const CORPUS: readonly [kind: string, count: number, make: Generator][] = [
  [
    'pdf',
    64,
    async (rng, pools, n) =>
      upload(`laporan-kegiatan-${n}.pdf`, MIME.pdf, Buffer.from(await (await reportPdf(rng, pools.photos, rng.int(1, 4), rng.int(2, 12))).save()), accepted(MIME.pdf)),
  ],
  ['pdf-scan', 18, async (rng, pools, n) => upload(`sk-scan-${n}.pdf`, MIME.pdf, await scannedPdf(rng, pools.scans, rng.int(2, 5)), accepted(MIME.pdf))],
  ['jpeg', 48, async (rng, pools, n) => upload(photoName(n), MIME.jpeg, await phoneUpload(rng, pools), accepted(MIME.jpeg))],
  [
    'png',
    16,
    async (rng, pools, n) => {
      const [width, height] = rng.pick(SCAN_SIZES);
      return upload(`scan-daftar-hadir-${n}.png`, MIME.png, await scanImage(rng, pools.noise, width, height).png().toBuffer(), accepted(MIME.png));
    },
  ],
  ['xlsx', 12, async (rng, _pools, n) => upload(`penerima-manfaat-${n}.xlsx`, MIME.xlsx, await beneficiaryXlsx(rng, rng.int(200, 3000)), accepted(MIME.xlsx))],
  [
    'docx',
    12,
    async (rng, pools, n) => upload(`notulen-rapat-${n}.docx`, MIME.docx, await minutesDocx(rng, pools.photos, rng.int(20, 400), rng.int(0, 3)), accepted(MIME.docx)),
  ],
  // Accepted, flagged for the reviewer: a form with a calculation script.
  [
    'pdf-javascript',
    2,
    async (rng, pools, n) =>
      upload(`formulir-isian-${n}.pdf`, MIME.pdf, Buffer.from(await (await reportPdf(rng, pools.photos, 1, 3, true)).save()), accepted(MIME.pdf, [R.PDF_JAVASCRIPT])),
  ],
  [
    'exe-as-pdf',
    2,
    async (rng, _pools, n) => {
      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), rng.bytes(rng.int(300_000, 900_000))]);
      return upload(`laporan-akhir-${n}.pdf`, MIME.pdf, exe, rejected(MIME.exe, R.TYPE_NOT_ALLOWED));
    },
  ],
  [
    'pdf-encrypted',
    2,
    async (rng, pools, n) => {
      const document = await reportPdf(rng, pools.photos, 1, rng.int(2, 6));
      document.encrypt({ userPassword: 'rahasia', ownerPassword: 'pemilik', permissions: { printing: 'highResolution' } });
      return upload(`sk-terkunci-${n}.pdf`, MIME.pdf, Buffer.from(await document.save()), rejected(MIME.pdf, R.PDF_ENCRYPTED));
    },
  ],
  [
    'pdf-truncated',
    1,
    async (rng, pools, n) => {
      const whole = Buffer.from(await (await reportPdf(rng, pools.photos, 2, 4)).save());
      return upload(`laporan-terpotong-${n}.pdf`, MIME.pdf, whole.subarray(0, Math.floor(whole.length * 0.6)), rejected(MIME.pdf, R.PDF_UNREADABLE));
    },
  ],
  [
    'jpeg-truncated',
    2,
    async (rng, pools, n) => {
      const whole = await phoneUpload(rng, pools);
      return upload(photoName(900 + n), MIME.jpeg, whole.subarray(0, Math.floor(whole.length * 0.6)), rejected(MIME.jpeg, R.IMAGE_UNREADABLE));
    },
  ],
  ['jpeg-as-png', 2, async (rng, pools, n) => upload(`foto-kegiatan-${n}.png`, MIME.png, await phoneUpload(rng, pools), rejected(MIME.jpeg, R.DECLARED_TYPE_MISMATCH))],
  [
    'docx-damaged',
    1,
    async (rng, pools, n) =>
      upload(`notulen-rusak-${n}.docx`, MIME.docx, damageEntry(await minutesDocx(rng, pools.photos, 200, 1), 'word/document.xml'), rejected(MIME.docx, R.OOXML_INVALID)),
  ],
];

/** Makes the corpus and stores it through LocalDiskStorage as uploads are, in a shuffled order, a few files in memory at a time. */
async function storeCorpus(storage: LocalDiskStorage): Promise<StoredFile[]> {
  const rng = random(SEED);
  const noise = noiseTable(rng, 10);
  const pools: Pools = {
    noise,
    photos: await Promise.all(Array.from({ length: 10 }, () => phonePhoto(random(rng.seed()), noise, 1280, 960, 80))),
    scans: await Promise.all(Array.from({ length: 6 }, () => scanImage(random(rng.seed()), noise, 1240, 1754).jpeg({ quality: 75 }).toBuffer())),
  };
  const plan = CORPUS.flatMap(([kind, count, make]) => Array.from({ length: count }, (_, i) => ({ kind, n: i + 1, make, seed: rng.seed() })));
  for (let i = plan.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [plan[i], plan[j]] = [plan[j], plan[i]];
  }
  // A few files are made at once, so that one's encoding (on libvips' threads) overlaps another's pixels (in JS).
  const making: (Promise<CorpusFile> | undefined)[] = [];
  const start = (i: number) => {
    if (i >= plan.length) return;
    const { make, seed, n } = plan[i];
    making[i] = make(random(seed), pools, n);
    // Awaited below, in order; this only keeps a failure from counting as unhandled while an earlier file is awaited.
    making[i]!.catch(() => undefined);
  };
  for (let i = 0; i < GENERATION_WINDOW; i++) start(i);
  const stored: StoredFile[] = [];
  for (let i = 0; i < plan.length; i++) {
    const file = await making[i]!;
    making[i] = undefined;
    start(i + GENERATION_WINDOW);
    const blob = await storage.put(Readable.from([file.bytes]), SETTINGS.maxUploadBytes);
    const { name: originalName, declaredMime, expect } = file;
    stored.push({ kind: plan[i].kind, storageKey: blob.key, sizeBytes: blob.sizeBytes, sha256: blob.sha256, originalName, declaredMime, expect });
  }
  return stored;
}

// --- Measuring -------------------------------------------------------------------------------------------------------

const check = (storage: LocalDiskStorage, file: StoredFile, settings: CheckSettings) =>
  checkStoredDocument(storage, file, settings, { recordScanUnavailable: true });

/**
 * The worker's verdict must be the one the file was made for, or the figure measures broken checks. Every file is
 * read without antivirus here, so each carries the UNSCANNED flag besides its own.
 */
function verify(files: readonly StoredFile[], checks: readonly DocumentCheck[]): void {
  const wrong = files.flatMap((file, i) => {
    const { sniffed, verdict } = checks[i];
    const got: Expected = { sniffedMime: sniffed?.mime ?? '(none)', accepted: verdict.accepted, reasons: verdict.reasons, flags: verdict.flags };
    const expected: Expected = { ...file.expect, flags: [...file.expect.flags, R.UNSCANNED] };
    return JSON.stringify(got) === JSON.stringify(expected)
      ? []
      : [`${file.originalName} (${file.kind}): expected ${JSON.stringify(file.expect)}, got ${JSON.stringify(got)} ${JSON.stringify(verdict.details)}`];
  });
  if (wrong.length > 0) throw new Error(`documents: ${wrong.length} file(s) judged wrongly:\n  ${wrong.join('\n  ')}`);
}

/** Checks every file, `concurrency` at a time; each file's own time is recorded too (meaningful when sequential). */
async function checkAll(storage: LocalDiskStorage, files: readonly StoredFile[], concurrency: number, settings: CheckSettings) {
  const checks: DocumentCheck[] = new Array(files.length);
  const ms: number[] = new Array(files.length);
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < files.length; i = next++) {
        const fileStarted = performance.now();
        checks[i] = await check(storage, files[i], settings);
        ms[i] = performance.now() - fileStarted;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { checks, ms, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** SHA-256 of every file, streamed from storage as the checks read it; each digest is compared with the one stored. */
async function hashAll(storage: LocalDiskStorage, files: readonly StoredFile[]): Promise<number> {
  const started = performance.now();
  for (const file of files) {
    const hash = createHash('sha256');
    for await (const chunk of storage.open(file.storageKey)) hash.update(chunk as Buffer);
    if (hash.digest('hex') !== file.sha256) throw new Error(`documents: ${file.originalName} does not hash to what was stored`);
  }
  return (performance.now() - started) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `documents`: every file of a 182-file evidence corpus (~150 MB: reports and scans as PDF, phone photos, PNG scans,
 * spreadsheets, minutes, and a few files that must be rejected or flagged) checked exactly as the document worker
 * checks a submission's files: read from LocalDiskStorage, sniffed and inspected (structure, decoding) in the worker's
 * check threads, one per core, as many files at once as there are threads, without antivirus (as with
 * DOCUMENT_SCAN=off), and judged. Value: MB of evidence checked per second; baseline: SHA-256 of the same files
 * streamed from the same storage. Also measured: one file at a time through the threads (what isolation costs a
 * single file) and in the calling thread (the check as it ran before isolation). The corpus is generated from a fixed
 * seed before timing.
 */
export async function documentsScenario(): Promise<ScenarioResult> {
  const directory = mkdtempSync(join(tmpdir(), 'peduli-bench-documents-'));
  const threads = defaultCheckThreads();
  const isolation = new CheckIsolation({ threads, ...ISOLATION });
  const isolated: CheckSettings = { ...SETTINGS, isolation };
  try {
    const storage = new LocalDiskStorage(directory);
    const generationStarted = performance.now();
    const files = await storeCorpus(storage);
    const generationSeconds = (performance.now() - generationStarted) / 1000;
    const bytes = files.reduce((sum, file) => sum + file.sizeBytes, 0);
    const megabytes = bytes / MB;

    // Warm-up: one file of each kind in each thread and in this one, so starting threads, loading libraries and first
    // compilations are not timed.
    const firstOfEach = [...new Map(files.map((file) => [file.kind, file])).values()];
    for (let i = 0; i < threads; i++) await Promise.all(firstOfEach.map((file) => check(storage, file, isolated)));
    for (const file of firstOfEach) await check(storage, file, SETTINGS);
    await hashAll(storage, firstOfEach);

    const baselineRounds: number[] = [];
    for (let i = 0; i < BASELINE_ROUNDS; i++) baselineRounds.push(await hashAll(storage, files));
    const baselineSeconds = median(baselineRounds);
    const asWorker = await checkAll(storage, files, threads, isolated);
    verify(files, asWorker.checks);
    const sequential = await checkAll(storage, files, 1, isolated);
    verify(files, sequential.checks);
    const inProcess = await checkAll(storage, files, 1, SETTINGS);
    verify(files, inProcess.checks);
    const parallel = await checkAll(storage, files, CONCURRENCY, isolated);
    verify(files, parallel.checks);

    const perType: Record<string, { files: number; megabytes: number; msPerFile: number; msPerMegabyte: number; shareOfTime: number }> = {};
    const totalMs = sequential.ms.reduce((sum, ms) => sum + ms, 0);
    for (const kind of new Set(files.map((file) => file.kind))) {
      const indexes = files.flatMap((file, i) => (file.kind === kind ? [i] : []));
      const ms = indexes.reduce((sum, i) => sum + sequential.ms[i], 0);
      const kindMegabytes = indexes.reduce((sum, i) => sum + files[i].sizeBytes, 0) / MB;
      perType[kind] = {
        files: indexes.length,
        megabytes: round(kindMegabytes),
        msPerFile: round(ms / indexes.length),
        msPerMegabyte: round(ms / kindMegabytes),
        shareOfTime: round(ms / totalMs),
      };
    }
    const acceptedCount = asWorker.checks.filter((result) => result.verdict.accepted).length;

    const value = megabytes / asWorker.seconds;
    const baseline = megabytes / baselineSeconds;
    return {
      value,
      unit: 'MB/s',
      baseline,
      ratio: value / baseline,
      checkThreads: threads,
      filesPerSecond: files.length / asWorker.seconds,
      baselineFilesPerSecond: files.length / baselineSeconds,
      files: files.length,
      megabytes,
      accepted: acceptedCount,
      rejected: files.length - acceptedCount,
      // Besides UNSCANNED, which every file carries here.
      flagged: asWorker.checks.filter((result) => result.verdict.flags.some((flag) => flag !== R.UNSCANNED)).length,
      seconds: asWorker.seconds,
      baselineSeconds,
      cpuCoresUsed: asWorker.cpuSeconds / asWorker.seconds,
      sequentialMegabytesPerSecond: megabytes / sequential.seconds,
      sequentialFilesPerSecond: files.length / sequential.seconds,
      inProcessSequentialMegabytesPerSecond: megabytes / inProcess.seconds,
      [`concurrency${CONCURRENCY}MegabytesPerSecond`]: megabytes / parallel.seconds,
      [`concurrency${CONCURRENCY}FilesPerSecond`]: files.length / parallel.seconds,
      [`concurrency${CONCURRENCY}CpuCoresUsed`]: parallel.cpuSeconds / parallel.seconds,
      perType,
      generationSeconds,
    };
  } finally {
    await isolation.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
