import { DEMO_EMAIL_DOMAIN, seedDemoData } from '@peduli/db';
import { ROOT, startSystem, type RunningSystem } from '@peduli/testkit';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { frameworkOf120 } from '../kkp-120';
import { ScenarioResult, TableRow } from '../results';
import { measureWebAssets } from '../web-assets';
import { CHROMIUM, launchChromium, median, timeLoad, type LoadTiming, type Readiness } from '../web-timing';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 7);
const CPU_RATES = [1, 4] as const;
const PASSWORD = 'bench-demo-kata-sandi';
const OPERATOR = `operator.dinkes.balikpapan@${DEMO_EMAIL_DOMAIN}`;
const PHONE = { width: 360, height: 800 };
// The refresh cookie the API sets in the web app's cookie mode (apps/api/src/auth/refresh-cookie.ts).
const REFRESH_COOKIE = { name: 'peduli_refresh', path: '/api/v1/auth' };

/** WEB.md's budgets: initial JavaScript, and the form of a 120-indicator framework interactive at 1× and 4× CPU. */
const BUDGET = { initialKb: 250, interactiveMs: { 1: 1000, 4: 3000 } } as const;

type PageName = 'signIn' | 'tasks' | 'form';

/**
 * The web app's build: WEB_DIR when given, otherwise built now from the current sources into a folder of this run's
 * own (apps/web/dist may be stale, and the bench's build does not include the web app).
 */
async function webBuild(): Promise<{ dir: string; remove: () => void }> {
  if (process.env.WEB_DIR) {
    if (!existsSync(join(process.env.WEB_DIR, 'index.html'))) throw new Error(`web: WEB_DIR ${process.env.WEB_DIR} holds no index.html`);
    return { dir: process.env.WEB_DIR, remove: () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'peduli-bench-web-'));
  const webApp = join(ROOT, 'apps', 'web');
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [webApp] })), 'bin', 'vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: webApp });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function call<T>(system: RunningSystem, token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${system.apiUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`web: ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * The demo's KKP HAM 2026 cycle moved to a 120-indicator version, published by the national admin through the API as
 * production does it (the seeded sample has 30), and a draft report of the demo operator's unit under it.
 */
async function reportOf120(system: RunningSystem): Promise<{ reportId: string; typedTask: string; indicators: number }> {
  const cycles = await call<{ id: string; programme: string; year: number; frameworkVersionId: string }[]>(system, system.token, 'GET', '/cycles?programme=KKP_HAM');
  const cycle = cycles.find((candidate) => candidate.year === 2026);
  if (!cycle) throw new Error('web: the demo seed made no KKP HAM 2026 cycle');
  const draft = await call<{ id: string }>(system, system.token, 'POST', `/frameworks/versions/${cycle.frameworkVersionId}/drafts`);
  const version = frameworkOf120('BENCH_WEB_KKP_120');
  await call(system, system.token, 'PUT', `/frameworks/versions/${draft.id}`, {
    label: 'KKP HAM, 120 indicators (bench)',
    content: { criteria: version.criteria, indicators: version.indicators, rules: version.rules },
  });
  await call(system, system.token, 'POST', `/frameworks/versions/${draft.id}/publish`, { adoptInCycles: [cycle.id] });
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await call(system, system.token, 'PUT', `/cycles/${cycle.id}/periods/TAHUNAN`, { deadlineDate: deadline, deadlineTime: '23:59' });

  const operator = await call<{ accessToken: string }>(system, null, 'POST', '/auth/login', { email: OPERATOR, password: PASSWORD });
  const me = await call<{ user: { organisationId: string } }>(system, operator.accessToken, 'GET', '/auth/me');
  const report = await call<{ id: string }>(system, operator.accessToken, 'POST', '/submissions', {
    organisationId: me.user.organisationId,
    programme: 'KKP_HAM',
    periodKey: '2026-TAHUNAN',
  });
  // The first indicator answered in a text box (a number or a percentage), so a typed digit must appear in it.
  const typed = version.indicators.find((indicator) => ['NUMBER', 'PERCENT', 'BANDED'].includes(indicator.answerType));
  if (!typed) throw new Error('web: the 120-indicator framework has no number or percentage indicator');
  return { reportId: report.id, typedTask: typed.code, indicators: version.indicators.length };
}

