import { DocumentCheckReason as R, judgeDocument } from '@peduli/domain';
import { CheckIsolation, CheckSettings, inspectDocument } from '../src/checks';
import { DEFAULT_CHECK_SETTINGS } from '../src/settings';
import { deepObjectPdf, deepPageTreePdf, hugePngHeader, nestedFlatePdf } from './support/bombs';
import * as corpus from './support/corpus';
import { MemorySource } from './support/memory-source';
import { onePagePdf } from './support/pdf-writer';

const MB = 1024 * 1024;
/** Far above what checking any of these files may add to the process, far below what the bombs cost unchecked. */
const MEMORY_MARGIN = 400 * MB;

/**
 * How far the process's resident memory (every thread's heap, native buffers) rose above its level just before
 * `work`, sampled while it ran.
 */
async function rssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const result = await work();
    return { result, growth: Math.max(peak, process.memoryUsage.rss()) - before };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The hostile-input catalogue of the document worker: generated bombs (compressed twice over, a header claiming
 * ten billion pixels, object graphs thousands deep, a zip of zeros, a polyglot) checked as the worker checks them, in
 * check threads. Each gets its verdict and reason, and the process's memory stays within a wide margin of what it
 * used for ordinary files.
 */
describe('hostile documents: bombs get a verdict, and the worker’s memory stays bounded', () => {
  let isolation: CheckIsolation;
  const settings = (): CheckSettings => ({ ...DEFAULT_CHECK_SETTINGS, isolation });
  const verdictOf = async (bytes: Buffer, name: string) => {
    const { sniffed, findings } = await inspectDocument(new MemorySource(bytes), settings(), { recordScanUnavailable: true });
    return { sniffed: sniffed?.mime ?? null, ...judgeDocument({ sizeBytes: bytes.length, originalName: name, declaredMime: null, sniffed, findings }) };
  };

  beforeAll(async () => {
    isolation = new CheckIsolation({ threads: 2, timeoutMs: 15_000, memoryMb: 128 });
    // Both threads started and every kind of check loaded, so what is measured is the bombs' own cost.
    const ordinary = [corpus.validPdf(), await corpus.validPng(), await corpus.validJpeg(), await corpus.validDocx(), await corpus.validXlsx()];
    for (let round = 0; round < 2; round++) await Promise.all(ordinary.map((bytes) => verdictOf(bytes, 'a')));
  });
  afterAll(() => isolation?.close());

  it('rejects a 2 KB PDF whose object stream is deflated twice to 1 GB as DOCUMENT_TOO_COMPLEX, without inflating it', async () => {
    const bomb = await nestedFlatePdf(1024);
    expect(bomb.length).toBeLessThan(4096);
    const { result: verdict, growth } = await rssGrowth(() => verdictOf(bomb, 'laporan.pdf'));
    expect(growth).toBeLessThan(MEMORY_MARGIN);
    expect(verdict).toMatchObject({ sniffed: corpus.MIME.pdf, accepted: false, reasons: [R.DOCUMENT_TOO_COMPLEX] });
    expect(verdict.details.DOCUMENT_TOO_COMPLEX).toBe('its object streams inflate to more than 100 MB (/Filter /FlateDecode /FlateDecode)');
  });

  it('rejects a PNG whose header claims 100000×100000 pixels from the header alone', async () => {
    const { result: verdict, growth } = await rssGrowth(() => verdictOf(hugePngHeader(100_000, 100_000), 'foto.png'));
    expect(growth).toBeLessThan(MEMORY_MARGIN);
    expect(verdict).toMatchObject({ sniffed: corpus.MIME.png, accepted: false, reasons: [R.IMAGE_TOO_LARGE] });
    expect(verdict.details.IMAGE_TOO_LARGE).toBe('100000×100000 pixels, more than 100000000');
  });

  it('rejects a page tree 20,000 levels deep (a /Kids and /Parent chain) as DOCUMENT_TOO_COMPLEX, whatever the stack size', async () => {
    const { result: verdict, growth } = await rssGrowth(() => verdictOf(deepPageTreePdf(20_000), 'sk.pdf'));
    expect(growth).toBeLessThan(MEMORY_MARGIN);
    expect(verdict).toMatchObject({ sniffed: corpus.MIME.pdf, accepted: false, reasons: [R.DOCUMENT_TOO_COMPLEX] });
    expect(verdict.details.DOCUMENT_TOO_COMPLEX).toBe('its page tree is more than 100 levels deep');
  });

  it('accepts an object nested 200,000 deep in arrays and dictionaries: it is parsed without recursion and searched 64 deep', async () => {
    const { result: verdict, growth } = await rssGrowth(() => verdictOf(deepObjectPdf(200_000), 'perda.pdf'));
    expect(growth).toBeLessThan(MEMORY_MARGIN);
    expect(verdict).toMatchObject({ sniffed: corpus.MIME.pdf, accepted: true, reasons: [], flags: [R.UNSCANNED] });
  });

  it('rejects a DOCX holding 20 MB of zeros as ZIP_BOMB while reading its directory', async () => {
    const bomb = await corpus.zipBombDocx();
    const { result: verdict, growth } = await rssGrowth(() => verdictOf(bomb, 'notulen.docx'));
    expect(growth).toBeLessThan(MEMORY_MARGIN);
    expect(verdict).toMatchObject({ sniffed: corpus.MIME.docx, accepted: false, reasons: [R.ZIP_BOMB] });
  });

  it('flags a PDF with an archive appended after its %%EOF (a polyglot) as PDF_TRAILING_DATA, and accepts it', async () => {
    const polyglot = Buffer.concat([corpus.validPdf(), await corpus.plainZip()]);
    const verdict = await verdictOf(polyglot, 'laporan.pdf');
    expect(verdict).toMatchObject({ accepted: true, reasons: [], flags: [R.PDF_TRAILING_DATA, R.UNSCANNED] });
    expect(verdict.details.PDF_TRAILING_DATA).toBe(`${polyglot.length - corpus.validPdf().length + 1} bytes after the last %%EOF`);
  });

  it('still checks ordinary files after the bombs, in the same threads or their replacements', async () => {
    expect(await verdictOf(onePagePdf(), 'a.pdf')).toMatchObject({ accepted: true, reasons: [], flags: [R.UNSCANNED] });
    expect(await verdictOf(await corpus.validPng(), 'a.png')).toMatchObject({ accepted: true, reasons: [] });
  });
});
