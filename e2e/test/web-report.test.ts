import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { signIn } from '@peduli/testkit';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiCaller, DEMO_PASSWORD, describeIfChromium, expectAccessible, PHONE, SCREENSHOTS, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { RunningSystem } from './system';

/**
 * A unit operator fills in a RANHAM report in Debian's Chromium at phone size against the real system: opens the
 * report from Beranda, where each action folds its success measures under a disclosure counting the done ones, answers
 * two measures (the number first as "nihil", which is refused beside the field and in the error summary), sees them
 * saved, checks the answers and submits; then a report of a period whose deadline has passed is refused with the
 * deadline in Balikpapan's local time. In another report, a change made through the API while the operator types is
 * caught by the submission's version: the page says so, and "keep mine" saves what was typed over it. Every page
 * passes axe.
 */
const OPERATOR = `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;

describeIfChromium('the web app: a unit operator fills in a report, checks the answers and submits', () => {
  let system: RunningSystem;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let lateReportId: string;
  let organisationId: string;

  const call = apiCaller(() => system);

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    // The demo's RANHAM 2025 cycle (the year its sample actions describe): B04 open for three more days, B08 closed
    // yesterday, B12 open for a month, all at 23.59 local time of each unit.
    const cycles = (await call(system.token, 'GET', '/cycles?programme=RANHAM')) as unknown as { id: string; year: number }[];
    const cycle = cycles.find((c) => c.year === 2025)!;
    await call(system.token, 'PUT', `/cycles/${cycle.id}/periods/B04`, { deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    await call(system.token, 'PUT', `/cycles/${cycle.id}/periods/B08`, { deadlineDate: witaDateInDays(-1), deadlineTime: '23:59' });
    await call(system.token, 'PUT', `/cycles/${cycle.id}/periods/B12`, { deadlineDate: witaDateInDays(30), deadlineTime: '23:59' });
    // A report of the closed period, begun before it closed.
    const operator = await signIn(system.apiUrl, OPERATOR, DEMO_PASSWORD);
    organisationId = ((await call(operator, 'GET', '/auth/me')).user as { organisationId: string }).organisationId;
    lateReportId = (await call(operator, 'POST', '/submissions', { organisationId, programme: 'RANHAM', periodKey: '2025-B08' })).id as string;
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await system?.stop();
  });

  /** The operator signed in, in a browser of their own (each test its own session). */
  async function signedInPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, baseURL: system.apiUrl, locale: 'id-ID' });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    await signInOnPage(page, OPERATOR);
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();
    return page;
  }

  it('answers two measures, sees them saved, checks the answers and submits; a closed period is refused in local time', async () => {
    const page = await signedInPage();

    // B04 is open and has no report yet: start one from Beranda.
    const openPeriod = page.getByTestId('open-period').filter({ hasText: 'Periode B04' });
    await openPeriod.getByTestId('start-report').click();
    await page.getByRole('heading', { level: 1, name: 'Laporan' }).waitFor();
    // Folded: each of the city's eight actions of 2025 is one line with its count; no measure shows yet.
    const action = page.locator('[data-testid="task-group"][data-code="AKSI-2025-01"]');
    await action.getByTestId('group-progress').getByText('0 dari 3 selesai').waitFor();
    expect(await page.getByTestId('task-group').count()).toBe(8);
    expect(await page.locator('[data-testid="task-group"][open]').count()).toBe(0);
    await expectAccessible(page, 'report-tasks');

    // The disclosure opens from the keyboard and shows the action's three measures.
    await action.locator('summary').press('Enter');
    const first = page.getByTestId('task').filter({ hasText: 'AKSI-2025-01.B04.1' });
    await first.getByText('Belum dimulai').waitFor();
    expect(await action.getByTestId('task').count()).toBe(3);

    // A yes/no measure, answered with the keyboard-reachable radio; back on the list its action is still open.
    await first.getByRole('link').click();
    await page.getByRole('radio', { name: 'Ya' }).check();
    await page.getByRole('link', { name: 'Kembali ke daftar tugas' }).click();
    await first.getByText('Selesai').waitFor();
    await action.getByTestId('group-progress').getByText('1 dari 3 selesai').waitFor();

    // A number measure: "nihil" is refused beside the field and in the summary, and 8 is taken and saved.
    await page.getByTestId('task').filter({ hasText: 'AKSI-2025-01.B04.3' }).getByRole('link').click();
    const number = page.getByRole('textbox', { name: /AKSI-2025-01\.B04\.3/ });
    await number.fill('nihil');
    await page.getByTestId('error-summary').getByText('Tulis 0, bukan "nihil"').waitFor();
    await expectAccessible(page, 'report-task-error');
    await number.fill('8');
    await page.locator('[data-testid="save-state"][data-phase="saved"]').waitFor();
    const saved = (await call(await signIn(system.apiUrl, OPERATOR, DEMO_PASSWORD), 'GET', `/submissions/${new URL(page.url()).pathname.split('/')[2]}`)).answers;
    expect(saved).toEqual({ 'AKSI-2025-01.B04.1': true, 'AKSI-2025-01.B04.3': 8 });

    // Check the answers: what is missing links to its task; then submit.
    await page.getByRole('link', { name: 'Kembali ke daftar tugas' }).click();
    await page.getByRole('link', { name: 'Periksa jawaban Anda' }).click();
    await page.getByRole('heading', { level: 2, name: 'Periksa jawaban Anda' }).waitFor();
    await page.getByTestId('missing').getByRole('link', { name: /AKSI-2025-01\.B04\.2/ }).waitFor();
    await expectAccessible(page, 'report-check');
    await page.getByTestId('submit').click();
    await page.getByTestId('submission-status').getByText('Dikirim').waitFor();

    // The closed period: the submit is refused with the deadline in Balikpapan's zone.
    await page.goto(`/reports/${lateReportId}?view=check`);
    await page.getByTestId('submit').click();
    const refusal = page.getByTestId('error-summary');
    await refusal.getByText(/Batas waktu periode 2025-B08 telah lewat \(.*pukul 23\.59 WITA\)/).waitFor();
    await expectAccessible(page, 'report-deadline-passed');
  });

  it('catches a change made elsewhere while the operator types, and "keep mine" saves the typed answer over it', async () => {
    const operator = await signIn(system.apiUrl, OPERATOR, DEMO_PASSWORD);
    const reportId = (await call(operator, 'POST', '/submissions', { organisationId, programme: 'RANHAM', periodKey: '2025-B12' })).id as string;
    const page = await signedInPage();
    await page.goto(`/reports/${reportId}?task=AKSI-2025-01.B12.2`);
    const text = page.getByRole('textbox', { name: /AKSI-2025-01\.B12\.2/ });
    await text.waitFor();

    // Someone else answers another measure of the same report, on the version the page loaded.
    const { version: loaded } = (await call(operator, 'GET', `/submissions/${reportId}`)) as { version: number };
    const theirs = (await call(operator, 'PATCH', `/submissions/${reportId}`, { answers: { 'AKSI-2025-01.B12.1': true }, version: loaded })) as { version: number };
    expect(theirs.version).toBeGreaterThan(loaded);

    // The page's save carries the version it loaded: refused, and said so, with what was typed still there.
    const typed = 'Petugas layanan belum cukup; pelatihan dijadwalkan ulang.';
    await text.fill(typed);
    const conflict = page.getByTestId('conflict');
    await conflict.getByText('Laporan ini sudah diubah orang lain', { exact: false }).waitFor();
    await page.locator('[data-testid="save-state"][data-phase="conflict"]').waitFor();
    expect(await text.inputValue()).toBe(typed);
    await expectAccessible(page, 'report-conflict');

    // "Keep mine": saved over the latest version; the other change to B12.1 stays.
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().endsWith(`/submissions/${reportId}`) && response.status() === 200);
    await conflict.getByRole('button', { name: 'Simpan jawaban saya' }).click();
    await saved;
    await page.locator('[data-testid="save-state"][data-phase="saved"]').waitFor();
    expect(await page.getByTestId('conflict').count()).toBe(0);
    const stored = (await call(operator, 'GET', `/submissions/${reportId}`)) as { answers: Record<string, unknown>; version: number };
    expect(stored.answers).toEqual({ 'AKSI-2025-01.B12.1': true, 'AKSI-2025-01.B12.2': typed });
    expect(stored.version).toBeGreaterThan(theirs.version);
  });
});
