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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForOutput(launcher: ManagedProcess, text: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!launcher.output.some((line) => line.includes(text))) {
    if (!launcher.isRunning()) throw new Error(`launcher exited early:\n${launcher.output.slice(-40).join('\n')}`);
    if (Date.now() > deadline) throw new Error(`"${text}" not printed in time:\n${launcher.output.slice(-40).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start (the dev launcher)', () => {
  let devDir: string;
  let firstAdminLine: string | undefined;
  beforeAll(() => {
    devDir = mkdtempSync(join(tmpdir(), 'peduli-dev-'));
  });
  afterAll(() => rmSync(devDir, { recursive: true, force: true }));

  async function start(port: number): Promise<ManagedProcess> {
    // Only PATH and HOME: the launcher must start its own PostgreSQL, Redis and SMTP sink, as on a fresh machine.
    const launcher = startProcess('launcher', process.execPath, [join(ROOT, 'packages/devservices/dist/cli/start.js')], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PEDULI_DEV_DIR: devDir, PORT: String(port) },
      cwd: ROOT,
      keepLines: 5000,
    });
    await waitForOutput(launcher, 'Stop with Ctrl-C.');
    return launcher;
  }

  it('starts everything on the embedded default, prints where to go, and leaves nothing behind on SIGTERM', async () => {
    const port = await freePortBlock();
    const launcher = await start(port);
    const banner = launcher.output.join('\n');
    firstAdminLine = launcher.output.find((line) => line.includes('Dev admin login:'));
    expect(banner).toContain(`http://localhost:${port}/api/docs`);
    expect(banner).toMatch(/Dev admin login: +admin@peduli\.local \/ \S{12,}/);
    expect(banner).toContain('koordinator.balikpapan@demo.peduli.local');

    for (const healthPort of [port, port + 1, port + 2, port + 3, port + 4]) {
      expect((await fetch(`http://127.0.0.1:${healthPort}/health/ready`)).status).toBe(200);
    }
    expect((await fetch(`http://127.0.0.1:${port}/api/docs-json`)).status).toBe(200);
    // The web app (built with everything else; e2e depends on @peduli/web) at the address the banner names first.
    expect(banner).toContain(`Web app:                http://localhost:${port}/ `);
    const app = await fetch(`http://127.0.0.1:${port}/`);
    expect({ status: app.status, type: app.headers.get('content-type'), cache: app.headers.get('cache-control') }).toEqual({
      status: 200,
      type: 'text/html; charset=utf-8',
      cache: 'no-cache',
    });

    const children = descendants(launcher.child.pid!);
    // postgres (and its helpers), redis-server, the API and three workers.
    expect(children.length).toBeGreaterThanOrEqual(6);
    const code = await launcher.stop(60_000);
    expect(code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(children.filter(isAlive)).toEqual([]);
  });

  it('starts again on the kept data, with the same generated admin password', async () => {
    expect(firstAdminLine).toBeDefined();
    const launcher = await start(await freePortBlock());
    expect(launcher.output.find((line) => line.includes('Dev admin login:'))).toBe(firstAdminLine);
    expect(launcher.output.some((line) => line.includes('Starting embedded PostgreSQL'))).toBe(true);
    expect(await launcher.stop(60_000)).toBe(0);
  });
});
