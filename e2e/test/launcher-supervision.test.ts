import { ManagedProcess, startProcess } from '@peduli/devservices';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePortBlock } from './port-block';
import { ROOT } from './system';

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((child) => child > 0);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function commandOf(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, launcher: ManagedProcess, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not in time\n${launcher.output.slice(-40).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ready = async (port: number) => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(5000) })).status === 200;
  } catch {
    return false;
  }
};

describe('npm start supervises what it started', () => {
  let devDir: string;
  beforeAll(() => {
    devDir = mkdtempSync(join(tmpdir(), 'peduli-dev-'));
  });
  afterAll(() => rmSync(devDir, { recursive: true, force: true }));

  it('restarts a worker killed with SIGKILL while the API stays ready, and stops everything once it keeps crashing', async () => {
    const port = await freePortBlock();
    // Three crashes within a minute count as "keeps crashing" here (five by default), so the test needs fewer kills.
    const launcher = startProcess('launcher', process.execPath, [join(ROOT, 'packages/devservices/dist/cli/start.js')], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PEDULI_DEV_DIR: devDir, PORT: String(port), PEDULI_MAX_CRASHES: '3' },
      cwd: ROOT,
      keepLines: 5000,
    });
    try {
      await until('the banner', () => (launcher.output.some((line) => line.includes('Stop with Ctrl-C.')) ? true : undefined), launcher, 120_000);
      const documentWorker = () => descendants(launcher.child.pid!).find((pid) => commandOf(pid).includes('apps/document-worker/dist/main.js'));
      const first = documentWorker();
      expect(first).toBeDefined();

      // The API is watched the whole time the worker is down and back: it must never stop answering ready.
      let apiDown = 0;
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          if (!(await ready(port))) apiDown++;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();

      process.kill(first!, 'SIGKILL');
      await until('the restart line', () => (launcher.output.some((line) => /document-worker restarted \(pid \d+\)/.test(line)) ? true : undefined), launcher);
      expect(launcher.output.join('\n')).toMatch(/document-worker exited unexpectedly \(code null\); restarting it in 1\.0 s \(crash 1 of 3/);
      const second = await until('a new document-worker', () => {
        const pid = documentWorker();
        return pid !== undefined && pid !== first ? pid : undefined;
      }, launcher);
      await until('the restarted worker ready', async () => ((await ready(port + 1)) ? true : undefined), launcher);
      watching = false;
      await watcher;
      expect(apiDown).toBe(0);
      expect(launcher.isRunning()).toBe(true);
      for (const healthPort of [port, port + 2, port + 3, port + 4]) expect(await ready(healthPort)).toBe(true);

      // Killed twice more within the minute: a fault a restart does not cure, so everything stops, leaving nothing behind.
      const children = descendants(launcher.child.pid!).filter((pid) => pid !== first);
      process.kill(second, 'SIGKILL');
      const third = await until('another document-worker', () => {
        const pid = documentWorker();
        return pid !== undefined && pid !== second ? pid : undefined;
      }, launcher);
      process.kill(third, 'SIGKILL');
      expect(await launcher.exited).toBe(1);
      expect(launcher.output.join('\n')).toMatch(/document-worker exited \(code null\) 3 times within 60 s; not restarting it\.[\s\S]*document-worker keeps crashing; stopping everything\./);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(children.filter((pid) => pid !== second && isAlive(pid))).toEqual([]);
    } finally {
      await launcher.stop(60_000);
    }
  });
});
