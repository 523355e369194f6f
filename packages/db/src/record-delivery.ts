import { setTimeout as sleep } from 'node:timers/promises';

export interface RecordDeliveryClock {
  now(): number;
  pause(ms: number): Promise<void>;
}

const realClock: RecordDeliveryClock = {
  now: () => Date.now(),
  pause: async (ms) => {
    await sleep(ms);
  },
};

/**
 * Records a mail the SMTP server has already accepted. If that write is lost, the mail's lease runs out and it is sent
 * again, so a short database outage (a restart, a failover) is waited out here instead: the write is tried again with
 * growing pauses (0.25 s doubling to 4 s) until it succeeds or `withinMs` has passed, and only then does the error go up.
 */
export async function recordDelivery(write: () => Promise<void>, withinMs: number, clock: RecordDeliveryClock = realClock): Promise<void> {
  const giveUpAt = clock.now() + withinMs;
  for (let wait = 250; ; wait = Math.min(wait * 2, 4000)) {
    try {
      return await write();
    } catch (error) {
      if (clock.now() + wait > giveUpAt) throw error;
      await clock.pause(wait);
    }
  }
}
