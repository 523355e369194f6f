import { LocalDiskStorage } from '@peduli/storage';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { READ_ONCE_BYTES, storedDocumentSource } from '../src/check-document';

const collect = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
};

describe('the bytes of a stored document as the checks read them', () => {
  const directory = mkdtempSync(join(tmpdir(), 'peduli-source-'));
  const storage = new LocalDiskStorage(directory);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const store = async (bytes: Buffer) => (await storage.put(Readable.from([bytes]), 10 * READ_ONCE_BYTES)).key;
  const patterned = (length: number) => Buffer.from(Array.from({ length }, (_, i) => (i * 31) % 251));

  it.each([
    ['a small file, read once into memory', 1000],
    ['a file at the read-once limit', READ_ONCE_BYTES],
    ['a larger file, streamed from the store', READ_ONCE_BYTES + 1],
  ])('%s: whole and by range, byte for byte, as often as a check asks', async (_label, length) => {
    const bytes = patterned(length);
    const source = await storedDocumentSource(storage, { storageKey: await store(bytes), sizeBytes: length });
    expect(source.sizeBytes).toBe(length);
    for (let pass = 0; pass < 2; pass++) expect((await collect(source.open())).equals(bytes)).toBe(true);
    expect((await collect(source.openRange(length - 22, length))).equals(bytes.subarray(length - 22))).toBe(true);
    expect((await collect(source.openRange(5, 5))).length).toBe(0);
  });

  it('a stored file that is not the size recorded is read as it really is, not cut to the record', async () => {
    const bytes = patterned(3000);
    const source = await storedDocumentSource(storage, { storageKey: await store(bytes), sizeBytes: 2000 });
    expect((await collect(source.open())).length).toBe(3000);
  });
});
