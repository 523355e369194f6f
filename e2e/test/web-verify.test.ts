import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { MINIMAL_PDF, eventually, signIn, uploadEvidence } from '@peduli/testkit';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiCaller, DEMO_PASSWORD, describeIfChromium, expectAccessible, SCREENSHOTS, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { RunningSystem } from './system';

/**
 * The Kanwil verifies in Debian's Chromium at desktop size against the real system. Through the API, the Dinkes
 * Balikpapan unit's KKP HAM input (two answers, each with its document) is approved by its head and the coordinator,
 * compiled into Kota Balikpapan's report, submitted, checked and approved by the coordinator. The Kanwil Kalimantan
 * Timur verifier finds it in Tinjauan by the city's name, proposes a verified value for one indicator and rejects
 * another (refused first without a reason), and approves; the API then has the report at the central stage with that
 * value and rejection, in the submission and in the Kanwil's review. The page then reads in English and back.
 */
const OPERATOR = `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const UNIT_HEAD = `kepala.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const COORDINATOR = `koordinator.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const KANWIL = `kanwil.kaltim@${DEMO_EMAIL_DOMAIN}`;
const DESKTOP = { width: 1280, height: 900 };
/** A second, different PDF: the compilation brings a unit's documents by their stored bytes, so equal files would be one. */
const OTHER_PDF = Buffer.from(MINIMAL_PDF.toString('latin1').replace('595 842', '842 595'), 'latin1');

describeIfChromium('the web app: the Kanwil verifies a regency/city report with a verified value and a rejection', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let reportId: string;
  let periodKey: string;
  let coordinator: string;

  const call = apiCaller(() => system);
  const waitFor = (token: string, id: string, what: string, ready: (view: Record<string, unknown>) => boolean) =>
    eventually(what, async () => (ready(await call(token, 'GET', `/submissions/${id}`)) ? true : undefined));

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    const cycles = (await call(system.token, 'GET', '/cycles?programme=KKP_HAM')) as unknown as { id: string; year: number }[];
    await call(system.token, 'PUT', `/cycles/${cycles[0].id}/periods/TAHUNAN`, { deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    periodKey = `${cycles[0].year}-TAHUNAN`;
    const [operator, head] = await Promise.all([signIn(system.apiUrl, OPERATOR, DEMO_PASSWORD), signIn(system.apiUrl, UNIT_HEAD, DEMO_PASSWORD)]);
    coordinator = await signIn(system.apiUrl, COORDINATOR, DEMO_PASSWORD);

    // The unit's input: a regulation for K1.S1 and a budget document for K1.P1, checked, then approved twice.
    const organisationId = ((await call(operator, 'GET', '/auth/me')).user as { organisationId: string }).organisationId;
    const input = (await call(operator, 'POST', '/submissions', { organisationId, programme: 'KKP_HAM', periodKey, answers: { 'K1.S1': true, 'K1.P1': 80 } })).id as string;
    await uploadEvidence(system.apiUrl, operator, input, MINIMAL_PDF, 'perwal-ham.pdf', 'application/pdf', 'PERBUP_PERWAL', ['K1.S1']);
    await uploadEvidence(system.apiUrl, operator, input, OTHER_PDF, 'dpa-ham.pdf', 'application/pdf', 'DPA', ['K1.P1']);
    await call(operator, 'POST', `/submissions/${input}/submit`);
    await waitFor(head, input, 'the input waits for the unit head', (view) => view.reviewStage === 'UNIT_HEAD');
    await call(head, 'POST', `/submissions/${input}/approve`, {});
    await call(coordinator, 'POST', `/submissions/${input}/approve`, {});

    // Kota Balikpapan's own report, compiled from it, submitted, checked again and approved by the coordinator.
    reportId = (await call(coordinator, 'POST', '/submissions/compile', { regionCode: '64.71', periodKey })).id as string;
    await call(coordinator, 'POST', `/submissions/${reportId}/submit`);
    await waitFor(coordinator, reportId, 'the report waits for the coordinator', (view) => view.reviewStage === 'COORDINATOR');
    await call(coordinator, 'POST', `/submissions/${reportId}/approve`, {});
    await waitFor(coordinator, reportId, 'the report waits for the Kanwil', (view) => view.reviewStage === 'KANWIL');

    context = await browser.newContext({ viewport: DESKTOP, baseURL: system.apiUrl, locale: 'id-ID' });
    context.setDefaultTimeout(15_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  async function signInAs(page: Page, email: string): Promise<void> {
    await signInOnPage(page, email);
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();
  }

  it('the Kanwil finds the report by the city’s name, sets a verified value, rejects an answer with a reason and approves', async () => {
    const page = await context.newPage();
    await signInAs(page, KANWIL);
    await page.getByRole('link', { name: 'Tinjauan', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tinjauan — menunggu keputusan saya' }).waitFor();
    const named = page.getByRole('link', { name: `KKP HAM · ${periodKey} · Kota Balikpapan, Kalimantan Timur` });
    await named.waitFor();
    expect(await page.getByTestId('review-queue').getByText('64.71').count()).toBe(0);
    await expectAccessible(page, 'review-queue-named', DESKTOP.height);
    expect(await named.getAttribute('href')).toBe(`/review/${reportId}`);
    await named.click();
    await page.getByRole('heading', { level: 1, name: `Tinjau laporan KKP HAM · ${periodKey}` }).waitFor();
    await page.getByTestId('status-badge').getByText('Sedang ditinjau').waitFor();

    // A percentage over 100 and a rejection without its reason are refused, each at its answer.
    await page.getByRole('textbox', { name: 'Nilai terverifikasi K1.P1' }).fill('140');
    await page.getByRole('checkbox', { name: 'Tolak jawaban K1.S1' }).check();
    await page.getByRole('button', { name: 'Setujui laporan' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByText('K1.P1: Tulis persentase antara 0 dan 100').waitFor();
    await summary.getByText('K1.S1: Pilih alasan penolakan').waitFor();
    await expectAccessible(page, 'review-kanwil-errors', DESKTOP.height);

    await page.getByRole('textbox', { name: 'Nilai terverifikasi K1.P1' }).fill('40');
    await page.getByRole('combobox', { name: 'Alasan penolakan K1.S1' }).selectOption('MISSING_SIGNATURE_OR_LETTERHEAD');
    const approved = page.waitForResponse((r) => r.url().endsWith(`/submissions/${reportId}/approve`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Setujui laporan' }).click();
    expect((await approved).status()).toBe(200);
    await page.getByTestId('review-done').getByText('Laporan disetujui.').waitFor();
    // What the Kanwil proposed, as the centre will see it beside each answer and in the history.
    await page.getByTestId('verified-in-force').getByText('Nilai terverifikasi (Kanwil): 40').waitFor();
    await page.getByTestId('rejected-in-force').getByText('Ditolak (Kanwil): Tanpa tanda tangan atau kop surat').waitFor();
    await page.getByTestId('review-history').getByText('K1.P1: nilai terverifikasi 40').waitFor();
    // From the top, so the full-page picture has the header where it belongs rather than where the page was scrolled.
    await page.evaluate('window.scrollTo(0, 0)');
    await expectAccessible(page, 'review-kanwil', DESKTOP.height);

    const view = await call(coordinator, 'GET', `/submissions/${reportId}`);
    expect(view).toMatchObject({ status: 'IN_REVIEW', reviewStage: 'CENTRAL', answers: { 'K1.S1': true, 'K1.P1': 80 } });
    expect(view.verifiedAnswers).toEqual({ 'K1.P1': 40 });
    expect(view.rejections).toEqual({ 'K1.S1': 'MISSING_SIGNATURE_OR_LETTERHEAD' });
    const reviews = (await call(coordinator, 'GET', `/submissions/${reportId}/reviews`)) as unknown as Record<string, unknown>[];
    expect(reviews.map((review) => `${review.stage}:${review.decision}`)).toEqual(['COORDINATOR:APPROVED', 'KANWIL:APPROVED']);
    expect(reviews[1]).toMatchObject({ verifiedAnswers: { 'K1.P1': 40 }, rejections: { 'K1.S1': 'MISSING_SIGNATURE_OR_LETTERHEAD' } });

    // The language switch: the review page in English, its status in words, then back to Indonesian.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Review the KKP HAM report · ${periodKey}` }).waitFor();
    await page.getByTestId('status-badge').getByText('In review', { exact: true }).waitFor();
    await page.getByTestId('rejected-in-force').getByText('Rejected (Kanwil): No signature or letterhead').waitFor();
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Tinjau laporan KKP HAM · ${periodKey}` }).waitFor();
    await page.getByTestId('status-badge').getByText('Sedang ditinjau', { exact: true }).waitFor();
    await page.close();
  });
});
