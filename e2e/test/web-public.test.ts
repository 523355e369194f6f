import { eventually } from '@peduli/testkit';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PHONE, SCREENSHOTS, apiCaller, describeIfChromium, expectAccessible, startSystemAndBrowser, witaDateInDays } from './browser';
import { MINIMAL_PDF, PNG_1X1, RunningSystem, createAndSubmit } from './system';

/**
 * The public results in Debian's Chromium on a phone, against the real system with the demo people, signed out: before
 * the demo KKP HAM cycle's decree the page says the results are not yet announced; once Balikpapan's report is scored
 * by the scoring worker and a national admin records the decree, the page lists Balikpapan's band under Kalimantan
 * Timur, the search finds it, and its own page shows the data year. Every page passes axe and is photographed.
 */
const DECREE = { number: 'M.HH-03.HA.02.01.01/2026', date: '2026-11-15' };

describeIfChromium('the web app: public KKP HAM results before and after the decree', () => {
  let system: RunningSystem;
  let browser: Browser;
  let cycle: { id: string; year: number; dataYear: number };

  const call = apiCaller(() => system);
  /** A fresh visitor each time: a page cached before the decree must not stand in for the one after it. */
  const visitor = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: PHONE, baseURL: system.apiUrl, locale: 'id-ID' });
    context.setDefaultTimeout(15_000);
    return { context, page: await context.newPage() };
  };

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    [cycle] = (await call(system.token, 'GET', '/cycles?programme=KKP_HAM')) as unknown as { id: string; year: number; dataYear: number }[];
    await call(system.token, 'PUT', `/cycles/${cycle.id}/periods/TAHUNAN`, { deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('before the decree, the page reached from sign-in says the results are not yet announced', async () => {
    const { context, page } = await visitor();
    await page.goto('/sign-in');
    await page.getByRole('banner').getByRole('link', { name: 'Hasil KKP HAM' }).waitFor();
    await page.getByRole('link', { name: /^Lihat hasil penilaian/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Hasil Kabupaten/Kota Peduli HAM' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Hasil belum diumumkan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/results');
    await expectAccessible(page, 'public-not-announced');

    // The year the demo cycle describes, asked for directly, says so too.
    await page.goto(`/results/${cycle.dataYear}`);
    await page.getByText(`Hasil untuk data tahun ${cycle.dataYear} belum diumumkan.`).waitFor();
    await context.close();
  });

  it('after the decree, Balikpapan’s band is listed under Kalimantan Timur, found by search, and on its own page', async () => {
    // Balikpapan's own report, scored by the scoring worker once its documents pass their check (criterion K1 met).
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
    const band = await eventually('Balikpapan’s report is scored', async () => {
      const scores = (await call(system.token, 'GET', `/submissions/${id}`)).scores as { band: string }[];
      return scores.length > 0 ? scores[0].band : undefined;
    });
    expect(band).toBe('KURANG_PEDULI');
    await call(system.token, 'PATCH', `/cycles/${cycle.id}/decree`, DECREE);

    const { context, page } = await visitor();
    await page.goto('/results');
    await page.getByTestId('decree').getByText(`nomor ${DECREE.number} tanggal 15 November 2026`).waitFor();
    const kaltim = page.getByTestId('province-group').filter({ has: page.getByRole('heading', { level: 3, name: 'Kalimantan Timur' }) });
    await kaltim.getByRole('row', { name: 'Kota Balikpapan Kurang Peduli HAM' }).waitFor();
    await page.getByRole('img', { name: 'Kalimantan Timur: Kurang Peduli HAM 1 dari 1' }).waitFor();
    await page.getByTestId('band-table').getByRole('row', { name: 'Kalimantan Timur 0 0 0 1 1' }).waitFor();
    await expectAccessible(page, 'public-results');

    // The search narrows the list, and says so when nothing matches.
    const search = page.getByLabel('Cari kabupaten/kota');
    await search.fill('jayapura');
    await page.getByTestId('found-count').getByText('Tidak ada kabupaten/kota yang cocok dengan "jayapura".').waitFor();
    expect(await page.getByTestId('region-row').count()).toBe(0);
    await search.fill('balik');
    await page.getByTestId('found-count').getByText('1 kabupaten/kota ditampilkan').waitFor();

    await page.getByRole('link', { name: 'Kota Balikpapan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hasil Kota Balikpapan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/results/regions/64.71');
    await page.getByTestId('region-years').getByRole('row', { name: new RegExp(`^${cycle.dataYear} Kurang Peduli HAM`) }).waitFor();
    await expectAccessible(page, 'public-region');

    // In English, by the header's switch.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Results of Kota Balikpapan' }).waitFor();
    await context.close();
  });
});