/** A browser context of the operator, signed in the way the app keeps a session: the refresh cookie (single use, so one per load). */
async function operatorContext(system: RunningSystem): Promise<BrowserContextOptions> {
  const { refreshToken } = await call<{ refreshToken: string }>(system, null, 'POST', '/auth/login', { email: OPERATOR, password: PASSWORD });
  const cookie = { ...REFRESH_COOKIE, value: refreshToken, domain: new URL(system.apiUrl).hostname, expires: -1, httpOnly: true, secure: false, sameSite: 'Strict' as const };
  return { viewport: PHONE, locale: 'id-ID', storageState: { cookies: [cookie], origins: [] } };
}

interface PageSpec {
  url: string;
  readiness: Readiness;
  signedIn: boolean;
}

function pagesOf(system: RunningSystem, reportId: string, typedTask: string, indicators: number): Record<PageName, PageSpec> {
  return {
    // The baseline: a bare Mantine sign-in page of the same stack, the app's own (signed out: one refused refresh, then the form).
    signIn: { url: `${system.apiUrl}/sign-in`, readiness: { selector: '#sign-in-email', count: 1, key: 'a', answer: 'typed' }, signedIn: false },
    // The report's task list: every one of the 120 tasks listed, and Tab answered.
    tasks: { url: `${system.apiUrl}/reports/${reportId}`, readiness: { selector: '[data-testid="task"] a', count: indicators, key: 'Tab', answer: 'focus-moved' }, signedIn: true },
    // One task's form: its answer box enabled and a typed digit shown in it.
    form: { url: `${system.apiUrl}/reports/${reportId}?task=${encodeURIComponent(typedTask)}`, readiness: { selector: `[id="answer-${typedTask}"]`, count: 1, key: '7', answer: 'typed' }, signedIn: true },
  };
}

async function load(browser: Browser, system: RunningSystem, page: PageSpec, cpuRate: number): Promise<LoadTiming> {
  const options = page.signedIn ? await operatorContext(system) : { viewport: PHONE, locale: 'id-ID' };
  return timeLoad(browser, page.url, page.readiness, cpuRate, options);
}

/**
 * Loads every page `RUNS` times at each CPU rate, interleaved (sign-in, task list, form, again) so a slower stretch of
 * this shared machine falls on all three alike; one load of each first, not counted, warms the API and the disk cache.
 */
async function timeAll(browser: Browser, system: RunningSystem, pages: Record<PageName, PageSpec>) {
  const names = Object.keys(pages) as PageName[];
  const timings = {} as Record<PageName, Record<number, LoadTiming[]>>;
  for (const name of names) timings[name] = { 1: [], 4: [] };
  for (const rate of CPU_RATES) {
    for (const name of names) await load(browser, system, pages[name], rate);
    for (let run = 0; run < RUNS; run++) {
      for (const name of names) timings[name][rate].push(await load(browser, system, pages[name], rate));
    }
  }
  return timings;
}

const budgetText = (limit: number, unit: string, value: number) => `≤ ${limit} ${unit}: ${value <= limit ? 'pass' : 'over'}`;

/**
 * `web`: WEB.md's speed budgets for the web app. The initial JavaScript of the built app (gzip), and the time to
 * interactive (defined in web-timing.ts: from navigation start to the answer box enabled and a typed digit shown, or
 * for the task list all 120 tasks listed and Tab answered), median of BENCH_WEB_RUNS cold loads in Debian's Chromium at
 * phone size, of a KKP HAM report of 120 indicators against the real system, at 1× and 4× CPU. Baseline, same run: the
 * app's own sign-in page, a bare Mantine form of the same stack, loaded the same way.
 */
