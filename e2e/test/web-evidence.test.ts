import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { signIn } from '@peduli/testkit';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext } from 'playwright-core';
import { apiCaller, DEMO_PASSWORD, describeIfChromium, expectAccessible, PHONE, SCREENSHOTS, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { FAKE_EXE, MINIMAL_PDF, RunningSystem } from './system';

/**
 * A unit operator's evidence, in Debian's Chromium at phone size against the real system (API, document worker):
 * on a RANHAM report's evidence page she picks a real PDF and a renamed executable (an MZ header saved as .pdf) at
 * once, watches both upload, and once the report is submitted sees the worker's verdicts: one accepted, one refused
 * with its reason in plain words, removes the refused one, uploads the real minutes and submits again. Every state of
 * the page passes axe and is photographed.
 */
const OPERATOR = `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const REFUSAL = 'Jenis berkas menurut isinya tidak diizinkan';

describeIfChromium('the web app: an operator uploads evidence and sees each file’s check verdict', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let operatorToken: string;
  let submissionId: string;

  const call = apiCaller(() => system);

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    // The seeded RANHAM cycle, its B08 period open for three more days; the operator's report for it.
    const cycles = (await (await fetch(`${system.apiUrl}/api/v1/cycles?programme=RANHAM`, { headers: { authorization: `Bearer ${system.token}` } })).json()) as {
      id: string;
      year: number;
    }[];
    await call(system.token, 'PUT', `/cycles/${cycles[0].id}/periods/B08`, { deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    operatorToken = await signIn(system.apiUrl, OPERATOR, DEMO_PASSWORD);
    const me = await call(operatorToken, 'GET', '/auth/me');
    const organisationId = (me.user as { organisationId: string }).organisationId;
    submissionId = (await call(operatorToken, 'POST', '/submissions', { organisationId, programme: 'RANHAM', periodKey: `${cycles[0].year}-B08` })).id as string;
    context = await browser.newContext({ viewport: PHONE, baseURL: system.apiUrl, locale: 'id-ID' });
    // A missing element fails within seconds rather than at Jest's timeout; the document check takes about a second.
    context.setDefaultTimeout(15_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  it('uploads two files with a progress bar each and shows one accepted and one refused with its reason', async () => {
    const page = await context.newPage();
    await signInOnPage(page, OPERATOR);
    await page.getByRole('button', { name: 'Keluar' }).waitFor();

    await page.goto(`/reports/${submissionId}/evidence`);
    await page.getByRole('heading', { level: 1, name: 'Dokumen pendukung' }).waitFor();
    await expectAccessible(page, 'evidence');

    // Files before a document type: refused next to the field and in the summary, nothing sent.
    const files = [
      { name: 'laporan-kegiatan.pdf', mimeType: 'application/pdf', buffer: MINIMAL_PDF },
      { name: 'notulen-rapat.pdf', mimeType: 'application/pdf', buffer: FAKE_EXE },
    ];
    await page.locator('#evidence-files').setInputFiles(files);
    await page.getByTestId('error-summary').getByText('Pilih jenis dokumen sebelum memilih berkas').waitFor();
    expect(await page.getByTestId('upload').count()).toBe(0);

    await page.getByRole('combobox', { name: 'Jenis dokumen' }).click();
    await page.getByRole('option', { name: 'Laporan', exact: true }).click();
    await page.getByTestId('error-summary').waitFor({ state: 'detached' });
    // The success measure both files back, from the B08 measures of the cycle's framework.
    await page.getByRole('combobox', { name: 'Indikator atau ukuran keberhasilan yang didukung' }).click();
    const measure = page.getByRole('option').first();
    const measureCode = (await measure.textContent())!.split(' — ')[0];
    await measure.click();
    await page.keyboard.press('Escape');
    await page.locator('#evidence-files').setInputFiles(files);
    await page.locator('[data-testid="upload"][data-state="done"]').nth(1).waitFor();
    expect(await page.getByRole('progressbar', { name: 'Kemajuan unggah laporan-kegiatan.pdf' }).getAttribute('value')).toBe('100');
    await page.locator('[data-testid="document"]').nth(1).waitFor();
    expect(await page.getByTestId('verdict').allTextContents()).toEqual(['Diperiksa setelah laporan dikirim', 'Diperiksa setelah laporan dikirim']);
    expect(await page.getByTestId('document').first().getByText(`Mendukung: ${measureCode}`).count()).toBe(1);
    await expectAccessible(page, 'evidence-uploaded');

    // Submitted elsewhere (the API here, the report page in life), then opened again: the page asks until the worker
    // has judged both files.
    await call(operatorToken, 'POST', `/submissions/${submissionId}/submit`);
    await page.reload();
    const refused = page.locator('[data-testid="document"][data-status="REJECTED"]');
    await refused.getByText(REFUSAL).waitFor({ timeout: 30_000 });
    await refused.getByText('notulen-rapat.pdf').waitFor();
    const accepted = page.locator('[data-testid="document"][data-status="ACCEPTED"]');
    await accepted.getByText('laporan-kegiatan.pdf').waitFor();
    expect(await accepted.getByTestId('verdict').textContent()).toBe('Diterima');
    expect(await refused.getByTestId('verdict').textContent()).toBe('Ditolak');
    await expectAccessible(page, 'evidence-verdicts');

    // The check failed, so the report can be edited again: the refused file is removed, the accepted one stays.
    await page.getByRole('button', { name: 'Hapus notulen-rapat.pdf' }).click();
    await refused.waitFor({ state: 'detached' });
    expect(await page.getByTestId('document').count()).toBe(1);
    await accepted.getByText('laporan-kegiatan.pdf').waitFor();

    // Fixed in the browser: the minutes again, as a real PDF, then the report submitted from its check-answers page;
    // the worker checks both files again and accepts them.
    await page.getByRole('combobox', { name: 'Jenis dokumen' }).click();
    await page.getByRole('option', { name: 'Laporan', exact: true }).click();
    await page.getByRole('combobox', { name: 'Indikator atau ukuran keberhasilan yang didukung' }).click();
    await page.getByRole('option', { name: new RegExp(`^${measureCode.replace(/\./g, '\\.')} — `) }).click();
    await page.keyboard.press('Escape');
    await page.locator('#evidence-files').setInputFiles([{ name: 'notulen-rapat-asli.pdf', mimeType: 'application/pdf', buffer: MINIMAL_PDF }]);
    await page.locator('[data-testid="document"]').getByText('notulen-rapat-asli.pdf').waitFor();
    await page.goto(`/reports/${submissionId}?view=check`);
    await page.getByTestId('submit').click();
    await page.getByTestId('submission-status').getByText('Dikirim').waitFor();
    await page.goto(`/reports/${submissionId}/evidence`);
    await page.locator('[data-testid="document"][data-status="ACCEPTED"]').nth(1).waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="document"][data-status="REJECTED"]').count()).toBe(0);
    expect(((await call(operatorToken, 'GET', `/submissions/${submissionId}`)) as { submitCount: number }).submitCount).toBe(2);
  });
});
