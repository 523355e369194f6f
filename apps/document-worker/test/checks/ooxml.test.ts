import { DocumentCheckReason as R } from '@peduli/domain';
import {
  checkOoxml,
  DocumentSource,
  GuardedZip,
  intendedOoxmlKind,
  RATIO_MIN_ENTRY_BYTES,
  ZipBombError,
  ZipInvalidError,
  ZipLimits,
} from '../../src/checks';
import * as corpus from '../support/corpus';
import { MemorySource } from '../support/memory-source';

const LIMITS: ZipLimits = { maxUnzippedBytes: 200 * 1024 * 1024, maxRatio: 100, maxEntries: 10_000 };

/** A source that counts what was read through its streams, as MemorySource does. */
type CountingSource = DocumentSource & { readonly bytesRead: number; readonly opened: number };

/** The same bytes without `bytes`: GuardedZip reads them through range streams, as it reads a stored blob. */
function streamedSource(bytes: Buffer): CountingSource {
  const inner = new MemorySource(bytes);
  return {
    sizeBytes: inner.sizeBytes,
    open: () => inner.open(),
    openRange: (start, end) => inner.openRange(start, end),
    get bytesRead() {
      return inner.bytesRead;
    },
    get opened() {
      return inner.opened;
    },
  };
}

/** Where an entry's central directory record and local header are in an archive. */
interface Records {
  central: number;
  local: number;
}

function recordsOf(archive: Buffer, name: string): Records {
  for (let at = archive.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = archive.indexOf('PK\x01\x02', at + 4, 'latin1')) {
    const nameLength = archive.readUInt16LE(at + 28);
    if (archive.toString('utf8', at + 46, at + 46 + nameLength) === name) return { central: at, local: archive.readUInt32LE(at + 42) };
  }
  throw new Error(`no central directory record for ${name}`);
}

/** A valid DOCX with word/document.xml's records (its data deflated) changed by `patch`. */
async function patchedDocx(patch: (archive: Buffer, at: Records) => void): Promise<Buffer> {
  const archive = await corpus.validDocx();
  const at = recordsOf(archive, 'word/document.xml');
  expect(archive.readUInt16LE(at.central + 10)).toBe(8);
  patch(archive, at);
  return archive;
}

const dataStart = (archive: Buffer, at: Records) => at.local + 30 + archive.readUInt16LE(at.local + 26) + archive.readUInt16LE(at.local + 28);
const declaredSize = (archive: Buffer, at: Records) => archive.readUInt32LE(at.central + 24);
const compressedSize = (archive: Buffer, at: Records) => archive.readUInt32LE(at.central + 20);

/**
 * GuardedZip inflates an archive held in memory (a check thread's source) from the buffer, one call per entry, and any
 * other through yauzl's streams: every case runs both ways and must reach the same verdict.
 */
const PATHS: ReadonlyArray<readonly [string, (bytes: Buffer) => CountingSource]> = [
  ['in memory', (bytes) => new MemorySource(bytes)],
  ['streamed', streamedSource],
];

