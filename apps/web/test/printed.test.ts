import { currentCertificate, pollDelay, printOffers, yearOfPeriod, type PrintedReport, type PrintPhase } from '../src/pages/printed/printed-model';

const GET = jest.fn();
const POST = jest.fn();
jest.mock('../src/auth/session', () => ({ api: { GET: (...args: unknown[]) => GET(...args), POST: (...args: unknown[]) => POST(...args) } }));
const saveDownload = jest.fn((_answer: unknown, name: string) => name);
jest.mock('../src/lib/download', () => ({ saveDownload: (answer: unknown, name: string) => saveDownload(answer, name) }));

// Imported after the mocks, so the flow calls them instead of the network.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { obtainPrinted, requestPrinted } = require('../src/pages/printed/printed-data') as typeof import('../src/pages/printed/printed-data');

function report(overrides: Partial<PrintedReport>): PrintedReport {
  return {
    id: '5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e',
    kind: 'KKP_SCORE_REPORT',
    status: 'PENDING',
    submissionId: null,
    cycleId: null,
    provinceCode: '64',
    regionCode: '64.71',
    organisationId: null,
    fileName: 'Laporan Nilai KKP HAM 2026 - Kota Balikpapan.pdf',
    contentHash: null,
    sizeBytes: null,
    error: null,
    createdAt: '2026-12-10T03:15:00.000Z',
    readyAt: null,
    ...overrides,
  };
}

const ok = (data: unknown) => ({ data, response: { ok: true, status: 200 } });

describe('what a score offers to print', () => {
  const score = { submissionId: 's-1', regionCode: '64.71', organisationId: null };

  it('offers the score report for KKP HAM', () => {
    expect(printOffers('KKP_HAM', score, 'c-1').map((offer) => offer.body)).toEqual([{ kind: 'KKP_SCORE_REPORT', submissionId: 's-1' }]);
  });

  it('offers the period report and, once the cycle is known, the yearly summary of the regency/city or the organisation', () => {
    expect(printOffers('RANHAM', score, null).map((offer) => offer.kind)).toEqual(['RANHAM_PERIOD_REPORT']);
    expect(printOffers('RANHAM', score, 'c-1').map((offer) => offer.body)).toEqual([
      { kind: 'RANHAM_PERIOD_REPORT', submissionId: 's-1' },
      { kind: 'RANHAM_YEAR_SUMMARY', cycleId: 'c-1', regionCode: '64.71' },
    ]);
    expect(printOffers('RANHAM', { submissionId: 's-2', regionCode: null, organisationId: 'o-1' }, 'c-1')[1].body).toEqual({
      kind: 'RANHAM_YEAR_SUMMARY',
      cycleId: 'c-1',
      organisationId: 'o-1',
    });
  });

  it('reads the cycle year from a period key', () => {
    expect(yearOfPeriod('2026-TAHUNAN')).toBe(2026);
    expect(yearOfPeriod('2025-B08')).toBe(2025);
    expect(yearOfPeriod('TAHUNAN')).toBeNull();
  });
});

describe('the certificate a regency/city is offered', () => {
  it('is the newest made one, or the newest while it is being made, or none', () => {
    const old = report({ id: 'old', kind: 'CERTIFICATE', status: 'READY' });
    const failed = report({ id: 'failed', kind: 'CERTIFICATE', status: 'FAILED' });
    const pending = report({ id: 'pending', kind: 'CERTIFICATE', status: 'PENDING' });
    expect(currentCertificate([])).toBeNull();
    expect(currentCertificate([pending, old])?.id).toBe('pending');
    expect(currentCertificate([failed, old])?.id).toBe('old');
    expect(currentCertificate([failed])?.id).toBe('failed');
  });
});

describe('taking a document from its request to the saved file', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    GET.mockReset();
    POST.mockReset();
    saveDownload.mockClear();
  });
  afterEach(() => jest.useRealTimers());

  async function run(start: () => Promise<PrintedReport>, signal = new AbortController().signal): Promise<PrintPhase[]> {
    const phases: PrintPhase[] = [];
    const done = obtainPrinted(start, (phase) => phases.push(phase), signal);
    for (let i = 0; i < 20; i++) await jest.advanceTimersByTimeAsync(pollDelay(i));
    await done;
    return phases;
  }

  it('waits while the document is being made, then downloads it under its name', async () => {
    GET.mockResolvedValueOnce(ok(report({}))).mockResolvedValueOnce(ok(report({ status: 'READY' })));
    GET.mockResolvedValueOnce(ok(new Blob(['%PDF-'])));
    const phases = await run(() => Promise.resolve(report({})));
    expect(phases.map((phase) => phase.phase)).toEqual(['requesting', 'preparing', 'preparing', 'downloading', 'saved']);
    expect(phases.at(-1)).toEqual({ phase: 'saved', fileName: 'Laporan Nilai KKP HAM 2026 - Kota Balikpapan.pdf' });
    expect(GET.mock.calls.map((call) => call[0])).toEqual([
      '/api/v1/printed-reports/{id}',
      '/api/v1/printed-reports/{id}',
      '/api/v1/printed-reports/{id}/content',
    ]);
  });

  it('stops on FAILED with the reason and downloads nothing', async () => {
    GET.mockResolvedValueOnce(ok(report({ status: 'FAILED', error: 'The framework version is missing' })));
    const phases = await run(() => Promise.resolve(report({})));
    expect(phases.at(-1)).toEqual({ phase: 'failed', reason: 'The framework version is missing' });
    expect(saveDownload).not.toHaveBeenCalled();
  });

  it('downloads at once what is already made', async () => {
    GET.mockResolvedValueOnce(ok(new Blob(['%PDF-'])));
    const phases = await run(() => Promise.resolve(report({ status: 'READY' })));
    expect(phases.map((phase) => phase.phase)).toEqual(['requesting', 'downloading', 'saved']);
  });

  it('says nothing more once the page is left', async () => {
    const controller = new AbortController();
    GET.mockImplementation(async () => {
      controller.abort();
      return ok(report({ status: 'READY' }));
    });
    const phases = await run(() => Promise.resolve(report({})), controller.signal);
    expect(phases.map((phase) => phase.phase)).toEqual(['requesting', 'preparing']);
    expect(saveDownload).not.toHaveBeenCalled();
  });

  it('throws the API’s words when the request is refused', async () => {
    POST.mockResolvedValueOnce({
      error: { statusCode: 409, error: 'Conflict', message: 'Laporan ini belum dinilai.' },
      response: { ok: false, status: 409 },
    });
    await expect(requestPrinted({ kind: 'KKP_SCORE_REPORT', submissionId: 's-1' })).rejects.toThrow('Laporan ini belum dinilai.');
  });
});
