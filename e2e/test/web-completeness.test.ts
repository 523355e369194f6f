import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { signIn } from '@peduli/testkit';
import { mkdirSync, readFileSync } from 'node:fs';
import { type Browser, type BrowserContext } from 'playwright-core';
import { apiCaller, DEMO_PASSWORD, describeIfChromium, expectAccessible, PHONE, SCREENSHOTS, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { RunningSystem } from './system';

/**
 * Balikpapan's coordinator finds the units that missed the city's internal deadline in Debian's Chromium against the
 * real system: the RANHAM B08 period is still open (its official deadline is ahead), but the internal deadline for the
 * city's units passed yesterday, and one unit was given an extension by the Kanwil. The page flags the late units,
 * "late only" keeps exactly them, the CSV export lists exactly them, and a late unit's report opens from its link.
 */
const COORDINATOR = `koordinator.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const DISDIKBUD = `operator.disdikbud.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const KANWIL = `kanwil.kaltim@${DEMO_EMAIL_DOMAIN}`;
const DESKTOP = { width: 1280, height: 900 };
const DISDIKBUD_NAME = 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan';
const DISNAKER_NAME = 'Dinas Tenaga Kerja Kota Balikpapan';

/** RFC 4180 rows of the export (UTF-8 with a BOM, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describeIfChromium('the web app: a coordinator finds its late units and exports them', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let disdikbudReport: string;
  /** The names the API calls late (still owing a report after the deadline, or sent late), as the page should show them. */
  let expectedLate: string[];

  const call = apiCaller(() => system);

  beforeAll(async () => {
    // The API alone: the reports are drafts, never submitted, and the export is the API's.
    ({ system, browser } = await startSystemAndBrowser({}, { roles: [] }));
    const cycles = (await call(system.token, 'GET', '/cycles?programme=RANHAM')) as unknown as { id: string; year: number }[];
    const cycle = cycles.find((c) => c.year === 2025)!;
    await call(system.token, 'PUT', `/cycles/${cycle.id}/periods/B08`, { opensOn: witaDateInDays(-10), deadlineDate: witaDateInDays(5), deadlineTime: '23:59' });
    const [coordinator, disdikbud, kanwil] = await Promise.all([COORDINATOR, DISDIKBUD, KANWIL].map((email) => signIn(system.apiUrl, email, DEMO_PASSWORD)));

    // Disdikbud has begun its report but not sent it; the others have not started.
    const disdikbudId = ((await call(disdikbud, 'GET', '/auth/me')).user as { organisationId: string }).organisationId;
    disdikbudReport = (await call(disdikbud, 'POST', '/submissions', { organisationId: disdikbudId, programme: 'RANHAM', periodKey: '2025-B08' })).id as string;
    // The city's units had until yesterday; Disnaker got three more days from the Kanwil.
    await call(coordinator, 'PUT', `/cycles/${cycle.id}/periods/B08/internal-deadlines/64.71`, { deadlineDate: witaDateInDays(-1), deadlineTime: '16:00' });
    const organisations = (await call(system.token, 'GET', '/organisations?regionCode=64.71&pageSize=100')).items as { id: string; name: string }[];
    const disnaker = organisations.find((o) => o.name === DISNAKER_NAME)!;
    await call(kanwil, 'POST', `/cycles/${cycle.id}/periods/B08/extensions`, {
      regionCode: '64.71',
      organisationId: disnaker.id,
      until: `${witaDateInDays(3)}T23:59:00+08:00`,
      reason: 'Banjir di kantor Disnaker',
    });

    const view = await call(coordinator, 'GET', `/completeness?cycleId=${cycle.id}&periodCode=B08`);
    const units = view.units as { organisationName: string | null; status: string; late: boolean }[];
    expectedLate = units.filter((u) => u.status === 'LATE' || u.late).map((u) => u.organisationName ?? '');
    expect(expectedLate).toContain(DISDIKBUD_NAME);
    expect(expectedLate).not.toContain(DISNAKER_NAME);
    // Some units are not late (the city's own report keeps the official deadline), so the filter has work to do.
    expect(units.length).toBeGreaterThan(expectedLate.length);

    context = await browser.newContext({ viewport: DESKTOP, baseURL: system.apiUrl, locale: 'id-ID', acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  it('sees the late units flagged, keeps only them, downloads exactly them as CSV, and opens one’s report', async () => {
    const page = await context.newPage();
    await signInOnPage(page, COORDINATOR);
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();

    await page.getByRole('link', { name: 'Lihat kelengkapan laporan unit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kelengkapan laporan' }).waitFor();
    await page.getByLabel('Program', { exact: true }).selectOption('RANHAM');
    await page.getByLabel('Periode', { exact: true }).selectOption('B08');

    // Each unit's status in words, its late flag, and Disnaker's extended deadline in Balikpapan's zone.
    const rows = page.getByTestId('completeness-row');
    const disdikbud = rows.filter({ hasText: DISDIKBUD_NAME });
    await disdikbud.getByTestId('completeness-status').getByText('Terlambat').waitFor();
    await disdikbud.getByTestId('completeness-late').getByText('Terlambat').waitFor();
    const disnaker = rows.filter({ hasText: DISNAKER_NAME });
    await disnaker.getByTestId('completeness-status').getByText('Belum mulai').waitFor();
    await disnaker.getByTestId('completeness-deadline').getByText(/^Diperpanjang hingga .* pukul 23\.59 WITA$/).waitFor();
    expect(await page.locator('[data-testid="completeness-row"][data-status="LATE"]').count()).toBe(expectedLate.length);
    await expect(page.getByTestId('completeness-table').getAttribute('aria-rowcount')).resolves.toBe(String((await rows.count()) + 1));
    await expectAccessible(page, 'completeness', DESKTOP.height);

    // Late only: exactly the late units remain.
    await page.getByLabel('Hanya yang terlambat').check();
    await page.getByTestId('completeness-shown').getByText(new RegExp(`^${expectedLate.length} dari `)).waitFor();
    const shownNames = await rows.getByTestId('unit-name').allTextContents();
    expect([...shownNames].sort()).toEqual([...expectedLate].sort());

    // The CSV through the API's export, with the same filters: exactly those units, all late.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('kelengkapan-ranham-2025-B08.csv');
    const csv = parseCsv(readFileSync(await download.path()).toString('utf8').replace(/^\uFEFF/, ''));
    expect(csv[0].slice(3, 6)).toEqual(['Nama Organisasi', 'Status', 'Terlambat']);
    expect(csv.slice(1).map((row) => row[3]).sort()).toEqual([...expectedLate].sort());
    expect(new Set(csv.slice(1).map((row) => row[4]))).toEqual(new Set(['LATE']));
    await page.getByTestId('export-done').waitFor();

    // At phone size the page still works and passes axe; then the late unit's report opens from its link.
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'completeness-phone');
    await disdikbud.getByRole('link', { name: DISDIKBUD_NAME }).click();
    await page.waitForURL(`**/review/${disdikbudReport}`);
    await page.getByRole('heading', { level: 1, name: /Tinjau laporan RANHAM/ }).waitFor();
  });
});