describe.each(PATHS)('read %s', (_path, sourceOf) => {

  describe('checkOoxml', () => {
    it('accepts a minimal DOCX and XLSX', async () => {
      expect(await checkOoxml(sourceOf(await corpus.validDocx()), 'docx', LIMITS)).toEqual([]);
      expect(await checkOoxml(sourceOf(await corpus.validXlsx()), 'xlsx', LIMITS)).toEqual([]);
    });

    it('requires the kind’s own main part: a DOCX is not a valid XLSX', async () => {
      expect(await checkOoxml(sourceOf(await corpus.validDocx()), 'xlsx', LIMITS)).toEqual([
        { reason: R.OOXML_INVALID, detail: 'missing xl/workbook.xml' },
      ]);
    });

    it.each([
      ['a zip missing [Content_Types].xml', corpus.docxWithoutContentTypes, 'docx', 'missing [Content_Types].xml'],
      ['a DOCX missing word/document.xml', corpus.docxWithoutDocument, 'docx', 'missing word/document.xml'],
      ['an XLSX missing xl/workbook.xml', corpus.xlsxWithoutWorkbook, 'xlsx', 'missing xl/workbook.xml'],
    ] as const)('rejects %s as OOXML_INVALID', async (_label, make, kind, detail) => {
      expect(await checkOoxml(sourceOf(await make()), kind, LIMITS)).toEqual([{ reason: R.OOXML_INVALID, detail }]);
    });

    it('rejects a [Content_Types].xml that is not a Types document', async () => {
      const archive = await corpus.zip([
        { name: '[Content_Types].xml', data: 'hello' },
        { name: 'word/document.xml', data: '<w:document/>' },
      ]);
      expect(await checkOoxml(sourceOf(archive), 'docx', LIMITS)).toEqual([
        { reason: R.OOXML_INVALID, detail: '[Content_Types].xml is not a content types document' },
      ]);
    });

    it('rejects a DOCX with damaged data and one cut short as OOXML_INVALID', async () => {
      const [corrupt] = await checkOoxml(sourceOf(await corpus.corruptDocx()), 'docx', LIMITS);
      expect(corrupt.reason).toBe(R.OOXML_INVALID);
      expect(corrupt.detail).toMatch(/^entry word\/document\.xml: /);
      const [truncated] = await checkOoxml(sourceOf(await corpus.truncatedDocx()), 'docx', LIMITS);
      expect(truncated).toEqual({ reason: R.OOXML_INVALID, detail: expect.stringMatching(/^not a readable zip archive: /) });
    });

    it('rejects bytes that are no zip at all as OOXML_INVALID', async () => {
      const [finding] = await checkOoxml(sourceOf(Buffer.from('PK\x03\x04 not really a zip', 'latin1')), 'docx', LIMITS);
      expect(finding.reason).toBe(R.OOXML_INVALID);
    });

    it('rejects a zip bomb by its declared ratio before inflating anything', async () => {
      const bomb = sourceOf(await corpus.zipBombDocx(100 * 1024 * 1024));
      const [finding] = await checkOoxml(bomb, 'docx', LIMITS);
      expect(finding.reason).toBe(R.ZIP_BOMB);
      expect(finding.detail).toMatch(/^entry word\/media\/image1\.bin declares a compression ratio of \d+, more than 100$/);
      // Only the end of the file (where the central directory is) was read, not the entry data before it.
      expect(bomb.sizeBytes).toBeGreaterThan(90_000);
      expect(bomb.bytesRead).toBeLessThan(bomb.sizeBytes - 20_000);
    });

    it('rejects by total declared size, and accepts the same file under a higher limit', async () => {
      const bulky = await corpus.bulkyDocx(3, 1024 * 1024);
      expect(await checkOoxml(sourceOf(bulky), 'docx', { ...LIMITS, maxUnzippedBytes: 2 * 1024 * 1024 })).toEqual([
        { reason: R.ZIP_BOMB, detail: `declares more than ${2 * 1024 * 1024} bytes uncompressed` },
      ]);
      expect(await checkOoxml(sourceOf(bulky), 'docx', { ...LIMITS, maxUnzippedBytes: 4 * 1024 * 1024 })).toEqual([]);
    });

    it('rejects too many entries', async () => {
      const archive = await corpus.validDocx();
      expect(await checkOoxml(sourceOf(archive), 'docx', { ...LIMITS, maxEntries: 2 })).toEqual([
        { reason: R.ZIP_BOMB, detail: '3 entries, more than 2' },
      ]);
    });

    it('catches an entry that inflates past the size its directory declares, while inflating', async () => {
      const [finding] = await checkOoxml(sourceOf(await corpus.lyingDocx()), 'docx', LIMITS);
      expect(finding.reason).toBe(R.ZIP_BOMB);
      expect(finding.detail).toMatch(/^entry word\/media\/big\.bin/);
    });

    it('does not apply the ratio to small entries (a few KB of spaces compress far beyond 100×)', async () => {
      const archive = await corpus.zip([
        { name: '[Content_Types].xml', data: corpus.DOCX_CONTENT_TYPES },
        { name: 'word/document.xml', data: `<w:document>${' '.repeat(RATIO_MIN_ENTRY_BYTES - 100)}</w:document>` },
      ]);
      expect(await checkOoxml(sourceOf(archive), 'docx', LIMITS)).toEqual([]);
      expect(await checkOoxml(sourceOf(archive), 'docx', { ...LIMITS, maxRatio: 1 })).toEqual([]);
    });
  });

  describe('GuardedZip while inflating', () => {
    it('stops an entry that inflates past its declared size as soon as it does, as a zip bomb', async () => {
      // The directory says 64 KiB and a harmless ratio; the data inflates to 2 MiB.
      const zip = await GuardedZip.open(sourceOf(await corpus.lyingDocx()), LIMITS);
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
      const zip = await GuardedZip.open(sourceOf(await corpus.validDocx()), LIMITS);
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
      const zip = await GuardedZip.open(sourceOf(archive), LIMITS);
      try {
        await expect(zip.inflate()).rejects.toThrow(new ZipInvalidError('entry word/document.xml: CRC-32 mismatch'));
      } finally {
        zip.close();
      }
    });

    it('reads the central directory of a large archive in a few range reads, not one per entry', async () => {
      const entries = Array.from({ length: 500 }, (_, i) => ({ name: `word/media/p${i}.xml`, data: `<p>${i}</p>` }));
      const source = sourceOf(await corpus.zip([{ name: '[Content_Types].xml', data: corpus.DOCX_CONTENT_TYPES }, ...entries]));
      const zip = await GuardedZip.open(source, LIMITS);
      zip.close();
      expect(zip.list()).toHaveLength(501);
      expect(source.opened).toBeLessThan(10);
    });
  });

  describe('intendedOoxmlKind', () => {
    it('recognises a DOCX or XLSX by its main part, even without [Content_Types].xml', async () => {
      expect(await intendedOoxmlKind(sourceOf(await corpus.docxWithoutContentTypes()), LIMITS)).toBe('docx');
      expect(await intendedOoxmlKind(sourceOf(await corpus.validXlsx()), LIMITS)).toBe('xlsx');
    });

    it('says null for any other zip, an unreadable one, and a bomb', async () => {
      expect(await intendedOoxmlKind(sourceOf(await corpus.plainZip()), LIMITS)).toBeNull();
      expect(await intendedOoxmlKind(sourceOf(await corpus.truncatedDocx()), LIMITS)).toBeNull();
      expect(await intendedOoxmlKind(sourceOf(await corpus.zipBombDocx()), LIMITS)).toBeNull();
    });
  });

  describe('GuardedZip on a damaged or unusual archive', () => {
    async function inflateError(archive: Buffer, ...args: Parameters<GuardedZip['inflate']>): Promise<unknown> {
      const zip = await GuardedZip.open(sourceOf(archive), LIMITS);
      try {
        return await zip.inflate(...args).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
      } finally {
        zip.close();
      }
    }

    it.each([
      ['a local header past the end of the archive', (a: Buffer, at: Records) => a.writeUInt32LE(a.length - 10, at.central + 42), /^entry word\/document\.xml: \S/],
      [
        'a local header without its signature',
        (a: Buffer, at: Records) => a.writeUInt32LE(at.local + 1, at.central + 42),
        /^entry word\/document\.xml: invalid local file header signature: 0x[0-9a-f]+$/,
      ],
      [
        'entry data running past the end of the archive',
        (a: Buffer, at: Records) => a.writeUInt16LE(0xffff, at.local + 28),
        /^entry word\/document\.xml: file data overflows file bounds: \d+ \+ \d+ > \d+$/,
      ],
      [
        'a declared size one byte more than the data inflates to',
        (a: Buffer, at: Records) => a.writeUInt32LE(declaredSize(a, at) + 1, at.central + 24),
        /^entry word\/document\.xml: not enough bytes in the stream\. expected \d+\. got only \d+$/,
      ],
      ['a deflate stream of garbage', (a: Buffer, at: Records) => a.fill(0xff, dataStart(a, at), dataStart(a, at) + compressedSize(a, at)), /^entry word\/document\.xml: invalid block type$/],
      [
        'a deflate stream cut short',
        (a: Buffer, at: Records) => a.writeUInt32LE(Math.floor(compressedSize(a, at) / 2), at.central + 20),
        /^entry word\/document\.xml: unexpected end of file$/,
      ],
      [
        'an unsupported compression method (bzip2)',
        (a: Buffer, at: Records) => a.writeUInt16LE(12, at.central + 10),
        /^entry word\/document\.xml: unsupported compression method: 12$/,
      ],
    ] as const)('refuses %s as damaged', async (_label, patch, message) => {
      const error = await inflateError(await patchedDocx(patch));
      expect(error).toBeInstanceOf(ZipInvalidError);
      expect(error).toMatchObject({ reason: 'DAMAGED', message: expect.stringMatching(message) });
    });

    it('refuses an encrypted entry as encrypted', async () => {
      const archive = await patchedDocx((a, at) => a.writeUInt16LE(a.readUInt16LE(at.central + 8) | 1, at.central + 8));
      expect(await inflateError(archive)).toEqual(new ZipInvalidError('entry word/document.xml is encrypted', 'ENCRYPTED'));
      expect(await inflateError(archive)).toMatchObject({ reason: 'ENCRYPTED' });
    });

    it('stops a real deflate stream one byte longer than its declared size, as a zip bomb', async () => {
      const archive = await patchedDocx((a, at) => a.writeUInt32LE(declaredSize(a, at) - 1, at.central + 24));
      const declared = declaredSize(archive, recordsOf(archive, 'word/document.xml'));
      const error = await inflateError(archive);
      expect(error).toBeInstanceOf(ZipBombError);
      expect(error).toMatchObject({
        limit: 'SIZE',
        message: expect.stringMatching(new RegExp(`^entry word/document\\.xml: too many bytes in the stream\\. expected ${declared}\\. got at least ${declared + 1}$`)),
      });
    });

    it('refuses to keep an entry larger than the keep limit, even one lying about its size', async () => {
      expect(await inflateError(await corpus.validDocx(), ['word/document.xml'], 100)).toEqual(
        new ZipInvalidError('entry word/document.xml is larger than 100 bytes'),
      );
      // Its directory says 64 KiB: the keep limit is met first, as the streamed path meets it in its first chunk.
      expect(await inflateError(await corpus.lyingDocx(), ['word/media/big.bin'], 1000)).toEqual(
        new ZipInvalidError('entry word/media/big.bin is larger than 1000 bytes'),
      );
    });

    it('keeps stored and empty entries, as copies that outlive the archive', async () => {
      const archive = await corpus.zip([
        { name: '[Content_Types].xml', data: corpus.DOCX_CONTENT_TYPES, compress: false },
        { name: 'word/document.xml', data: '<w:document/>', compress: false },
        { name: 'empty-stored', data: '', compress: false },
        { name: 'empty-deflated', data: '', compress: true },
      ]);
      const zip = await GuardedZip.open(sourceOf(archive), LIMITS);
      try {
        const kept = await zip.inflate(['word/document.xml', 'empty-stored', 'empty-deflated']);
        archive.fill(0);
        expect(kept).toEqual(
          new Map([
            ['word/document.xml', Buffer.from('<w:document/>')],
            ['empty-stored', Buffer.alloc(0)],
            ['empty-deflated', Buffer.alloc(0)],
          ]),
        );
      } finally {
        zip.close();
      }
    });

    it('does not verify the CRC-32 when told not to', async () => {
      const archive = await corpus.zip([{ name: 'word/document.xml', data: '<w:document/>', compress: false }]);
      archive[archive.indexOf('<w:document/>', 0, 'utf8') + 1] = 'x'.charCodeAt(0);
      expect(await inflateError(archive, [], 0, false)).toBeUndefined();
      expect(await inflateError(archive)).toEqual(new ZipInvalidError('entry word/document.xml: CRC-32 mismatch'));
    });
  });
});

describe('GuardedZip over an archive in memory', () => {
  it('inflates from the buffer, reading nothing more through streams', async () => {
    const archive = await corpus.bulkyDocx(2, 256 * 1024);
    const readWhileInflating = async (source: CountingSource) => {
      const zip = await GuardedZip.open(source, LIMITS);
      try {
        const before = source.bytesRead;
        await zip.inflate();
        return source.bytesRead - before;
      } finally {
        zip.close();
      }
    };
    expect(await readWhileInflating(new MemorySource(archive))).toBe(0);
    expect(await readWhileInflating(streamedSource(archive))).toBeGreaterThan(2 * 256 * 1024);
  });
});
