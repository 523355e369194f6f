import { TEST_PASSWORD, eventually } from '@peduli/testkit';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiCaller, describeIfChromium, expectAccessible, SCREENSHOTS, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { MINIMAL_PDF, PNG_1X1, RunningSystem, createAndSubmit } from './system';

/**
 * The national admin's oversight pages in Debian's Chromium at desktop size against the real system with the demo
 * people: the demo KKP HAM period opens today, Balikpapan's report is scored by the scoring worker and returned once
 * for K1.P1; the dashboard (reached from Beranda) shows Kalimantan Timur's band, the pembina table, the period's
 * timeliness and K1.P1 as returned. On /reminders the reminders the worker sent (into the SMTP sink) are in the
 * ledger; a too-short reason is refused in the error summary, a proper one resends, and the ledger shows
 * the reminder sent again. Both pages pass axe and are photographed.
 */
const ADMIN = 'admin@peduli.test';
const DESKTOP = { width: 1280, height: 900 };

describeIfChromium('the web app: the national dashboard and the reminder ledger', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let periodId: string;

  const call = apiCaller(() => system);
  /** Whether some day-before reminder went out: recorded SENT in the ledger, and its mail in the sink. */
  const dayBeforeSent = async (): Promise<true | undefined> => {
    const [row] = await system.database.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE period_id = $1 AND slot = 'D-1' AND status = 'SENT'`, [periodId]);
    return row.n > 0 && system.sink.messages.length > 0 ? true : undefined;
  };

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser({ REMINDER_SWEEP_INTERVAL_MS: '1000' }));
    const [cycle] = (await call(system.token, 'GET', '/cycles?programme=KKP_HAM')) as unknown as { id: string; year: number }[];
    // Opened yesterday in Balikpapan's zone (WITA): opened today there would still be tomorrow for a page that reckons
    // in WIB between 16:00 and 17:00 UTC, and the dashboard lists only opened periods.
    const period = await call(system.token, 'PUT', `/cycles/${cycle.id}/periods/TAHUNAN`, { opensOn: witaDateInDays(-1), deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    periodId = period.id as string;

    // Balikpapan's own report, scored once its documents pass their check, then returned once for K1.P1.
    const id = await createAndSubmit(
      system.apiUrl,
      system.token,
      { regionCode: '64.71', programme: 'KKP_HAM', periodKey: `${cycle.year}-TAHUNAN`, answers: { 'K1.S1': true, 'K1.P1': 100, 'K1.H1': 120 } },
      [
        { data: MINIMAL_PDF, name: 'perwal-bantuan-hukum.pdf', mime: 'application/pdf', type: 'PERBUP_PERWAL', indicators: ['K1.S1'] },
        { data: Buffer.concat([MINIMAL_PDF, Buffer.from('% laporan\n')]), name: 'laporan-realisasi.pdf', mime: 'application/pdf', type: 'LAPORAN', indicators: ['K1.P1', 'K1.H1'] },
        { data: PNG_1X1, name: 'foto-kegiatan.png', mime: 'image/png', type: 'FOTO' },
      ],
    );
    await eventually('Balikpapan’s report is scored', async () => (((await call(system.token, 'GET', `/submissions/${id}`)).scores as unknown[]).length > 0 ? true : undefined));
    await eventually('Balikpapan’s report waits for review', async () => ((await call(system.token, 'GET', `/submissions/${id}`)).status === 'IN_REVIEW' ? true : undefined));
    await call(system.token, 'POST', `/submissions/${id}/return`, { reasons: [{ code: 'MISSING_MINUTES', indicatorCode: 'K1.P1' }], comment: 'Notulen rapat belum dilampirkan.' });
    // The worker plans the period's reminders; the day-before ones are made due now, as if their moment had come
    // (as the reminder crash test does), and the worker sends them into the SMTP sink.
    const db = system.database.dataSource;
    await eventually('the worker planned the period', async () => {
      const [row] = await db.query(`SELECT count(*)::int AS n FROM reminder WHERE period_id = $1 AND slot = 'D-1' AND status = 'PLANNED'`, [periodId]);
      return row.n > 0 ? true : undefined;
    });
    await db.query(`UPDATE reminder SET send_at = now() - interval '1 minute', expires_at = now() + interval '1 day' WHERE period_id = $1 AND slot = 'D-1'`, [periodId]);
    await eventually('the day-before reminders are sent', dayBeforeSent, 30_000);

    context = await browser.newContext({ viewport: DESKTOP, baseURL: system.apiUrl, locale: 'id-ID' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  it('the dashboard shows the bands by province, the pembina table, the timeliness and the returned indicator', async () => {
    await signInOnPage(page, ADMIN, TEST_PASSWORD);
    await page.getByTestId('dashboard-link').click();
    await page.getByRole('heading', { level: 1, name: 'Dasbor' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');

    await page.getByTestId('bands-table').getByRole('row', { name: 'Kalimantan Timur 1 1' }).waitFor();
    await page.getByRole('img', { name: 'Kalimantan Timur: Kurang Peduli HAM 1 dari 1' }).waitFor();
    const pembina = page.getByTestId('pembina-table');
    await pembina.getByRole('row', { name: /Kalimantan Timur .*Belum memenuhi syarat/i }).waitFor();
    expect(await pembina.getByRole('row').count()).toBeGreaterThan(30);
    // One regency/city report in the period: Balikpapan's, sent on time (then returned).
    await page.getByTestId('timeliness-table').getByRole('row', { name: /^Periode TAHUNAN 1 0 0 \d+ \d+$/ }).waitFor();
    await page.getByTestId('returns-table').getByRole('row', { name: 'K1.P1 1 0 1' }).waitFor();
    await page.getByTestId('returned-reviews').getByText('Laporan dikembalikan 1 kali.').waitFor();
    await expectAccessible(page, 'dashboard', DESKTOP.height);
  });

  it('the ledger lists the sent reminders, refuses a resend without a proper reason, then resends one and shows it', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Peduli', exact: true }).click();
    await page.getByTestId('reminders-link').click();
    await page.getByRole('heading', { level: 1, name: 'Pengingat email' }).waitFor();
    await page.getByLabel('Status').selectOption('SENT');
    const sent = page.getByTestId('ledger-row').filter({ hasText: 'Terkirim' });
    await sent.first().waitFor();
    expect(await page.getByTestId('ledger-row').filter({ hasNotText: 'Terkirim' }).count()).toBe(0);
    await expectAccessible(page, 'reminders', DESKTOP.height);

    // The first sent reminder, sent again: first with no reason, then with one the API finds too short.
    const row = sent.first();
    const recipient = (await row.getByRole('rowheader').innerText()).trim();
    const before = system.sink.messages.filter((mail) => mail.to.includes(recipient)).length;
    await row.getByRole('button', { name: /^Kirim ulang pengingat/ }).click();
    const reason = page.getByLabel('Alasan mengirim ulang');
    // The keyboard goes straight to the reason.
    await page.locator('#resend-reason:focus').waitFor();
    await page.getByRole('button', { name: 'Kirim ulang sekarang' }).click();
    await page.getByTestId('error-summary').getByText('Tulis alasan mengirim ulang').waitFor();
    await reason.fill('baru');
    await page.getByRole('button', { name: 'Kirim ulang sekarang' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: 'Alasan mengirim ulang terlalu pendek' }).waitFor();
    await reason.fill('Operator baru menggantikan yang lama');
    await page.getByRole('button', { name: 'Kirim ulang sekarang' }).click();
    await page.getByTestId('resent').getByText(`Pengingat ke ${recipient} dijadwalkan untuk dikirim ulang sekarang.`).waitFor();

    // The worker sends it again (a new mail in the sink), and the ledger, asked again by the page, shows one resend.
    await system.sink.waitFor((messages) => messages.filter((mail) => mail.to.includes(recipient)).length > before, 30_000);
    await page.getByTestId('ledger-row').filter({ hasText: recipient }).filter({ hasText: 'Terkirim' }).getByRole('cell', { name: '1', exact: true }).waitFor();
  });
});

