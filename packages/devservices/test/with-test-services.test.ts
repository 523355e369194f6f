import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { TEST_RUN_ENV, testServiceUrls } from '../src';

const CLI = join(__dirname, '..', 'dist', 'cli', 'with-test-services.js');

/** What the command saw: its test services, its run, and whether both answered. */
interface Seen {
  postgres: string;
  redis: string;
  run: string;
  postgresAnswered: boolean;
  redisAnswered: boolean;
}

// Run by the CLI: reports its environment and whether PostgreSQL and Redis answer, then exits with the code asked for.
const PROBE = `
const { Client } = require('pg');
const net = require('node:net');
(async () => {
  const postgres = process.env.PEDULI_TEST_PG_URL, redis = process.env.PEDULI_TEST_REDIS_URL;
  const client = new Client({ connectionString: postgres });
  await client.connect();
  const postgresAnswered = (await client.query('SELECT 1 AS one')).rows[0].one === 1;
  await client.end();
  const { hostname, port } = new URL(redis);
  const redisAnswered = await new Promise((resolve) => {
    const socket = net.createConnection(Number(port), hostname, () => socket.write('PING\\r\\n'));
    socket.on('data', (data) => { resolve(data.toString().startsWith('+PONG')); socket.destroy(); });
    socket.on('error', () => resolve(false));
  });
  console.log(JSON.stringify({ postgres, redis, run: process.env.${TEST_RUN_ENV}, postgresAnswered, redisAnswered }));
  process.exit(Number(process.argv[1]));
})();
`;

function runCli(env: NodeJS.ProcessEnv, exitCode: number): Promise<{ code: number | null; seen: Seen }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, process.execPath, '-e', PROBE, String(exitCode)], { cwd: join(__dirname, '..'), env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = stdout.split('\n').find((text) => text.startsWith('{'));
      if (!line) reject(new Error(`the command reported nothing (exit ${code}): ${stderr}`));
      else resolve({ code, seen: JSON.parse(line) as Seen });
    });
  });
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const redisAnswers = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = createConnection(Number(port), hostname, () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

/** The environment without any test services or run: the CLI must start its own. */
function bareEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'PEDULI_TEST_PG_URL', 'PEDULI_TEST_REDIS_URL', TEST_RUN_ENV]) delete env[name];
  return env;
}

describe('with-test-services: one PostgreSQL and one Redis for a whole test run', () => {
  it('starts both for the command, names the run, passes on its exit code, and stops both afterwards', async () => {
    const { code, seen } = await runCli(bareEnvironment(), 3);

    expect(code).toBe(3);
    expect(seen).toEqual({ postgres: expect.stringMatching(/^postgres/), redis: expect.stringMatching(/^redis/), run: expect.stringMatching(/^[0-9a-f]{8}$/), postgresAnswered: true, redisAnswered: true });
    // The servers it started are gone with it.
    expect(await postgresAnswers(seen.postgres)).toBe(false);
    expect(await redisAnswers(seen.redis)).toBe(false);
  });

  it('joins a run already under way: the same servers and run, left running when it ends', async () => {
    const outer = testServiceUrls();
    const { code, seen } = await runCli({ ...process.env, PEDULI_TEST_PG_URL: outer.postgres, PEDULI_TEST_REDIS_URL: outer.redis, [TEST_RUN_ENV]: 'outer123' }, 0);

    expect(code).toBe(0);
    expect(seen).toEqual({ postgres: outer.postgres, redis: outer.redis, run: 'outer123', postgresAnswered: true, redisAnswered: true });
    expect(await postgresAnswers(outer.postgres)).toBe(true);
    expect(await redisAnswers(outer.redis)).toBe(true);
  });
});
