import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built package, as process entry points use it. */
const CONFIG_DIST = join(__dirname, '..', 'dist', 'index.js');

function runEntryPoint(env: NodeJS.ProcessEnv, role = 'api', schema = 'apiConfigSchema') {
  const script =
    `const c = require(${JSON.stringify(CONFIG_DIST)});` +
    `const config = c.loadConfigOrExit(${JSON.stringify(role)}, c[${JSON.stringify(schema)}]);` +
    `process.stdout.write(JSON.stringify(config));`;
  return spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 30_000 });
}

describe('loadConfigOrExit', () => {
  beforeAll(() => {
    expect(existsSync(CONFIG_DIST)).toBe(true);
  });

  it('exits with 78 (EX_CONFIG) and names every missing variable on stderr', () => {
    const result = runEntryPoint({});
    expect(result.status).toBe(78);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).toContain('REDIS_URL');
    expect(result.stderr).toContain('Invalid configuration for api:');
    expect(result.stderr).toContain('The process will not start until this is fixed.');
  });

  it('writes a structured fatal log line first', () => {
    const result = runEntryPoint({ DATABASE_URL: 'postgres://h/d', REDIS_URL: 'http://wrong', JWT_SECRET: 'x'.repeat(32) });
    expect(result.status).toBe(78);
    const firstLine = result.stderr.split('\n')[0];
    const parsed: unknown = JSON.parse(firstLine);
    expect(parsed).toEqual({
      level: 'fatal',
      role: 'api',
      msg: 'invalid configuration',
      problems: [{ variable: 'REDIS_URL', problem: expect.stringContaining('redis://') }],
    });
  });

  it('returns the configuration and lets the process run when it is valid', () => {
    const result = runEntryPoint({ DATABASE_URL: 'postgres://h/d', REDIS_URL: 'redis://h:6379', JWT_SECRET: 'x'.repeat(32), PORT: '4000' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const config: unknown = JSON.parse(result.stdout);
    expect(config).toMatchObject({ PORT: 4000, DATABASE_URL: 'postgres://h/d', QUEUE_PREFIX: 'peduli' });
  });

  it('uses the role’s own schema: the reminder worker also needs SMTP_URL', () => {
    const result = runEntryPoint({ DATABASE_URL: 'postgres://h/d', REDIS_URL: 'redis://h:6379' }, 'reminder-worker', 'reminderWorkerConfigSchema');
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('SMTP_URL');
    expect(result.stderr).not.toContain('  - DATABASE_URL');
  });
});
