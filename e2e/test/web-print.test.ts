import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { eventually, kkpAnswersAt, pdfText } from '@peduli/testkit';
import { mkdirSync, readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiCaller, describeIfChromium, expectAccessible, SCREENSHOTS, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { MINIMAL_PDF, RunningSystem, createAndSubmit } from './system';

/**
 * Printed documents in Debian's Chromium at desktop size, against the real system (API, workers, PostgreSQL, Redis).
 * Kota Balikpapan's KKP HAM report answers every indicator of the demo cycle's version in full, each backed by the
 * documents its rule asks for, and the scoring worker rates it PEDULI. Balikpapan's coordinator opens the score's
 * page, asks for the score report, watches it being prepared, and the saved PDF (made by the report worker) is read
 * back: it carries the total and the band the page shows. A national admin then records the cycle's decree through
 * the API; the coordinator downloads the certificate the system made, which names the decree, and finds both
 * documents on Beranda. Each page passes axe and is photographed.
 */
const COORDINATOR = `koordinator.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const DESKTOP = { width: 1280, height: 900 };
const DECREE = { number: 'M.HH-07.HA.02.01.01/2026', date: '2026-11-20' };

interface Indicator {
  code: string;
  evidence: { allowedDocumentTypes: string[]; minCount: number };
}

/**
 * Documents that satisfy every indicator's evidence rule: for each indicator its first allowed type, and per type as
 * many PDFs as the most demanding indicator of that type needs, each naming all of them. The bytes differ per file,
 * so no two are the same stored document.
 */
function documentsFor(indicators: readonly Indicator[]) {
  const byType = new Map<string, { codes: string[]; count: number }>();
  for (const indicator of indicators) {
    const type = indicator.evidence.allowedDocumentTypes[0];
    if (!type || indicator.evidence.minCount <= 0) continue;
    const group = byType.get(type) ?? { codes: [], count: 0 };
    group.codes.push(indicator.code);
    group.count = Math.max(group.count, indicator.evidence.minCount);
    byType.set(type, group);
  }
  return [...byType].flatMap(([type, group]) =>
    Array.from({ length: group.count }, (_, index) => ({
      data: Buffer.concat([MINIMAL_PDF, Buffer.from(`% ${type} ${index}\n`)]),
      name: `${type.toLowerCase()}-${index + 1}.pdf`,
      mime: 'application/pdf',
      type,
      indicators: group.codes,
    })),
  );
}

describeIfChromium('the web app: printed score reports and certificates', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let cycle: { id: string; year: number; frameworkVersionId: string };
  let scoreId: string;

  const call = apiCaller(() => system);

  /** Clicks a download button and returns the saved file's name and the text of its pages. */
  async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
    const [saved] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: button, exact: true }).click()]);
    const path = await saved.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    return { name: saved.suggestedFilename(), text: (await pdfText(bytes)).join('\n') };
  }

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    [cycle] = (await call(system.token, 'GET', '/cycles?programme=KKP_HAM')) as unknown as (typeof cycle)[];
    await call(system.token, 'PUT', `/cycles/${cycle.id}/periods/TAHUNAN`, { deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    const version = (await call(system.token, 'GET', `/frameworks/versions/${cycle.frameworkVersionId}`)) as { content: { indicators: Indicator[] } };
    const indicators = version.content.indicators;
    const answers = kkpAnswersAt({ indicators } as unknown as Parameters<typeof kkpAnswersAt>[0], 1);
    const reportId = await createAndSubmit(
      system.apiUrl,
      system.token,
      { regionCode: '64.71', programme: 'KKP_HAM', periodKey: `${cycle.year}-TAHUNAN`, answers },
      documentsFor(indicators),
    );
    scoreId = await eventually(
      'Balikpapan’s report is scored by the scoring worker',
      async () => {
        const report = await call(system.token, 'GET', `/submissions/${reportId}`);
        const scores = report.scores as { id: string; band: string }[];
        if (report.status === 'CHECK_FAILED') throw new Error(`the check failed: ${JSON.stringify(report.checkProblems)}`);
        return scores.length > 0 ? scores[0] : undefined;
      },
      60_000,
    ).then((score) => {
      expect(score.band).toBe('PEDULI');
      return score.id;
    });
    context = await browser.newContext({ viewport: DESKTOP, baseURL: system.apiUrl, locale: 'id-ID', acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  it('the coordinator downloads the score report from the score’s page, and the PDF carries the total and band shown', async () => {
    const page = await context.newPage();
    await signInOnPage(page, COORDINATOR);
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();
    // Nothing has been printed yet, so Beranda has no documents to offer.
    expect(await page.getByTestId('home-documents').count()).toBe(0);

    await page.goto(`/scores/${scoreId}`);
    await page.getByRole('heading', { level: 1, name: 'Nilai Kota Balikpapan' }).waitFor();
    const total = (await page.getByTestId('score-total').textContent())!.trim();
    const band = (await page.getByTestId('score-band').textContent())!.trim();
    expect(total).toMatch(/^\d+,\d\d$/);
    expect(band).toBe('Peduli HAM');
    // Before the decree the page says when the certificate comes.
    await page.getByText('Piagam dibuat setelah keputusan siklus ini ditetapkan.').waitFor();

    const { name, text } = await download(page, 'Unduh laporan nilai (PDF)');
    expect(name).toBe(`Laporan Nilai KKP HAM ${cycle.year} - Kota Balikpapan.pdf`);
    await page.getByTestId('print-KKP_SCORE_REPORT-status').getByText(`Tersimpan sebagai "${name}".`).waitFor();
    expect(text).toContain('Kota Balikpapan');
    expect(text).toContain(total);
    expect(text).toContain(band);
    await expectAccessible(page, 'score-printed', DESKTOP.height);
    await page.close();
  });

  it('once the decree is recorded, the certificate names it and both documents are on Beranda', async () => {
    await call(system.token, 'PATCH', `/cycles/${cycle.id}/decree`, DECREE);
    const page = await context.newPage();
    await page.goto(`/scores/${scoreId}`);
    // A fresh page after a reload: the session comes back from the cookie.
    await page.getByRole('heading', { level: 1, name: 'Nilai Kota Balikpapan' }).waitFor();
    const certificate = page.getByTestId('certificate');
    await certificate.getByText(`Keputusan nomor ${DECREE.number} tanggal 20 November 2026.`).waitFor();
    // The certificate's request may still be in the queue when the page opens; the button waits for it.
    const { name, text } = await download(page, 'Unduh piagam (PDF)');
    expect(name).toBe(`Piagam KKP HAM ${cycle.year} - Kota Balikpapan.pdf`);
    expect(text).toContain(DECREE.number);
    expect(text).toContain('Kota Balikpapan');
    await page.getByTestId('print-certificate-status').getByText(`Tersimpan sebagai "${name}".`).waitFor();

    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();
    const documents = page.getByTestId('home-documents');
    await documents.getByRole('button', { name: `Unduh ${name}` }).waitFor();
    await documents.getByRole('button', { name: `Unduh Laporan Nilai KKP HAM ${cycle.year} - Kota Balikpapan.pdf` }).waitFor();
    const again = await download(page, `Unduh ${name}`);
    expect(again.text).toContain(DECREE.number);
    await expectAccessible(page, 'home-printed', DESKTOP.height);
    await page.close();
  });
});
