import { evidenceTargets, periodCodeOf } from '../src/pages/evidence/framework-items';
import { refusalOf } from '../src/pages/evidence/refusal';
import { fileKey, nextUpload, percentSent, uploadQueue, type UploadItem } from '../src/pages/evidence/upload-queue';
import { awaitingVerdicts, describeReason, isEditable, verdictOf, type DocumentView } from '../src/pages/evidence/verdict';

const file = (key: string, sizeBytes = 1000) => ({ key, fileName: `${key}.pdf`, sizeBytes });

describe('the upload queue', () => {
  const twoFiles = uploadQueue([], { type: 'added', files: [file('a'), file('b')] });

  it('adds each picked file once, waiting, and sends them one at a time in order', () => {
    expect(twoFiles.map((i) => [i.key, i.state])).toEqual([
      ['a', 'waiting'],
      ['b', 'waiting'],
    ]);
    expect(uploadQueue(twoFiles, { type: 'added', files: [file('a')] })).toHaveLength(2);
    expect(nextUpload(twoFiles)?.key).toBe('a');
    const sending = uploadQueue(twoFiles, { type: 'started', key: 'a' });
    expect(nextUpload(sending)).toBeUndefined();
    const sent = uploadQueue(sending, { type: 'finished', key: 'a' });
    expect(nextUpload(sent)?.key).toBe('b');
  });

  it('reports progress per file in whole percent, never backwards nor past the file size', () => {
    let items: UploadItem[] = uploadQueue(twoFiles, { type: 'started', key: 'a' });
    items = uploadQueue(items, { type: 'progress', key: 'a', loaded: 505 });
    expect(percentSent(items[0])).toBe(50);
    items = uploadQueue(items, { type: 'progress', key: 'a', loaded: 200 });
    expect(percentSent(items[0])).toBe(50);
    items = uploadQueue(items, { type: 'progress', key: 'a', loaded: 1400 });
    expect(percentSent(items[0])).toBe(100);
    expect(percentSent(items[1])).toBe(0);
    // A waiting file ignores stray progress events.
    expect(uploadQueue(items, { type: 'progress', key: 'b', loaded: 500 })[1].loaded).toBe(0);
  });

  it('keeps a refused file with its reason and moves on to the next', () => {
    let items = uploadQueue(twoFiles, { type: 'started', key: 'a' });
    items = uploadQueue(items, { type: 'failed', key: 'a', error: 'Berkas terlalu besar' });
    expect(items[0]).toMatchObject({ state: 'failed', error: 'Berkas terlalu besar' });
    expect(nextUpload(items)?.key).toBe('b');
    items = uploadQueue(uploadQueue(items, { type: 'started', key: 'b' }), { type: 'finished', key: 'b' });
    expect(percentSent(items[1])).toBe(100);
    expect(uploadQueue(items, { type: 'clearFinished' }).map((i) => i.key)).toEqual(['a']);
  });

  it('tells the same file picked twice apart by its batch', () => {
    const picked = { name: 'perwal.pdf', size: 10, lastModified: 1 };
    expect(fileKey(picked, 1)).not.toBe(fileKey(picked, 2));
  });
});

describe('an upload refused by the API', () => {
  it('shows the field problems beside their fields and on the file', () => {
    const refusal = refusalOf(
      {
        ok: false,
        status: 400,
        error: { statusCode: 400, error: 'Bad Request', code: 'request.invalid', message: 'Permintaan tidak valid.', requestId: 'r', problems: [{ field: 'indicatorCodes', problem: 'Kode X9 tidak ada' }] },
      },
      'offline',
    );
    expect(refusal).toEqual({ fileError: 'Kode X9 tidak ada', fieldProblems: [{ field: 'indicatorCodes', text: 'Kode X9 tidak ada' }] });
  });

  it('shows the message of a refusal without fields, and the network message when there is no answer', () => {
    const tooLarge = refusalOf({ ok: false, status: 413, error: { statusCode: 413, error: 'Payload Too Large', code: 'upload.tooLarge', message: 'Berkas melebihi 25 MB.', requestId: 'r' } }, 'offline');
    expect(tooLarge).toEqual({ fileError: 'Berkas melebihi 25 MB.', fieldProblems: [] });
    expect(refusalOf({ ok: false, status: 0, error: null }, 'offline').fileError).toBe('offline');
  });
});

