import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { TEST_PASSWORD, eventually, kkpAnswersAt } from '@peduli/testkit';
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiCaller, DEMO_PASSWORD, describeIfChromium, expectAccessible, SCREENSHOTS, signInOnPage, startSystemAndBrowser } from './browser';
import { RunningSystem } from './system';

/**
 * A national admin in Debian's Chromium at desktop size against the real system: imports a KKP HAM framework file
 * with two mistakes and sees both by sheet and row, imports the corrected file as a draft, runs a what-if that moves
 * exactly one regency's band, publishes into the cycle, and watches the recalculation finish with that band change
 * reported. Someone without the role gets a plain "no access" page at the same address. axe on every page.
 */
const SAMPLE_CODE = 'KKP_HAM_PERMENKUMHAM_22_2021';
const CYCLE_LABEL = 'KKP HAM 2025 (uji kerangka)';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DESKTOP = { width: 1280, height: 900 };
/** Spread far enough apart that no two regencies share a total. */
const QUALITIES = [0.35, 0.5, 0.6, 0.7, 0.8, 0.95];

interface Run {
  status: string;
  bandChanges: { regionCode: string; from: { band: string; total: number } | null; to: { band: string; total: number } }[];
}
interface Edge {
  band: string;
  min: number;
}

/**
 * The one band edge to raise so that exactly one regency drops a band: the lowest scorer of a band that is not the
 * lowest, when the next total up is clear of it. The new edge sits halfway to the next total or edge above.
 */
function oneBandChange(totals: { regionCode: string; total: number }[], edges: Edge[]): { band: string; min: number; regionCode: string; from: string; to: string } {
  const sorted = [...edges].sort((a, b) => a.min - b.min);
  const bandOf = (total: number) => [...sorted].reverse().find((edge) => total >= edge.min)!;
  for (let index = 1; index < sorted.length; index += 1) {
    const edge = sorted[index];
    const inBand = totals.filter((row) => bandOf(row.total).band === edge.band).sort((a, b) => a.total - b.total);
    if (inBand.length === 0) continue;
    const lowest = inBand[0];
    const above = Math.min(...totals.filter((row) => row.total > lowest.total).map((row) => row.total), sorted[index + 1]?.min ?? 100.01);
    const min = Math.round(((lowest.total + above) / 2) * 100) / 100;
    if (min > lowest.total && min < above && totals.filter((row) => row.total === lowest.total).length === 1) {
      return { band: edge.band, min, regionCode: lowest.regionCode, from: edge.band, to: sorted[index - 1].band };
    }
  }
  throw new Error(`no single band change found in ${JSON.stringify(totals)}`);
}

/** Finds the row of a sheet whose cell under `header` holds `value`. */
function rowWhere(sheet: ExcelJS.Worksheet, header: string, value: string | number): ExcelJS.Row {
  const column = (sheet.getRow(1).values as unknown[]).findIndex((cell) => String(cell).trim().toLowerCase() === header);
  for (let number = 2; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    if (String(row.getCell(column).value) === String(value)) return row;
  }
  throw new Error(`no row with ${header} = ${value} in ${sheet.name}`);
}

const columnOf = (sheet: ExcelJS.Worksheet, header: string): number =>
  (sheet.getRow(1).values as unknown[]).findIndex((cell) => String(cell).trim().toLowerCase() === header);

