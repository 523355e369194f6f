import { DocumentCheckReason as R } from '@peduli/domain';
import { checkOoxml, GuardedZip, intendedOoxmlKind, RATIO_MIN_ENTRY_BYTES, ZipBombError, ZipInvalidError, ZipLimits } from '../../src/checks';
import * as corpus from '../support/corpus';
import { MemorySource } from '../support/memory-source';

const LIMITS: ZipLimits = { maxUnzippedBytes: 200 * 1024 * 1024, maxRatio: 100, maxEntries: 10_000 };

describe('checkOoxml', () => {
  it('accepts a minimal DOCX and XLSX', async () => {
    expect(await checkOoxml(new MemorySource(await corpus.validDocx()), 'docx', LIMITS)).toEqual([]);
    expect(await checkOoxml(new MemorySource(await corpus.validXlsx()), 'xlsx', LIMITS)).toEqual([]);
  });

  it('requires the kind’s own main part: a DOCX is not a valid XLSX', async () => {
    expect(await checkOoxml(new MemorySource(await corpus.validDocx()), 'xlsx', LIMITS)).toEqual([
      { reason: R.OOXML_INVALID, detail: 'missing xl/workbook.xml' },
    ]);
  });

  it.each([
    ['a zip missing [Content_Types].xml', corpus.docxWithoutContentTypes, 'docx', 'missing [Content_Types].xml'],
    ['a DOCX missing word/document.xml', corpus.docxWithoutDocument, 'docx', 'missing word/document.xml'],
    ['an XLSX missing xl/workbook.xml', corpus.xlsxWithoutWorkbook, 'xlsx', 'missing xl/workbook.xml'],
  ] as const)('rejects %s as OOXML_INVALID', async (_label, make, kind, detail) => {
    expect(await checkOoxml(new MemorySource(await make()), kind, LIMITS)).toEqual([{ reason: R.OOXML_INVALID, detail }]);
  });

  it('rejects a [Content_Types].xml that is not a Types document', async () => {
    const archive = await corpus.zip([
      { name: '[Content_Types].xml', data: 'hello' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect(await checkOoxml(new MemorySource(archive), 'docx', LIMITS)).toEqual([
      { reason: R.OOXML_INVALID, detail: '[Content_Types].xml is not a content types document' },
    ]);
  });

  it('rejects a DOCX with damaged data and one cut short as OOXML_INVALID', async () => {
    const [corrupt] = await checkOoxml(new MemorySource(await corpus.corruptDocx()), 'docx', LIMITS);
    expect(corrupt.reason).toBe(R.OOXML_INVALID);
    expect(corrupt.detail).toMatch(/^entry word\/document\.xml: /);
    const [truncated] = await checkOoxml(new MemorySource(await corpus.truncatedDocx()), 'docx', LIMITS);
    expect(truncated).toEqual({ reason: R.OOXML_INVALID, detail: expect.stringMatching(/^not a readable zip archive: /) });
  });

  it('rejects bytes that are no zip at all as OOXML_INVALID', async () => {
    const [finding] = await checkOoxml(new MemorySource(Buffer.from('PK\x03\x04 not really a zip', 'latin1')), 'docx', LIMITS);
    expect(finding.reason).toBe(R.OOXML_INVALID);
  });

  it('rejects a zip bomb by its declared ratio before inflating anything', async () => {
    const bomb = new MemorySource(await corpus.zipBombDocx(100 * 1024 * 1024));
    const [finding] = await checkOoxml(bomb, 'docx', LIMITS);
    expect(finding.reason).toBe(R.ZIP_BOMB);
    expect(finding.detail).toMatch(/^entry word\/media\/image1\.bin declares a compression ratio of \d+, more than 100$/);
    // Only the end of the file (where the central directory is) was read, not the entry data before it.
    expect(bomb.sizeBytes).toBeGreaterThan(90_000);
    expect(bomb.bytesRead).toBeLessThan(bomb.sizeBytes - 20_000);
  });

  it('rejects by total declared size, and accepts the same file under a higher limit', async () => {
    const bulky = await corpus.bulkyDocx(3, 1024 * 1024);
    expect(await checkOoxml(new MemorySource(bulky), 'docx', { ...LIMITS, maxUnzippedBytes: 2 * 1024 * 1024 })).toEqual([
      { reason: R.ZIP_BOMB, detail: `declares more than ${2 * 1024 * 1024} bytes uncompressed` },
    ]);
    expect(await checkOoxml(new MemorySource(bulky), 'docx', { ...LIMITS, maxUnzippedBytes: 4 * 1024 * 1024 })).toEqual([]);
  });

  it('rejects too many entries', async () => {
    const archive = await corpus.validDocx();
    expect(await checkOoxml(new MemorySource(archive), 'docx', { ...LIMITS, maxEntries: 2 })).toEqual([
      { reason: R.ZIP_BOMB, detail: '3 entries, more than 2' },
    ]);
  });

  it('catches an entry that inflates past the size its directory declares, while inflating', async () => {
    const [finding] = await checkOoxml(new MemorySource(await corpus.lyingDocx()), 'docx', LIMITS);
    expect(finding.reason).toBe(R.ZIP_BOMB);
    expect(finding.detail).toMatch(/^entry word\/media\/big\.bin/);
  });

  it('does not apply the ratio to small entries (a few KB of spaces compress far beyond 100×)', async () => {
    const archive = await corpus.zip([
      { name: '[Content_Types].xml', data: corpus.DOCX_CONTENT_TYPES },
      { name: 'word/document.xml', data: `<w:document>${' '.repeat(RATIO_MIN_ENTRY_BYTES - 100)}</w:document>` },
    ]);
    expect(await checkOoxml(new MemorySource(archive), 'docx', LIMITS)).toEqual([]);
    expect(await checkOoxml(new MemorySource(archive), 'docx', { ...LIMITS, maxRatio: 1 })).toEqual([]);
  });
});

describe('GuardedZip while inflating', () => {
  it('stops an entry that inflates past its declared size as soon as it does, as a zip bomb', async () => {
    // The directory says 64 KiB and a harmless ratio; the data inflates to 2 MiB.
    const zip = await GuardedZip.open(new MemorySource(await corpus.lyingDocx()), LIMITS);
    try {
      expect(zip.list().find((entry) => entry.name === 'word/media/big.bin')).toMatchObject({ uncompressedSize: 64 * 1024 });
      const error = await zip.inflate().catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ZipBombError);
      expect((error as Error).message).toMatch(/^entry word\/media\/big\.bin: too many bytes in the stream\. expected 65536\. got at least \d+$/);
      expect(Number(/got at least (\d+)/.exec((error as Error).message)![1])).toBeLessThan(1024 * 1024);
    } finally {
      zip.close();
    }
  });

  it('returns the entries it was asked to keep and verifies every CRC-32', async () => {
    const zip = await GuardedZip.open(new MemorySource(await corpus.validDocx()), LIMITS);
    try {
      const kept = await zip.inflate(['word/document.xml']);
      expect([...kept.keys()]).toEqual(['word/document.xml']);
      expect(kept.get('word/document.xml')!.toString('utf8')).toContain('Notulen rapat koordinasi RANHAM');
      expect(zip.list().map((entry) => entry.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    } finally {
      zip.close();
    }
  });

  it('reports a stored (uncompressed) entry with a wrong CRC-32', async () => {
    const archive = await corpus.zip([
      { name: '[Content_Types].xml', data: corpus.DOCX_CONTENT_TYPES, compress: false },
      { name: 'word/document.xml', data: '<w:document/>', compress: false },
    ]);
    const at = archive.indexOf('<w:document/>', 0, 'utf8');
    archive[at + 1] = 'x'.charCodeAt(0);
    const zip = await GuardedZip.open(new MemorySource(archive), LIMITS);
    try {
      await expect(zip.inflate()).rejects.toThrow(new ZipInvalidError('entry word/document.xml: CRC-32 mismatch'));
    } finally {
      zip.close();
    }
  });

  it('reads the central directory of a large archive in a few range reads, not one per entry', async () => {
    const entries = Array.from({ length: 500 }, (_, i) => ({ name: `word/media/p${i}.xml`, data: `<p>${i}</p>` }));
    const source = new MemorySource(await corpus.zip([{ name: '[Content_Types].xml', data: corpus.DOCX_CONTENT_TYPES }, ...entries]));
    const zip = await GuardedZip.open(source, LIMITS);
    zip.close();
    expect(zip.list()).toHaveLength(501);
    expect(source.opened).toBeLessThan(10);
  });
});

describe('intendedOoxmlKind', () => {
  it('recognises a DOCX or XLSX by its main part, even without [Content_Types].xml', async () => {
    expect(await intendedOoxmlKind(new MemorySource(await corpus.docxWithoutContentTypes()), LIMITS)).toBe('docx');
    expect(await intendedOoxmlKind(new MemorySource(await corpus.validXlsx()), LIMITS)).toBe('xlsx');
  });

  it('says null for any other zip, an unreadable one, and a bomb', async () => {
    expect(await intendedOoxmlKind(new MemorySource(await corpus.plainZip()), LIMITS)).toBeNull();
    expect(await intendedOoxmlKind(new MemorySource(await corpus.truncatedDocx()), LIMITS)).toBeNull();
    expect(await intendedOoxmlKind(new MemorySource(await corpus.zipBombDocx()), LIMITS)).toBeNull();
  });
});
