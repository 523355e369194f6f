import { recordDelivery, RecordDeliveryClock } from '../src/record-delivery';

/** A clock that moves only when paused, so the test needs no real waiting. */
function fakeClock(): RecordDeliveryClock & { pauses: number[] } {
  let now = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => now,
    pause: async (ms) => {
      pauses.push(ms);
      now += ms;
    },
  };
}

describe('recordDelivery', () => {
  it('writes once when the database answers', async () => {
    const clock = fakeClock();
    const write = jest.fn(async () => undefined);
    await recordDelivery(write, 60_000, clock);
    expect(write).toHaveBeenCalledTimes(1);
    expect(clock.pauses).toEqual([]);
  });

  it('tries again with growing pauses through a short outage, and stops once the write succeeds', async () => {
    const clock = fakeClock();
    let calls = 0;
    await recordDelivery(
      async () => {
        if (++calls <= 6) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
      60_000,
      clock,
    );
    expect(calls).toBe(7);
    expect(clock.pauses).toEqual([250, 500, 1000, 2000, 4000, 4000]);
  });

  it('gives up with the last error once the time allowed has passed', async () => {
    const clock = fakeClock();
    let calls = 0;
    const outcome = recordDelivery(
      async () => {
        calls++;
        throw new Error(`the database is down (try ${calls})`);
      },
      10_000,
      clock,
    );
    await expect(outcome).rejects.toThrow('the database is down (try 6)');
    // 0.25 + 0.5 + 1 + 2 + 4 = 7.75 s waited; another 4 s would pass the 10 s allowed.
    expect(clock.pauses).toEqual([250, 500, 1000, 2000, 4000]);
    expect(clock.now()).toBeLessThanOrEqual(10_000);
  });
});
