import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, headless, without the background traffic this closed network refuses (WEB.md's flags). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * What makes a page interactive: `count` elements matching `selector` are in the page, the first of them is enabled
 * and shown, and pressing `key` there is answered, in the next frame, by `answer`: "typed" when the character stands
 * in the input (React's controlled value included), "focus-moved" when focus left the element (Tab on a link list).
 * "shown" presses nothing: the page is done when it is ready (a read-only page such as the dashboard). `present`
 * must match something as well (the table's first rows beside its filter), `absent` nothing (a loader still turning).
 */
export interface Readiness {
  selector: string;
  count: number;
  key: string;
  answer: 'typed' | 'focus-moved' | 'shown';
  present?: string;
  absent?: string;
}

/** One load's figures, in ms from the document's navigation start (its performance time origin). */
export interface LoadTiming {
  /** The element was there, enabled and shown. */
  readyMs: number;
  /** The key press was answered on screen: the figure held against the budgets. */
  interactiveMs: number;
}

interface ProbeState {
  readyAt: number | null;
  doneAt: number | null;
}

/**
 * Runs inside the page before its own scripts (page-side source, as this package compiles without the DOM's types):
 * watches the DOM until the element is ready, focuses it and calls the `__benchReady` binding, so the key is pressed
 * from outside (a real key event through the DevTools protocol) as soon as the page could take it; the answer is timed
 * in the page itself, so no polling delay of the driver counts.
 */
const probeSource = (readiness: Readiness) => `(() => {
  const { selector, count, key, answer, present, absent } = ${JSON.stringify(readiness)};
  const state = { readyAt: null, doneAt: null };
  window.__benchProbe = state;
  // Answered in the first frame after the key in which the page shows its effect (React has rendered by then).
  const answered = (shown) =>
    requestAnimationFrame(() => {
      if (state.doneAt !== null || !shown()) return;
      state.doneAt = performance.now();
      void window.__benchDone(state);
    });
  const check = () => {
    if (state.readyAt !== null) return;
    const all = document.querySelectorAll(selector);
    const element = all[0];
    if (all.length < count || element.disabled || element.getClientRects().length === 0) return;
    if ((present && !document.querySelector(present)) || (absent && document.querySelector(absent))) return;
    state.readyAt = performance.now();
    observer.disconnect();
    if (answer === 'shown') {
      state.doneAt = state.readyAt;
      void window.__benchDone(state);
      return;
    }
    if (answer === 'typed') element.addEventListener('input', () => answered(() => element.value.includes(key)));
    else document.addEventListener('focusin', (event) => event.target !== element && answered(() => true), true);
    element.focus();
    void window.__benchReady();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
})();`;

/**
 * Loads `url` in a fresh browser context (an empty cache, as on a first visit) with the CPU slowed `cpuRate` times
 * through the DevTools protocol (Emulation.setCPUThrottlingRate), and times it to interactive (see Readiness).
 * `afterwards`, when given, runs on the interactive page (still throttled) before its context closes.
 */
export async function timeLoad(
  browser: Browser,
  url: string,
  readiness: Readiness,
  cpuRate: number,
  contextOptions: BrowserContextOptions,
  timeoutMs = 60_000,
  afterwards?: (page: Page) => Promise<void>,
): Promise<LoadTiming> {
  const context = await browser.newContext(contextOptions);
  let timer: NodeJS.Timeout | undefined;
  try {
    let pressed: Promise<void> = Promise.resolve();
    let finished!: (state: ProbeState) => void;
    const done = new Promise<ProbeState>((resolve) => (finished = resolve));
    // Bindings, not evaluated strings: the app's Content-Security-Policy refuses eval, as it should.
    await context.exposeBinding('__benchReady', ({ page }) => {
      pressed = page.keyboard.press(readiness.key);
    });
    await context.exposeBinding('__benchDone', (_source, state: ProbeState) => finished(state));
    await context.addInitScript({ content: probeSource(readiness) });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
    await page.goto(url, { waitUntil: 'commit' });
    const state = await Promise.race([done, timeout]);
    if (!state) {
      const text = (await page.locator('body').innerText().catch(() => '')).slice(0, 300).replace(/\s+/g, ' ');
      throw new Error(`web: ${url} was not interactive (${readiness.selector} ×${readiness.count}) within ${timeoutMs} ms; the page says: ${text}`);
    }
    await pressed;
    await afterwards?.(page);
    return { readyMs: state.readyAt!, interactiveMs: state.doneAt! };
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
