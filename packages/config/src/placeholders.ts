/**
 * Secrets that must never reach production: the example values shown in README.md, docker-compose.yml and
 * infra/k8s (people copy them), and the words tried first by anyone guessing. Compared without case and without the
 * punctuation people vary (`change-me`, `CHANGE_ME`, `changeme`).
 */
const KNOWN_PLACEHOLDERS = [
  'secret',
  'secrets',
  'password',
  'passw0rd',
  'p@ssw0rd',
  'peduli',
  'admin',
  'postgres',
  'root',
  'default',
  'example',
  'test',
  'letmein',
  'qwerty',
  '123456',
  '12345678',
  '123456789',
  '1234567890',
  // README.md and docker-compose.yml examples
  'a-long-password',
  'a-long-admin-password',
  'your-secret',
  'your-password',
  'replace-me',
  'todo',
  'xxx',
];
const KNOWN = new Set(KNOWN_PLACEHOLDERS.map(normalise));
/** Any value containing one of these (after normalising) is a placeholder someone forgot to replace. */
const PLACEHOLDER_WORDS = ['changeme', 'replaceme', 'placeholder', 'yoursecret', 'yourpassword', 'example'];
/** A secret with fewer different characters than this (`xxxxxxxx…`, `aaaa1111…`) is not random. */
const MIN_DISTINCT_CHARACTERS = 8;

function normalise(value: string): string {
  return value.toLowerCase().replace(/[\s_.-]+/g, '');
}

/** Why a secret is unfit for production, or undefined when it looks like a real one. */
export function placeholderProblem(value: string): string | undefined {
  const normalised = normalise(value);
  if (KNOWN.has(normalised) || PLACEHOLDER_WORDS.some((word) => normalised.includes(word))) {
    return 'is a placeholder or example value (from the documentation or a common guess)';
  }
  if (new Set(value).size < MIN_DISTINCT_CHARACTERS) return `has fewer than ${MIN_DISTINCT_CHARACTERS} different characters, so it is not random`;
  return undefined;
}

/** Variables holding a secret outright. */
const SECRET_VARIABLES = ['JWT_SECRET', 'ADMIN_PASSWORD', 'S3_SECRET_ACCESS_KEY'];
/** Variables holding a URL whose password part is a secret. */
const URL_VARIABLES = ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL'];

/**
 * With NODE_ENV=production, every secret the configuration holds (a password inside a URL included) must not be a
 * placeholder. Development and tests keep their short fixed values.
 */
export function placeholderProblems(config: Record<string, unknown>): { variable: string; problem: string }[] {
  if (config.NODE_ENV !== 'production') return [];
  const problems: { variable: string; problem: string }[] = [];
  const advice = 'NODE_ENV=production needs a real secret, e.g. from `openssl rand -base64 48`';
  for (const variable of SECRET_VARIABLES) {
    const value = config[variable];
    if (typeof value !== 'string') continue;
    const problem = placeholderProblem(value);
    if (problem) problems.push({ variable, problem: `${problem}; ${advice}` });
  }
  for (const variable of URL_VARIABLES) {
    const value = config[variable];
    if (typeof value !== 'string') continue;
    let password: string;
    try {
      password = decodeURIComponent(new URL(value).password);
    } catch {
      continue;
    }
    // No password at all is a deliberate choice (peer or IAM authentication, a private network), not a placeholder.
    if (password === '') continue;
    const problem = placeholderProblem(password);
    if (problem) problems.push({ variable, problem: `its password ${problem}; ${advice}` });
  }
  return problems;
}
