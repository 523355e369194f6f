import type { Page } from 'playwright-core';

/** One frame at 60 Hz, and the long-task threshold: a frame slower than that is a visible hitch. */
export const FRAME_MS = 1000 / 60;
export const HITCH_MS = 50;

/** What the page recorded: the time between frames (requestAnimationFrame deltas), long tasks, rows in the DOM. */
export interface FrameRecord {
  deltas: number[];
  longTasks: number[];
  maxRows: number;
  /** The scroll box's height to travel (px), and whether its last row was reached. */
  distance: number;
  lastRowIndex: number;
}

export interface FrameStats {
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Shares (0..1) of frames slower than one 60 Hz frame and than 50 ms. */
  over16Share: number;
  over50Share: number;
  longTasks: number;
  longTaskMs: number;
}

/** The nearest-rank percentile (p in 0..100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile: no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function frameStats(deltas: readonly number[], longTasks: readonly number[]): FrameStats {
  if (deltas.length === 0) throw new Error('web: no frames were recorded');
  // A rAF timestamp is its frame's start, so a frame that ran on time is 16.67 ms after the last; the 1 ms keeps the
  // clock's jitter from counting an on-time frame as slow (a frame that missed its turn comes a whole frame later).
  const share = (limit: number) => deltas.filter((delta) => delta > limit + 1).length / deltas.length;
  return {
    frames: deltas.length,
    p50Ms: percentile(deltas, 50),
    p95Ms: percentile(deltas, 95),
    maxMs: Math.max(...deltas),
    over16Share: share(FRAME_MS),
    over50Share: share(HITCH_MS),
    longTasks: longTasks.length,
    longTaskMs: longTasks.reduce((sum, duration) => sum + duration, 0),
  };
}

/**
 * Page-side source (this package compiles without the DOM's types): for `frames` frames, each requestAnimationFrame
 * moves the scroll box a further 1/frames of its height (so the last frame reaches the bottom), or with `scroll` false
 * leaves it still (the idle baseline); every frame's delta is recorded, with the long tasks a PerformanceObserver sees
 * and the most table rows in the DOM at any frame.
 */
const recorderSource = (box: string, row: string, frames: number, scroll: boolean) => `(async () => {
  const box = document.querySelector(${JSON.stringify(box)});
  if (!box) throw new Error('no scroll box ${box}');
  const distance = box.scrollHeight - box.clientHeight;
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry.duration); });
  observer.observe({ type: 'longtask' });
  const deltas = [];
  let maxRows = 0;
  await new Promise((resolve) => {
    let last = null;
    let frame = 0;
    const tick = (now) => {
      if (last !== null) deltas.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, box.querySelectorAll(${JSON.stringify(row)}).length);
      if (frame === ${frames}) return resolve();
      frame += 1;
      if (${scroll}) box.scrollTop = Math.round((distance * frame) / ${frames});
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // Long tasks are reported after they end; a macrotask later the last one is in.
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
  observer.disconnect();
  const rows = box.querySelectorAll(${JSON.stringify(row)});
  const lastRowIndex = rows.length ? Number(rows[rows.length - 1].getAttribute('aria-rowindex')) : 0;
  return { deltas, longTasks, maxRows, distance, lastRowIndex };
})()`;

/** Records `frames` frames of the page: scrolling the box from top to bottom, or idle (scroll false). */
export async function recordFrames(page: Page, options: { box: string; row: string; frames: number; scroll: boolean }): Promise<FrameRecord> {
  return (await page.evaluate(recorderSource(options.box, options.row, options.frames, options.scroll))) as FrameRecord;
}
