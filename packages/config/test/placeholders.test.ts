import { apiConfigSchema, ConfigError, loadConfig, metricsPort, placeholderProblem, reminderWorkerConfigSchema, seedConfigSchema } from '../src';

const REAL_SECRET = 'kJ3v9Qm2xT7wLp4Zr8Yc1Nf6Hb0Gd5Se';
const REAL_PASSWORD = 'Merah-Putih-1945-Kanwil';
const api = { DATABASE_URL: 'postgres://peduli:Vn4q7Lx2Rt9w@db.internal:5432/peduli', REDIS_URL: 'redis://cache.internal:6379', JWT_SECRET: REAL_SECRET };

function problemsOf(run: () => unknown): { variable: string; problem: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('placeholder secrets are refused in production', () => {
  // The example values of README.md, docker-compose.yml and infra/k8s/base/secret.example.yaml, and common guesses.
  it.each([
    ['JWT_SECRET', 'change-me-to-48-random-characters-from-openssl-rand'],
    ['JWT_SECRET', 'CHANGE-ME-to-the-output-of-openssl-rand-base64-48'],
    ['JWT_SECRET', 'x'.repeat(48)],
    ['JWT_SECRET', 'please_CHANGEME_before_deploying_this_app'],
  ])('the api refuses %s=%s', (variable, value) => {
    const problems = problemsOf(() => loadConfig('api', apiConfigSchema, { ...api, NODE_ENV: 'production', [variable]: value }));
    expect(problems).toEqual([{ variable, problem: expect.stringContaining('NODE_ENV=production needs a real secret') }]);
  });

  it.each(['postgres://peduli:peduli@postgres:5432/peduli', 'postgres://peduli:CHANGE-ME@db:5432/peduli', 'postgres://u:secret@db/x', 'postgres://u:Password@db/x'])(
    'the api refuses the database password in %s',
    (url) => {
      const problems = problemsOf(() => loadConfig('api', apiConfigSchema, { ...api, NODE_ENV: 'production', DATABASE_URL: url }));
      expect(problems).toEqual([{ variable: 'DATABASE_URL', problem: expect.stringMatching(/^its password is a placeholder/) }]);
    },
  );

  it('refuses the SMTP password of the k8s example and names every placeholder at once', () => {
    const problems = problemsOf(() =>
      loadConfig('reminder-worker', reminderWorkerConfigSchema, {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://peduli:secret@db/peduli',
        REDIS_URL: 'redis://:changeme@cache:6379',
        SMTP_URL: 'smtps://CHANGE-ME:CHANGE-ME@smtp.example.internal:465',
      }),
    );
    expect(problems.map((problem) => problem.variable)).toEqual(['DATABASE_URL', 'REDIS_URL', 'SMTP_URL']);
  });

  it.each(['change-me-please-now', 'CHANGE-ME-long-password', 'a-long-password', 'aaaaaaaa1111'])('the seed refuses ADMIN_PASSWORD=%s', (password) => {
    const problems = problemsOf(() =>
      loadConfig('seed', seedConfigSchema, { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db/x', ADMIN_PASSWORD: password }),
    );
    expect(problems).toEqual([{ variable: 'ADMIN_PASSWORD', problem: expect.stringContaining('NODE_ENV=production') }]);
  });

  it('refuses a too short admin password in every mode', () => {
    const problems = problemsOf(() => loadConfig('seed', seedConfigSchema, { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db/x', ADMIN_PASSWORD: 'Kp4!short' }));
    expect(problems).toEqual([{ variable: 'ADMIN_PASSWORD', problem: 'must be at least 12 characters' }]);
  });

  it('accepts real secrets, and URLs without a password, in production', () => {
    expect(loadConfig('api', apiConfigSchema, { ...api, NODE_ENV: 'production' }).JWT_SECRET).toBe(REAL_SECRET);
    expect(loadConfig('seed', seedConfigSchema, { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db/x', ADMIN_PASSWORD: REAL_PASSWORD }).ADMIN_PASSWORD).toBe(REAL_PASSWORD);
  });

  it('keeps development and test values working outside production', () => {
    expect(loadConfig('api', apiConfigSchema, { ...api, JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://peduli:secret@localhost/peduli' }).NODE_ENV).toBe('development');
    expect(loadConfig('api', apiConfigSchema, { ...api, NODE_ENV: 'test', JWT_SECRET: 'change-me-to-48-random-characters-from-openssl-rand' }).NODE_ENV).toBe('test');
  });

  it('judges single values', () => {
    expect(placeholderProblem('Change_Me')).toMatch(/placeholder/);
    expect(placeholderProblem(REAL_SECRET)).toBeUndefined();
  });
});

describe('the API metrics port', () => {
  it('is 9464 in production, a free port elsewhere, and METRICS_PORT when set', () => {
    expect(metricsPort(loadConfig('api', apiConfigSchema, { ...api, NODE_ENV: 'production' }))).toBe(9464);
    expect(metricsPort(loadConfig('api', apiConfigSchema, { ...api, NODE_ENV: 'test' }))).toBe(0);
    expect(metricsPort(loadConfig('api', apiConfigSchema, { ...api, NODE_ENV: 'production', METRICS_PORT: '9100' }))).toBe(9100);
  });
});
