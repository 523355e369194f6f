import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROLES, ROOT, Role } from './system';

function start(role: Role, env: Record<string, string>) {
  return spawnSync(process.execPath, [join(ROOT, ROLES[role])], { env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8', timeout: 20_000 });
}

describe('every process refuses to start on wrong configuration, naming the variable', () => {
  const good = { DATABASE_URL: 'postgres://u@127.0.0.1:1/x', REDIS_URL: 'redis://127.0.0.1:1', SMTP_URL: 'smtp://127.0.0.1:1' };

  it.each([
    ['api', { ...good, JWT_SECRET: 'x'.repeat(40), REDIS_URL: 'http://cache:6379' }, 'REDIS_URL'],
    ['api', { ...good, JWT_SECRET: 'x'.repeat(40), PORT: 'eighty' }, 'PORT'],
    ['api', { ...good, JWT_SECRET: 'too-short' }, 'JWT_SECRET'],
    ['document-worker', { REDIS_URL: good.REDIS_URL }, 'DATABASE_URL'],
    ['scoring-worker', { ...good, WORKER_CONCURRENCY: '0' }, 'WORKER_CONCURRENCY'],
    ['reminder-worker', { DATABASE_URL: good.DATABASE_URL, REDIS_URL: good.REDIS_URL }, 'SMTP_URL'],
    // Production refuses the example values of docker-compose.yml and infra/k8s/base/secret.example.yaml.
    ['api', { ...good, NODE_ENV: 'production', JWT_SECRET: 'change-me-to-48-random-characters-from-openssl-rand' }, 'JWT_SECRET'],
    ['api', { ...good, NODE_ENV: 'production', JWT_SECRET: 'kJ3v9Qm2xT7wLp4Zr8Yc1Nf6Hb0Gd5Se', DATABASE_URL: 'postgres://peduli:peduli@127.0.0.1:1/peduli' }, 'DATABASE_URL'],
    ['reminder-worker', { ...good, NODE_ENV: 'production', SMTP_URL: 'smtps://CHANGE-ME:CHANGE-ME@127.0.0.1:465' }, 'SMTP_URL'],
  ] as [Role, Record<string, string>, string][])('%s with a bad or missing %#: names %s', (role, env, variable) => {
    const result = start(role, env);
    expect(result.status).toBe(78);
    expect(result.stderr).toContain(variable);
    expect(result.stderr).toContain('will not start');
  });
});
