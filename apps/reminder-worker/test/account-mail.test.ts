import type { ReminderWorkerConfig } from '@peduli/config';
import { accountTokenHash, EmailLedger } from '@peduli/db';
import { SmtpSink, startSmtpSink } from '@peduli/devservices';
import { MailTransport } from '@peduli/mail';
import { createMigratedDatabase, createTestUser, MigratedDatabase } from '@peduli/testkit';
import type { WorkerContext } from '@peduli/worker-kit';
import { makeAccountMailer } from '../src/account-mail';

describe('reminder-worker: invitation and password-reset mail, token made at send time', () => {
  let database: MigratedDatabase;
  let sink: SmtpSink;
  let transport: MailTransport;
  let mail: ReturnType<typeof makeAccountMailer>;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    sink = await startSmtpSink();
    transport = new MailTransport(`${sink.url}?pool=false`, 'Peduli <no-reply@peduli.test>');
    const context = { dataSource: database.dataSource, config: { APP_URL: 'https://peduli.test/' } as ReminderWorkerConfig } as unknown as WorkerContext<ReminderWorkerConfig>;
    mail = makeAccountMailer(context, transport, new EmailLedger(database.dataSource));
  });
  afterEach(() => (sink.refuseRecipient = null));
  afterAll(async () => {
    transport?.close();
    await sink?.stop();
    await database?.drop();
  });

  async function token(email: string, purpose: 'INVITATION' | 'PASSWORD_RESET', locale: 'id' | 'en' = 'id'): Promise<string> {
    const user = await createTestUser(database.dataSource, { email, locale });
    const [row] = await database.dataSource.query(
      `INSERT INTO account_token (user_id, purpose, expires_at) VALUES ($1, $2, now() + interval '30 minutes') RETURNING id`,
      [user.id, purpose],
    );
    return row.id;
  }
  const received = (recipient: string) => sink.messages.filter((m) => m.to.includes(recipient));
  const linkToken = (text: string) => /#token=(pac_[A-Za-z0-9_-]+)/.exec(text)?.[1];

  it('mails the link once, in Indonesian then English, and stores only the hash of the token in it', async () => {
    const tokenId = await token('siti@balikpapan.test', 'INVITATION');
    expect(await mail({ tokenId })).toMatchObject({ outcome: 'sent' });
    expect(await mail({ tokenId })).toEqual({ outcome: 'skipped', reason: 'already sent, or refused for good' });
    const [message] = received('siti@balikpapan.test');
    expect(received('siti@balikpapan.test')).toHaveLength(1);
    expect(message.subject).toBe('Undangan ke Peduli: buat kata sandi Anda / Your invitation to Peduli: set your password');
    expect(message.text.indexOf('Sebuah akun Peduli')).toBeLessThan(message.text.indexOf('A Peduli account'));
    const secret = linkToken(message.text);
    expect(message.text).toContain(`https://peduli.test/account/invitation#token=${secret}`);
    const [row] = await database.dataSource.query(`SELECT token_hash FROM account_token WHERE id = $1`, [tokenId]);
    expect(row.token_hash).toBe(accountTokenHash(secret!));
    // Nothing else in the database holds the secret: not the outbox, the ledger or the audit trail.
    const [{ n }] = await database.dataSource.query(
      `SELECT (SELECT count(*) FROM email_notification e WHERE e::text LIKE $1) + (SELECT count(*) FROM outbox_event o WHERE o::text LIKE $1)
            + (SELECT count(*) FROM audit_entry a WHERE a::text LIKE $1) AS n`,
      [`%${secret}%`],
    );
    expect(Number(n)).toBe(0);
  });

  it('writes to an English-speaking owner in English first; a reset link goes to the reset page', async () => {
    const tokenId = await token('john@balikpapan.test', 'PASSWORD_RESET', 'en');
    await mail({ tokenId });
    const [message] = received('john@balikpapan.test');
    expect(message.subject).toBe('Reset your Peduli password / Atur ulang kata sandi Peduli Anda');
    expect(message.text).toContain('https://peduli.test/account/password-reset#token=pac_');
    expect(message.text).toMatch(/for (29|30) minutes/);
  });

  it('sends nothing for a token already used or expired', async () => {
    const used = await token('dipakai@balikpapan.test', 'PASSWORD_RESET');
    await database.dataSource.query(`UPDATE account_token SET used_at = now() WHERE id = $1`, [used]);
    const expired = await token('lewat@balikpapan.test', 'PASSWORD_RESET');
    await database.dataSource.query(`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired]);
    expect(await mail({ tokenId: used })).toMatchObject({ outcome: 'skipped' });
    expect(await mail({ tokenId: expired })).toMatchObject({ outcome: 'skipped' });
    expect(received('dipakai@balikpapan.test')).toHaveLength(0);
    expect(received('lewat@balikpapan.test')).toHaveLength(0);
  });

  it('after a transient refusal, the retry mails a fresh token under a new Message-ID, and only that token is valid', async () => {
    const tokenId = await token('sibuk@balikpapan.test', 'INVITATION');
    sink.refuseRecipient = () => 451;
    await expect(mail({ tokenId })).rejects.toThrow(/451/);
    const [afterFailure] = await database.dataSource.query(`SELECT token_hash FROM account_token WHERE id = $1`, [tokenId]);
    sink.refuseRecipient = null;
    expect(await mail({ tokenId })).toMatchObject({ outcome: 'sent' });
    const [message] = received('sibuk@balikpapan.test');
    const [row] = await database.dataSource.query(`SELECT token_hash FROM account_token WHERE id = $1`, [tokenId]);
    expect(row.token_hash).toBe(accountTokenHash(linkToken(message.text)!));
    expect(row.token_hash).not.toBe(afterFailure.token_hash);
    expect(message.messageId).toMatch(/\.2@peduli>$/);
  });
});
