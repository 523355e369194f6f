import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { TEST_PASSWORD } from '@peduli/testkit';
import { mkdirSync, readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiCaller, describeIfChromium, expectAccessible, SCREENSHOTS, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { RunningSystem } from './system';

/**
 * A national admin runs the administration pages in Debian's Chromium against the real system: invites a unit operator
 * for Balikpapan's Dinas Kesehatan (the invitation mail reaches the SMTP sink and its link opens the app's page to set
 * a password), grants Balikpapan an extension on a RANHAM period and reads the new deadline in WITA, then finds both
 * in the audit trail and downloads it. The forms show their own checks and the API's refusals by field.
 */
const ADMIN = 'admin@peduli.test';
const INVITEE = `operator.baru.dinkes@${DEMO_EMAIL_DOMAIN}`;
const DINKES = 'Dinas Kesehatan Kota Balikpapan';
const DESKTOP = { width: 1280, height: 900 };
const NEW_PASSWORD = 'kalimat sandi baru operator';

/** "19 Desember 2026": a WITA date as the app writes it in Indonesian. */
const indonesianDate = (date: string) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Makassar' }).format(new Date(`${date}T12:00:00+08:00`));

describeIfChromium('the web app: a national admin invites a user, grants an extension and reads the audit trail', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let cycleLabel: string;
  const deadline = witaDateInDays(5);
  const extendedTo = witaDateInDays(12);

  const call = apiCaller(() => system);

  beforeAll(async () => {
    // The API and the reminder worker, which mails the invitation: nothing is submitted.
    ({ system, browser } = await startSystemAndBrowser({}, { roles: ['reminder-worker'] }));
    const cycles = (await call(system.token, 'GET', '/cycles?programme=RANHAM')) as unknown as { id: string; year: number; label: string }[];
    const cycle = cycles.find((c) => c.year === 2025)!;
    cycleLabel = cycle.label;
    // Each unit's own zone: the same 23.59 on the clock in Jakarta, Balikpapan and Jayapura.
    await call(system.token, 'PUT', `/cycles/${cycle.id}/periods/B08`, { opensOn: witaDateInDays(-10), deadlineDate: deadline, deadlineTime: '23:59' });
    context = await browser.newContext({ viewport: DESKTOP, baseURL: system.apiUrl, locale: 'id-ID', acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  async function signIn(page: Page): Promise<void> {
    await signInOnPage(page, ADMIN, TEST_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();
  }

  it('invites an operator whose mailed link opens the set-password page, extends a deadline read in WITA, and finds both in the audit', async () => {
    const page = await context.newPage();
    await signIn(page);

    // People: Balikpapan's organisations and users; the invitation, first refused by the API field by field.
    await page.getByTestId('admin-home-link').getByRole('link', { name: 'Organisasi dan pengguna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisasi dan pengguna' }).waitFor();
    await page.getByLabel('Kode kabupaten/kota').first().fill('64.71');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByTestId('organisation-row').filter({ hasText: DINKES }).waitFor();
    await page.getByTestId('user-row').filter({ hasText: `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}` }).waitFor();

    const invite = page.getByTestId('invite-form');
    await invite.getByRole('button', { name: 'Kirim undangan' }).click();
    const refused = page.getByTestId('error-summary');
    await refused.waitFor();
    // Each problem the API named links to its field (the API's words, in Indonesian).
    await refused.locator('a[href="#invite-email"]').waitFor();
    await refused.locator('a[href="#invite-displayName"]').waitFor();
    await invite.getByLabel('Email', { exact: true }).fill(INVITEE);
    await invite.getByLabel('Nama').fill('Operator Baru Dinkes');
    await invite.getByLabel('Organisasi').selectOption({ label: DINKES });
    await invite.getByLabel('Peran').selectOption({ label: 'Operator unit' });
    await invite.getByRole('button', { name: 'Kirim undangan' }).click();
    await page.getByTestId('invite-sent').getByText(`Undangan sudah dikirim ke ${INVITEE}.`).waitFor();
    expect(await refused.count()).toBe(0);
    const newRow = page.getByTestId('user-row').filter({ hasText: INVITEE });
    await newRow.getByText('Diundang, belum membuat kata sandi').waitFor();
    await newRow.getByText(`Operator unit · ${DINKES}`).waitFor();
    await expectAccessible(page, 'admin-people', DESKTOP.height);

    // The invitation mail: its link opens the app's page to set a password, in a browser of its own.
    const isInvitation = (mail: { to: string | string[]; text: string }) => mail.to.includes(INVITEE) && mail.text.includes('#token=');
    const mails = await system.sink.waitFor((all) => all.some(isInvitation), 30_000);
    const link = new URL(/https?:\/\/\S+#token=\S+/.exec(mails.find(isInvitation)!.text)![0]);
    expect(link.pathname).toBe('/account/invitation');
    const invitee = await browser.newContext({ viewport: DESKTOP, baseURL: system.apiUrl, locale: 'id-ID' });
    try {
      const invited = await invitee.newPage();
      await invited.goto(`${link.pathname}${link.hash}`);
      await invited.getByRole('heading', { level: 1, name: 'Buat kata sandi' }).waitFor();
      await invited.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill(NEW_PASSWORD);
      await invited.getByLabel('Ulangi kata sandi baru').fill(NEW_PASSWORD);
      await invited.getByRole('button', { name: 'Simpan kata sandi' }).click();
      await invited.getByText('Kata sandi tersimpan.').waitFor();
    } finally {
      await invitee.close();
    }

    // Cycles: the period's deadline in each zone, named; a refused change shows the API's words by field.
    await page.getByRole('navigation', { name: 'Halaman administrasi' }).getByRole('link', { name: 'Siklus dan kalender' }).click();
    await page.getByRole('heading', { level: 1, name: 'Siklus dan kalender' }).waitFor();
    await page.getByRole('link', { name: cycleLabel }).click();
    await page.getByRole('heading', { level: 1, name: cycleLabel }).waitFor();
    const b08 = page.locator('[data-testid="period-row"][data-code="B08"]');
    const day = indonesianDate(deadline);
    for (const zone of ['WIB', 'WITA', 'WIT']) await b08.getByText(`${day} pukul 23.59 ${zone}`, { exact: true }).waitFor();

    const periodForm = page.getByTestId('period-form');
    await periodForm.getByLabel('Periode', { exact: true }).selectOption('B08');
    await periodForm.getByLabel('Tanggal batas').fill('');
    await periodForm.getByRole('button', { name: 'Simpan periode' }).click();
    await page.getByTestId('error-summary').locator('a[href="#period-deadlineDate"]').waitFor();
    await periodForm.getByLabel('Tanggal batas').fill(deadline);
    await periodForm.getByRole('button', { name: 'Simpan periode' }).click();
    await page.getByTestId('period-saved').waitFor();
    expect(await page.getByTestId('error-summary').count()).toBe(0);

    // The extension: the form's own check first, then granted and read back in Balikpapan's zone.
    const extension = page.getByTestId('extension-form');
    await extension.getByLabel('Periode', { exact: true }).selectOption('B08');
    await extension.getByLabel('Kode kabupaten/kota').fill('64.71');
    await extension.getByLabel('Tanggal', { exact: true }).fill(extendedTo);
    await extension.getByLabel('Jam', { exact: true }).fill('23:59');
    await extension.getByLabel('Zona waktu jam itu').selectOption('WITA');
    await extension.getByTestId('extensions-none').waitFor();
    await extension.getByRole('button', { name: 'Beri perpanjangan' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: 'Tulis alasan perpanjangan, minimal 5 karakter' }).waitFor();
    await extension.getByLabel('Alasan').fill('Banjir di kantor Bagian Hukum');
    await extension.getByRole('button', { name: 'Beri perpanjangan' }).click();
    await page.getByTestId('extension-granted').getByText(`64.71, periode B08: diperpanjang hingga ${indonesianDate(extendedTo)} pukul 23.59 WITA`, { exact: true }).waitFor();
    // The period's extensions, as the API lists them, carry it too.
    const granted = page.getByTestId('extension-row').filter({ hasText: '64.71 · seluruhnya' });
    await granted.getByText(`${indonesianDate(extendedTo)} pukul 23.59 WITA`, { exact: true }).waitFor();
    await granted.getByText('Banjir di kantor Bagian Hukum').waitFor();
    expect(await page.getByTestId('error-summary').count()).toBe(0);
    await expectAccessible(page, 'admin-cycles', DESKTOP.height);

    // The audit trail lists both, newest first, and a filter keeps only the extension; the export carries it too.
    await page.getByRole('navigation', { name: 'Halaman administrasi' }).getByRole('link', { name: 'Jejak audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jejak audit' }).waitFor();
    const rows = page.getByTestId('audit-row');
    const extended = page.locator('[data-testid="audit-row"][data-action="deadline.extended"]');
    await extended.first().waitFor();
    await extended.first().getByText('Batas waktu diperpanjang').waitFor();
    await page.locator('[data-testid="audit-row"][data-action="user.created"]').filter({ hasText: INVITEE }).waitFor();
    await expectAccessible(page, 'admin-audit', DESKTOP.height);

    await page.getByLabel('Tindakan', { exact: true }).fill('deadline.extended');
    await page.getByRole('button', { name: 'Terapkan saringan' }).click();
    await page.locator('[data-testid="audit-row"][data-action="user.created"]').waitFor({ state: 'detached' });
    // The filtered page replaces the whole table at once: once an extension row is back, every row is one.
    await extended.first().waitFor();
    expect(await rows.count()).toBe(await extended.count());

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('deadline.extended');
    expect(csv).toContain(INVITEE);

    // A unit operator is told plainly that the page is not for them, rather than shown refusals.
    const operator = await browser.newContext({ viewport: DESKTOP, baseURL: system.apiUrl, locale: 'id-ID' });
    try {
      const own = await operator.newPage();
      await signInOnPage(own, `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`);
      await own.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();
      expect(await own.getByTestId('admin-home-link').count()).toBe(0);
      await own.goto('/manage/audit');
      await own.getByTestId('admin-no-access').waitFor();
    } finally {
      await operator.close();
    }

    // The queue dashboard opens for the national admin without the token travelling in a URL.
    await page.getByRole('link', { name: 'Peduli', exact: true }).click();
    await page.getByTestId('admin-home-link').getByRole('button', { name: 'Buka dasbor antrean' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/admin/queues'));
    expect(page.url()).not.toContain('token');
  });
});