describeIfChromium('the web app: a national admin imports, tests and publishes a framework version', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let regionName: string;
  let change: ReturnType<typeof oneBandChange>;
  let corrected: Buffer;
  let mistaken: Buffer;
  let mistakeRows: { answerType: number; points: number };

  const call = apiCaller(() => system);

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    const db = system.database.dataSource;
    const versions = (await call(system.token, 'GET', '/frameworks/versions?programme=KKP_HAM')) as unknown as { id: string; frameworkCode: string; version: number }[];
    const v1 = versions.find((version) => version.frameworkCode === SAMPLE_CODE && version.version === 1)!;
    const content = (await call(system.token, 'GET', `/frameworks/versions/${v1.id}`)).content as { indicators: never[]; rules: { bands: Edge[] } };

    // Six Kalimantan Timur regencies with verified KKP HAM reports for 2025 at different qualities, scored when the
    // 2025 cycle opens (the demo cycle is 2026 and has none).
    const regions: { code: string; name: string }[] = await db.query(`SELECT code, name FROM region WHERE province_code = '64' ORDER BY code LIMIT $1`, [QUALITIES.length]);
    await db.query(
      `INSERT INTO submission (region_code, programme, period_key, status, answers, submit_count, version)
       SELECT r.code, 'KKP_HAM', '2025-TAHUNAN', 'VERIFIED', r.answers::jsonb, 1, 1 FROM jsonb_to_recordset($1::jsonb) AS r(code text, answers text)`,
      [JSON.stringify(regions.map((region, index) => ({ code: region.code, answers: JSON.stringify(kkpAnswersAt(content, QUALITIES[index])) })))],
    );
    const opened = (await call(system.token, 'POST', '/cycles', { programme: 'KKP_HAM', year: 2025, label: CYCLE_LABEL, frameworkVersionId: v1.id })) as {
      recalculation: { id: string };
    };
    const scored = await eventually('the 2025 cycle is scored', async () => {
      const run = (await call(system.token, 'GET', `/recalculations/${opened.recalculation.id}`)) as unknown as Run;
      return run.status === 'FINISHED' ? run : undefined;
    });
    expect(scored.bandChanges).toHaveLength(QUALITIES.length);
    change = oneBandChange(
      scored.bandChanges.map((row) => ({ regionCode: row.regionCode, total: row.to.total })),
      content.rules.bands,
    );
    regionName = regions.find((region) => region.code === change.regionCode)!.name;

    // The current version as XLSX; the corrected file raises one band's edge, the mistaken one also breaks two rows.
    const exported = await fetch(`${system.apiUrl}/api/v1/frameworks/versions/${v1.id}/export?format=xlsx`, { headers: { authorization: `Bearer ${system.token}` } });
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await exported.arrayBuffer()) as unknown as ArrayBuffer);
    const bands = workbook.getWorksheet('Kategori')!;
    rowWhere(bands, 'kategori', change.band).getCell(columnOf(bands, 'min')).value = change.min;
    corrected = Buffer.from(await workbook.xlsx.writeBuffer());

    // Yes/no indicators, which no other sheet refers to, so each mistake is reported once, at its own row: an answer
    // type that does not exist, and points written in words.
    const indicators = workbook.getWorksheet('Indikator')!;
    const answerType = columnOf(indicators, 'jenis_jawaban');
    const yesNo: number[] = [];
    indicators.eachRow((row, number) => {
      if (number > 1 && row.getCell(answerType).value === 'YES_NO') yesNo.push(number);
    });
    expect(yesNo.length).toBeGreaterThanOrEqual(3);
    mistakeRows = { answerType: yesNo[0], points: yesNo[2] };
    indicators.getRow(mistakeRows.answerType).getCell(answerType).value = 'ANGKA_DESIMAL';
    indicators.getRow(mistakeRows.points).getCell(columnOf(indicators, 'poin')).value = 'sepuluh';
    mistaken = Buffer.from(await workbook.xlsx.writeBuffer());

    context = await browser.newContext({ viewport: DESKTOP, baseURL: system.apiUrl, locale: 'id-ID' });
    context.setDefaultTimeout(15_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  async function signInAs(page: Page, email: string, password: string): Promise<void> {
    await signInOnPage(page, email, password);
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();
  }

  it('imports a file with two mistakes, then the corrected one, runs a what-if, publishes and watches the recalculation', async () => {
    const page = await context.newPage();
    await signInAs(page, 'admin@peduli.test', TEST_PASSWORD);
    await page.getByRole('link', { name: 'Kelola kerangka penilaian' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kerangka penilaian' }).waitFor();
    const current = page.getByTestId('version-row').filter({ hasText: SAMPLE_CODE });
    await current.first().getByText('Terbit', { exact: true }).waitFor();
    await expectAccessible(page, 'admin-frameworks', DESKTOP.height);

    // Two mistakes: both reported by sheet and row, in the summary and the report, and nothing is created.
    await page.locator('#import-new-file').setInputFiles({ name: 'kkp-ham-salah.xlsx', mimeType: XLSX, buffer: mistaken });
    await page.getByRole('button', { name: 'Impor berkas' }).click();
    await page.getByTestId('problem-report').waitFor();
    const problems = page.getByTestId('problem-row');
    expect(await problems.allTextContents()).toHaveLength(2);
    await page.getByTestId('error-summary').getByText(`Lembar Indikator, baris ${mistakeRows.answerType}, kolom`).waitFor();
    await page.getByTestId('error-summary').getByText(`Lembar Indikator, baris ${mistakeRows.points}, kolom`).waitFor();
    expect(await problems.nth(0).locator('td').first().textContent()).toBe(String(mistakeRows.answerType));
    expect(await problems.nth(1).locator('td').first().textContent()).toBe(String(mistakeRows.points));
    await expectAccessible(page, 'admin-framework-import-problems', DESKTOP.height);
    expect(await page.getByTestId('version-row').filter({ has: page.getByText('Draf', { exact: true }) }).count()).toBe(0);

    // The corrected file becomes draft version 2, on its own page.
    await page.locator('#import-new-file').setInputFiles({ name: 'kkp-ham-benar.xlsx', mimeType: XLSX, buffer: corrected });
    await page.getByRole('button', { name: 'Impor berkas' }).click();
    await page.getByText('versi 2', { exact: false }).first().waitFor();
    await page.getByTestId('version-status').getByText('Draf').waitFor();
    await page.getByTestId('draft-ready').waitFor();

    // Editing an indicator: points that are not a number are refused at the field; a clearer text is saved.
    const edit = page.getByTestId('indicator-edit');
    await edit.getByLabel('Poin', { exact: true }).fill('nol');
    await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
    await edit.getByTestId('error-summary').getByText('Masukkan poin berupa angka lebih dari 0, misalnya 7,5').waitFor();
    const points = await page.getByTestId('indicator-row').first().locator('td').nth(4).textContent();
    await edit.getByLabel('Poin', { exact: true }).fill(points!);
    const text = `${await edit.getByLabel('Teks indikator').inputValue()} (diperjelas)`;
    await edit.getByLabel('Teks indikator').fill(text);
    await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
    await edit.getByTestId('indicator-saved').waitFor();
    await page.getByTestId('indicator-row').first().getByText(text).waitFor();

    // What-if against the 2025 cycle's current scores: exactly the one regency changes band.
    await page.getByLabel('Siklus yang jawabannya dinilai').selectOption({ label: CYCLE_LABEL });
    await page.getByRole('button', { name: 'Jalankan uji dampak' }).click();
    const whatIf = page.getByTestId('what-if-result');
    await whatIf.waitFor();
    await expectBandChange(page.getByTestId('what-if'));
    await expectAccessible(page, 'admin-framework-whatif', DESKTOP.height);

    // Publish into the 2025 cycle, confirm, and watch the run finish with the same band change.
    await page.getByRole('checkbox', { name: CYCLE_LABEL }).check();
    await page.getByRole('button', { name: 'Terbitkan versi ini' }).click();
    await page.getByTestId('publish-confirm').getByText(CYCLE_LABEL, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Ya, terbitkan sekarang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Penghitungan ulang nilai' }).waitFor();
    await page.getByTestId('run-progress').waitFor();
    await page.getByTestId('run-report').waitFor({ timeout: 30_000 });
    await page.getByTestId('run-status').getByText(/^Selesai · 6 dari 6 laporan diproses \(100%\), 0 gagal$/).waitFor();
    await expectBandChange(page.getByTestId('run-report'));
    await expectAccessible(page, 'admin-recalculation', DESKTOP.height);
    await page.close();
  }, 90_000);

  async function expectBandChange(scope: ReturnType<Page['getByTestId']>): Promise<void> {
    const rows = scope.getByTestId('band-change');
    await rows.first().getByText(`${regionName} (${change.regionCode})`).waitFor();
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells[1]).toMatch(new RegExp(`^${BAND_WORDS[change.from]} \\(`));
    expect(cells[2]).toMatch(new RegExp(`^${BAND_WORDS[change.to]} \\(`));
    expect(cells[3]).toBe('Turun');
  }

  it('tells someone who is not a national admin that the page is not for them, at its own address', async () => {
    const own = await browser.newContext({ viewport: DESKTOP, baseURL: system.apiUrl, locale: 'id-ID' });
    const page = await own.newPage();
    await signInAs(page, `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
    await expect(page.getByRole('link', { name: 'Kelola kerangka penilaian' }).count()).resolves.toBe(0);
    await page.goto('/manage/frameworks');
    await page.getByTestId('frameworks-no-access').waitFor();
    await own.close();
  });
});

const BAND_WORDS: Record<string, string> = {
  PEDULI: 'Peduli HAM',
  CUKUP_PEDULI: 'Cukup Peduli HAM',
  MULAI_PEDULI: 'Mulai Peduli HAM',
  KURANG_PEDULI: 'Kurang Peduli HAM',
};
