import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, redisServerBinary, RedisNotInstalledError, RunningRedis, startPrivateRedis } from '../src';

/** Sends raw RESP commands over a fresh TCP connection and returns everything the server answered. */
function rawRedis(port: number, payload: string, expectedReplies = 1): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let received = '';
    socket.setEncoding('utf8');
    socket.setTimeout(3000, () => {
      socket.destroy();
      reject(new Error(`timeout; got ${JSON.stringify(received)}`));
    });
    socket.once('connect', () => socket.write(payload));
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.split('\r\n').length - 1 >= expectedReplies) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.once('error', reject);
  });
}

/** Resolves with the error code of a connection attempt ('connected' when something answers). */
function connectOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('startPrivateRedis', () => {
  let redis: RunningRedis | null = null;

  afterEach(async () => {
    await redis?.stop();
    redis = null;
  });

  it('finds the installed redis-server', () => {
    const binary = redisServerBinary();
    expect(binary).toMatch(/^\/.*\/redis-server$/);
    expect(existsSync(binary!)).toBe(true);
  });

  it('starts a real redis-server that answers PING over raw TCP', async () => {
    redis = await startPrivateRedis();
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(redis.port).toBeGreaterThan(0);
    expect(redis.process.exitCode).toBeNull();
    expect(await rawRedis(redis.port, 'PING\r\n')).toBe('+PONG\r\n');
  });

  it('stores and returns values, with nothing persisted (save disabled)', async () => {
    redis = await startPrivateRedis();
    const answer = await rawRedis(
      redis.port,
      '*3\r\n$3\r\nSET\r\n$6\r\npeduli\r\n$3\r\nham\r\n*2\r\n$3\r\nGET\r\n$6\r\npeduli\r\n*3\r\n$6\r\nCONFIG\r\n$3\r\nGET\r\n$4\r\nsave\r\n',
      6,
    );
    expect(answer).toBe('+OK\r\n$3\r\nham\r\n*2\r\n$4\r\nsave\r\n$0\r\n\r\n');
  });

  it('uses the requested port and passes extra arguments', async () => {
    const port = await freePort();
    redis = await startPrivateRedis({ port, args: ['--maxmemory', '12mb'] });
    expect(redis.port).toBe(port);
    expect(redis.url).toBe(`redis://127.0.0.1:${port}`);
    const answer = await rawRedis(port, 'CONFIG GET maxmemory\r\n', 5);
    expect(answer).toBe(`*2\r\n$9\r\nmaxmemory\r\n$8\r\n${12 * 1024 * 1024}\r\n`);
  });

  it('stops: the process has exited and the port refuses connections', async () => {
    const running = await startPrivateRedis();
    const { port, process: child } = running;
    const pid = child.pid!;
    expect(await connectOutcome(port)).toBe('connected');

    await running.stop();
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect(await connectOutcome(port)).toBe('ECONNREFUSED');

    // Stopping again is harmless.
    await expect(running.stop()).resolves.toBeUndefined();
  });

  it('fails with the server output when redis-server exits at start', async () => {
    let caught: unknown = null;
    try {
      const unexpected = await startPrivateRedis({ args: ['--no-such-directive', 'yes'] });
      await unexpected.stop();
    } catch (error) {
      caught = error;
    }
    const message = String((caught as { message?: unknown } | null)?.message);
    expect(message).toMatch(/^redis-server did not start on port \d+:/);
    expect(message).toMatch(/no-such-directive/i);
  });
});

describe('RedisNotInstalledError', () => {
  // Jest gives each test file its own copy of process.env, which child_process does not read; so the lookup is run in a
  // real Node process whose PATH holds only a shell (the lookup runs `sh -c "command -v redis-server"`).
  const DEVSERVICES_DIST = join(__dirname, '..', 'dist', 'index.js');
  let binDir: string;

  beforeAll(() => {
    binDir = mkdtempSync(join(tmpdir(), 'peduli-no-redis-'));
    symlinkSync('/bin/sh', join(binDir, 'sh'));
  });

  afterAll(() => {
    rmSync(binDir, { recursive: true, force: true });
  });

  it('is thrown when redis-server is not on PATH', () => {
    const script = `
      const ds = require(${JSON.stringify(DEVSERVICES_DIST)});
      const binary = ds.redisServerBinary();
      ds.startPrivateRedis().then(
        (redis) => redis.stop().then(() => console.log(JSON.stringify({ binary, started: true }))),
        (error) => console.log(JSON.stringify({
          binary,
          started: false,
          name: error.name,
          isRedisNotInstalled: error instanceof ds.RedisNotInstalledError,
          message: error.message,
        })),
      );`;
    const result = spawnSync(process.execPath, ['-e', script], { env: { PATH: binDir }, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const outcome: unknown = JSON.parse(result.stdout);
    expect(outcome).toEqual({
      binary: null,
      started: false,
      name: 'RedisNotInstalledError',
      isRedisNotInstalled: true,
      message: expect.stringContaining('redis-server was not found on PATH'),
    });
  });

  it('is thrown when PATH is an empty directory (not even sh can start)', () => {
    const empty = mkdtempSync(join(tmpdir(), 'peduli-empty-path-'));
    try {
      const script = `
        const ds = require(${JSON.stringify(DEVSERVICES_DIST)});
        ds.startPrivateRedis().then(
          () => console.log('started'),
          (error) => console.log(error instanceof ds.RedisNotInstalledError ? 'not-installed' : 'other: ' + error.message),
        );`;
      const result = spawnSync(process.execPath, ['-e', script], { env: { PATH: empty }, encoding: 'utf8', timeout: 30_000 });
      expect(result.stdout.trim()).toBe('not-installed');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('explains how to install Redis or use an existing one', () => {
    const error = new RedisNotInstalledError();
    expect(error.name).toBe('RedisNotInstalledError');
    expect(error.message).toContain('apt-get install -y redis-server');
    expect(error.message).toContain('brew install redis');
    expect(error.message).toContain('REDIS_URL');
  });
});

describe('startPrivateRedis on a port another Redis already serves', () => {
  it('rejects instead of handing back someone else\'s server', async () => {
    const first = await startPrivateRedis();
    try {
      await expect(startPrivateRedis({ port: first.port })).rejects.toThrow(/did not start on port/);
      // The first server is untouched.
      expect(await rawRedis(first.port, 'PING\r\n')).toBe('+PONG\r\n');
    } finally {
      await first.stop();
    }
  });
});
