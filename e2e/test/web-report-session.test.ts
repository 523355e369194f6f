import { DEMO_EMAIL_DOMAIN } from '@peduli/db';
import { signIn } from '@peduli/testkit';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiCaller, DEMO_PASSWORD, describeIfChromium, PHONE, signInOnPage, startSystemAndBrowser, witaDateInDays } from './browser';
import { RunningSystem } from './system';

/**
 * An operator's access token runs out while a report is open: the next save is answered 401, the page asks
 * /auth/refresh for a new token with its HttpOnly cookie (which the API rotates) and sends the save again, so the
 * answer is stored and the operator stays on the report instead of being sent to sign in. The system runs with
 * access tokens of a few seconds, and the test waits for the page's token to expire by asking the API with it.
 */
const OPERATOR = `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const ADMIN = 'admin@peduli.test';
// Long enough for a page load to finish on one token, short enough to wait out (the config takes any positive number).
const ACCESS_TOKEN_TTL_SECONDS = 5;
const REFRESH_COOKIE = 'peduli_refresh';

describeIfChromium('the web app: an expired access token is refreshed once and the save retried', () => {
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let reportId: string;

  const call = apiCaller(() => system);

  beforeAll(async () => {
    // The API alone: the report is only saved, never submitted.
    ({ system, browser } = await startSystemAndBrowser({ ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS) }, { roles: [] }));
    // Tokens live seconds here: each call below signs in just before it.
    const admin = await signIn(system.apiUrl, ADMIN);
    const cycles = (await call(admin, 'GET', '/cycles?programme=RANHAM')) as unknown as { id: string; year: number }[];
    const cycle = cycles.find((c) => c.year === 2025)!;
    await call(admin, 'PUT', `/cycles/${cycle.id}/periods/B04`, { deadlineDate: witaDateInDays(3), deadlineTime: '23:59' });
    const operator = await signIn(system.apiUrl, OPERATOR, DEMO_PASSWORD);
    const organisationId = ((await call(operator, 'GET', '/auth/me')).user as { organisationId: string }).organisationId;
    reportId = (await call(operator, 'POST', '/submissions', { organisationId, programme: 'RANHAM', periodKey: '2025-B04' })).id as string;
    context = await browser.newContext({ viewport: PHONE, baseURL: system.apiUrl, locale: 'id-ID' });
    context.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  /** The access token the page holds: the one in the last sign-in or refresh answer it received. */
  function followAccessToken(page: Page): () => string | undefined {
    let latest: string | undefined;
    page.on('response', (response) => {
      if (!/\/api\/v1\/auth\/(login|refresh)$/.test(new URL(response.url()).pathname) || response.status() !== 200) return;
      // Read at once: the body of a response is gone once the page navigates away.
      void response.json().then(
        (body: { accessToken?: string }) => (latest = body.accessToken ?? latest),
        () => undefined,
      );
    });
    return () => latest;
  }

  /** Asks the API with `token` until it is refused as expired; bounded by the token's lifetime and a margin. */
  async function untilExpired(token: string): Promise<void> {
    const until = Date.now() + (ACCESS_TOKEN_TTL_SECONDS + 5) * 1000;
    while (Date.now() < until) {
      const response = await fetch(`${system.apiUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status === 401) return;
      expect(response.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the access token was still accepted ${ACCESS_TOKEN_TTL_SECONDS + 5} s after it was issued`);
  }

  const refreshCookie = async () => (await context.cookies(`${system.apiUrl}/api/v1/auth/refresh`)).find((cookie) => cookie.name === REFRESH_COOKIE)?.value;

  it('saves an answer typed after the access token expired, without a trip to the sign-in page', async () => {
    const page = await context.newPage();
    const accessToken = followAccessToken(page);
    await signInOnPage(page, OPERATOR);
    await page.getByRole('heading', { level: 1, name: 'Beranda — tugas saya' }).waitFor();

    // Into the report by the app's own links (a reload would refresh the token on its own).
    await page.getByTestId('submission').filter({ hasText: '2025-B04' }).getByTestId('open-report').click();
    await page.locator('[data-testid="task-group"][data-code="AKSI-2025-01"] summary').click();
    await page.getByTestId('task').filter({ hasText: 'AKSI-2025-01.B04.3' }).getByRole('link').click();
    const number = page.getByRole('textbox', { name: /AKSI-2025-01\.B04\.3/ });
    await number.waitFor();

    const token = accessToken();
    expect(token).toBeDefined();
    await untilExpired(token!);
    const cookieBefore = await refreshCookie();
    expect(cookieBefore).toBeDefined();

    const patches: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'PATCH' && response.url().endsWith(`/submissions/${reportId}`)) patches.push(response.status());
    });
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().endsWith(`/submissions/${reportId}`) && response.status() === 200);
    await number.fill('8');
    await saved;
    await page.locator('[data-testid="save-state"][data-phase="saved"]').waitFor();

    // The first try was refused as expired, the second carried a fresh token: the refresh cookie was rotated.
    expect(patches).toEqual([401, 200]);
    expect(await refreshCookie()).not.toBe(cookieBefore);
    expect(accessToken()).not.toBe(token);
    expect(new URL(page.url()).pathname).toBe(`/reports/${reportId}`);
    const stored = (await call(await signIn(system.apiUrl, OPERATOR, DEMO_PASSWORD), 'GET', `/submissions/${reportId}`)) as { answers: Record<string, unknown> };
    expect(stored.answers).toEqual({ 'AKSI-2025-01.B04.3': 8 });
  });
});
