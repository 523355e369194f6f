import { bannerLines, describeSmtpServer } from '../src/cli/banner';

const base = {
  apiPort: 3000,
  metricsPort: 3004,
  smtpUrl: 'smtp://127.0.0.1:1025',
  credentials: { email: 'admin@peduli.local', password: 'generated-once' },
};

describe('the npm start banner', () => {
  it('points at the dev mailbox folder when npm start runs its own SMTP sink', () => {
    const banner = bannerLines({ ...base, mailboxDir: '/repo/.peduli/dev/mailbox' }).join('\n');
    expect(banner).toContain('Dev mailbox (.eml):     /repo/.peduli/dev/mailbox');
    expect(banner).toContain('Dev admin login:        admin@peduli.local / generated-once');
    expect(banner).toContain('http://localhost:3000/api/docs');
    expect(banner).toContain('Web app:                http://localhost:3000/ ');
  });

  it('with SMTP_URL set, names that SMTP server (without its password) instead of a mailbox folder nobody writes to', () => {
    const banner = bannerLines({ ...base, mailboxDir: null, smtpUrl: 'smtps://peduli:s3cr3t-value@mail.example.go.id:465' }).join('\n');
    expect(banner).not.toContain('mailbox');
    expect(banner).toContain('Mail (SMTP_URL):        smtps://peduli:***@mail.example.go.id:465');
    expect(banner).not.toContain('s3cr3t-value');
  });

  it('describes an SMTP URL without credentials as it is, and never echoes one it cannot parse', () => {
    expect(describeSmtpServer('smtp://mailpit:1025')).toBe('smtp://mailpit:1025');
    expect(describeSmtpServer('not a url with a password')).toBe('(SMTP_URL is not a URL)');
  });
});
