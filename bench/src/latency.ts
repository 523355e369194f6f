/** The p-th percentile (0-100) of the values, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Calls `send(i)` for i = 0..count-1 at a steady `perSecond`, each on its own schedule (open loop: a slow answer does
 * not delay the next send, as with real clients), and resolves when every call has settled.
 */
export async function atSteadyRate<T>(count: number, perSecond: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const started = performance.now();
  const calls: Promise<T>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    calls.push(send(i));
  }
  return Promise.all(calls);
}
