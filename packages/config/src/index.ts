import { FILE_TYPE_NAMES, FileTypeName, isFileTypeName } from '@peduli/domain';
import { isIP } from 'node:net';
import { z } from 'zod';
import { placeholderProblems } from './placeholders';

export { placeholderProblem, placeholderProblems } from './placeholders';

/**
 * Every process reads its configuration once at start through one of these schemas. A missing or malformed variable
 * stops the process with a message naming it, instead of failing later in the middle of a request or job.
 */

const url = (protocols: string[], example: string) =>
  z
    .string({ error: `required, e.g. ${example}` })
    .min(1, `required, e.g. ${example}`)
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}, e.g. ${example}`);

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const common = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://peduli:secret@localhost:5432/peduli'),
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://localhost:6379'),
  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/, 'letters, digits, _ or -, at most 40').default('peduli'),
  OUTBOX_SWEEP_INTERVAL_MS: positiveInt(5000),
  /**
   * Longest one SQL statement may run before PostgreSQL cancels it (set on every pooled connection); 0 turns the limit
   * off. Migrations and seeds never have one.
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(86_400_000).default(30_000),
  /**
   * Failed jobs are retried after JOB_RETRY_BASE_MS, doubling up to JOB_RETRY_MAX_DELAY_MS, until the waits add up to
   * JOB_RETRY_WINDOW_MS: the longest outage (of S3, PostgreSQL, SMTP) a job outlasts. Every process must use the same.
   */
  JOB_RETRY_BASE_MS: positiveInt(1000),
  JOB_RETRY_MAX_DELAY_MS: positiveInt(60_000),
  JOB_RETRY_WINDOW_MS: positiveInt(45 * 60_000),
};

const workerCommon = {
  ...common,
  /** Port of the small health server every worker runs (GET /health, /health/ready). 0 picks a free port. */
  HEALTH_PORT: port(0),
  HEALTH_HOST: z.string().default('0.0.0.0'),
  WORKER_CONCURRENCY: positiveInt(4),
  /** How often a worker's recovery sweep looks for work stuck after an outage (submissions being checked, notices). */
  RECOVERY_SWEEP_INTERVAL_MS: positiveInt(60_000),
  /** How long a submission may sit in SUBMITTED/CHECKING, or a notice unsent, before the sweep looks into it. */
  RECOVERY_STUCK_AFTER_MS: positiveInt(10 * 60_000),
};

/** Largest evidence file; the API enforces it while streaming, the document worker refuses anything larger. */
const apiUploadLimit = positiveInt(20 * 1024 * 1024);

const storage = {
  /** Where evidence bytes live: a local folder, or an S3-compatible bucket. */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** Folder of the local evidence store. */
  STORAGE_DIR: z.string().min(1).default('.peduli/storage'),
  /** S3 driver: the bucket (required with STORAGE_DRIVER=s3). */
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default('ap-southeast-3'),
  /** S3 driver: an S3-compatible endpoint (MinIO, a provider's); unset for AWS. */
  S3_ENDPOINT: url(['http:', 'https:'], 'http://127.0.0.1:9000').optional(),
  /** S3 driver: path-style addressing, which most S3-compatible servers need. */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false').transform((value) => value === 'true'),
  /** S3 driver: credentials; unset uses the SDK's default chain (environment, instance role). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** S3 driver: key prefix for evidence objects. */
  S3_PREFIX: z.string().default('evidence/'),
};

/** STORAGE_DRIVER=s3 needs a bucket: refused at start rather than at the first upload. */
function requireBucketForS3(config: { STORAGE_DRIVER: string; S3_BUCKET?: string }, context: z.RefinementCtx): void {
  if (config.STORAGE_DRIVER === 's3' && !config.S3_BUCKET) {
    context.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'required when STORAGE_DRIVER=s3' });
  }
}

/**
 * Antivirus is a decision, not an accident of a missing variable: production needs CLAMD_URL or DOCUMENT_SCAN=off,
 * and the two together contradict each other.
 */
function requireScanDecision(
  config: { NODE_ENV: string; CLAMD_URL?: string; DOCUMENT_SCAN?: 'clamd' | 'off' },
  context: z.RefinementCtx,
): void {
  if (config.DOCUMENT_SCAN === 'off' && config.CLAMD_URL) {
    context.addIssue({ code: 'custom', path: ['DOCUMENT_SCAN'], message: 'is off while CLAMD_URL is set: unset one of them' });
  } else if (!config.CLAMD_URL && config.DOCUMENT_SCAN === 'clamd') {
    context.addIssue({ code: 'custom', path: ['CLAMD_URL'], message: 'required when DOCUMENT_SCAN=clamd' });
  } else if (!config.CLAMD_URL && config.DOCUMENT_SCAN !== 'off' && config.NODE_ENV === 'production') {
    context.addIssue({
      code: 'custom',
      path: ['CLAMD_URL'],
      message: 'required in production (tcp://host:3310); to run without antivirus set DOCUMENT_SCAN=off, and every document is flagged UNSCANNED',
    });
  }
}

/** Express's `trust proxy`: a hop count, or a list of addresses, CIDRs and Express's names for ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
function isTrustedProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
const trustProxy = z
  .string()
  .default('loopback')
  .transform((value, context): number | string[] => {
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed)) return Number(trimmed);
    const entries = trimmed.split(',').map((entry) => entry.trim()).filter(Boolean);
    const wrong = entries.filter((entry) => !isTrustedProxyEntry(entry));
    if (entries.length === 0 || wrong.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `${wrong.length > 0 ? `not an address or CIDR: ${wrong.join(', ')}; ` : ''}give a hop count (e.g. 1), loopback, or comma-separated addresses and CIDRs (e.g. 10.0.0.0/8,127.0.0.1)`,
      });
      return z.NEVER;
    }
    return entries;
  });

export const apiConfigSchema = z.object({
  ...common,
  ...storage,
  PORT: port(3000),
  HOST: z.string().default('0.0.0.0'),
  /**
   * Port of the Prometheus endpoint (GET /metrics), apart from the API port so the public ingress never exposes it.
   * Unset: 9464 in production, a free port otherwise (logged at start). See metricsPort().
   */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().default('0.0.0.0'),
  MAX_UPLOAD_BYTES: apiUploadLimit,
  /**
   * Evidence bytes one unit (an organisation, or a regency/city reporting itself) may keep, counting each distinct
   * file once however many submissions use it. An upload that would pass it is refused with 413.
   */
  UNIT_STORAGE_QUOTA_BYTES: positiveInt(2 * 1024 * 1024 * 1024),
  /** Documents one submission may hold (uploads and reuses together); one more is refused with 409. */
  MAX_DOCUMENTS_PER_SUBMISSION: positiveInt(50),
  /** Signs access tokens (HS256). Long and random; rotating it signs everyone out. */
  JWT_SECRET: z
    .string({ error: 'required: at least 32 random characters, e.g. from `openssl rand -base64 48`' })
    .min(32, 'must be at least 32 characters, e.g. from `openssl rand -base64 48`'),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt(900),
  REFRESH_TOKEN_TTL_DAYS: positiveInt(14),
  /**
   * Sign-in slowing (OWASP): failed logins for one email address from one client address before that pair is locked
   * for LOGIN_LOCK_SECONDS, twice as long at each further lock, up to LOGIN_LOCK_MAX_SECONDS.
   */
  LOGIN_MAX_FAILURES: positiveInt(5),
  /** Failed logins from one client address, whatever the email, before the address is locked the same way. */
  LOGIN_ADDRESS_MAX_FAILURES: positiveInt(50),
  /**
   * Failed logins for one email address from all client addresses after which each further attempt on it waits
   * (250 ms, doubling, up to LOGIN_ACCOUNT_MAX_DELAY_MS) before it is answered: slowed, never locked, so the owner
   * still gets in during an attack from elsewhere.
   */
  LOGIN_ACCOUNT_SLOW_AFTER: positiveInt(10),
  LOGIN_ACCOUNT_MAX_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** Failures older than this are forgotten. */
  LOGIN_WINDOW_SECONDS: positiveInt(900),
  LOGIN_LOCK_SECONDS: positiveInt(60),
  LOGIN_LOCK_MAX_SECONDS: positiveInt(3600),
  /** How often expired login_throttle rows are deleted. */
  LOGIN_THROTTLE_CLEANUP_INTERVAL_MS: positiveInt(600_000),
  /** Requests per minute per client address to sign-in, refresh and sign-out (a valid refresh token has its own). */
  AUTH_RATE_LIMIT_PER_MINUTE: positiveInt(30),
  /**
   * Which proxies' X-Forwarded-For to believe when finding a client's address: `loopback`, a hop count (`1` behind one
   * ingress), or comma-separated addresses and CIDRs (`10.0.0.0/8,192.168.1.5`). Trusting more than the real proxies
   * lets any client pick its own address, and with it its rate-limit bucket.
   */
  TRUST_PROXY: trustProxy,
  /** Comma-separated origins allowed to call the API from a browser; empty allows none. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean)),
  /** The built web app served at `/`; unset: the repository's apps/web/dist, served only when it has been built. */
  WEB_DIR: z.string().min(1).optional(),
}).superRefine(requireBucketForS3);

/** A comma-separated list of file type names from the domain's catalogue (the types the worker can check in depth). */
const fileTypeList = z
  .string()
  .default(FILE_TYPE_NAMES.join(','))
  .transform((value, context) => {
    const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
    const unknown = names.filter((name) => !isFileTypeName(name));
    if (unknown.length > 0 || names.length === 0) {
      context.addIssue({
        code: 'custom',
        message: `${unknown.length > 0 ? `unknown type ${unknown.join(', ')}; ` : ''}give a comma-separated list of ${FILE_TYPE_NAMES.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(names)] as FileTypeName[];
  });