export async function webScenario(): Promise<ScenarioResult> {
  if (!existsSync(CHROMIUM)) throw new Error(`web: needs Debian's Chromium at ${CHROMIUM} (apt-get install chromium)`);
  const build = await webBuild();
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  try {
    const assets = measureWebAssets(build.dir);
    const systemEnv = {
      WEB_DIR: build.dir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      METRICS_PORT: '0',
      DOCUMENT_SCAN: 'off',
      // Every measured load signs in afresh (refresh tokens are single use); the sign-in rate limit is not under test.
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    };
    [system, browser] = await Promise.all([startSystem(systemEnv), launchChromium()]);
    await seedDemoData(system.database.dataSource, { password: PASSWORD });
    const { reportId, typedTask, indicators } = await reportOf120(system);
    const timings = await timeAll(browser, system, pagesOf(system, reportId, typedTask, indicators));

    const medians = (name: PageName, rate: number) => ({
      interactiveMs: median(timings[name][rate].map((timing) => timing.interactiveMs)),
      readyMs: median(timings[name][rate].map((timing) => timing.readyMs)),
      runsMs: timings[name][rate].map((timing) => Math.round(timing.interactiveMs)),
    });
    const figures = Object.fromEntries(
      (Object.keys(timings) as PageName[]).map((name) => [name, Object.fromEntries(CPU_RATES.map((rate) => [`cpu${rate}x`, medians(name, rate)]))]),
    ) as Record<PageName, Record<`cpu${(typeof CPU_RATES)[number]}x`, ReturnType<typeof medians>>>;

    const timeRow = (name: 'tasks' | 'form', label: string, rate: (typeof CPU_RATES)[number]): TableRow => {
      const value = figures[name][`cpu${rate}x`].interactiveMs / 1000;
      const baseline = figures.signIn[`cpu${rate}x`].interactiveMs / 1000;
      const limit = BUDGET.interactiveMs[rate] / 1000;
      return { name: `${label} ${rate}× CPU`, value, baseline, ratio: value / baseline, unit: 's to interactive', budget: budgetText(limit, 's', value), limit };
    };
    const signInKb = assets.routeKb('sign-in.lazy');
    const rows: TableRow[] = [
      { name: 'initial JS', value: assets.initial.gzipKb, baseline: signInKb, ratio: assets.initial.gzipKb / signInKb, unit: 'KB gzip', budget: budgetText(BUDGET.initialKb, 'KB', assets.initial.gzipKb), limit: BUDGET.initialKb },
      timeRow('tasks', 'task list', 1),
      timeRow('form', 'task form', 1),
      timeRow('tasks', 'task list', 4),
      timeRow('form', 'task form', 4),
    ];
    const headline = rows[2];
    return {
      value: headline.value,
      unit: headline.unit,
      baseline: headline.baseline,
      ratio: headline.ratio,
      budget: headline.budget,
      rows,
      budgets: rows.map((row) => ({ name: row.name, value: row.value, unit: row.unit, limit: row.limit, status: row.value <= row.limit! ? 'pass' : 'over' })),
      runs: RUNS,
      indicators,
      typedTask,
      initialJs: assets.initial,
      lazyChunks: { count: assets.lazy.count, gzipKb: assets.lazy.gzipKb, largest: assets.lazy.largest, files: assets.lazy.files },
      // The pages' own chunks (Vite names them after their *.lazy.tsx modules); the rest are shared components and workers.
      routeChunks: assets.lazy.files.filter((file) => /\.lazy-[^/]+\.js$/.test(file.file)),
      pageJsKb: { signIn: signInKb, report: assets.routeKb('report.lazy') },
      timings: figures,
    };
  } finally {
    await browser?.close();
    await system?.stop();
    build.remove();
  }
}
