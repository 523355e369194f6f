import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { signIn } from '@peduli/testkit';
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiCaller, DEMO_PASSWORD, describeIfChromium, expectAccessible, PHONE, SCREENSHOTS, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { RunningSystem } from './system';

/**
 * Who answers what, and answers by spreadsheet, in Debian's Chromium at phone size against the real system. The
 * Balikpapan coordinator assigns K1.S1 and K2.S1 to Dinas Kesehatan on /manage/assignments (K1.S1 shared with another
 * unit, after being told that two units need a lead) and sees the unassigned count drop. Dinas Kesehatan's operator then sees only those two
 * tasks ("2 butir ditugaskan kepada unit Anda"), downloads the workbook, fills it in with one wrong cell, uploads it
 * and is shown the cell by name with nothing saved; corrected, the upload is taken and the answers show on the page
 * and in the API.
 */
const COORDINATOR = `koordinator.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const OPERATOR = `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const DINKES = 'Dinas Kesehatan Kota Balikpapan';
const DISDIKBUD = 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan';
const ASSIGNED = ['K1.S1', 'K2.S1'];

describeIfChromium('the web app: a coordinator assigns items to a unit, whose operator answers them by workbook', () => {
  let system: RunningSystem;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let operator: string;
  let submissionId: string;
  const files = mkdtempSync(join(tmpdir(), 'peduli-workbook-'));

  const call = apiCaller(() => system);

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    const cycles = (await call(system.token, 'GET', '/cycles?programme=KKP_HAM')) as unknown as { id: string; year: number }[];
    await call(system.token, 'PUT', `/cycles/${cycles[0].id}/periods/TAHUNAN`, { deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    operator = await signIn(system.apiUrl, OPERATOR, DEMO_PASSWORD);
    const organisationId = ((await call(operator, 'GET', '/auth/me')).user as { organisationId: string }).organisationId;
    submissionId = (await call(operator, 'POST', '/submissions', { organisationId, programme: 'KKP_HAM', periodKey: `${cycles[0].year}-TAHUNAN` })).id as string;
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await system?.stop();
  });

  async function signedInPage(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, baseURL: system.apiUrl, locale: 'id-ID', acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    await signInOnPage(page, email);
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();
    return page;
  }

  /** Picks a unit in an item's multi-select (typing narrows the list; the option is clicked). */
  async function addUnit(page: Page, code: string, unit: string): Promise<void> {
    const units = page.getByRole('combobox', { name: `Unit untuk ${code}`, exact: true });
    await units.click();
    await units.fill(unit.slice(0, 14));
    await page.getByRole('listbox', { name: `Unit untuk ${code}`, exact: true }).getByRole('option', { name: unit, exact: true }).click();
    await page.keyboard.press('Escape');
  }

  /** The workbook's answer cells by code, written with `values`, saved as a new file. */
  async function filledWorkbook(source: string, name: string, values: Record<string, string>): Promise<{ path: string; rows: Record<string, number> }> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(source);
    const sheet = workbook.getWorksheet('Jawaban')!;
    const rows: Record<string, number> = {};
    sheet.eachRow((row, number) => {
      const code = String(row.getCell(1).value ?? '');
      if (code in values) {
        row.getCell(5).value = values[code];
        rows[code] = number;
      }
    });
    const path = join(files, name);
    await workbook.xlsx.writeFile(path);
    return { path, rows };
  }

  it('assigns two indicators to a unit, which answers exactly those by workbook after one refused cell', async () => {
    // The coordinator, on a phone: two units on one item without a lead are refused before sending, then assigned.
    const coordinatorPage = await signedInPage(COORDINATOR);
    await coordinatorPage.getByTestId('assignments-home-link').getByRole('link', { name: 'Tugaskan butir kepada unit' }).click();
    await coordinatorPage.getByRole('heading', { level: 1, name: 'Penugasan butir' }).waitFor();
    const cycleSelect = coordinatorPage.getByRole('combobox', { name: 'Siklus' });
    const kkpCycle = (await cycleSelect.locator('option').allTextContents()).find((label) => label.startsWith('KKP HAM'))!;
    await cycleSelect.selectOption({ label: kkpCycle });
    await coordinatorPage.getByTestId('not-assigning').waitFor();

    await addUnit(coordinatorPage, 'K1.S1', DINKES);
    await addUnit(coordinatorPage, 'K1.S1', DISDIKBUD);
    // The first unit chosen stays the lead; with none chosen, the page names the item before anything is sent.
    const lead = coordinatorPage.getByRole('combobox', { name: 'Unit utama untuk K1.S1', exact: true });
    expect(await lead.inputValue()).not.toBe('');
    await lead.selectOption({ label: '— pilih unit utama —' });
    await coordinatorPage.getByTestId('assignments-save').click();
    const summary = coordinatorPage.getByTestId('error-summary');
    await summary.getByRole('link', { name: 'K1.S1: pilih unit utama, karena ada beberapa unit' }).click();
    expect(await coordinatorPage.locator(':focus').getAttribute('id')).toBe('assign-lead-K1_S1');
    await expectAccessible(coordinatorPage, 'assignments-problem');

    // Dinkes leads K1.S1 (Disdikbud answers it too) and answers K2.S1 alone; the unassigned count falls by two.
    await lead.selectOption({ label: DINKES });
    await addUnit(coordinatorPage, 'K2.S1', DINKES);
    const saved = coordinatorPage.waitForResponse((r) => r.url().includes('/api/v1/assignments') && r.request().method() === 'PUT');
    await coordinatorPage.getByTestId('assignments-save').click();
    const answer = await saved;
    expect(answer.status()).toBe(200);
    const stored = (await answer.json()) as { items: { code: string; unitIds: string[] }[]; unassignedCodes: string[] };
    expect(stored.items.filter((item) => item.unitIds.length > 0).map((item) => item.code)).toEqual(ASSIGNED);
    await coordinatorPage.getByTestId('assignments-state').getByText('Penugasan tersimpan.').waitFor();
    const count = coordinatorPage.getByTestId('unassigned-count');
    expect(await count.getAttribute('data-count')).toBe(String(stored.unassignedCodes.length));
    expect(await count.textContent()).toBe(`${stored.unassignedCodes.length} butir belum ditugaskan kepada unit mana pun`);
    expect(stored.unassignedCodes).not.toContain('K1.S1');
    await expectAccessible(coordinatorPage, 'assignments');

    // The operator sees only the two assigned indicators, and says so.
    const page = await signedInPage(OPERATOR);
    await page.goto(`/reports/${submissionId}`);
    await page.getByTestId('assigned-items').getByText('2 butir ditugaskan kepada unit Anda').waitFor();
    const tasks = page.getByTestId('task');
    await tasks.first().waitFor();
    expect(await tasks.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code')))).toEqual(ASSIGNED);

    // Downloaded through the page (the session's token), filled in with one answer that is not yes or no.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('workbook-download').click();
    const download = await downloading;
    const downloaded = join(files, 'downloaded.xlsx');
    await download.saveAs(downloaded);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bad = await filledWorkbook(downloaded, 'bad.xlsx', { 'K1.S1': 'mungkin', 'K2.S1': 'ya' });
    expect(Object.keys(bad.rows).sort()).toEqual(ASSIGNED);

    await page.getByTestId('workbook-file').setInputFiles(bad.path);
    const refused = page.waitForResponse((r) => r.url().endsWith('/workbook') && r.request().method() === 'POST');
    await page.getByTestId('workbook-upload').click();
    expect((await refused).status()).toBe(400);
    await page.getByTestId('error-summary').getByText(new RegExp(`^Jawaban!E${bad.rows['K1.S1']}: `)).waitFor();
    expect(await page.getByTestId('error-summary').getByRole('link').count()).toBe(1);
    await expectAccessible(page, 'workbook-refused');
    expect((await call(operator, 'GET', `/submissions/${submissionId}`)).answers).toEqual({});

    // Corrected and uploaded: taken, and the page's tasks show both answered.
    const good = await filledWorkbook(downloaded, 'good.xlsx', { 'K1.S1': 'ya', 'K2.S1': 'tidak' });
    await page.getByTestId('workbook-file').setInputFiles(good.path);
    const taken = page.waitForResponse((r) => r.url().endsWith('/workbook') && r.request().method() === 'POST');
    await page.getByTestId('workbook-upload').click();
    expect((await taken).status()).toBe(200);
    await page.getByTestId('workbook-done').waitFor();
    for (const code of ASSIGNED) await page.locator(`[data-testid="task"][data-code="${code}"]`).getByText('Selesai').waitFor();
    await page.getByTestId('error-summary').waitFor({ state: 'detached' });
    await expectAccessible(page, 'workbook-uploaded');
    expect((await call(operator, 'GET', `/submissions/${submissionId}`)).answers).toEqual({ 'K1.S1': true, 'K2.S1': false });

    // The same workbook again: the report moved on since its download (that upload changed it). The page tells a stale
    // workbook from a locked report by the 409's code, without reading the report again, and nothing is saved.
    const stale = await filledWorkbook(downloaded, 'stale.xlsx', { 'K1.S1': 'tidak', 'K2.S1': 'tidak' });
    await page.getByTestId('workbook-file').setInputFiles(stale.path);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
    const conflict = page.waitForResponse((r) => r.url().endsWith('/workbook') && r.request().method() === 'POST');
    await page.getByTestId('workbook-upload').click();
    expect((await conflict).status()).toBe(409);
    await page.getByTestId('error-summary').getByText(/^Laporan ini berubah setelah workbook diunduh/).waitFor();
    expect(requests).toContain(`POST /api/v1/submissions/${submissionId}/workbook`);
    expect(requests).not.toContain(`GET /api/v1/submissions/${submissionId}`);
    // The earlier upload's "taken" notice goes: this file was not.
    expect(await page.getByTestId('workbook-done').count()).toBe(0);
    await expectAccessible(page, 'workbook-stale');
    expect((await call(operator, 'GET', `/submissions/${submissionId}`)).answers).toEqual({ 'K1.S1': true, 'K2.S1': false });
  });
});