describe("a document's check verdict", () => {
  const document = (status: DocumentView['status'], checkReasons: string[] = [], checkFlags: string[] = []) => ({ status, checkReasons, checkFlags });

  it('words a refusal with its reasons in Indonesian or English', () => {
    expect(verdictOf(document('REJECTED', ['TYPE_NOT_ALLOWED']), 'id')).toEqual({
      state: 'REJECTED',
      reasons: ['Jenis berkas menurut isinya tidak diizinkan; simpan ulang sebagai jenis yang diizinkan'],
    });
    expect(verdictOf(document('REJECTED', ['TYPE_NOT_ALLOWED']), 'en').reasons[0]).toMatch(/^The file’s real type/);
  });

  it('shows an accepted file with the notes for reviewers, and a waiting one without reasons', () => {
    expect(verdictOf(document('ACCEPTED', [], ['UNSCANNED']), 'id')).toEqual({ state: 'ACCEPTED', reasons: ['Berkas ini tidak dipindai antivirus; buka dengan hati-hati'] });
    expect(verdictOf(document('QUARANTINED'), 'en')).toEqual({ state: 'WAITING', reasons: [] });
  });

  it('shows a reason code it does not know as it is rather than hiding it', () => {
    expect(describeReason('SOMETHING_NEW', 'id')).toBe('SOMETHING_NEW');
  });
});

describe('asking the API again for verdicts', () => {
  const report = (status: Parameters<typeof isEditable>[0]['status'], ...documents: DocumentView['status'][]) => ({
    status,
    documents: documents.map((s) => ({ status: s }) as DocumentView),
  });

  it('polls while the report is sent and a file still waits for the worker', () => {
    expect(awaitingVerdicts(report('SUBMITTED'))).toBe(true);
    expect(awaitingVerdicts(report('CHECKING', 'ACCEPTED'))).toBe(true);
    expect(awaitingVerdicts(report('IN_REVIEW', 'QUARANTINED'))).toBe(true);
  });

  it('stops once every file has its verdict, and never polls a draft (nobody checks it yet)', () => {
    expect(awaitingVerdicts(report('IN_REVIEW', 'ACCEPTED', 'REJECTED'))).toBe(false);
    expect(awaitingVerdicts(report('CHECK_FAILED', 'REJECTED'))).toBe(false);
    expect(awaitingVerdicts(report('DRAFT', 'QUARANTINED'))).toBe(false);
    expect(awaitingVerdicts(undefined)).toBe(false);
  });
});

describe('what a document can back', () => {
  it('lists the RANHAM success measures of the report’s year, period and reporter level, old measures coded by their action', () => {
    const content = {
      actions: [
        { code: 'A1', title: 'Aksi satu', successMeasures: [{ periodCode: 'B04', code: 'A1.1', measure: 'Perda disusun' }, { periodCode: 'B08', code: 'A1.2', measure: 'Perda dibahas' }] },
        { code: 'A2', title: 'Aksi dua', successMeasures: [{ periodCode: 'B08', measure: '' }] },
        { code: 'A3', year: 2025, reporterLevels: ['KL'], title: 'Aksi kementerian', successMeasures: [{ periodCode: 'B08', code: 'A3.1', measure: 'x' }] },
        { code: 'A4', year: 2024, reporterLevels: ['KABKOTA'], title: 'Aksi tahun lalu', successMeasures: [{ periodCode: 'B08', code: 'A4.1', measure: 'x' }] },
      ],
    };
    expect(periodCodeOf('2026-B08')).toBe('B08');
    expect(evidenceTargets('RANHAM', content, '2025-B08', 'KABKOTA')).toEqual([
      { code: 'A1.2', label: 'A1.2 — Perda dibahas' },
      { code: 'A2', label: 'A2 — Aksi dua' },
    ]);
  });

  it('lists the KKP HAM indicators, and nothing for content it cannot read', () => {
    expect(evidenceTargets('KKP_HAM', { indicators: [{ code: 'K1.S1', text: 'Ada Perda HAM' }, { text: 'no code' }] }, '2026-TAHUNAN')).toEqual([
      { code: 'K1.S1', label: 'K1.S1 — Ada Perda HAM' },
    ]);
    expect(evidenceTargets('KKP_HAM', null, '2026-TAHUNAN')).toEqual([]);
  });
});
