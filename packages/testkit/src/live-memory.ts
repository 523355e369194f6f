import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const SETTLING_SAMPLES = 4;

let collect: (() => void) | undefined;

/** A full garbage collection: `global.gc` under node --expose-gc, otherwise one obtained by setting that flag. */
function fullCollection(): void {
  collect ??=
    (globalThis as { gc?: () => void }).gc ??
    (() => {
      setFlagsFromString('--expose-gc');
      return runInNewContext('gc') as () => void;
    })();
  collect();
}

/** The memory still live after a full collection: the JS heap plus Buffers and other memory outside it, in bytes. */
export function liveMemoryBytes(): number {
  fullCollection();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/**
 * Live memory, less what a collection finds but gives back only later (the memory of Buffers is freed after the
 * collection that finds them): the least of a few samples, a quarter of a second apart. What a stream or a request
 * really holds is held at every sample, so it still counts in full; one sample alone varied by megabytes.
 */
export async function settledLiveMemoryBytes(): Promise<number> {
  let least = liveMemoryBytes();
  for (let i = 1; i < SETTLING_SAMPLES; i++) {
    await sleep(250);
    least = Math.min(least, liveMemoryBytes());
  }
  return least;
}
