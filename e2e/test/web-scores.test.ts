import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { eventually, signIn } from '@peduli/testkit';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext } from 'playwright-core';
import { apiCaller, DEMO_PASSWORD, describeIfChromium, expectAccessible, SCREENSHOTS, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { MINIMAL_PDF, PNG_1X1, RunningSystem, createAndSubmit } from './system';

/**
 * A Kanwil reads a score's breakdown in Debian's Chromium at desktop size, against the real system. Through the API,
 * Kota Balikpapan's KKP HAM report (three answers, each with its document) is scored self-assessed by the scoring
 * worker, approved by its coordinator, given a verified value lower than the answer by the Kanwil Kalimantan Timur
 * verifier, and verified by the centre, so the worker scores it again on the verified value. The Kanwil then opens
 * Nilai from Beranda, finds Balikpapan's score, opens it and reads the total, the band and K1.P1's claimed and verified
 * values, which must be what GET /scores/:id/explain and the report say; the gap against the self-assessed score and
 * the history of both scores are on the page. Both pages pass axe and are photographed.
 */
const COORDINATOR = `koordinator.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const KANWIL = `kanwil.kaltim@${DEMO_EMAIL_DOMAIN}`;
const CENTRAL = `verifikator.pusat@${DEMO_EMAIL_DOMAIN}`;
const DESKTOP = { width: 1280, height: 900 };

interface Explanation {
  id: string;
  total: number;
  band: string;
  basis: string;
  submissionId: string;
  breakdown: { indicators: { code: string; points: number }[]; sources: Record<string, string> };
}

describeIfChromium('the web app: a Kanwil reading a score’s breakdown', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let kanwil: string;
  let reportId: string;
  let periodKey: string;

  const call = apiCaller(() => system);
  const view = (token: string, id: string) => call(token, 'GET', `/submissions/${id}`);
  const waitFor = (token: string, id: string, what: string, ready: (submission: Record<string, unknown>) => boolean) =>
    eventually(what, async () => (ready(await view(token, id)) ? true : undefined));

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    const [cycle] = (await call(system.token, 'GET', '/cycles?programme=KKP_HAM')) as unknown as { id: string; year: number }[];
    await call(system.token, 'PUT', `/cycles/${cycle.id}/periods/TAHUNAN`, { deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    periodKey = `${cycle.year}-TAHUNAN`;
    const [coordinator, central] = await Promise.all([signIn(system.apiUrl, COORDINATOR, DEMO_PASSWORD), signIn(system.apiUrl, CENTRAL, DEMO_PASSWORD)]);
    kanwil = await signIn(system.apiUrl, KANWIL, DEMO_PASSWORD);

    // Balikpapan's own report, its documents checked and its answers scored as they were given (self-assessed).
    reportId = await createAndSubmit(
      system.apiUrl,
      system.token,
      { regionCode: '64.71', programme: 'KKP_HAM', periodKey, answers: { 'K1.S1': true, 'K1.P1': 100, 'K1.H1': 120 } },
      [
        { data: MINIMAL_PDF, name: 'perwal-bantuan-hukum.pdf', mime: 'application/pdf', type: 'PERBUP_PERWAL', indicators: ['K1.S1'] },
        { data: Buffer.concat([MINIMAL_PDF, Buffer.from('% laporan\n')]), name: 'laporan-realisasi.pdf', mime: 'application/pdf', type: 'LAPORAN', indicators: ['K1.P1', 'K1.H1'] },
        { data: PNG_1X1, name: 'foto-kegiatan.png', mime: 'image/png', type: 'FOTO' },
      ],
    );
    await waitFor(coordinator, reportId, 'the report is scored and waits for the coordinator', (s) => (s.scores as unknown[]).length === 1 && s.reviewStage === 'COORDINATOR');
    await call(coordinator, 'POST', `/submissions/${reportId}/approve`, {});
    await waitFor(kanwil, reportId, 'the report waits for the Kanwil', (s) => s.reviewStage === 'KANWIL');
    // The Kanwil finds 40% where the report says 100%: the breakdown will set one beside the other.
    await call(kanwil, 'POST', `/submissions/${reportId}/approve`, { verifiedAnswers: { 'K1.P1': 40 } });
    await waitFor(central, reportId, 'the report waits for the centre', (s) => s.reviewStage === 'CENTRAL');
    await call(central, 'POST', `/submissions/${reportId}/approve`, {});
    await waitFor(kanwil, reportId, 'the verified report is scored again', (s) => s.status === 'SCORED' && (s.scores as unknown[]).length === 2);

    context = await browser.newContext({ viewport: DESKTOP, baseURL: system.apiUrl, locale: 'id-ID' });
    context.setDefaultTimeout(15_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  it('the Kanwil opens Balikpapan’s score from Nilai and reads the total, the band and the claimed and verified values the API gives', async () => {
    const page = await context.newPage();
    await signInOnPage(page, KANWIL);
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();

    await page.getByRole('link', { name: 'Lihat nilai pelapor dan rinciannya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nilai pelapor' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/scores');
    const row = page.getByTestId('score-row').filter({ has: page.getByRole('link', { name: 'Kota Balikpapan' }) });
    await row.getByText('Terverifikasi', { exact: true }).waitFor();
    await page.getByTestId('scores-shown').getByText('1–1 dari 1 nilai').waitFor();
    await expectAccessible(page, 'scores', DESKTOP.height);

    // The band filter narrows the list, and says so when nothing is left.
    await page.getByLabel('Kategori').selectOption('PEDULI');
    await page.getByTestId('scores-empty').waitFor();
    await page.getByLabel('Kategori').selectOption('');
    await row.getByRole('link', { name: 'Kota Balikpapan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nilai Kota Balikpapan' }).waitFor();
    const scoreId = new URL(page.url()).pathname.split('/').pop()!;

    // What the page says is what the API explains, and what the report holds.
    const explained = (await call(kanwil, 'GET', `/scores/${scoreId}/explain`)) as unknown as Explanation;
    expect(explained).toMatchObject({ submissionId: reportId, basis: 'VERIFIED' });
    expect(explained.breakdown.sources['K1.P1']).toBe('VERIFIED');
    const total = explained.total.toFixed(2).replace('.', ',');
    await page.getByTestId('score-total').getByText(total, { exact: true }).waitFor();
    const bandWords: Record<string, string> = { PEDULI: 'Peduli HAM', CUKUP_PEDULI: 'Cukup Peduli HAM', MULAI_PEDULI: 'Mulai Peduli HAM', KURANG_PEDULI: 'Kurang Peduli HAM' };
    await page.getByTestId('score-band').getByText(bandWords[explained.band], { exact: true }).waitFor();
    await page.getByTestId('score-target').getByText(/^Peduli HAM: nilai minimal 75,00 — /).waitFor();

    const report = await view(kanwil, reportId);
    expect(report).toMatchObject({ answers: { 'K1.P1': 100 }, verifiedAnswers: { 'K1.P1': 40 } });
    // The breakdown opens on the criterion the Kanwil changed.
    expect(await page.getByLabel('Tampilkan kriteria').inputValue()).toBe('K1');
    const indicator = page.getByTestId('breakdown-K1.P1');
    expect(await indicator.getByTestId('claimed').textContent()).toBe('100');
    expect(await indicator.getByTestId('verified').textContent()).toBe('40');
    expect(await indicator.getByTestId('counted').textContent()).toBe('Nilai verifikator');
    const points = explained.breakdown.indicators.find((item) => item.code === 'K1.P1')!.points;
    await indicator.getByText(new RegExp(`^${String(points).replace('.', ',')} dari `)).waitFor();

    // The gap against the self-assessed score, and both scores in the history with this one marked.
    await page.getByTestId('score-gap').getByText('Verifikator mengubah 1 jawaban: K1.P1.').waitFor();
    await page.getByTestId('score-gap').getByText(/^Nilai penilaian mandiri \d+,\d\d, nilai ini /).waitFor();
    await page.getByRole('img', { name: /^K1 — .*: \d+,\d\d dari 100$/ }).waitFor();
    expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBe(2);
    await page.getByTestId('trend-table').getByText('(nilai yang sedang dilihat)', { exact: false }).waitFor();
    await expectAccessible(page, 'score-breakdown', DESKTOP.height);

    // In English, by the header's switch.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Score of Kota Balikpapan' }).waitFor();
    await page.getByTestId('score-total').getByText(explained.total.toFixed(2), { exact: true }).waitFor();
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nilai Kota Balikpapan' }).waitFor();
    await page.close();
  });

  it('a unit operator who opens /scores is told plainly that the page is not for them', async () => {
    const operator = await context.browser()!.newContext({ viewport: DESKTOP, baseURL: system.apiUrl, locale: 'id-ID' });
    operator.setDefaultTimeout(15_000);
    const page = await operator.newPage();
    await signInOnPage(page, `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`);
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();
    expect(await page.getByTestId('scores-link').count()).toBe(0);
    await page.goto('/scores');
    await page.getByText('Anda tidak memiliki akses ke halaman nilai.').waitFor();
    await operator.close();
  });
});
