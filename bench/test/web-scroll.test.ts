import { frameStats, percentile } from '../src/web-scroll';

describe('percentile', () => {
  it('takes the nearest rank, whatever the order of the values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
  });

  it('refuses an empty list rather than answering NaN', () => {
    expect(() => percentile([], 50)).toThrow('no values');
  });
});

describe('frameStats', () => {
  const onTime = 1000 / 60;

  it('counts a frame on time as on time, despite the clock rounding it', () => {
    const stats = frameStats([onTime, 16.7, 16.66, 16.8], []);
    expect(stats.over16Share).toBe(0);
    expect(stats.over50Share).toBe(0);
    expect(stats.frames).toBe(4);
  });

  it('gives the shares of frames over one frame and over 50 ms, the percentiles and the long tasks', () => {
    const deltas = [...Array(16).fill(onTime), 33.3, 33.3, 66.7, 100];
    const stats = frameStats(deltas, [60, 90]);
    expect(stats.over16Share).toBeCloseTo(4 / 20);
    expect(stats.over50Share).toBeCloseTo(2 / 20);
    expect(stats.p50Ms).toBeCloseTo(onTime);
    expect(stats.p95Ms).toBe(66.7);
    expect(stats.maxMs).toBe(100);
    expect(stats.longTasks).toBe(2);
    expect(stats.longTaskMs).toBe(150);
  });

  it('fails when the page recorded no frame, so a broken recording is never read as smooth', () => {
    expect(() => frameStats([], [])).toThrow('no frames');
  });
});
