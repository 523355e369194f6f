import { mintAccountToken } from '@peduli/db';
import { createTestOrganisation, createTestUser, signIn, TEST_PASSWORD, TestRole } from '@peduli/testkit';
import { json, post, startTestApi, TestApi } from './support';

const NEW_PASSWORD = 'kata-sandi-baru-yang-panjang';
const TOKEN_INVALID = 'Tautan ini tidak berlaku: sudah dipakai, sudah kedaluwarsa, atau digantikan tautan yang lebih baru. Minta tautan baru.';

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/**
 * Accounts people own: invitations instead of passwords chosen by an admin, resetting a forgotten password by email,
 * changing one's own, and user management that looks at the roles the target holds.
 *
 * The reminder worker mails each token (apps/reminder-worker/test/account-mail.test.ts checks the mail itself). Here
 * the test plays that worker: it takes the job from the outbox, as the worker receives it, and makes the token with
 * the same function, which gives the secret the person would find in the link.
 */
describe('accounts: invitations, password reset and change, and who may manage whom', () => {
  let api: TestApi;
  let orgA: string;
  let bagianHukum: string;
  let counter = 0;
  const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

  beforeAll(async () => {
    api = await startTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    orgA = await createTestOrganisation(api.database.dataSource, { kind: 'OPD', name: 'Dinas Kesehatan Kota Balikpapan', regionCode: '64.71' });
    bagianHukum = await createTestOrganisation(api.database.dataSource, { kind: 'BAGIAN_HUKUM', name: 'Bagian Hukum Kota Balikpapan', regionCode: '64.71' });
  });
  afterAll(async () => {
    await api?.close();
  });

  const db = () => api.database.dataSource;
  const call = (path: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
    post(api.baseUrl, `/api/v1${path}`, body, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
  const login = (email: string, password: string) => post(api.baseUrl, '/api/v1/auth/login', { email, password });

  /** Every mail job asked for an account so far, oldest first, as the reminder worker receives them. */
  async function mailJobsFor(userId: string): Promise<string[]> {
    const rows: { token_id: string }[] = await db().query(
      `SELECT o.payload->>'tokenId' AS token_id FROM outbox_event o JOIN account_token t ON t.id = (o.payload->>'tokenId')::uuid
        WHERE o.event = 'account.mail_requested' AND t.user_id = $1 ORDER BY o.created_at, o.id`,
      [userId],
    );
    return rows.map((row) => row.token_id);
  }
  /** What the person finds in the newest mail: the secret of the link. */
  async function mailedToken(userId: string): Promise<string> {
    const jobs = await mailJobsFor(userId);
    const minted = await mintAccountToken(db(), jobs[jobs.length - 1]);
    if (!minted) throw new Error('the newest token cannot be mailed');
    return minted.token;
  }
  const auditActions = async (userId: string) =>
    ((await db().query(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id`, [userId])) as { action: string }[]).map((r) => r.action);

  async function invite(roles: unknown[] = [], token = api.adminToken): Promise<{ id: string; email: string }> {
    const email = `undangan-${unique()}@dinkes.test`;
    const response = await call('/users', { email, displayName: 'Orang Baru', organisationId: orgA, roles }, token);
    expect(response.status).toBe(201);
    return { id: ((await response.json()) as { id: string }).id, email };
  }

  describe('invitations instead of passwords chosen by an admin', () => {
    it('refuses a password in user creation with a problem saying invitations replaced it, in both languages', async () => {
      const body = { email: `sandi-${unique()}@dinkes.test`, displayName: 'Dengan Sandi', password: 'kata-sandi-panjang-1', organisationId: orgA };
      const indonesian = await call('/users', body, api.adminToken);
      expect(indonesian.status).toBe(400);
      expect((await json(indonesian)).problems).toEqual([
        { field: 'password', problem: 'tidak diterima lagi: akun baru mendapat undangan lewat email untuk membuat kata sandinya sendiri' },
      ]);
      const english = await call('/users', body, api.adminToken, { 'accept-language': 'en' });
      expect((await json(english)).problems).toEqual([
        { field: 'password', problem: 'is no longer accepted: new accounts get an email invitation to set their own password' },
      ]);
      expect(await db().query(`SELECT id FROM user_account WHERE email = $1`, [body.email])).toEqual([]);
    });

    it('creates the account without a password, asks for a 7-day invitation mail, and nobody can sign in until it is accepted', async () => {
      const { id, email } = await invite([{ role: 'UNIT_OPERATOR', organisationId: orgA }]);
      const [user] = await db().query(`SELECT password_hash, active FROM user_account WHERE id = $1`, [id]);
      expect(user).toEqual({ password_hash: null, active: true });
      const view = await json(await api.get(`/api/v1/users/${id}`));
      expect(view).toMatchObject({ invitationPending: true, active: true });
      const [token] = await db().query(
        `SELECT purpose, token_hash, round(extract(epoch FROM expires_at - created_at) / 3600) AS hours FROM account_token WHERE user_id = $1`,
        [id],
      );
      // The hash is written by the mailer when it makes the token; nothing secret exists before.
      expect(token).toEqual({ purpose: 'INVITATION', token_hash: null, hours: '168' });
      expect(await mailJobsFor(id)).toHaveLength(1);
      expect((await login(email, '')).status).toBe(400);
      expect((await login(email, 'kata-sandi-apa-saja')).status).toBe(401);
    });

    it('accepting sets the owner’s password once: sign-in works, the link is used up, and both steps are audited', async () => {
      const { id, email } = await invite([{ role: 'UNIT_OPERATOR', organisationId: orgA }]);
      const token = await mailedToken(id);
      const short = await call('/account/invitations/accept', { token, password: 'pendek' });
      expect(short.status).toBe(400);
      expect((await json(short)).problems?.map((p) => p.field)).toEqual(['password']);

      const accepted = await call('/account/invitations/accept', { token, password: NEW_PASSWORD });
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toEqual({ email });
      expect((await login(email, NEW_PASSWORD)).status).toBe(200);
      expect(await json(await api.get(`/api/v1/users/${id}`))).toMatchObject({ invitationPending: false, active: true });

      const again = await call('/account/invitations/accept', { token, password: 'kata-sandi-lain-lagi' });
      expect(again.status).toBe(400);
      expect((await json(again)).message).toBe(TOKEN_INVALID);
      expect((await login(email, NEW_PASSWORD)).status).toBe(200);
      expect(await auditActions(id)).toEqual(expect.arrayContaining(['user.created', 'role.assigned', 'account.invitation_accepted']));
    });

    it('resending mails a new link and voids the earlier one; once a password is set there is nothing to resend (409)', async () => {
      const { id } = await invite();
      const first = await mailedToken(id);
      const resent = await call(`/users/${id}/invitation`, {}, api.adminToken);
      expect(resent.status).toBe(202);
      expect(await mailJobsFor(id)).toHaveLength(2);
      const second = await mailedToken(id);
      expect((await call('/account/invitations/accept', { token: first, password: NEW_PASSWORD })).status).toBe(400);
      expect((await call('/account/invitations/accept', { token: second, password: NEW_PASSWORD })).status).toBe(200);
      expect((await call(`/users/${id}/invitation`, {}, api.adminToken)).status).toBe(409);
      expect(await auditActions(id)).toContain('user.invitation_resent');
    });

    it('an expired invitation, one for a deactivated account, and a made-up token are all refused alike', async () => {
      const expired = await invite();
      const expiredToken = await mailedToken(expired.id);
      await db().query(`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [expired.id]);
      const deactivated = await invite();
      const deactivatedToken = await mailedToken(deactivated.id);
      expect((await call(`/users/${deactivated.id}/deactivate`, {}, api.adminToken)).status).toBe(200);
      for (const token of [expiredToken, deactivatedToken, `pac_${'A'.repeat(43)}`]) {
        const response = await call('/account/invitations/accept', { token, password: NEW_PASSWORD });
        expect(response.status).toBe(400);
        expect((await json(response)).message).toBe(TOKEN_INVALID);
      }
      expect((await call(`/users/${deactivated.id}/invitation`, {}, api.adminToken)).status).toBe(409);
    });
  });

  describe('resetting a forgotten password by email', () => {
    it('answers 202 with the same body whether or not the address has an account, and mails only a real one', async () => {
      const owner = await createTestUser(db(), { email: `lupa-${unique()}@dinkes.test` });
      const stranger = `tidak-ada-${unique()}@dinkes.test`;
      const known = await call('/account/password-reset', { email: owner.email.toUpperCase() });
      const unknown = await call('/account/password-reset', { email: stranger });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      const body = await known.json();
      expect(body).toEqual(await unknown.json());
      expect(body).toEqual({ message: 'Jika alamat ini terdaftar, tautan untuk mengatur ulang kata sandi telah dikirim ke sana. Tautan berlaku 30 menit.' });
      expect(await mailJobsFor(owner.id)).toHaveLength(1);
      const [token] = await db().query(
        `SELECT purpose, extract(epoch FROM expires_at - created_at)::int AS seconds FROM account_token WHERE user_id = $1`,
        [owner.id],
      );
      expect(token).toEqual({ purpose: 'PASSWORD_RESET', seconds: 1800 });
      const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM outbox_event WHERE event = 'account.mail_requested' AND payload::text LIKE '%tidak-ada%'`);
      expect(n).toBe(0);
      const actions = await db().query(
        `SELECT action, reason FROM audit_entry WHERE action LIKE 'account.password_reset%' AND after->>'email' IN ($1, $2) ORDER BY id`,
        [owner.email, stranger],
      );
      expect(actions).toEqual([
        { action: 'account.password_reset_requested', reason: null },
        { action: 'account.password_reset_refused', reason: 'unknown email' },
      ]);
    });

    it('the link sets a new password once, ends every session, and is audited', async () => {
      const owner = await createTestUser(db(), { email: `reset-${unique()}@dinkes.test` });
      const sessions = await Promise.all([1, 2].map(async () => (await (await login(owner.email, TEST_PASSWORD)).json()) as TokenPair));
      await call('/account/password-reset', { email: owner.email });
      const token = await mailedToken(owner.id);

      expect((await call('/account/password-reset/confirm', { token, password: NEW_PASSWORD })).status).toBe(204);
      expect((await login(owner.email, TEST_PASSWORD)).status).toBe(401);
      expect((await login(owner.email, NEW_PASSWORD)).status).toBe(200);
      for (const session of sessions) expect((await call('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
      const reused = await call('/account/password-reset/confirm', { token, password: 'kata-sandi-ketiga-panjang' });
      expect(reused.status).toBe(400);
      expect((await json(reused)).message).toBe(TOKEN_INVALID);
      expect(await auditActions(owner.id)).toContain('account.password_reset');
    });

    it('a reset link stops working after its 30 minutes, and only the newest link works', async () => {
      const owner = await createTestUser(db(), { email: `kedaluwarsa-${unique()}@dinkes.test` });
      await call('/account/password-reset', { email: owner.email });
      const older = await mailedToken(owner.id);
      await call('/account/password-reset', { email: owner.email });
      const newer = await mailedToken(owner.id);
      expect((await call('/account/password-reset/confirm', { token: older, password: NEW_PASSWORD })).status).toBe(400);
      await db().query(`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [owner.id]);
      expect((await call('/account/password-reset/confirm', { token: newer, password: NEW_PASSWORD })).status).toBe(400);
      expect((await login(owner.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('mails at most three links per account in 30 minutes, and none to a deactivated account, answering alike', async () => {
      const owner = await createTestUser(db(), { email: `banjir-${unique()}@dinkes.test` });
      for (let i = 0; i < 5; i++) expect((await call('/account/password-reset', { email: owner.email })).status).toBe(202);
      expect(await mailJobsFor(owner.id)).toHaveLength(3);
      const inactive = await createTestUser(db(), { email: `nonaktif-${unique()}@dinkes.test`, active: false });
      expect((await call('/account/password-reset', { email: inactive.email })).status).toBe(202);
      expect(await mailJobsFor(inactive.id)).toHaveLength(0);
    });
  });

  it('the reset request is rate-limited per client address like sign-in (429 past the limit, for any email)', async () => {
    const limited = await startTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await post(limited.baseUrl, '/api/v1/account/password-reset', { email: `coba-${i}@dinkes.test` })).status);
      }
      expect(statuses).toEqual([202, 202, 202, 429]);
    } finally {
      await limited.close();
    }
  });

  describe('changing one’s own password', () => {
    it('needs the current password; keeps the caller’s session and ends every other one; audited', async () => {
      const owner = await createTestUser(db(), { email: `ganti-${unique()}@dinkes.test` });
      const mine = (await (await login(owner.email, TEST_PASSWORD)).json()) as TokenPair;
      const other = (await (await login(owner.email, TEST_PASSWORD)).json()) as TokenPair;

      const wrong = await call('/account/password', { currentPassword: 'bukan-kata-sandinya', newPassword: NEW_PASSWORD }, mine.accessToken);
      expect(wrong.status).toBe(400);
      expect((await json(wrong)).message).toBe('Kata sandi saat ini salah.');
      const short = await call('/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'pendek' }, mine.accessToken);
      expect(short.status).toBe(400);
      expect((await login(owner.email, TEST_PASSWORD)).status).toBe(200);

      const changed = await call(
        '/account/password',
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, refreshToken: mine.refreshToken },
        mine.accessToken,
      );
      expect(changed.status).toBe(204);
      expect((await login(owner.email, TEST_PASSWORD)).status).toBe(401);
      expect((await login(owner.email, NEW_PASSWORD)).status).toBe(200);
      expect((await call('/auth/refresh', { refreshToken: mine.refreshToken })).status).toBe(200);
      expect((await call('/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401);
      const [audit] = await db().query(`SELECT after FROM audit_entry WHERE entity_id = $1 AND action = 'account.password_changed'`, [owner.id]);
      expect(audit.after).toMatchObject({ sessionKept: true });
      expect(await auditActions(owner.id)).toContain('account.password_change_failed');
    });

    it('refuses an API token (it has no password) and an anonymous caller', async () => {
      const created = await api.post('/api/v1/api-tokens', { name: `Token ${unique()}`, role: 'VIEWER', regionCode: '64.71' });
      const { token } = (await created.json()) as { token: string };
      expect((await call('/account/password', { currentPassword: 'x', newPassword: NEW_PASSWORD }, token)).status).toBe(403);
      expect((await call('/account/password', { currentPassword: 'x', newPassword: NEW_PASSWORD })).status).toBe(401);
    });
  });

  /**
   * The access-matrix way: each route, each target, by an admin and by the coordinator of Kota Balikpapan. Every
   * target's home is a unit of Balikpapan, so the coordinator sees them all; what differs is the roles they hold.
   */
  describe('user management looks at the roles the target holds', () => {
    type Target = 'unitHead' | 'peerCoordinator' | 'kanwil' | 'nationalAdmin';
    const TARGETS: Record<Target, () => Promise<{ id: string; assignmentId: string }>> = {
      unitHead: () => target(orgA, { role: 'UNIT_HEAD', organisationId: orgA }),
      peerCoordinator: () => target(bagianHukum, { role: 'COORDINATOR', regionCode: '64.71' }),
      kanwil: () => target(orgA, { role: 'KANWIL_VERIFIER', provinceCode: '64' }),
      nationalAdmin: () => target(orgA, { role: 'NATIONAL_ADMIN' }),
    };
    async function target(organisationId: string, role: TestRole): Promise<{ id: string; assignmentId: string }> {
      const user = await createTestUser(db(), { email: `sasaran-${unique()}@balikpapan.test`, organisationId, roles: [role] });
      // Invited, not yet accepted, so that resending the invitation is possible.
      await db().query(`UPDATE user_account SET password_hash = NULL WHERE id = $1`, [user.id]);
      const [assignment] = await db().query(`SELECT id FROM role_assignment WHERE user_id = $1`, [user.id]);
      return { id: user.id, assignmentId: assignment.id };
    }
    let coordinator: string;
    beforeAll(async () => {
      const user = await createTestUser(db(), { email: `koordinator-${unique()}@balikpapan.test`, roles: [{ role: 'COORDINATOR', regionCode: '64.71' }] });
      coordinator = await signIn(api.baseUrl, user.email);
    });

    const ROUTES: { name: string; call: (t: { id: string; assignmentId: string }) => [string, string, unknown?]; ok: number }[] = [
      { name: 'PATCH /users/{id}', call: (t) => ['PATCH', `/users/${t.id}`, { displayName: 'Nama Baru' }], ok: 200 },
      { name: 'POST /users/{id}/deactivate', call: (t) => ['POST', `/users/${t.id}/deactivate`, { reason: 'uji' }], ok: 200 },
      { name: 'POST /users/{id}/roles', call: (t) => ['POST', `/users/${t.id}/roles`, { role: 'UNIT_OPERATOR', organisationId: orgA }], ok: 201 },
      { name: 'DELETE /users/{id}/roles/{assignmentId}', call: (t) => ['DELETE', `/users/${t.id}/roles/${t.assignmentId}`], ok: 200 },
      { name: 'POST /users/{id}/invitation', call: (t) => ['POST', `/users/${t.id}/invitation`, {}], ok: 202 },
    ];
    //                                     unitHead  peerCoordinator  kanwil  nationalAdmin
    const BY_COORDINATOR: Record<Target, 'ok' | 403> = { unitHead: 'ok', peerCoordinator: 403, kanwil: 403, nationalAdmin: 403 };

    for (const route of ROUTES) {
      for (const [targetName, expected] of Object.entries(BY_COORDINATOR) as [Target, 'ok' | 403][]) {
        it(`${route.name} on a ${targetName}: admin ${route.ok}, coordinator ${expected === 'ok' ? route.ok : 403}`, async () => {
          for (const [caller, token, want] of [
            ['coordinator', coordinator, expected === 'ok' ? route.ok : 403],
            ['admin', api.adminToken, route.ok],
          ] as const) {
            const t = await TARGETS[targetName]();
            const [method, path, body] = route.call(t);
            const auditBefore = await db().query(`SELECT count(*)::int AS n FROM audit_entry`);
            const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
              method,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: body === undefined ? undefined : JSON.stringify(body),
            });
            expect({ caller, status: response.status }).toEqual({ caller, status: want });
            if (want === 403) {
              expect((await json(response)).message).toMatch(/^Anda tidak dapat (mengelola akun ini|memberikan peran)/);
              expect(await db().query(`SELECT count(*)::int AS n FROM audit_entry`)).toEqual(auditBefore);
              const [row] = await db().query(`SELECT active, display_name FROM user_account WHERE id = $1`, [t.id]);
              expect(row.active).toBe(true);
            }
          }
        });
      }
    }
  });
});
