import { DocumentCheckReason as R } from '@peduli/domain';
import { join } from 'node:path';
import { CheckIsolation, inspectContent, structureSettings } from '../../src/checks';
import { DEFAULT_CHECK_SETTINGS } from '../../src/settings';
import * as corpus from '../support/corpus';
import { MemorySource } from '../support/memory-source';

const FAKE_THREAD = join(__dirname, '../support/fake-check-thread.js');
const SETTINGS = structureSettings(DEFAULT_CHECK_SETTINGS);
const file = (text: string) => Buffer.from(text, 'latin1');

describe('CheckIsolation: files checked in threads with a time limit and a memory cap', () => {
  const pools: CheckIsolation[] = [];
  const pool = (threads: number, timeoutMs = 60_000, memoryMb = 64, script: string | null = FAKE_THREAD) => {
    const made = new CheckIsolation({ threads, timeoutMs, memoryMb }, script ?? undefined);
    pools.push(made);
    return made;
  };
  afterAll(() => Promise.all(pools.map((made) => made.close())));

  it('rejects a file whose check outlasts the time limit as DOCUMENT_TOO_COMPLEX, keeping the type it sniffed, and goes on', async () => {
    const isolation = pool(1, 300);
    expect(await isolation.inspect(file('HANG'), SETTINGS)).toEqual({
      sniffed: { mime: 'application/pdf', ext: 'pdf' },
      findings: [{ reason: R.DOCUMENT_TOO_COMPLEX, detail: 'the check took longer than 0.3 s' }],
    });
    // The stuck thread was replaced: the next file is checked.
    expect((await isolation.inspect(file('fine'), SETTINGS)).findings).toEqual([]);
  });

  it('rejects a file whose check exhausts the thread’s heap as DOCUMENT_TOO_COMPLEX, and goes on', async () => {
    const isolation = pool(1, 60_000, 32);
    expect((await isolation.inspect(file('HOG'), SETTINGS)).findings).toEqual([
      { reason: R.DOCUMENT_TOO_COMPLEX, detail: 'the check needed more than 32 MB' },
    ]);
    expect((await isolation.inspect(file('fine'), SETTINGS)).findings).toEqual([]);
  });

  it('checks files in parallel: one stuck file does not hold up the others', async () => {
    const isolation = pool(2, 60_000);
    const stuck = isolation.inspect(file('HANG'), SETTINGS);
    const settled: string[] = [];
    void stuck.then(
      () => settled.push('stuck'),
      () => undefined,
    );
    for (let i = 0; i < 5; i++) expect((await isolation.inspect(file(`fine ${i}`), SETTINGS)).findings).toEqual([]);
    expect(settled).toEqual([]);
    await isolation.close();
    await expect(stuck).rejects.toThrow('the document check threads are closed');
  });

  it('throws, rather than judging the file, when a thread fails for a reason of its own (the job is retried)', async () => {
    const isolation = pool(1);
    await expect(isolation.inspect(file('CRASH'), SETTINGS)).rejects.toThrow('a bug in the check thread');
    await expect(pool(1, 60_000, 64, join(__dirname, 'no-such-thread.js')).inspect(file('fine'), SETTINGS)).rejects.toThrow(/Cannot find module/);
    expect((await isolation.inspect(file('fine'), SETTINGS)).findings).toEqual([]);
  });

  it('gives the same verdicts in a thread as in the calling thread (the real check thread)', async () => {
    const isolation = pool(2, 60_000, 256, null);
    const files = [corpus.validPdf(), corpus.truncatedPdf(), await corpus.validPng(), await corpus.truncatedJpeg(), await corpus.zipBombDocx(), await corpus.validXlsx(), corpus.EXE];
    const inThreads = await Promise.all(files.map((bytes) => isolation.inspect(bytes, SETTINGS)));
    const inProcess = await Promise.all(files.map((bytes) => inspectContent(new MemorySource(bytes), SETTINGS)));
    expect(inThreads).toEqual(inProcess);
    expect(inThreads.map(({ findings }) => findings.map((finding) => finding.reason))).toEqual([
      [],
      [R.PDF_UNREADABLE],
      [],
      [R.IMAGE_UNREADABLE],
      [R.ZIP_BOMB],
      [],
      [],
    ]);
  });
});