export const documentWorkerConfigSchema = z.object({
  ...workerCommon,
  ...storage,
  HEALTH_PORT: port(3001),
  /** The API's upload limit; a stored file above it is rejected unexamined (and PDFs are read into memory up to it). */
  MAX_UPLOAD_BYTES: apiUploadLimit,
  /** Real types (judged by content) that evidence may have. */
  DOCUMENT_ALLOWED_TYPES: fileTypeList,
  /** Zip-bomb guard for DOCX/XLSX: most bytes all entries together may inflate to. */
  DOCUMENT_MAX_UNZIPPED_BYTES: positiveInt(200 * 1024 * 1024),
  /** Zip-bomb guard for DOCX/XLSX: highest inflated/compressed ratio of an entry of 1 MiB or more. */
  DOCUMENT_MAX_ZIP_RATIO: z.coerce.number().positive().default(100),
  /** Images with more pixels than this are rejected before they are decoded. */
  DOCUMENT_MAX_IMAGE_PIXELS: positiveInt(100_000_000),
  /** clamd to scan every file with (INSTREAM over TCP); unset means no antivirus scan. */
  CLAMD_URL: z
    .string()
    .refine((value) => {
      try {
        const parsed = new URL(value);
        return parsed.protocol === 'tcp:' && parsed.hostname !== '' && parsed.port !== '';
      } catch {
        return false;
      }
    }, 'must be tcp://host:port, e.g. tcp://127.0.0.1:3310')
    .optional(),
  /** How long one clamd scan (connect, send, verdict) may take before it counts as failed. */
  CLAMD_TIMEOUT_MS: positiveInt(60_000),
  /**
   * Antivirus scanning: `off` runs without it (every file checked is flagged UNSCANNED for reviewers); `clamd` needs
   * CLAMD_URL. Unset means clamd when CLAMD_URL is set, and in production refuses to start without it.
   */
  DOCUMENT_SCAN: z.enum(['clamd', 'off']).optional(),
  /** Longest one file's check (type, structure) may take; a file that takes longer is rejected as DOCUMENT_TOO_COMPLEX. */
  DOCUMENT_CHECK_TIMEOUT_MS: positiveInt(20_000),
  /** Heap of each document check thread, in MB; a file whose check needs more is rejected as DOCUMENT_TOO_COMPLEX. */
  DOCUMENT_CHECK_MEMORY_MB: z.coerce.number().int().min(32).max(8192).default(256),
  /** Files checked at once, one per check thread; unset means one per core (os.availableParallelism()). */
  DOCUMENT_CHECK_THREADS: z.coerce.number().int().min(1).max(64).optional(),
}).superRefine(requireBucketForS3).superRefine(requireScanDecision);
export const scoringWorkerConfigSchema = z.object({
  ...workerCommon,
  HEALTH_PORT: port(3002),
  // A recalculation's planner inserts one item per submission of a cycle in one statement: more room than a request.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),
});
export const reportWorkerConfigSchema = z.object({
  ...workerCommon,
  ...storage,
  HEALTH_PORT: port(3004),
}).superRefine(requireBucketForS3);
export const reminderWorkerConfigSchema = z.object({
  ...workerCommon,
  HEALTH_PORT: port(3003),
  SMTP_URL: url(['smtp:', 'smtps:'], 'smtp://localhost:1025'),
  MAIL_FROM: z.string().min(3).default('Peduli <no-reply@peduli.go.id>'),
  /** Base URL of the web app, used for links in emails. */
  APP_URL: url(['http:', 'https:'], 'https://peduli.example.go.id').default('http://localhost:3000'),
  /** How often the sweep sends whatever reminders are due and unsent (e.g. missed while the workers were down). */
  REMINDER_SWEEP_INTERVAL_MS: positiveInt(120_000),
  /** How long a reminder or notice leased for sending belongs to its sender; must outlast one SMTP exchange (30 s timeout). */
  REMINDER_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  REMINDER_BATCH_SIZE: positiveInt(100),
  /** Simultaneous SMTP deliveries (the pooled transport's connections). */
  REMINDER_SMTP_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  /** First wait after a transient SMTP failure; doubles with each attempt, up to an hour. */
  REMINDER_RETRY_BASE_MS: positiveInt(30_000),
  REMINDER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
});

