import { Readable } from 'node:stream';
import { ClamdClient, ClamdScanError, ClamdUnavailableError } from '../../src/checks';
import * as corpus from '../support/corpus';
import { FakeClamd, refusedUrl } from '../support/fake-clamd';
import { MemorySource } from '../support/memory-source';

describe('ClamdClient against a fake clamd speaking INSTREAM', () => {
  let clamd: FakeClamd;

  beforeAll(async () => {
    clamd = await FakeClamd.start();
  });
  beforeEach(() => {
    clamd.mode = 'scan';
    clamd.scans.length = 0;
  });
  afterAll(() => clamd.stop());

  const client = (options: { timeoutMs?: number; chunkBytes?: number; url?: string } = {}) =>
    new ClamdClient({ url: options.url ?? clamd.url, timeoutMs: options.timeoutMs ?? 5000, chunkBytes: options.chunkBytes });

  it('answers OK for a clean file, which it received whole in length-prefixed chunks', async () => {
    const pdf = corpus.validPdf();
    expect(await client({ chunkBytes: 100 }).scan(new MemorySource(pdf, 250).open())).toEqual({ clean: true });
    expect(clamd.scans).toHaveLength(1);
    expect(clamd.scans[0].command).toBe('zINSTREAM');
    expect(clamd.scans[0].data.equals(pdf)).toBe(true);
    expect(Math.max(...clamd.scans[0].chunkLengths)).toBeLessThanOrEqual(100);
    expect(clamd.scans[0].chunkLengths.reduce((a, b) => a + b, 0)).toBe(pdf.length);
  });

  it('streams a 3 MB file with backpressure and 64 KiB chunks by default', async () => {
    const big = corpus.pseudoRandom(3 * 1024 * 1024, 7);
    expect(await client().scan(new MemorySource(big).open())).toEqual({ clean: true });
    expect(clamd.scans[0].data.equals(big)).toBe(true);
    expect(Math.max(...clamd.scans[0].chunkLengths)).toBeLessThanOrEqual(64 * 1024);
  });

  it('reports the signature when clamd finds malware', async () => {
    expect(await client().scan(Readable.from([corpus.EICAR]))).toEqual({ clean: false, signature: 'Eicar-Signature' });
    expect(await client().scan(new MemorySource(corpus.eicarPdf()).open())).toEqual({ clean: false, signature: 'Eicar-Signature' });
  });

  it('fails closed with ClamdUnavailableError when the connection is refused', async () => {
    const error = await client({ url: await refusedUrl() }).scan(Readable.from([corpus.validPdf()])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClamdUnavailableError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('fails closed with ClamdUnavailableError when clamd never answers, after the timeout', async () => {
    clamd.mode = 'hang';
    const started = Date.now();
    const error = await client({ timeoutMs: 300 }).scan(Readable.from([corpus.validPdf()])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClamdUnavailableError);
    expect((error as Error).message).toMatch(/did not answer within 300 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(3000);
    // It did receive the whole stream: the hang was in the verdict.
    expect(clamd.scans[0].data.equals(corpus.validPdf())).toBe(true);
  });

  it('fails closed with ClamdUnavailableError when clamd hangs up without a reply', async () => {
    clamd.mode = 'hang-up';
    await expect(client().scan(Readable.from([corpus.validPdf()]))).rejects.toBeInstanceOf(ClamdUnavailableError);
  });

  it('treats an ERROR reply (stream over clamd’s size limit) as ClamdScanError, even when clamd hangs up mid-stream', async () => {
    clamd.mode = 'size-limit';
    const big = corpus.pseudoRandom(4 * 1024 * 1024, 3);
    const error = await client().scan(new MemorySource(big).open()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClamdScanError);
    expect((error as Error).message).toBe('clamd refused the stream: INSTREAM size limit exceeded. ERROR');
  });

  it('passes on a failure to read the file itself, which is not clamd’s', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk gone'));
      },
    });
    const error = await client().scan(failing).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ClamdUnavailableError);
    expect((error as Error).message).toBe('disk gone');
  });

  it('answers PING for readiness, and fails when clamd is down', async () => {
    await expect(client().ping()).resolves.toBeUndefined();
    await expect(client({ url: await refusedUrl() }).ping()).rejects.toBeInstanceOf(ClamdUnavailableError);
  });

  it('refuses a URL that is not tcp://host:port', () => {
    expect(() => new ClamdClient({ url: 'http://127.0.0.1:3310', timeoutMs: 1 })).toThrow('tcp://host:port');
    expect(() => new ClamdClient({ url: 'tcp://127.0.0.1', timeoutMs: 1 })).toThrow('tcp://host:port');
  });
});
