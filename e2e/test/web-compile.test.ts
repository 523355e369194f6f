import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { MINIMAL_PDF, eventually, signIn, uploadEvidence } from '@peduli/testkit';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext } from 'playwright-core';
import { apiCaller, DEMO_PASSWORD, describeIfChromium, expectAccessible, PHONE, SCREENSHOTS, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { RunningSystem } from './system';

/**
 * The Balikpapan coordinator's compile journey on a phone (360×800) against the real system: two units' KKP HAM
 * inputs, approved by their heads and the coordinator through the review endpoints, agree on K2.S1 and disagree on
 * K1.S1. On /compile the coordinator sees both inputs approved, compiles, finds the disagreement listed with both
 * units' names and values, settles it (after being told to choose), compiles again, and submits the compiled report
 * from its check-your-answers page; the API then holds the report as submitted with the settled value.
 */
const DINKES = 'Dinas Kesehatan Kota Balikpapan';
const DISDIKBUD = 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan';
const COORDINATOR = `koordinator.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const PERIOD_OPTION = 'KKP HAM 2026 (data 2025) · periode TAHUNAN';

describeIfChromium('the web app: a coordinator compiles the units’ approved inputs and settles their disagreement', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let coordinator: string;
  let periodKey: string;

  const call = apiCaller(() => system);
  const demo = (local: string) => signIn(system.apiUrl, `${local}@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);

  /** A unit's input, submitted, checked, and approved by its head and then the coordinator (VERIFIED). */
  async function approvedInput(unit: string, answers: Record<string, boolean>, evidenceFor: string[]): Promise<string> {
    const [operator, head] = await Promise.all([demo(`operator.${unit}.balikpapan`), demo(`kepala.${unit}.balikpapan`)]);
    const organisationId = ((await call(operator, 'GET', '/auth/me')).user as { organisationId: string }).organisationId;
    const { id } = (await call(operator, 'POST', '/submissions', { organisationId, programme: 'KKP_HAM', periodKey, answers })) as { id: string };
    if (evidenceFor.length > 0) await uploadEvidence(system.apiUrl, operator, id, MINIMAL_PDF, 'sk-wali-kota.pdf', 'application/pdf', 'SK', evidenceFor);
    await call(operator, 'POST', `/submissions/${id}/submit`);
    const stage = (wanted: string) =>
      eventually(`${unit}'s input waits at ${wanted}`, async () => ((await call(head, 'GET', `/submissions/${id}`)).reviewStage === wanted ? true : undefined));
    await stage('UNIT_HEAD');
    await call(head, 'POST', `/submissions/${id}/approve`, {});
    await stage('COORDINATOR');
    await call(coordinator, 'POST', `/submissions/${id}/approve`, {});
    return id;
  }

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    const cycles = (await call(system.token, 'GET', '/cycles?programme=KKP_HAM')) as unknown as { id: string; year: number }[];
    await call(system.token, 'PUT', `/cycles/${cycles[0].id}/periods/TAHUNAN`, { deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    periodKey = `${cycles[0].year}-TAHUNAN`;
    coordinator = await signIn(system.apiUrl, COORDINATOR, DEMO_PASSWORD);
    // They agree that there is no regulation on K2.S1 and disagree on K1.S1 (Dinkes backs its "yes" with an SK).
    await Promise.all([
      approvedInput('dinkes', { 'K1.S1': true, 'K2.S1': false }, ['K1.S1']),
      approvedInput('disdikbud', { 'K1.S1': false, 'K2.S1': false }, []),
    ]);
    context = await browser.newContext({ viewport: PHONE, baseURL: system.apiUrl, locale: 'id-ID' });
    context.setDefaultTimeout(15_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  it('lists both approved inputs, names the disagreement with both units and values, settles it, and submits the compiled report', async () => {
    const page = await context.newPage();
    await signInOnPage(page, COORDINATOR);
    await page.getByTestId('compile-home-link').getByRole('link', { name: 'Kompilasi laporan dari masukan unit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kompilasi laporan' }).waitFor();
    await page.getByTestId('reporter-name').getByText(/Balikpapan/i).waitFor();
    await page.getByRole('combobox', { name: 'Periode' }).selectOption({ label: PERIOD_OPTION });

    const inputs = page.getByTestId('unit-input');
    for (const unit of [DINKES, DISDIKBUD]) {
      await page.locator('[data-testid="unit-input"][data-approved="true"]').filter({ hasText: unit }).getByText('Terverifikasi').waitFor();
    }
    await inputs.filter({ hasText: 'Dinas Tenaga Kerja Kota Balikpapan' }).getByText('Belum membuat laporan').waitFor();
    await page.getByTestId('compiled-status').waitFor({ state: 'detached' });
    await expectAccessible(page, 'compile');

    // The first compilation is refused: K1.S1 is listed with both units' names and values; nothing is written yet.
    const refused = page.waitForResponse((r) => r.url().endsWith('/submissions/compile') && r.request().method() === 'POST');
    await page.getByTestId('compile-run').click();
    expect((await refused).status()).toBe(409);
    const conflict = page.locator('[data-testid="conflict"][data-code="K1.S1"]');
    await conflict.getByRole('radio', { name: `${DINKES}: ya` }).waitFor();
    await conflict.getByRole('radio', { name: `${DISDIKBUD}: tidak` }).waitFor();
    expect(await page.getByTestId('conflict').count()).toBe(1);

    // Nothing chosen: the error summary at the top links to the question, which shows the same problem.
    await page.getByRole('button', { name: 'Pakai jawaban ini dan kompilasi lagi' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByRole('link', { name: 'Pilih jawaban yang berlaku untuk K1.S1' }).click();
    expect(await page.locator(':focus').getAttribute('value')).toBe('0');
    await expectAccessible(page, 'compile-conflict');

    await conflict.getByRole('radio', { name: `${DINKES}: ya` }).check();
    const settled = page.waitForResponse((r) => r.url().endsWith('/submissions/compile') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Pakai jawaban ini dan kompilasi lagi' }).click();
    expect((await settled).status()).toBe(200);
    const from = page.getByTestId('compiled-from');
    await from.getByRole('row', { name: new RegExp(`${DINKES}.*K1\\.S1, K2\\.S1.*1`) }).waitFor();
    await from.getByRole('row', { name: new RegExp(`${DISDIKBUD}.*K1\\.S1, K2\\.S1.*0`) }).waitFor();
    await page.getByTestId('compiled-status').getByText('Draf').waitFor();

    // On to the compiled report's check-your-answers page, and submit it there.
    await page.getByTestId('check-and-submit').click();
    await page.getByTestId('answers-summary').getByRole('row', { name: /K1\.S1\s*Ya/ }).waitFor();
    const submitted = page.waitForResponse((r) => /\/submissions\/[^/]+\/submit$/.test(r.url()) && r.request().method() === 'POST');
    await page.getByTestId('submit').click();
    const answer = await submitted;
    expect(answer.status()).toBe(200);
    const submittedReport = (await answer.json()) as { id: string; status: string };
    expect(submittedReport.status).toBe('SUBMITTED');

    const report = await call(coordinator, 'GET', `/submissions/${submittedReport.id}`);
    expect(report).toMatchObject({ organisationId: null, regionCode: '64.71', submitCount: 1, answers: { 'K1.S1': true, 'K2.S1': false } });
    expect(report.submittedAt).not.toBeNull();
    await page.close();
  });
});