export const seedConfigSchema = z.object({
  NODE_ENV: common.NODE_ENV,
  DATABASE_URL: common.DATABASE_URL,
  ADMIN_EMAIL: z.email('must be an email address').default('admin@peduli.local'),
  /** Required outside development; in development a password is generated once and printed. */
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
});

export type ApiConfig = z.infer<typeof apiConfigSchema>;

/** The default Prometheus port (the one the OpenTelemetry/Prometheus exporters use), taken in production. */
export const DEFAULT_METRICS_PORT = 9464;

/**
 * Where the API serves /metrics: METRICS_PORT, else 9464 in production and a free port (0) elsewhere, so tests and
 * several local instances never collide.
 */
export function metricsPort(config: Pick<ApiConfig, 'METRICS_PORT' | 'NODE_ENV'>): number {
  return config.METRICS_PORT ?? (config.NODE_ENV === 'production' ? DEFAULT_METRICS_PORT : 0);
}
export type DocumentWorkerConfig = z.infer<typeof documentWorkerConfigSchema>;
export type ScoringWorkerConfig = z.infer<typeof scoringWorkerConfigSchema>;
export type ReminderWorkerConfig = z.infer<typeof reminderWorkerConfigSchema>;
export type ReportWorkerConfig = z.infer<typeof reportWorkerConfigSchema>;
export type SeedConfig = z.infer<typeof seedConfigSchema>;

