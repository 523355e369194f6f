import { DocumentCheckReason as R } from '@peduli/domain';
import { Readable } from 'node:stream';
import { checkImage } from '../../src/checks/image';
import * as corpus from '../support/corpus';
import { MemorySource } from '../support/memory-source';

const check = (bytes: Buffer, maxPixels = 1_000_000) => checkImage(new MemorySource(bytes).open(), { maxPixels, maxBytes: 1_000_000 });

describe('checkImage', () => {
  it('decodes a valid PNG and JPEG without findings', async () => {
    expect(await check(await corpus.validPng())).toEqual([]);
    expect(await check(await corpus.validJpeg())).toEqual([]);
  });

  it.each([
    ['a PNG cut at 60%', corpus.truncatedPng],
    ['a JPEG cut at 60%', corpus.truncatedJpeg],
    ['a PNG with a flipped byte (CRC mismatch)', corpus.corruptPng],
    ['a JPEG without its end marker', async () => (await corpus.validJpeg()).subarray(0, -2)],
  ])('rejects %s as IMAGE_UNREADABLE with the decoder’s message', async (_label, make) => {
    const findings = await check(Buffer.from(await make()));
    expect(findings).toHaveLength(1);
    expect(findings[0].reason).toBe(R.IMAGE_UNREADABLE);
    expect(findings[0].detail).toMatch(/\S/);
  });

  it('rejects every JPEG cut just before its end marker, which the decoder alone misses about 6 times in 100', async () => {
    const verdicts = [];
    for (let i = 0; i < 60; i++) verdicts.push((await check((await corpus.validJpeg()).subarray(0, -2))).map((f) => f.reason));
    expect(verdicts.filter((reasons) => reasons.join() !== R.IMAGE_UNREADABLE)).toEqual([]);
  });

  it('accepts a JPEG with bytes after its end marker, as some cameras append', async () => {
    const jpeg = Buffer.concat([await corpus.validJpeg(), Buffer.from('data a camera appended after the image')]);
    expect(await check(jpeg)).toEqual([]);
  });

  it('rejects a header-only PNG (signature and IHDR, no data)', async () => {
    const png = await corpus.validPng();
    expect((await check(png.subarray(0, 33)))[0].reason).toBe(R.IMAGE_UNREADABLE);
  });

  it('rejects an image over the pixel limit as IMAGE_TOO_LARGE from its header, and accepts one at the limit', async () => {
    const png = await corpus.largePng(1200, 1000);
    expect(await check(png, 1_199_999)).toEqual([
      { reason: R.IMAGE_TOO_LARGE, detail: '1200×1000 pixels, more than 1199999' },
    ]);
    expect(await check(png, 1_200_000)).toEqual([]);
  });

  it('throws when the input cannot be read (a storage failure is not the file’s fault)', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk gone'));
      },
    });
    await expect(checkImage(failing, { maxPixels: 1000, maxBytes: 1000 })).rejects.toThrow('disk gone');
  });

  it('refuses to hold more than maxBytes of input', async () => {
    const png = await corpus.validPng();
    await expect(checkImage(new MemorySource(png).open(), { maxPixels: 1000, maxBytes: 100 })).rejects.toThrow('larger than 100 bytes');
  });
});
