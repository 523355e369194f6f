import {
  apiConfigSchema,
  CONFIG_SCHEMAS,
  ConfigError,
  documentWorkerConfigSchema,
  knownVariables,
  loadConfig,
  ProcessRole,
  reminderWorkerConfigSchema,
  requiredVariables,
  scoringWorkerConfigSchema,
  seedConfigSchema,
} from '../src';

const DATABASE_URL = 'postgres://peduli:secret@db.internal:5432/peduli';
const REDIS_URL = 'redis://cache.internal:6379';
const SMTP_URL = 'smtp://mail.internal:25';
const JWT_SECRET = 'a-signing-secret-of-at-least-32-characters';

/** Runs loadConfig and returns the ConfigError it throws; fails the test when it does not throw one. */
function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but the configuration loaded');
}

function problemVariables(error: ConfigError): string[] {
  return error.problems.map((p) => p.variable);
}

describe('loadConfig for the api', () => {
  it('applies every default when only the URLs are given', () => {
    const config = loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL });
    expect(config).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: 'peduli',
      OUTBOX_SWEEP_INTERVAL_MS: 5000,
      DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
      JOB_RETRY_BASE_MS: 1000,
      JOB_RETRY_MAX_DELAY_MS: 60_000,
      JOB_RETRY_WINDOW_MS: 45 * 60_000,
      STORAGE_DRIVER: 'local',
      STORAGE_DIR: '.peduli/storage',
      S3_REGION: 'ap-southeast-3',
      S3_FORCE_PATH_STYLE: false,
      S3_PREFIX: 'evidence/',
      PORT: 3000,
      HOST: '0.0.0.0',
      METRICS_HOST: '0.0.0.0',
      MAX_UPLOAD_BYTES: 20 * 1024 * 1024,
      UNIT_STORAGE_QUOTA_BYTES: 2 * 1024 * 1024 * 1024,
      MAX_DOCUMENTS_PER_SUBMISSION: 50,
      JWT_SECRET,
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 14,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_ADDRESS_MAX_FAILURES: 50,
      LOGIN_ACCOUNT_SLOW_AFTER: 10,
      LOGIN_ACCOUNT_MAX_DELAY_MS: 5000,
      LOGIN_WINDOW_SECONDS: 900,
      LOGIN_LOCK_SECONDS: 60,
      LOGIN_LOCK_MAX_SECONDS: 3600,
      LOGIN_THROTTLE_CLEANUP_INTERVAL_MS: 600_000,
      AUTH_RATE_LIMIT_PER_MINUTE: 30,
      TRUST_PROXY: ['loopback'],
      CORS_ORIGINS: [],
    });
  });

  it('needs a bucket for the S3 storage driver, and reads its settings', () => {
    const missing = configErrorOf(() => loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL, STORAGE_DRIVER: 's3' }));
    expect(problemVariables(missing)).toEqual(['S3_BUCKET']);
    expect(missing.problems[0].problem).toBe('required when STORAGE_DRIVER=s3');
    const wrong = configErrorOf(() => loadConfig('document-worker', documentWorkerConfigSchema, { DATABASE_URL, REDIS_URL, STORAGE_DRIVER: 'ftp', S3_FORCE_PATH_STYLE: 'yes' }));
    expect(problemVariables(wrong).sort()).toEqual(['S3_FORCE_PATH_STYLE', 'STORAGE_DRIVER']);
    const config = loadConfig('document-worker', documentWorkerConfigSchema, {
      DATABASE_URL,
      REDIS_URL,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'peduli-evidence',
      S3_ENDPOINT: 'http://minio.internal:9000',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config).toMatchObject({ STORAGE_DRIVER: 's3', S3_BUCKET: 'peduli-evidence', S3_ENDPOINT: 'http://minio.internal:9000', S3_FORCE_PATH_STYLE: true });
  });

  it('refuses a short JWT_SECRET and splits CORS_ORIGINS into a list', () => {
    const error = configErrorOf(() => loadConfig('api', apiConfigSchema, { DATABASE_URL, REDIS_URL, JWT_SECRET: 'short' }));
    expect(problemVariables(error)).toEqual(['JWT_SECRET']);
    expect(error.problems[0].problem).toContain('at least 32 characters');
    const config = loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL, CORS_ORIGINS: 'https://a.go.id, https://b.go.id,' });
    expect(config.CORS_ORIGINS).toEqual(['https://a.go.id', 'https://b.go.id']);
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses and CIDRs, and refuses anything else with an example', () => {
    const load = (TRUST_PROXY: string) => loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL, TRUST_PROXY }).TRUST_PROXY;
    expect(load('1')).toBe(1);
    expect(load('loopback')).toEqual(['loopback']);
    expect(load('10.0.0.0/8, 192.168.1.5,fd00::/8 ,loopback')).toEqual(['10.0.0.0/8', '192.168.1.5', 'fd00::/8', 'loopback']);
    for (const wrong of ['true', '10.0.0.0/33', '10.0.0/8', 'ingress.local', '1.2.3.4/8/8', ',']) {
      const error = configErrorOf(() => load(wrong));
      expect(problemVariables(error)).toEqual(['TRUST_PROXY']);
      expect(error.problems[0].problem).toContain('give a hop count (e.g. 1), loopback, or comma-separated addresses and CIDRs');
    }
  });

  it('coerces numeric variables from strings and keeps given values', () => {
    const config = loadConfig('api', apiConfigSchema, {
      JWT_SECRET,
      DATABASE_URL: 'postgresql://u@h/d',
      REDIS_URL: 'rediss://secure-cache:6380',
      PORT: '8080',
      MAX_UPLOAD_BYTES: '1048576',
      QUEUE_PREFIX: 'staging_2',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    });
    expect(config.PORT).toBe(8080);
    expect(config.MAX_UPLOAD_BYTES).toBe(1048576);
    expect(config.QUEUE_PREFIX).toBe('staging_2');
    expect(config.NODE_ENV).toBe('production');
    expect(config.LOG_LEVEL).toBe('warn');
    expect(config.DATABASE_URL).toBe('postgresql://u@h/d');
    expect(config.REDIS_URL).toBe('rediss://secure-cache:6380');
  });

  it('ignores variables that are not part of the schema', () => {
    const config = loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL, SMTP_URL, UNRELATED: 'x' });
    expect(config).not.toHaveProperty('SMTP_URL');
    expect(config).not.toHaveProperty('UNRELATED');
  });

  it('names a missing DATABASE_URL in the problems', () => {
    const error = configErrorOf(() => loadConfig('api', apiConfigSchema, { JWT_SECRET, REDIS_URL }));
    expect(error.name).toBe('ConfigError');
    expect(error.role).toBe('api');
    expect(error.problems).toEqual([{ variable: 'DATABASE_URL', problem: expect.stringContaining('required') }]);
  });

  it('treats an empty string as missing (defaults apply, required ones fail)', () => {
    const config = loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL, PORT: '', QUEUE_PREFIX: '', MAX_UPLOAD_BYTES: '' });
    expect(config.PORT).toBe(3000);
    expect(config.QUEUE_PREFIX).toBe('peduli');
    expect(config.MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);

    const error = configErrorOf(() => loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL: '', REDIS_URL }));
    expect(problemVariables(error)).toEqual(['DATABASE_URL']);
    expect(error.problems[0].problem).toMatch(/^required/);
  });

  it('treats a whitespace-only value as missing (PORT=" " is not port 0)', () => {
    const config = loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL, PORT: ' ', HOST: '\t' });
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('0.0.0.0');
    const error = configErrorOf(() => loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL: '   ', REDIS_URL }));
    expect(problemVariables(error)).toEqual(['DATABASE_URL']);
  });

  it.each(['http://cache:6379', 'postgres://cache/0', 'cache:6379', 'not a url'])('rejects REDIS_URL %j', (value) => {
    const error = configErrorOf(() => loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL: value }));
    expect(error.problems).toEqual([
      { variable: 'REDIS_URL', problem: expect.stringContaining('must be a URL starting with redis:// or rediss://') },
    ]);
  });

  it('rejects a DATABASE_URL with the wrong protocol', () => {
    const error = configErrorOf(() => loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL: 'mysql://h/d', REDIS_URL }));
    expect(problemVariables(error)).toEqual(['DATABASE_URL']);
    expect(error.problems[0].problem).toContain('postgres://');
  });

  it.each(['abc', '70000', '65536', '-1', '80.5'])('rejects PORT %j', (value) => {
    const error = configErrorOf(() => loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL, PORT: value }));
    expect(problemVariables(error)).toEqual(['PORT']);
  });

  it.each([
    ['0', 0],
    ['65535', 65535],
    ['1', 1],
  ])('accepts PORT %j', (value, expected) => {
    expect(loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL, PORT: value }).PORT).toBe(expected);
  });

  it.each(['0', '-5', 'lots'])('rejects MAX_UPLOAD_BYTES %j', (value) => {
    const error = configErrorOf(() => loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL, MAX_UPLOAD_BYTES: value }));
    expect(problemVariables(error)).toEqual(['MAX_UPLOAD_BYTES']);
  });

  it.each(['has space', 'a:b', 'x'.repeat(41)])('rejects QUEUE_PREFIX %j', (value) => {
    const error = configErrorOf(() => loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL, QUEUE_PREFIX: value }));
    expect(problemVariables(error)).toEqual(['QUEUE_PREFIX']);
  });

  it('rejects an unknown NODE_ENV and LOG_LEVEL', () => {
    const error = configErrorOf(() =>
      loadConfig('api', apiConfigSchema, { JWT_SECRET, DATABASE_URL, REDIS_URL, NODE_ENV: 'staging', LOG_LEVEL: 'verbose' }),
    );
    expect(problemVariables(error).sort()).toEqual(['LOG_LEVEL', 'NODE_ENV']);
  });

  it('lists every problem at once, in the message too', () => {
    const error = configErrorOf(() =>
      loadConfig('api', apiConfigSchema, { JWT_SECRET, REDIS_URL: 'http://wrong', PORT: 'abc', MAX_UPLOAD_BYTES: '0' }),
    );
    expect(problemVariables(error).sort()).toEqual(['DATABASE_URL', 'MAX_UPLOAD_BYTES', 'PORT', 'REDIS_URL']);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Invalid configuration for api:');
    expect(lines).toHaveLength(5);
    for (const { variable, problem } of error.problems) {
      expect(lines).toContain(`  - ${variable}: ${problem}`);
    }
  });

  it('reads process.env when no env is passed', () => {
    const saved = { ...process.env };
    try {
      process.env.DATABASE_URL = DATABASE_URL;
      process.env.REDIS_URL = REDIS_URL;
      process.env.JWT_SECRET = JWT_SECRET;
      process.env.PORT = '4321';
      expect(loadConfig('api', apiConfigSchema).PORT).toBe(4321);
    } finally {
      for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'PORT']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });
});

