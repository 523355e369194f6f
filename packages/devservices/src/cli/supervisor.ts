import type { ManagedProcess } from '../processes';

export interface SupervisorOptions {
  /** Crashes within `windowMs` after which the process is given up on (and, in `npm start`, everything stops). */
  maxCrashes?: number;
  windowMs?: number;
  /** The wait before a restart doubles with each crash in the window, from baseDelayMs up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  log(line: string): void;
  /** Called once when the process keeps crashing; it is not started again. */
  onGiveUp(name: string, code: number | null): void;
}

export interface Supervised {
  name: string;
  /** The running process (the latest one after restarts). */
  current(): ManagedProcess;
  restarts(): number;
  /** Stops it for good: no restart follows this exit. */
  stop(timeoutMs?: number): Promise<number | null>;
  kill(signal?: NodeJS.Signals): void;
}

/**
 * Keeps a process running: one that exits on its own is started again after a growing pause, with a line saying so.
 * One that keeps crashing (maxCrashes within windowMs) is a fault a restart will not cure, so it is given up on.
 */
export function supervise(name: string, start: () => ManagedProcess, options: SupervisorOptions): Supervised {
  const maxCrashes = options.maxCrashes ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  let process = start();
  let stopped = false;
  let restarts = 0;
  let pending: NodeJS.Timeout | null = null;
  const crashes: number[] = [];

  const watch = (child: ManagedProcess) => {
    void child.exited.then((code) => {
      if (stopped || child !== process) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0] <= now - windowMs) crashes.shift();
      if (crashes.length >= maxCrashes) {
        stopped = true;
        options.log(`${name} exited (code ${code}) ${crashes.length} times within ${Math.round(windowMs / 1000)} s; not restarting it.`);
        options.onGiveUp(name, code);
        return;
      }
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (crashes.length - 1));
      options.log(`${name} exited unexpectedly (code ${code}); restarting it in ${(delay / 1000).toFixed(1)} s (crash ${crashes.length} of ${maxCrashes} within ${Math.round(windowMs / 1000)} s).`);
      pending = setTimeout(() => {
        pending = null;
        if (stopped) return;
        restarts++;
        process = start();
        options.log(`${name} restarted (pid ${process.child.pid}).`);
        watch(process);
      }, delay);
    });
  };
  watch(process);

  return {
    name,
    current: () => process,
    restarts: () => restarts,
    stop: async (timeoutMs) => {
      stopped = true;
      if (pending) clearTimeout(pending);
      return process.stop(timeoutMs);
    },
    kill: (signal) => process.kill(signal),
  };
}
