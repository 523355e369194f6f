import { freePort, isPortFree } from '@peduli/devservices';

/**
 * Six consecutive free ports, as `npm start` takes them from PORT: the API's, the four workers' health servers and the
 * API's metrics listener.
 */
export async function freePortBlock(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = await freePort();
    if (base > 65000) continue;
    const free = await Promise.all([1, 2, 3, 4, 5].map((offset) => isPortFree(base + offset)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no block of six free ports found');
}
