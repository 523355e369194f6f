import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from './free-port';

export interface RunningRedis {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export class RedisNotInstalledError extends Error {
  constructor() {
    super(
      'redis-server was not found on PATH. Install it first:\n' +
        '  Debian/Ubuntu: sudo apt-get install -y redis-server\n' +
        '  macOS:         brew install redis\n' +
        'or point REDIS_URL at a Redis you already run.',
    );
    this.name = 'RedisNotInstalledError';
  }
}

export function redisServerBinary(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  // stdout is null when even sh cannot be started (e.g. an empty PATH).
  const path = found.stdout?.trim() ?? '';
  return found.status === 0 && path ? path : null;
}

/**
 * Asks the server on the port for its process id: the port may have been taken by another Redis between choosing it
 * and starting ours, and then ours exits while the other answers.
 */
function serverPid(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(300);
    socket.once('connect', () => socket.write('INFO server\r\n'));
    let reply = '';
    socket.on('data', (data) => {
      reply += data.toString();
      const match = /process_id:(\d+)/.exec(reply);
      if (match) {
        socket.destroy();
        resolve(Number(match[1]));
      }
    });
    socket.once('error', () => resolve(null));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(null);
    });
  });
}

export interface RedisOptions {
  port?: number;
  /** Extra redis-server arguments, e.g. ['--appendonly', 'yes']. */
  args?: string[];
}

/** Starts a private redis-server on a free loopback port, keeping nothing on disk unless asked. */
export async function startPrivateRedis(options: RedisOptions = {}): Promise<RunningRedis> {
  const binary = redisServerBinary();
  if (!binary) throw new RedisNotInstalledError();
  const port = options.port ?? (await freePort());
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));

  const deadline = Date.now() + 10_000;
  while ((await serverPid(port)) !== child.pid) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
