import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { signIn } from '@peduli/testkit';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD, PHONE, SCREENSHOTS, apiCaller, describeIfChromium, expectAccessible, startSystemAndBrowser, witaDateInDays } from './browser';
import { RunningSystem } from './system';

/**
 * A unit operator fills in a RANHAM report in Debian's Chromium at phone size against the real system: opens the
 * report from Beranda, answers two success measures (the number first as "nihil", which is refused beside the field
 * and in the error summary), sees them saved, checks the answers and submits; then a report of a period whose
 * deadline has passed is refused with the deadline in Balikpapan's local time. Every page passes axe.
 */
const OPERATOR = `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;

describeIfChromium('the web app: a unit operator fills in a report, checks the answers and submits', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let lateReportId: string;

  const call = apiCaller(() => system);

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    // The demo's RANHAM 2025 cycle (the year its sample actions describe): B04 open for three more days, B08 closed
    // yesterday, both at 23.59 local time of each unit.
    const cycles = (await call(system.token, 'GET', '/cycles?programme=RANHAM')) as unknown as { id: string; year: number }[];
    const cycle = cycles.find((c) => c.year === 2025)!;
    await call(system.token, 'PUT', `/cycles/${cycle.id}/periods/B04`, { deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    await call(system.token, 'PUT', `/cycles/${cycle.id}/periods/B08`, { deadlineDate: witaDateInDays(-1), deadlineTime: '23:59' });
    // A report of the closed period, begun before it closed.
    const operator = await signIn(system.apiUrl, OPERATOR, DEMO_PASSWORD);
    const organisationId = ((await call(operator, 'GET', '/auth/me')).user as { organisationId: string }).organisationId;
    lateReportId = (await call(operator, 'POST', '/submissions', { organisationId, programme: 'RANHAM', periodKey: '2025-B08' })).id as string;

    context = await browser.newContext({ viewport: PHONE, baseURL: system.apiUrl, locale: 'id-ID' });
    context.setDefaultTimeout(15_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  it('answers two measures, sees them saved, checks the answers and submits; a closed period is refused in local time', async () => {
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(OPERATOR);
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();

    // B04 is open and has no report yet: start one from Beranda.
    const openPeriod = page.getByTestId('open-period').filter({ hasText: 'Periode B04' });
    await openPeriod.getByTestId('start-report').click();
    await page.getByRole('heading', { level: 1, name: 'Laporan' }).waitFor();
    const first = page.getByTestId('task').filter({ hasText: 'AKSI-2025-01.B04.1' });
    await first.getByText('Belum dimulai').waitFor();
    await expectAccessible(page, 'report-tasks');

    // A yes/no measure, answered with the keyboard-reachable radio.
    await first.getByRole('link').click();
    await page.getByRole('radio', { name: 'Ya' }).check();
    await page.getByRole('link', { name: 'Kembali ke daftar tugas' }).click();
    await first.getByText('Selesai').waitFor();

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
});
