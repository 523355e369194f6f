import { DocumentCheckReason as R, FILE_TYPE_CATALOGUE, FILE_TYPE_NAMES, allowedFileTypes } from '@peduli/domain';
import { CheckSettings, ClamdClient, ClamdUnavailableError, inspectDocument } from '../../src/checks';
import { DEFAULT_CHECK_SETTINGS } from '../../src/settings';
import * as corpus from '../support/corpus';
import { FakeClamd, refusedUrl } from '../support/fake-clamd';
import { MemorySource } from '../support/memory-source';

const RETRYING = { recordScanUnavailable: false };
const LAST = { recordScanUnavailable: true };

describe('inspectDocument', () => {
  const settings = (overrides: Partial<CheckSettings> = {}): CheckSettings => ({ ...DEFAULT_CHECK_SETTINGS, ...overrides });

  it('flags every file it reads without an antivirus scan as UNSCANNED, and one that was scanned not', async () => {
    expect(await inspectDocument(new MemorySource(corpus.validPdf()), settings(), LAST)).toEqual({
      sniffed: { mime: 'application/pdf', ext: 'pdf' },
      findings: [{ reason: R.UNSCANNED }],
    });
  });

  it('does not read an empty or oversized file at all', async () => {
    const empty = new MemorySource(Buffer.alloc(0));
    expect(await inspectDocument(empty, settings(), LAST)).toEqual({ sniffed: null, findings: [] });
    const big = new MemorySource(corpus.validPdf());
    expect(await inspectDocument(big, settings({ maxUploadBytes: 100 }), LAST)).toEqual({ sniffed: null, findings: [] });
    expect(empty.opened + big.opened).toBe(0);
  });

  it.each(FILE_TYPE_NAMES)('runs a structural check for the catalogue type %s (a broken file is caught)', async (name) => {
    const broken: Record<string, () => Promise<Buffer> | Buffer> = {
      pdf: corpus.truncatedPdf,
      jpeg: corpus.truncatedJpeg,
      png: corpus.truncatedPng,
      docx: corpus.docxWithoutDocument,
      xlsx: corpus.xlsxWithoutWorkbook,
    };
    const { sniffed, findings } = await inspectDocument(new MemorySource(await broken[name]()), settings(), LAST);
    expect(sniffed?.mime).toBe(FILE_TYPE_CATALOGUE[name].mime);
    expect(findings).toHaveLength(2);
    expect([R.PDF_UNREADABLE, R.IMAGE_UNREADABLE, R.OOXML_INVALID]).toContain(findings[0].reason);
    expect(findings[1]).toEqual({ reason: R.UNSCANNED });
  });

  it('skips the structural check of a type the allowlist leaves out', async () => {
    const onlyPdf = settings({ allowedTypes: allowedFileTypes(['pdf']) });
    expect(await inspectDocument(new MemorySource(await corpus.truncatedPng()), onlyPdf, LAST)).toEqual({
      sniffed: { mime: 'image/png', ext: 'png' },
      findings: [{ reason: R.UNSCANNED }],
    });
  });

  it('calls a zip with word/document.xml but no [Content_Types].xml a DOCX, so its breakage is named', async () => {
    expect(await inspectDocument(new MemorySource(await corpus.docxWithoutContentTypes()), settings(), LAST)).toEqual({
      sniffed: { mime: FILE_TYPE_CATALOGUE.docx.mime, ext: 'docx' },
      findings: [{ reason: R.OOXML_INVALID, detail: 'missing [Content_Types].xml' }, { reason: R.UNSCANNED }],
    });
    expect((await inspectDocument(new MemorySource(await corpus.plainZip()), settings(), LAST)).sniffed).toEqual({
      mime: 'application/zip',
      ext: 'zip',
    });
  });

  describe('with clamd', () => {
    let clamd: FakeClamd;
    beforeAll(async () => {
      clamd = await FakeClamd.start();
    });
    afterAll(() => clamd.stop());

    it('adds MALWARE_FOUND to the structural findings, for allowed and disallowed types alike', async () => {
      const withClamd = settings({ clamd: new ClamdClient({ url: clamd.url, timeoutMs: 2000 }) });
      expect((await inspectDocument(new MemorySource(corpus.eicarPdf()), withClamd, RETRYING)).findings).toEqual([
        { reason: R.MALWARE_FOUND, detail: 'Eicar-Signature' },
      ]);
      expect((await inspectDocument(new MemorySource(corpus.EICAR), withClamd, RETRYING)).findings).toEqual([
        { reason: R.MALWARE_FOUND, detail: 'Eicar-Signature' },
      ]);
      expect((await inspectDocument(new MemorySource(corpus.validPdf()), withClamd, RETRYING)).findings).toEqual([]);
    });

    it('throws ClamdUnavailableError while retries remain, records SCAN_FAILED on the last attempt', async () => {
      const down = settings({ clamd: new ClamdClient({ url: await refusedUrl(), timeoutMs: 2000 }) });
      await expect(inspectDocument(new MemorySource(corpus.validPdf()), down, RETRYING)).rejects.toBeInstanceOf(ClamdUnavailableError);
      const { findings } = await inspectDocument(new MemorySource(corpus.validPdf()), down, LAST);
      expect(findings).toEqual([{ reason: R.SCAN_FAILED, detail: expect.stringMatching(/ECONNREFUSED/) }]);
    });
  });
});
