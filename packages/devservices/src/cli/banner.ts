/** What `npm start` knows when everything is ready, and prints as its "Peduli is running." banner. */
export interface BannerInput {
  apiPort: number;
  metricsPort: number | string;
  /** The dev SMTP sink's folder, or null when SMTP_URL named a server of the reader's own. */
  mailboxDir: string | null;
  smtpUrl: string;
  credentials: {
    email?: string;
    password?: string;
    demo?: { password: string; users: { email: string; role: string; scope: string }[] };
  } | null;
}

/** The SMTP server's address without its password: the banner is often pasted into chats and tickets. */
export function describeSmtpServer(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    if (url.password) url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(SMTP_URL is not a URL)';
  }
}

export function bannerLines(input: BannerInput): string[] {
  const api = `http://localhost:${input.apiPort}`;
  const { credentials } = input;
  const demo = credentials?.demo;
  const demoUsers = demo?.users ?? [];
  const emailWidth = Math.max(0, ...demoUsers.map((user) => user.email.length));
  const roleWidth = Math.max(0, ...demoUsers.map((user) => user.role.length));
  const demoLines = demoUsers.length
    ? [
        `   Demo users, all with password ${demo?.password}:`,
        ...demoUsers.map((user) => `     ${user.email.padEnd(emailWidth)}  ${user.role.padEnd(roleWidth)}  ${user.scope}`),
      ]
    : [];
  // Mail goes to the dev sink's folder only when npm start started the sink; with SMTP_URL it goes to that server.
  const mailLine = input.mailboxDir
    ? `   Dev mailbox (.eml):     ${input.mailboxDir}`
    : `   Mail (SMTP_URL):        ${describeSmtpServer(input.smtpUrl)}`;
  return [
    '',
    '──────────────────────────────────────────────────────────────',
    ' Peduli is running.',
    `   Web app:                ${api}/ (sign in with a demo user or the dev admin)`,
    `   API docs (OpenAPI UI):  ${api}/api/docs`,
    `   OpenAPI JSON:           ${api}/api/docs-json`,
    `   API base:               ${api}/api/v1   e.g. ${api}/api/v1/regions/64.71`,
    `   Health:                 ${api}/health/ready, workers on ports ${input.apiPort + 1}-${input.apiPort + 4}`,
    `   Metrics (Prometheus):   http://localhost:${input.metricsPort}/metrics (API), workers at /metrics on their health ports`,
    `   Queue dashboard:        ${api}/admin/queues (sign in there with an admin access token)`,
    mailLine,
    credentials?.email && credentials.password
      ? `   Dev admin login:        ${credentials.email} / ${credentials.password}`
      : '   Dev admin login:        set by ADMIN_EMAIL / ADMIN_PASSWORD',
    ...demoLines,
    '   Guided tour:            npm run demo (in another terminal; --lang en for English)',
    '   Stop with Ctrl-C.',
    '──────────────────────────────────────────────────────────────',
    '',
  ];
}
