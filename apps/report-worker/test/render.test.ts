import { canonicalJson } from '@peduli/domain';
import { pdfText } from '@peduli/testkit';
import { contentHashOf } from '../src/render/content-hash';
import { ContentHashMismatchError, renderDocument } from '../src/render/render-document';
import type { PrintedDocumentInput } from '../src/documents/inputs';
import { certificate, kkpScoreReport, LONG_REJECTION, ranhamPeriodReport, ranhamYearSummary, SCORE_INPUT_HASH } from './render-fixtures';

/** Text as one line per run of whitespace, so a sentence wrapped over several lines reads as it was written. */
const flat = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

async function render(input: PrintedDocumentInput): Promise<{ pages: string[]; text: string; hash: string; bytes: Buffer }> {
  const bytes = await renderDocument(input);
  const pages = await pdfText(bytes);
  return { pages, text: flat(pages), hash: contentHashOf(input), bytes };
}

function expectStampedPages(pages: string[], hash: string): void {
  pages.forEach((page, index) => {
    expect(page).toContain(`Kode verifikasi: ${hash}`);
    expect(page).toContain(`Halaman ${index + 1} dari ${pages.length}`);
  });
}

describe('KKP HAM score report', () => {
  it('prints the total, band, criteria, indicators, adjustments and decree as the breakdown has them', async () => {
    const input = kkpScoreReport();
    const { pages, text, hash } = await render(input);

    expect(text).toContain('Laporan Nilai Kabupaten/Kota Peduli HAM');
    expect(text).toContain('Kota Balikpapan, Provinsi Kalimantan Timur');
    expect(text).toContain('Nilai akhir 82,50');
    expect(text).toContain('Kategori Peduli HAM');
    expect(text).toContain('Nilai penilaian mandiri 88,10');
    expect(text).toContain('Nilai sebelum penyesuaian 79,50');
    for (const [index, criterion] of input.criteria.entries()) {
      const score = (61.234567 + index * 3.111).toFixed(2).replace('.', ',');
      expect(text).toContain(`Kriteria ${criterion.code}: ${criterion.name} (nilai ${score})`);
      for (const line of criterion.indicators) {
        expect(text).toContain(line.code);
      }
    }
    // K1.S1: 10 points, claimed "Ya", not rejected, counted in full.
    expect(text).toMatch(/K1\.S1 .*STRUKTUR Ya - 10 \/ 10/);
    // K1.P1 (the second indicator): verified "Tidak", half a point off.
    expect(text).toContain('PROSES 82,5 Tidak 9,5 / 10 -');
    expect(text).toContain('P1 Pengaduan pelanggaran HAM yang terbukti -1,50 Tidak Dua pengaduan terbukti');
    expect(text).toContain('P2 Inovasi layanan HAM +4,50 Ya -');
    expect(text).toContain('Keputusan Nomor M.HA-17.HA.01.02 TAHUN 2026 tanggal 10 Desember 2026');
    expect(text).toContain('Versi kerangka Permen HAM 2025 (versi 3)');
    expect(text).toContain(SCORE_INPUT_HASH);
    // asOf is 9 December 17:30 UTC, already 10 December in WIB.
    expect(text).toContain('Data per 10 Desember 2026');
    expect(text).not.toContain('9 Desember 2026');
    expect(pages[0]).toContain('Laporan Nilai Kabupaten/Kota Peduli HAM 2026 · Kota Balikpapan');
    expectStampedPages(pages, hash);
  });

  it('says a result without a decree is not final', async () => {
    const { text } = await render(kkpScoreReport(1, { decree: null, selfAssessedTotal: null }));
    expect(text).toContain('Status Sementara (belum ada keputusan)');
    expect(text).toContain('Nilai penilaian mandiri Tidak tersedia');
    expect(text).toContain('belum final');
    expect(text).not.toContain('Keputusan Nomor');
  });

  it('lays 120 indicators over a fixed number of stamped pages, each indicator once, long texts wrapped whole', async () => {
    const input = kkpScoreReport(4);
    expect(input.criteria.flatMap((criterion) => criterion.indicators)).toHaveLength(120);
    const { pages, text, hash } = await render(input);

    expect(pages).toHaveLength(EXPECTED_120_PAGES);
    expectStampedPages(pages, hash);
    for (const line of input.criteria.flatMap((criterion) => criterion.indicators)) {
      const escaped = line.code.replace(/\./g, '\\.');
      expect(text.match(new RegExp(`(^| )${escaped} `, 'g'))).toHaveLength(1);
    }
    // The reason is far wider than its column: every word of it is printed, in order, over several lines.
    expect(text).toContain(LONG_REJECTION);
    const page = pages.find((candidate) => flat([candidate]).includes(LONG_REJECTION))!;
    expect(page.split('\n').filter((row) => row.trim() && LONG_REJECTION.includes(row.trim())).length).toBeGreaterThan(3);
  });
});

/** Measured once and pinned: a layout change that moves it is a change to what people print, made on purpose. */
const EXPECTED_120_PAGES = 8;