describe('loadConfig for the workers', () => {
  it.each([
    ['document-worker', documentWorkerConfigSchema, 3001],
    ['scoring-worker', scoringWorkerConfigSchema, 3002],
  ] as const)('%s defaults HEALTH_PORT to %i and WORKER_CONCURRENCY to 4', (role, schema, healthPort) => {
    const config = loadConfig(role, schema, { DATABASE_URL, REDIS_URL });
    expect(config.HEALTH_PORT).toBe(healthPort);
    expect(config.WORKER_CONCURRENCY).toBe(4);
    expect(config.HEALTH_HOST).toBe('0.0.0.0');
  });

  it('gives the document worker a storage folder and the scoring worker none', () => {
    expect(loadConfig('document-worker', documentWorkerConfigSchema, { DATABASE_URL, REDIS_URL }).STORAGE_DIR).toBe(
      '.peduli/storage',
    );
    expect(loadConfig('scoring-worker', scoringWorkerConfigSchema, { DATABASE_URL, REDIS_URL })).not.toHaveProperty('STORAGE_DIR');
  });

  it('rejects WORKER_CONCURRENCY 0 and HEALTH_PORT 70000', () => {
    const error = configErrorOf(() =>
      loadConfig('scoring-worker', scoringWorkerConfigSchema, { DATABASE_URL, REDIS_URL, WORKER_CONCURRENCY: '0', HEALTH_PORT: '70000' }),
    );
    expect(problemVariables(error).sort()).toEqual(['HEALTH_PORT', 'WORKER_CONCURRENCY']);
  });

  it('requires SMTP_URL for the reminder worker and defaults the rest', () => {
    const error = configErrorOf(() => loadConfig('reminder-worker', reminderWorkerConfigSchema, { DATABASE_URL, REDIS_URL }));
    expect(problemVariables(error)).toEqual(['SMTP_URL']);

    const config = loadConfig('reminder-worker', reminderWorkerConfigSchema, { DATABASE_URL, REDIS_URL, SMTP_URL });
    expect(config.SMTP_URL).toBe(SMTP_URL);
    expect(config.HEALTH_PORT).toBe(3003);
    expect(config.MAIL_FROM).toBe('Peduli <no-reply@peduli.go.id>');
    expect(config.APP_URL).toBe('http://localhost:3000');
  });

  it('checks the reminder worker’s SMTP_URL and APP_URL protocols', () => {
    const error = configErrorOf(() =>
      loadConfig('reminder-worker', reminderWorkerConfigSchema, {
        DATABASE_URL,
        REDIS_URL,
        SMTP_URL: 'http://mail:25',
        APP_URL: 'ftp://peduli',
      }),
    );
    expect(problemVariables(error).sort()).toEqual(['APP_URL', 'SMTP_URL']);
    expect(loadConfig('reminder-worker', reminderWorkerConfigSchema, { DATABASE_URL, REDIS_URL, SMTP_URL: 'smtps://m:465' }).SMTP_URL).toBe(
      'smtps://m:465',
    );
  });
});

