import { RunningSystem, startSystem } from './system';

/**
 * An invitation and a password reset as their owner lives them: the API asks for the mail through the outbox, the
 * reminder worker (a separate process) makes the token and sends it over SMTP, and the link in the mail is the only
 * way in.
 */
describe('accounts end to end: invitation and reset links arrive by email and work once', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    // The API and the reminder worker, which sends the mails: nothing here is checked, scored or reported.
    system = await startSystem({}, { roles: ['reminder-worker'] });
  });
  afterAll(async () => {
    await system?.stop();
  });

  const call = (path: string, body: unknown, token?: string) =>
    fetch(`${system.apiUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  /** The token in the link of the newest mail to an address with the given subject. */
  async function linkIn(address: string, subject: RegExp, count: number): Promise<string> {
    const messages = await system.sink.waitFor((all) => all.filter((m) => m.to.includes(address) && subject.test(m.subject)).length >= count, 60_000);
    const mail = messages.filter((m) => m.to.includes(address) && subject.test(m.subject))[count - 1];
    const token = /#token=(pac_[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    if (!token) throw new Error(`no link in the mail to ${address}: ${mail.text}`);
    return token;
  }

  it('an admin invites without a password; the owner sets one from the mailed link and signs in; a reset works the same way', async () => {
    const email = 'operator.baru@balikpapan.go.id';
    const created = await call('/users', { email, displayName: 'Operator Baru', locale: 'en' }, system.token);
    expect(created.status).toBe(201);

    const invitation = await linkIn(email, /^Your invitation to Peduli/, 1);
    const accepted = await call('/account/invitations/accept', { token: invitation, password: 'kata-sandi-pilihan-sendiri' });
    expect(accepted.status).toBe(200);
    expect((await call('/auth/login', { email, password: 'kata-sandi-pilihan-sendiri' })).status).toBe(200);
    expect((await call('/account/invitations/accept', { token: invitation, password: 'kata-sandi-orang-lain' })).status).toBe(400);

    expect((await call('/account/password-reset', { email })).status).toBe(202);
    const reset = await linkIn(email, /^Reset your Peduli password/, 1);
    expect((await call('/account/password-reset/confirm', { token: reset, password: 'kata-sandi-yang-baru-lagi' })).status).toBe(204);
    expect((await call('/auth/login', { email, password: 'kata-sandi-pilihan-sendiri' })).status).toBe(401);
    expect((await call('/auth/login', { email, password: 'kata-sandi-yang-baru-lagi' })).status).toBe(200);
  });
});
