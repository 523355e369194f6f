import { PDFDocument } from '@cantoo/pdf-lib';
import { DocumentCheckReason as R } from '@peduli/domain';
import { checkPdf } from '../../src/checks/pdf';
import * as corpus from '../support/corpus';
import { deepPageTreePdf, nestedFlatePdf } from '../support/bombs';
import { onePagePdf } from '../support/pdf-writer';

const reasons = async (bytes: Buffer) => (await checkPdf(bytes)).map((finding) => finding.reason);

describe('checkPdf', () => {
  it('finds nothing wrong with a one-page PDF, nor with pdf-lib’s own output', async () => {
    expect(await checkPdf(corpus.validPdf())).toEqual([]);
    const document = await PDFDocument.create();
    document.addPage([595, 842]).drawText('Notulen');
    expect(await checkPdf(await document.save())).toEqual([]);
  });

  it('rejects a PDF cut in half (no %%EOF) as PDF_UNREADABLE', async () => {
    expect(await checkPdf(corpus.truncatedPdf())).toEqual([
      { reason: R.PDF_UNREADABLE, detail: 'no %%EOF marker at the end: the file is cut short' },
    ]);
  });

  it('accepts %%EOF followed by a little trailing junk, as readers do', async () => {
    expect(await checkPdf(Buffer.concat([corpus.validPdf(), Buffer.alloc(500, 0x20)]))).toEqual([]);
    expect(await reasons(Buffer.concat([corpus.validPdf(), Buffer.alloc(2000, 0x20)]))).toEqual([R.PDF_UNREADABLE]);
  });

  it('rejects a file with a PDF header and %%EOF but no document inside as PDF_UNREADABLE', async () => {
    const [finding] = await checkPdf(corpus.garbagePdf());
    expect(finding.reason).toBe(R.PDF_UNREADABLE);
    expect(finding.detail).toMatch(/^cannot be parsed: |^no document catalog$/);
  });

  it('rejects a page tree without pages as PDF_NO_PAGES, counting leaves rather than trusting /Count', async () => {
    expect(await reasons(corpus.zeroPagePdf())).toEqual([R.PDF_NO_PAGES]);
    expect(await reasons(corpus.lyingCountPdf())).toEqual([R.PDF_NO_PAGES]);
  });

  it('rejects a catalog whose /Pages is not a page tree as PDF_UNREADABLE', async () => {
    const broken = onePagePdf().toString('latin1').replace('/Pages 2 0 R', '/Pages 9 0 R');
    const [finding] = await checkPdf(Buffer.from(broken, 'latin1'));
    expect(finding.reason).toBe(R.PDF_UNREADABLE);
  });

  it('rejects encrypted PDFs as PDF_ENCRYPTED: a real pdf-lib encryption and an owner-password-only lock', async () => {
    expect(await checkPdf(await corpus.encryptedPdf())).toEqual([{ reason: R.PDF_ENCRYPTED }]);
    expect(await checkPdf(corpus.ownerLockedPdf())).toEqual([{ reason: R.PDF_ENCRYPTED }]);
  });

  it.each([
    ['document-level JavaScript (pdf-lib addJavaScript)', () => corpus.javascriptPdf(), '/JavaScript name tree'],
    ['an OpenAction running JavaScript', async () => corpus.openActionJavascriptPdf(), '/JS'],
    ['a page AA action with hex-escaped names (/J#53)', async () => corpus.obfuscatedJavascriptPdf(), '/JS'],
  ])('flags %s as PDF_JAVASCRIPT', async (_label, make, detail) => {
    expect(await checkPdf(await make())).toEqual([{ reason: R.PDF_JAVASCRIPT, detail }]);
  });

  it('flags a /S /JavaScript action without /JS and a bare /JavaScript name tree', async () => {
    expect(await checkPdf(onePagePdf({ catalog: '/OpenAction << /S /JavaScript >> ' }))).toEqual([
      { reason: R.PDF_JAVASCRIPT, detail: '/S /JavaScript action' },
    ]);
    expect(await checkPdf(onePagePdf({ catalog: '/Names << /JavaScript << /Names [] >> >> ' }))).toEqual([
      { reason: R.PDF_JAVASCRIPT, detail: '/JavaScript name tree' },
    ]);
  });

  it.each([
    ['a document attachment (pdf-lib attach)', () => corpus.embeddedFilePdf(), '/EmbeddedFiles'],
    ['a file attachment annotation', async () => corpus.fileAttachmentAnnotationPdf(), '/FileAttachment annotation'],
  ])('flags %s as PDF_EMBEDDED_FILES', async (_label, make, detail) => {
    expect(await checkPdf(await make())).toEqual([{ reason: R.PDF_EMBEDDED_FILES, detail }]);
  });

  it('flags an embedded file stream and a file specification with /EF on their own', async () => {
    expect(await checkPdf(onePagePdf({ extra: ['<< /Type /EmbeddedFile /Length 0 >>\nstream\n\nendstream'] }))).toEqual([
      { reason: R.PDF_EMBEDDED_FILES, detail: '/EmbeddedFile stream' },
    ]);
    expect(await checkPdf(onePagePdf({ extra: ['<< /Type /Filespec /F (a) /EF << /F 7 0 R >> >>', '<< >>'] }))).toEqual([
      { reason: R.PDF_EMBEDDED_FILES, detail: '/Filespec with /EF' },
    ]);
  });

  it('reports both flags together, and flags alongside PDF_NO_PAGES', async () => {
    expect(await reasons(corpus.javascriptAndAttachmentPdf())).toEqual([R.PDF_JAVASCRIPT, R.PDF_EMBEDDED_FILES]);
    const noPagesWithScript = Buffer.from(
      corpus.zeroPagePdf().toString('latin1').replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /JavaScript /JS (1) >>'),
      'latin1',
    );
    // pdf-lib finds objects by scanning, so the edit needs no new cross-reference table.
    expect(await reasons(noPagesWithScript)).toEqual([R.PDF_NO_PAGES, R.PDF_JAVASCRIPT]);
  });

  it('does not flag the words JavaScript or EmbeddedFiles in page text', async () => {
    expect(await checkPdf(onePagePdf({ extra: ['(JavaScript /JS EmbeddedFiles)'] }))).toEqual([]);
  });

  it('flags bytes after the last %%EOF as PDF_TRAILING_DATA, but not trailing whitespace', async () => {
    expect(await checkPdf(Buffer.concat([corpus.validPdf(), Buffer.from('\r\n\n \t\0')]))).toEqual([]);
    expect(await checkPdf(Buffer.concat([corpus.validPdf(), Buffer.from('PK\x03\x04 <script>')]))).toEqual([
      { reason: R.PDF_TRAILING_DATA, detail: '14 bytes after the last %%EOF' },
    ]);
    // An incremental update ends in its own %%EOF: only what follows the last one counts.
    const updated = Buffer.concat([corpus.validPdf(), Buffer.from('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n')]);
    expect(await checkPdf(updated)).toEqual([]);
  });

  it('rejects object streams that would inflate past the limit as DOCUMENT_TOO_COMPLEX, before pdf-lib inflates them', async () => {
    const bomb = await nestedFlatePdf(16);
    expect(await checkPdf(bomb, { maxInflatedBytes: 1024 * 1024 })).toEqual([
      { reason: R.DOCUMENT_TOO_COMPLEX, detail: 'its object streams inflate to more than 1 MB (/Filter /FlateDecode /FlateDecode)' },
    ]);
    // Names may be hex-escaped: /Fl#61teDecode is /FlateDecode.
    const escaped = Buffer.from(bomb.toString('latin1').replace('/Filter [/FlateDecode /FlateDecode]', '/Filter [/Fl#61teDecode /FlateDecode]'), 'latin1');
    expect((await checkPdf(escaped, { maxInflatedBytes: 1024 * 1024 }))[0].reason).toBe(R.DOCUMENT_TOO_COMPLEX);
    // Within the limit, the same file is loaded as usual (its object stream holds no objects).
    expect(await checkPdf(bomb, { maxInflatedBytes: 32 * 1024 * 1024 })).toEqual([]);
  });

  it('loads pdf-lib’s output with object streams under a small inflate limit', async () => {
    const document = await PDFDocument.create();
    for (let i = 0; i < 20; i++) document.addPage([595, 842]).drawText(`Halaman ${i + 1}`);
    const saved = Buffer.from(await document.save({ useObjectStreams: true }));
    expect(saved.toString('latin1')).toContain('/ObjStm');
    expect(await checkPdf(saved, { maxInflatedBytes: 64 * 1024 })).toEqual([]);
  });

  it('rejects a page tree deeper than 100 levels as DOCUMENT_TOO_COMPLEX and reads one of 100', async () => {
    expect(await checkPdf(deepPageTreePdf(100))).toEqual([
      { reason: R.DOCUMENT_TOO_COMPLEX, detail: 'its page tree is more than 100 levels deep' },
    ]);
    expect(await checkPdf(deepPageTreePdf(98))).toEqual([]);
  });

  it('survives deeply nested and self-referencing structures', async () => {
    const deep = '<< /A '.repeat(200) + '1' + ' >>'.repeat(200);
    expect(await checkPdf(onePagePdf({ extra: [deep, '<< /Self 7 0 R /Next 6 0 R >>'] }))).toEqual([]);
  });
});