describe('loadConfig for the document worker’s checks', () => {
  const load = (env: Record<string, string>) => loadConfig('document-worker', documentWorkerConfigSchema, { DATABASE_URL, REDIS_URL, ...env });

  it('defaults to the five types, 20 MB uploads, 200 MB unzipped, ratio 100, 100 MP images and no antivirus', () => {
    const config = load({});
    expect(config.DOCUMENT_ALLOWED_TYPES).toEqual(['pdf', 'jpeg', 'png', 'docx', 'xlsx']);
    expect(config.MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
    expect(config.DOCUMENT_MAX_UNZIPPED_BYTES).toBe(200 * 1024 * 1024);
    expect(config.DOCUMENT_MAX_ZIP_RATIO).toBe(100);
    expect(config.DOCUMENT_MAX_IMAGE_PIXELS).toBe(100_000_000);
    expect(config.CLAMD_URL).toBeUndefined();
    expect(config.CLAMD_TIMEOUT_MS).toBe(60_000);
  });

  it('narrows the allowlist, tolerating spaces, case and repeats', () => {
    expect(load({ DOCUMENT_ALLOWED_TYPES: ' PDF, png ,pdf,' }).DOCUMENT_ALLOWED_TYPES).toEqual(['pdf', 'png']);
  });

  it.each([
    ['pdf,gif', 'unknown type gif'],
    ['exe', 'unknown type exe'],
    [',', 'give a comma-separated list of pdf, jpeg, png, docx, xlsx'],
  ])('refuses DOCUMENT_ALLOWED_TYPES=%j', (value, message) => {
    const error = configErrorOf(() => load({ DOCUMENT_ALLOWED_TYPES: value }));
    expect(problemVariables(error)).toEqual(['DOCUMENT_ALLOWED_TYPES']);
    expect(error.problems[0].problem).toContain(message);
  });

  it('takes a clamd URL with host and port and a scan timeout', () => {
    const config = load({ CLAMD_URL: 'tcp://clamav.internal:3310', CLAMD_TIMEOUT_MS: '5000', DOCUMENT_MAX_ZIP_RATIO: '50.5' });
    expect(config.CLAMD_URL).toBe('tcp://clamav.internal:3310');
    expect(config.CLAMD_TIMEOUT_MS).toBe(5000);
    expect(config.DOCUMENT_MAX_ZIP_RATIO).toBe(50.5);
  });

  it.each(['http://clamav:3310', 'tcp://clamav', 'clamav:3310'])('refuses CLAMD_URL=%j', (value) => {
    expect(problemVariables(configErrorOf(() => load({ CLAMD_URL: value })))).toEqual(['CLAMD_URL']);
  });

  it('refuses to start in production without clamd unless scanning is switched off explicitly', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://peduli:Qm4vT9xLr2sWk7Zp@db.internal:5432/peduli' };
    const error = configErrorOf(() => load(production));
    expect(problemVariables(error)).toEqual(['CLAMD_URL']);
    expect(error.problems[0].problem).toContain('DOCUMENT_SCAN=off');
    expect(load({ ...production, DOCUMENT_SCAN: 'off' }).DOCUMENT_SCAN).toBe('off');
    expect(load({ ...production, CLAMD_URL: 'tcp://clamav:3310' }).CLAMD_URL).toBe('tcp://clamav:3310');
    // Development and tests run without clamd unless told otherwise (npm start, the demo).
    expect(load({ NODE_ENV: 'development' }).CLAMD_URL).toBeUndefined();
  });

  it('refuses a contradictory scan setting', () => {
    expect(problemVariables(configErrorOf(() => load({ DOCUMENT_SCAN: 'off', CLAMD_URL: 'tcp://clamav:3310' })))).toEqual(['DOCUMENT_SCAN']);
    expect(problemVariables(configErrorOf(() => load({ DOCUMENT_SCAN: 'clamd' })))).toEqual(['CLAMD_URL']);
    expect(problemVariables(configErrorOf(() => load({ DOCUMENT_SCAN: 'sometimes' })))).toEqual(['DOCUMENT_SCAN']);
  });

  it('bounds each file’s check: 20 s and 256 MB by default, threads from the cores unless set', () => {
    const defaults = load({});
    expect([defaults.DOCUMENT_CHECK_TIMEOUT_MS, defaults.DOCUMENT_CHECK_MEMORY_MB, defaults.DOCUMENT_CHECK_THREADS]).toEqual([20_000, 256, undefined]);
    const set = load({ DOCUMENT_CHECK_TIMEOUT_MS: '500', DOCUMENT_CHECK_MEMORY_MB: '64', DOCUMENT_CHECK_THREADS: '3' });
    expect([set.DOCUMENT_CHECK_TIMEOUT_MS, set.DOCUMENT_CHECK_MEMORY_MB, set.DOCUMENT_CHECK_THREADS]).toEqual([500, 64, 3]);
    expect(problemVariables(configErrorOf(() => load({ DOCUMENT_CHECK_MEMORY_MB: '8', DOCUMENT_CHECK_THREADS: '0' }))).sort()).toEqual([
      'DOCUMENT_CHECK_MEMORY_MB',
      'DOCUMENT_CHECK_THREADS',
    ]);
  });

  it('refuses non-positive limits', () => {
    const error = configErrorOf(() =>
      load({ DOCUMENT_MAX_UNZIPPED_BYTES: '0', DOCUMENT_MAX_ZIP_RATIO: '-1', DOCUMENT_MAX_IMAGE_PIXELS: 'many', MAX_UPLOAD_BYTES: '0' }),
    );
    expect(problemVariables(error).sort()).toEqual([
      'DOCUMENT_MAX_IMAGE_PIXELS',
      'DOCUMENT_MAX_UNZIPPED_BYTES',
      'DOCUMENT_MAX_ZIP_RATIO',
      'MAX_UPLOAD_BYTES',
    ]);
  });
});