export const CONFIG_SCHEMAS = {
  api: apiConfigSchema,
  'document-worker': documentWorkerConfigSchema,
  'scoring-worker': scoringWorkerConfigSchema,
  'reminder-worker': reminderWorkerConfigSchema,
  'report-worker': reportWorkerConfigSchema,
  seed: seedConfigSchema,
} as const;
export type ProcessRole = keyof typeof CONFIG_SCHEMAS;

export class ConfigError extends Error {
  constructor(
    readonly role: string,
    readonly problems: { variable: string; problem: string }[],
  ) {
    super(
      `Invalid configuration for ${role}:\n` +
        problems.map(({ variable, problem }) => `  - ${variable}: ${problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function loadConfig<S extends z.ZodObject>(
  role: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const raw = env[key];
    // Blank counts as unset, so defaults apply instead of e.g. PORT=' ' becoming port 0.
    values[key] = raw === undefined || raw.trim() === '' ? undefined : raw;
  }
  const result = schema.safeParse(values);
  if (!result.success) {
    throw new ConfigError(
      role,
      result.error.issues.map((issue) => ({ variable: issue.path.join('.') || '(root)', problem: issue.message })),
    );
  }
  const placeholders = placeholderProblems(result.data as Record<string, unknown>);
  if (placeholders.length > 0) throw new ConfigError(role, placeholders);
  return result.data;
}

/** Variables a role cannot start without (no default, not optional). Used to check deployment manifests. */
export function requiredVariables(role: ProcessRole): string[] {
  const shape = CONFIG_SCHEMAS[role].shape as Record<string, z.ZodType>;
  return Object.entries(shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name);
}

export function knownVariables(role: ProcessRole): string[] {
  return Object.keys(CONFIG_SCHEMAS[role].shape);
}

/** Loads a role's configuration or prints the problems and exits: for process entry points. */
export function loadConfigOrExit<S extends z.ZodObject>(role: string, schema: S): z.infer<S> {
  try {
    return loadConfig(role, schema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        JSON.stringify({ level: 'fatal', role, msg: 'invalid configuration', problems: error.problems }) + '\n',
      );
      process.stderr.write(`${error.message}\nThe process will not start until this is fixed.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
