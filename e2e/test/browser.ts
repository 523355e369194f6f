import AxeBuilder from '@axe-core/playwright';
import { seedDemoData } from '@peduli/db';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, startSystem, type RunningSystem } from './system';

/** What the web app's browser tests share: Debian's Chromium, the demo people's password, axe and screenshots. */

export const CHROMIUM = '/usr/bin/chromium';

/**
 * The pages' photographs: into docs/screenshots/ (tracked, shown in the docs) only when asked with
 * PEDULI_UPDATE_SCREENSHOTS=1, since the deadline text changes them every day; otherwise under .peduli/ (ignored).
 */
export const SCREENSHOTS = process.env.PEDULI_UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(ROOT, '.peduli', 'screenshots');

/** The password the browser tests give the seeded demo people. */
export const DEMO_PASSWORD = 'demo-kata-sandi-untuk-uji';

export const PHONE = { width: 360, height: 800 };

/** Browser tests run where Debian's chromium is installed (`.ci/run` installs it); elsewhere they are skipped. */
export const describeIfChromium = existsSync(CHROMIUM) ? describe : describe.skip;

/** Chromium headless, without the background traffic this closed network refuses (WEB.md's flags). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Fails with every serious or critical axe violation of the page, then photographs it as web-<name>.png. */
export async function expectAccessible(page: Page, name: string, viewportHeight = PHONE.height): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect({ page: name, serious }).toEqual({ page: name, serious: [] });
  // No hover highlight or half-finished transition in the picture, so reruns on the same day give the same image.
  await page.mouse.move(0, viewportHeight - 1);
  await page.screenshot({ path: join(SCREENSHOTS, `web-${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
}

/** A JSON call to the running API as `token`, failing with the answer unless it succeeded. */
export function apiCaller(system: () => RunningSystem) {
  return async (token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${system().apiUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
}

/** The date `days` from today in WITA (UTC+8, no daylight saving), as YYYY-MM-DD: a deadline in Balikpapan's zone. */
export function witaDateInDays(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Signs in through the sign-in page as the browser user would (the caller waits for the page it expects next). */
export async function signInOnPage(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/**
 * The real system (with `extraEnv`; only the API and `roles` when given) with the demo people seeded (password
 * DEMO_PASSWORD), and Chromium, started side by side.
 */
export async function startSystemAndBrowser(
  extraEnv: Record<string, string> = {},
  options: Pick<Parameters<typeof startSystem>[1] & object, 'roles'> = {},
): Promise<{ system: RunningSystem; browser: Browser }> {
  // WEB_DIR, when set, serves a web app built elsewhere (vite build --outDir), so a rebuild of apps/web/dist cannot
  // pull the files from under a running test.
  const builtElsewhere = process.env.WEB_DIR;
  const webDir: Record<string, string> = builtElsewhere ? { WEB_DIR: builtElsewhere } : {};
  const [system, browser] = await Promise.all([startSystem({ ...webDir, ...extraEnv }, options), launchChromium()]);
  await seedDemoData(system.database.dataSource, { password: DEMO_PASSWORD });
  return { system, browser };
}