describe('loadConfig for the seed', () => {
  it('defaults the admin email and leaves the password optional', () => {
    const config = loadConfig('seed', seedConfigSchema, { DATABASE_URL });
    expect(config).toEqual({ NODE_ENV: 'development', DATABASE_URL, ADMIN_EMAIL: 'admin@peduli.local' });
    expect(config.ADMIN_PASSWORD).toBeUndefined();
  });

  it('does not need REDIS_URL', () => {
    expect(() => loadConfig('seed', seedConfigSchema, { DATABASE_URL })).not.toThrow();
  });

  it('requires ADMIN_EMAIL to be an email address', () => {
    const error = configErrorOf(() => loadConfig('seed', seedConfigSchema, { DATABASE_URL, ADMIN_EMAIL: 'admin' }));
    expect(error.problems).toEqual([{ variable: 'ADMIN_EMAIL', problem: 'must be an email address' }]);
    expect(loadConfig('seed', seedConfigSchema, { DATABASE_URL, ADMIN_EMAIL: 'kepala@kemenham.go.id' }).ADMIN_EMAIL).toBe(
      'kepala@kemenham.go.id',
    );
  });

  it('requires ADMIN_PASSWORD to have at least 12 characters', () => {
    const error = configErrorOf(() => loadConfig('seed', seedConfigSchema, { DATABASE_URL, ADMIN_PASSWORD: '12345678901' }));
    expect(error.problems).toEqual([{ variable: 'ADMIN_PASSWORD', problem: 'must be at least 12 characters' }]);
    expect(loadConfig('seed', seedConfigSchema, { DATABASE_URL, ADMIN_PASSWORD: '123456789012' }).ADMIN_PASSWORD).toBe('123456789012');
  });
});

