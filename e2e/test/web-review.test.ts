import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { MINIMAL_PDF, eventually, signIn, uploadEvidence } from '@peduli/testkit';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiCaller, DEMO_PASSWORD, describeIfChromium, expectAccessible, PHONE, SCREENSHOTS, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { RunningSystem } from './system';

/**
 * Reviewers in Debian's Chromium at desktop size against the real system: the Dinkes Balikpapan unit head finds the
 * operator's report in the Tinjauan queue, sees its PDF drawn by pdf.js, returns it with MISSING_MINUTES and a
 * comment, and the history shows the decision; after the operator adds the minutes and resubmits on a phone and the head approves, the Balikpapan
 * coordinator approves the input. Every page passes axe with no serious or critical violation and is photographed.
 */
const OPERATOR = `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const UNIT_HEAD = `kepala.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const COORDINATOR = `koordinator.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const RETURN_COMMENT = 'Notulen rapat koordinasi belum dilampirkan.';
const DESKTOP = { width: 1280, height: 900 };

describeIfChromium('the web app: reviewers return and approve a unit report', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let submissionId: string;
  let operator: string;
  let head: string;

  const call = apiCaller(() => system);
  const waitForStage = (stage: string) =>
    eventually(`the report waits at ${stage}`, async () => ((await call(head, 'GET', `/submissions/${submissionId}`)).reviewStage === stage ? true : undefined));

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    const cycles = (await call(system.token, 'GET', '/cycles?programme=KKP_HAM')) as unknown as { id: string; year: number }[];
    await call(system.token, 'PUT', `/cycles/${cycles[0].id}/periods/TAHUNAN`, { deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    [operator, head] = await Promise.all([signIn(system.apiUrl, OPERATOR, DEMO_PASSWORD), signIn(system.apiUrl, UNIT_HEAD, DEMO_PASSWORD)]);
    // The operator's report with a small real PDF, submitted and checked, until it waits for the unit head.
    const organisationId = ((await call(operator, 'GET', '/auth/me')).user as { organisationId: string }).organisationId;
    const created = await call(operator, 'POST', '/submissions', { organisationId, programme: 'KKP_HAM', periodKey: `${cycles[0].year}-TAHUNAN` });
    submissionId = created.id as string;
    await uploadEvidence(system.apiUrl, operator, submissionId, MINIMAL_PDF, 'notulen-rapat.pdf', 'application/pdf', 'LAPORAN');
    await call(operator, 'POST', `/submissions/${submissionId}/submit`);
    await waitForStage('UNIT_HEAD');
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

  /** From the header's Tinjauan link to this report's review page. */
  async function openFromQueue(page: Page): Promise<void> {
    await page.getByRole('link', { name: 'Tinjauan', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tinjauan — menunggu keputusan saya' }).waitFor();
    await page.locator(`a[href="/review/${submissionId}"]`).click();
    await page.getByRole('heading', { level: 1, name: /^Tinjau laporan KKP HAM/ }).waitFor();
  }

  it('the unit head returns the report with MISSING_MINUTES and a comment, and the history shows it', async () => {
    const page = await context.newPage();
    await signInAs(page, UNIT_HEAD);
    await page.getByRole('link', { name: 'Tinjauan', exact: true }).click();
    await page.locator(`a[href="/review/${submissionId}"]`).waitFor();
    await expectAccessible(page, 'review-queue', DESKTOP.height);
    await page.locator(`a[href="/review/${submissionId}"]`).click();
    await page.getByRole('heading', { level: 1, name: /^Tinjau laporan KKP HAM/ }).waitFor();

    // The PDF is drawn in the page from bytes fetched with the token; the page never navigates to the API's URL.
    await page.locator('[data-testid="pdf-pages"][data-state="drawn"] canvas').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/review/${submissionId}`);

    // Nothing chosen: both problems in the summary at the top and next to their fields.
    await page.getByRole('button', { name: 'Kembalikan laporan' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByText('Pilih minimal satu alasan pengembalian').waitFor();
    await summary.getByText('Tulis komentar tentang apa yang perlu diperbaiki').waitFor();
    await expectAccessible(page, 'review-return-errors', DESKTOP.height);

    await page.getByLabel('Notulen rapat belum dilampirkan').check();
    await page.getByRole('textbox', { name: 'Komentar', exact: true }).fill(RETURN_COMMENT);
    const returned = page.waitForResponse((r) => r.url().endsWith(`/submissions/${submissionId}/return`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Kembalikan laporan' }).click();
    expect((await returned).status()).toBe(200);
    await page.getByTestId('review-done').waitFor();
    const history = page.getByTestId('review-history');
    await history.getByText('Kepala unit · dikembalikan').waitFor();
    await history.getByTestId('history-comment').getByText(RETURN_COMMENT).waitFor();
    expect(await history.getByTestId('history-reason').count()).toBe(1);
    await expectAccessible(page, 'review-returned', DESKTOP.height);

    const view = await call(head, 'GET', `/submissions/${submissionId}`);
    expect(view.status).toBe('RETURNED');
    const reviews = (await call(head, 'GET', `/submissions/${submissionId}/reviews`)) as unknown as { reasons: { code: string }[]; comment: string }[];
    expect(reviews.at(-1)).toMatchObject({ reasons: [{ code: 'MISSING_MINUTES' }], comment: RETURN_COMMENT });
    await page.close();
  });

  it('the operator adds the minutes and submits again in the browser; the coordinator approves once the unit head has', async () => {
    // The operator, on a phone: the returned report from Beranda, the minutes uploaded, submitted from "check answers".
    const own = await browser.newContext({ viewport: PHONE, baseURL: system.apiUrl, locale: 'id-ID' });
    own.setDefaultTimeout(15_000);
    const phone = await own.newPage();
    await signInAs(phone, OPERATOR);
    await phone.locator(`a[href="/reports/${submissionId}"]`).click();
    await phone.getByRole('link', { name: 'Unggah dokumen pendukung' }).first().click();
    await phone.getByRole('heading', { level: 1, name: 'Dokumen pendukung' }).waitFor();
    await phone.getByRole('combobox', { name: 'Jenis dokumen' }).click();
    await phone.getByRole('option', { name: 'Notulen rapat', exact: true }).click();
    await phone.locator('#evidence-files').setInputFiles([{ name: 'notulen-rapat-koordinasi.pdf', mimeType: 'application/pdf', buffer: MINIMAL_PDF }]);
    await phone.locator('[data-testid="document"]').getByText('notulen-rapat-koordinasi.pdf').waitFor();
    await phone.goto(`/reports/${submissionId}?view=check`);
    await phone.getByTestId('submit').click();
    await phone.getByTestId('submission-status').getByText('Dikirim').waitFor();
    await own.close();
    await waitForStage('UNIT_HEAD');
    await call(head, 'POST', `/submissions/${submissionId}/approve`, {});
    await waitForStage('COORDINATOR');

    const page = await context.newPage();
    await context.clearCookies();
    await signInAs(page, COORDINATOR);
    await openFromQueue(page);
    await page.getByText('Dikirim ulang (ke-2)').waitFor();
    await page.locator('[data-testid="pdf-pages"][data-state="drawn"] canvas').first().waitFor();
    await expectAccessible(page, 'review-coordinator', DESKTOP.height);
    const approved = page.waitForResponse((r) => r.url().endsWith(`/submissions/${submissionId}/approve`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Setujui laporan' }).click();
    expect((await approved).status()).toBe(200);
    await page.getByTestId('review-done').getByText('Laporan disetujui.').waitFor();
    // The last stage's approval is recorded as the verification.
    await page.getByTestId('review-history').getByText('Koordinator · diverifikasi').waitFor();
    expect((await call(head, 'GET', `/submissions/${submissionId}`)).reviewStage).toBeNull();
    await page.close();
  });
});
