import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { eventually, signIn } from '@peduli/testkit';
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD, PHONE, SCREENSHOTS, apiCaller, describeIfChromium, expectAccessible, startSystemAndBrowser, witaDateInDays } from './browser';
import { RunningSystem } from './system';

/**
 * A unit operator's first visit, in Debian's Chromium at phone size against the real system: sign in, see Beranda
 * with this period's deadline in WITA (Balikpapan's zone) and a report returned with its reason, switch to English
 * and back (remembered across a reload), sign out, then set a new password from the mailed reset link and sign in. Every page passes axe with no serious or critical violation, and each is photographed for the docs.
 */
const OPERATOR = `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const UNIT_HEAD = `kepala.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const RETURN_COMMENT = 'Notulen rapat koordinasi belum dilampirkan.';
const NEW_PASSWORD = 'kata sandi baru yang panjang';

describeIfChromium('the web app: a unit operator signs in, sees Beranda, switches language, signs out and resets a password', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ system, browser } = await startSystemAndBrowser());
    // An open KKP HAM period whose deadline is local to each unit: 23.59 in Balikpapan three days from now.
    const cycles = (await (await fetch(`${system.apiUrl}/api/v1/cycles?programme=KKP_HAM`, { headers: { authorization: `Bearer ${system.token}` } })).json()) as {
      id: string;
      year: number;
    }[];
    const period = await fetch(`${system.apiUrl}/api/v1/cycles/${cycles[0].id}/periods/TAHUNAN`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${system.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deadlineDate: witaDateInDays(3), deadlineTime: '23:59' }),
    });
    expect(period.status).toBe(200);
    await returnedReportOfTheUnit(cycles[0].year);
    // Axe needs a page from a context (not browser.newPage()).
    context = await browser.newContext({ viewport: PHONE, baseURL: system.apiUrl, locale: 'id-ID' });
    // A missing element fails within seconds rather than at Jest's timeout; the slowest wait here is under a second.
    context.setDefaultTimeout(15_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  /** The operator's report, submitted and returned by the unit head with a reason, as Beranda must show it. */
  async function returnedReportOfTheUnit(year: number): Promise<void> {
    const call = apiCaller(() => system);
    const [operator, head] = await Promise.all([signIn(system.apiUrl, OPERATOR, DEMO_PASSWORD), signIn(system.apiUrl, UNIT_HEAD, DEMO_PASSWORD)]);
    const me = await call(operator, 'GET', '/auth/me');
    const organisationId = (me.user as { organisationId: string }).organisationId;
    const created = await call(operator, 'POST', '/submissions', { organisationId, programme: 'KKP_HAM', periodKey: `${year}-TAHUNAN` });
    await call(operator, 'POST', `/submissions/${created.id}/submit`);
    await eventually('the report waits for the unit head', async () =>
      (await call(head, 'GET', `/submissions/${created.id}`)).reviewStage === 'UNIT_HEAD' ? true : undefined,
    );
    await call(head, 'POST', `/submissions/${created.id}/return`, { reasons: [{ code: 'MISSING_MINUTES' }], comment: RETURN_COMMENT });
  }

  it('walks the journey with keyboard-reachable, labelled controls at 360×800', async () => {
    const page = await context.newPage();
    await page.goto('/');
    // Signed out: the app sends the visitor to the sign-in page.
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // A wrong password: the API's Indonesian message in the error summary, focused.
    await page.getByLabel('Email').fill(OPERATOR);
    await page.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByText('Email atau kata sandi salah.').waitFor();
    await expectAccessible(page, 'sign-in-error');

    // The right one, sent with the keyboard.
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByLabel('Kata sandi').press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();
    const deadline = page.getByTestId('deadline').first();
    await deadline.waitFor();
    expect(await deadline.textContent()).toMatch(/^sisa [23] hari · \d{1,2} \w+ \d{4} pukul 23\.59 WITA$/);
    const report = page.getByTestId('submission').first();
    await report.getByText('Dikembalikan', { exact: true }).waitFor();
    await report.getByText(RETURN_COMMENT).waitFor();
    await expectAccessible(page, 'beranda');

    // English, remembered across a reload (the session too: the refresh cookie signs the page in again).
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Home — my tasks' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Home — my tasks' }).waitFor();
    expect(await page.getByTestId('deadline').first().textContent()).toMatch(/^[23] days left · \d{1,2} \w+ \d{4}, 23:59 WITA$/);
    expect(await page.evaluate('Object.keys(window.localStorage)')).toEqual(['peduli.language']);
    await expectAccessible(page, 'beranda-en');
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();

    // Signing out ends the session: a reload stays signed out.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page, 'sign-in');

    // A forgotten password: the mailed link opens the app's page for a new one, which then signs in.
    await page.getByLabel('Email').fill(OPERATOR);
    await page.getByRole('button', { name: 'Kirim tautan atur ulang' }).click();
    await page.getByRole('status').getByText('tautan untuk mengatur ulang kata sandi sudah dikirim').waitFor();
    const isResetMail = (mail: { to: string | string[]; text: string }) => mail.to.includes(OPERATOR) && mail.text.includes('#token=');
    const mails = await system.sink.waitFor((all) => all.some(isResetMail), 30_000);
    const link = new URL(/https?:\/\/\S+#token=pac_[\w-]{43}/.exec(mails.find(isResetMail)!.text)![0]);
    expect(link.pathname).toBe('/account/password-reset');
    await page.goto(`${link.pathname}${link.hash}`);
    await page.getByRole('heading', { level: 1, name: 'Atur ulang kata sandi' }).waitFor();
    expect(new URL(page.url()).hash).toBe(''); // the token leaves the address bar once read
    await expectAccessible(page, 'password-reset');
    await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Ulangi kata sandi baru').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByRole('link', { name: 'Ke halaman Masuk' }).click();
    await page.getByLabel('Email').fill(OPERATOR);
    await page.getByLabel('Kata sandi').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();
  });
});