describe('RANHAM period report', () => {
  it('prints each action with its measures, achievements and documents, then the period score', async () => {
    const input = ranhamPeriodReport();
    const { pages, text, hash } = await render(input);
    expect(text).toContain('Laporan Pelaksanaan Aksi HAM');
    expect(text).toContain('Biro Hukum Provinsi Jawa Barat');
    expect(text).toContain('B06 Triwulan II / Periode Juni');
    expect(text).toContain('Aksi A1: Penyediaan layanan pengaduan bagi penyandang disabilitas');
    expect(text).toContain('Kelompok sasaran: Penyandang disabilitas');
    expect(text).toContain('Aksi A2: Pendataan kelompok rentan di tingkat desa');
    expect(text).toContain('Kelompok sasaran: Masyarakat adat');
    expect(text).toContain('12 dari 20 (60,00%)');
    expect(text).toContain('Ditolak: Daftar hadir pelatihan tidak dilampirkan');
    // File names break at their hyphens when the column is narrower than they are; read them without the breaks.
    const unbroken = text.replace(/- /g, '-');
    for (const file of ['sk-kanal-pengaduan-2026.pdf', 'foto-loket-aksesibel.jpg', 'rekap-pendataan-desa-triwulan-ii.xlsx']) {
      expect(unbroken).toContain(file);
    }
    expect(text).toContain('Nilai substansi 71,25');
    expect(text).toContain('Nilai administrasi 90,50');
    expect(text).toContain('Nilai total 77,03');
    expect(text).toContain('Target 70,00');
    expect(text).toContain('Kedudukan Memenuhi target');
    expect(text).not.toContain('Hash masukan nilai');
    expectStampedPages(pages, hash);
  });

  it('breaks a name with no space in it over lines rather than cutting it at the column edge', async () => {
    const name = `${'laporan_pelaksanaan_aksi_ham_'.repeat(6)}lampiran.pdf`;
    const input = ranhamPeriodReport();
    input.actions[0].measures[0].documents = [name];
    const { text } = await render(input);
    expect(text.replace(/\s+/g, '')).toContain(name);
  });
});

describe('RANHAM yearly summary', () => {
  it('prints one row per period and the yearly score against the target', async () => {
    const { pages, text, hash } = await render(ranhamYearSummary());
    expect(pages).toHaveLength(1);
    expect(text).toContain('Kementerian Hukum');
    expect(text).toContain('B03 Triwulan I / Periode Maret 64,40 Di bawah target 2 April 2026 Terlambat');
    // 03:15 UTC is 10:15 WIB, the same day.
    expect(text).toContain('B06 Triwulan II / Periode Juni 77,03 Memenuhi target 28 Juni 2026 -');
    expect(text).toContain('B09 Triwulan III / Periode September - - Belum disampaikan');
    expect(text).toContain('Nilai tahunan 70,72');
    expect(text).toContain('Target 70,00');
    expect(text).toContain('Memenuhi target');
    expectStampedPages(pages, hash);
  });
});

describe('certificate', () => {
  it('is one landscape page naming the regency/city, the year, the decree and the signatory', async () => {
    const { pages, text, hash, bytes } = await render(certificate());
    expect(pages).toHaveLength(1);
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.8\d+ 595\.2\d+\]/);
    expect(text).toContain('PIAGAM PENGHARGAAN');
    expect(text).toContain('Kota Balikpapan');
    expect(text).toContain('Kabupaten/Kota Peduli HAM Tahun 2026');
    expect(text).toContain('Keputusan Nomor M.HA-17.HA.01.02 TAHUN 2026 tanggal 10 Desember 2026');
    expect(text).toContain('Menteri Hak Asasi Manusia Republik Indonesia');
    expectStampedPages(pages, hash);
  });
});

describe('determinism and the content hash', () => {
  it.each([
    ['a score report', kkpScoreReport()],
    ['a period report', ranhamPeriodReport()],
    ['a yearly summary', ranhamYearSummary()],
    ['a certificate', certificate()],
  ])('renders %s to the same bytes every time, dated from the data', async (_name, input) => {
    const first = await renderDocument(input);
    const second = await renderDocument(structuredClone(input));
    expect(second.equals(first)).toBe(true);
    const raw = first.toString('latin1');
    // CreationDate and ModDate, written as two objects.
    expect(raw.match(/\(D:20261209173000Z\)/g)).toHaveLength(2);
  });

  it('gives a changed figure a different hash and different bytes', async () => {
    const before = kkpScoreReport();
    const after = kkpScoreReport();
    after.criteria[2].indicators[1].points -= 0.5;
    expect(contentHashOf(after)).not.toBe(contentHashOf(before));
    expect(contentHashOf(after)).toMatch(/^[0-9a-f]{64}$/);
    const [a, b] = await Promise.all([renderDocument(before), renderDocument(after)]);
    expect(a.equals(b)).toBe(false);
    expect(flat(await pdfText(b))).toContain(`Kode verifikasi: ${contentHashOf(after)}`);
  });

  it('leaves the stamp itself out of the hash, so a filled-in stamp prints the same document', async () => {
    const blank = certificate();
    const stamped = certificate({ provenance: { ...blank.provenance, contentHash: contentHashOf(blank) } });
    expect(contentHashOf(stamped)).toBe(contentHashOf(blank));
    expect((await renderDocument(stamped)).equals(await renderDocument(blank))).toBe(true);
  });

  it.each([
    ['a score report', kkpScoreReport()],
    ['a period report', ranhamPeriodReport()],
    ['a yearly summary', ranhamYearSummary()],
    ['a certificate', certificate()],
  ])('leaves %s as it was given (the pipeline stores and hashes the same object)', async (_name, input) => {
    const before = canonicalJson(input);
    await renderDocument(input);
    expect(canonicalJson(input)).toBe(before);
  });

  it('refuses a stamp that is not the hash of the content', async () => {
    const input = certificate();
    const stale = { ...input, provenance: { ...input.provenance, contentHash: contentHashOf({ ...input, total: 90 }) } };
    await expect(renderDocument(stale)).rejects.toBeInstanceOf(ContentHashMismatchError);
  });
});

describe('pdfText', () => {
  it('rejects bytes that are not a PDF, saying why, rather than reading no text', async () => {
    await expect(pdfText(Buffer.from('%PDF-1.3 but nothing after it'))).rejects.toThrow(/Reading the PDF's text failed \(exit 1\): .+/);
  });
});
