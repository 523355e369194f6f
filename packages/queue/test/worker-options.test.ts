import { PRODUCTION_WORKER_OPTIONS, workerOptionsFrom } from '../src';

describe('stalled-job timings', () => {
  it('are the production ones outside tests, whatever the environment says', () => {
    const env = { NODE_ENV: 'production', QUEUE_LOCK_DURATION_MS: '2000', QUEUE_STALLED_INTERVAL_MS: '1000' };
    expect(workerOptionsFrom(env)).toEqual({ lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 3 });
    expect(workerOptionsFrom({ QUEUE_LOCK_DURATION_MS: '2000' })).toEqual(PRODUCTION_WORKER_OPTIONS);
  });

  it('can be shortened in tests, and refuse a value that is not a sensible number of milliseconds', () => {
    expect(workerOptionsFrom({ NODE_ENV: 'test' })).toEqual(PRODUCTION_WORKER_OPTIONS);
    expect(workerOptionsFrom({ NODE_ENV: 'test', QUEUE_LOCK_DURATION_MS: '8000', QUEUE_STALLED_INTERVAL_MS: '4000' })).toEqual({
      lockDuration: 8000,
      stalledInterval: 4000,
      maxStalledCount: 3,
    });
    expect(() => workerOptionsFrom({ NODE_ENV: 'test', QUEUE_LOCK_DURATION_MS: '8s' })).toThrow(/QUEUE_LOCK_DURATION_MS/);
    expect(() => workerOptionsFrom({ NODE_ENV: 'test', QUEUE_STALLED_INTERVAL_MS: '10' })).toThrow(/QUEUE_STALLED_INTERVAL_MS/);
  });
});