describe('requiredVariables and knownVariables', () => {
  it.each([
    ['api', ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']],
    ['document-worker', ['DATABASE_URL', 'REDIS_URL']],
    ['scoring-worker', ['DATABASE_URL', 'REDIS_URL']],
    ['reminder-worker', ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL']],
    ['seed', ['DATABASE_URL']],
  ] as const)('%s requires %j', (role, expected) => {
    expect([...requiredVariables(role)].sort()).toEqual([...expected].sort());
  });

  it('requiredVariables agrees with loadConfig: each one alone, when missing, is the only problem', () => {
    const full = { DATABASE_URL, REDIS_URL, SMTP_URL, JWT_SECRET };
    for (const role of Object.keys(CONFIG_SCHEMAS) as ProcessRole[]) {
      for (const variable of requiredVariables(role)) {
        const env: Record<string, string> = { ...full };
        delete env[variable];
        const error = configErrorOf(() => loadConfig(role, CONFIG_SCHEMAS[role], env));
        expect({ role, problems: problemVariables(error) }).toEqual({ role, problems: [variable] });
      }
    }
  });

  it('lists HEALTH_PORT for the workers but not for the api or the seed', () => {
    for (const role of ['document-worker', 'scoring-worker', 'reminder-worker'] as const) {
      expect(knownVariables(role)).toContain('HEALTH_PORT');
      expect(knownVariables(role)).toContain('WORKER_CONCURRENCY');
    }
    expect(knownVariables('api')).not.toContain('HEALTH_PORT');
    expect(knownVariables('api')).toEqual(expect.arrayContaining(['PORT', 'HOST', 'MAX_UPLOAD_BYTES', 'STORAGE_DIR']));
    expect(knownVariables('seed').sort()).toEqual(['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'DATABASE_URL', 'NODE_ENV']);
  });

  it('knows SMTP_URL only for the reminder worker', () => {
    for (const role of Object.keys(CONFIG_SCHEMAS) as ProcessRole[]) {
      expect({ role, smtp: knownVariables(role).includes('SMTP_URL') }).toEqual({ role, smtp: role === 'reminder-worker' });
    }
  });
});
