import { createTestUser, TEST_PASSWORD } from '@peduli/testkit';
import { sign } from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { json, post, startTestApi, TEST_JWT_SECRET, TestApi } from './support';

/** The exact texts of apps/api/src/common/messages.ts, written out so a changed message fails here. */
const MSG = {
  required: 'Perlu masuk terlebih dahulu: kirim header Authorization: Bearer <token>.',
  invalidToken: 'Token tidak valid. Masuk kembali untuk mendapatkan token baru.',
  invalidTokenEn: 'The token is not valid. Sign in again to get a new one.',
  expiredToken: 'Token sudah kedaluwarsa. Perbarui dengan refresh token atau masuk kembali.',
  inactive: 'Akun ini tidak aktif. Hubungi admin Anda.',
  badCredentials: 'Email atau kata sandi salah.',
  badCredentialsEn: 'Wrong email or password.',
  locked15: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.',
  locked15En: 'Too many failed sign-in attempts. Try again in 15 minutes.',
  rateLimited: 'Terlalu banyak permintaan dari alamat ini. Tunggu sebentar lalu coba lagi.',
  rateLimitedEn: 'Too many requests from this address. Wait a moment and try again.',
  refreshInvalid: 'Refresh token tidak valid atau sudah kedaluwarsa. Masuk kembali.',
  refreshReused: 'Refresh token ini sudah pernah dipakai; demi keamanan semua sesi terkait diakhiri. Masuk kembali.',
  forbidden: 'Peran Anda tidak mengizinkan tindakan ini.',
} as const;

const ISSUER = 'peduli';
const AUDIENCE = 'peduli-api';
const ALLOWED_ORIGIN = 'https://peduli.example.go.id';
const EVIL_ORIGIN = 'https://evil.example';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SUBMISSION = { regionCode: '64.71', programme: 'RANHAM', periodKey: '2025-B08', answers: { 'AKSI-2025-01': true }, contactEmail: 'bh@balikpapan.go.id' };

interface TokenPair {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  refreshToken: string;
}

interface AuditRow {
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  reason: string | null;
  request_id: string | null;
  after: Record<string, unknown> | null;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodeSegment = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
const nowSeconds = () => Math.floor(Date.now() / 1000);

function login(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return post(baseUrl, '/api/v1/auth/login', { email, password }, headers);
}

function refresh(baseUrl: string, refreshToken: string, headers: Record<string, string> = {}): Promise<Response> {
  return post(baseUrl, '/api/v1/auth/refresh', { refreshToken }, headers);
}

function me(baseUrl: string, authorization?: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/auth/me`, { headers: authorization === undefined ? headers : { authorization, ...headers } });
}

async function pairOf(response: Response): Promise<TokenPair> {
  expect(response.status).toBe(200);
  return (await response.json()) as TokenPair;
}

/** Asserts an error answer: status, the exact message, and the request id in the body matching the header. */
async function expectError(response: Response, status: number, message: string): Promise<void> {
  const body = await json(response);
  expect({ status: response.status, message: body.message }).toEqual({ status, message });
  expect(body.statusCode).toBe(status);
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
}

describe('authentication', () => {
  let api: TestApi;
  let second: TestApi | undefined;
  let adminId: string;

  const db = () => api.database.dataSource;
  const auditByRequest = (requestId: string): Promise<AuditRow[]> =>
    db().query(
      `SELECT actor_type, actor_id, action, entity_type, entity_id, reason, request_id, after FROM audit_entry WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );

  beforeAll(async () => {
    api = await startTestApi({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCK_SECONDS: '900',
      // Every test here signs in from 127.0.0.1: the per-address limit has its own tests (login-throttle.test.ts).
      LOGIN_ADDRESS_MAX_FAILURES: '10000',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      ACCESS_TOKEN_TTL_SECONDS: '900',
    });
    const [admin] = await db().query(`SELECT id FROM user_account WHERE email = 'admin@peduli.test'`);
    adminId = admin.id;
  });
  afterAll(async () => {
    await second?.close();
    await api?.close();
  });

  describe('login', () => {
    it('returns an HS256 access token for 900 s and a prt_ refresh token; /me shows the user and roles; audits auth.login', async () => {
      const response = await login(api.baseUrl, 'admin@peduli.test', TEST_PASSWORD);
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(UUID);
      const pair = await pairOf(response);
      expect(pair).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshToken: expect.stringMatching(/^prt_[\w-]{43}$/),
      });

      const [header, payload] = pair.accessToken.split('.').map((s, i) => (i < 2 ? decodeSegment(s) : null));
      expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(payload).toMatchObject({ typ: 'access', sub: adminId, iss: ISSUER, aud: AUDIENCE, jti: expect.stringMatching(UUID) });
      expect((payload!.exp as number) - (payload!.iat as number)).toBe(900);

      const who = await me(api.baseUrl, `Bearer ${pair.accessToken}`);
      expect(who.status).toBe(200);
      expect(await who.json()).toEqual({
        actor: { type: 'USER', id: adminId },
        user: { id: adminId, email: 'admin@peduli.test', displayName: 'admin', locale: 'id', organisationId: null },
        roles: [{ role: 'NATIONAL_ADMIN', scope: { provinceCode: null, regionCode: null, organisationId: null } }],
      });

      const rows = await auditByRequest(requestId!);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actor_type: 'USER',
        actor_id: adminId,
        action: 'auth.login',
        entity_type: 'user_account',
        entity_id: adminId,
        request_id: requestId,
      });
      const [account] = await db().query(`SELECT last_login_at FROM user_account WHERE id = $1`, [adminId]);
      expect(Date.now() - new Date(account.last_login_at).getTime()).toBeLessThan(60_000);
    });

    it('treats the email case-insensitively and ignores surrounding spaces', async () => {
      const response = await login(api.baseUrl, '  Admin@PEDULI.test ', TEST_PASSWORD);
      expect((await pairOf(response)).tokenType).toBe('Bearer');
    });

    it('gives a wrong password and an unknown email the same 401, in Indonesian and English, and audits both as ANONYMOUS', async () => {
      const user = await createTestUser(db(), { email: 'wrong-password@peduli.test' });
      const userEn = await createTestUser(db(), { email: 'wrong-password-en@peduli.test' });
      const ids = { wrong: randomUUID(), unknown: randomUUID() };

      const wrong = await login(api.baseUrl, user.email, 'not-the-password', { 'x-request-id': ids.wrong });
      const unknown = await login(api.baseUrl, 'nobody-at-all@peduli.test', TEST_PASSWORD, { 'x-request-id': ids.unknown });
      expect(wrong.headers.get('x-request-id')).toBe(ids.wrong);
      expect(unknown.headers.get('x-request-id')).toBe(ids.unknown);
      const [wrongBody, unknownBody] = [await json(wrong), await json(unknown)];
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrongBody.message).toBe(MSG.badCredentials);
      expect(unknownBody.message).toBe(wrongBody.message);
      const { requestId: _a, ...wrongRest } = wrongBody;
      const { requestId: _b, ...unknownRest } = unknownBody;
      expect(unknownRest).toEqual(wrongRest);
      expect(wrongRest).toEqual({ statusCode: 401, error: 'UNAUTHORIZED', code: 'auth.badCredentials', message: MSG.badCredentials });

      const wrongEn = await login(api.baseUrl, userEn.email, 'not-the-password', { 'accept-language': 'en' });
      const unknownEn = await login(api.baseUrl, 'nobody-en@peduli.test', TEST_PASSWORD, { 'accept-language': 'en' });
      await expectError(wrongEn, 401, MSG.badCredentialsEn);
      await expectError(unknownEn, 401, MSG.badCredentialsEn);

      expect(await auditByRequest(ids.wrong)).toEqual([
        {
          actor_type: 'ANONYMOUS',
          actor_id: null,
          action: 'auth.login_failed',
          entity_type: 'user_account',
          entity_id: user.id,
          reason: 'wrong password',
          request_id: ids.wrong,
          after: { email: user.email, address: '127.0.0.1' },
        },
      ]);
      expect(await auditByRequest(ids.unknown)).toEqual([
        {
          actor_type: 'ANONYMOUS',
          actor_id: null,
          action: 'auth.login_failed',
          entity_type: 'user_account',
          entity_id: null,
          reason: 'unknown email',
          request_id: ids.unknown,
          after: { email: 'nobody-at-all@peduli.test', address: '127.0.0.1' },
        },
      ]);
    });

    it('takes about as long for an unknown email as for a wrong password (a dummy hash is verified)', async () => {
      const rounds = 5;
      // One user per attempt and one unknown address per attempt, so no address gets near the lockout.
      const users = [];
      for (let i = 0; i <= rounds; i++) users.push(await createTestUser(db(), { email: `timing-${i}@peduli.test` }));
      const timed = async (email: string) => {
        const started = performance.now();
        const response = await login(api.baseUrl, email, 'definitely-wrong');
        const elapsed = performance.now() - started;
        expect(response.status).toBe(401);
        await response.arrayBuffer();
        return elapsed;
      };
      // Warm-up of both paths, not measured.
      await timed(users[rounds].email);
      await timed('timing-ghost-warmup@peduli.test');
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < rounds; i++) {
        known.push(await timed(users[i].email));
        unknown.push(await timed(`timing-ghost-${i}@peduli.test`));
      }
      // Compare the fastest of each: a busy machine only ever adds time, so the minimum is each path's own cost, while
      // a median of a few tries can still be pushed around by a neighbour. Without the dummy hash an unknown email
      // answers in about a millisecond, a wrong password in tens.
      const [knownFastest, unknownFastest] = [Math.min(...known), Math.min(...unknown)];
      expect(unknownFastest).toBeGreaterThan(knownFastest / 3);
      expect(unknownFastest).toBeLessThan(knownFastest * 3);
    });
  });

  describe('lockout', () => {
    it('locks an email from one address after 3 failures: even the right password from there gets 429 with Retry-After; the owner elsewhere and other users are unaffected', async () => {
      const victim = await createTestUser(db(), { email: 'victim@peduli.test' });
      const bystander = await createTestUser(db(), { email: 'bystander@peduli.test' });
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      // Varying case: failures are counted per normalised address.
      const spellings = ['victim@peduli.test', 'VICTIM@peduli.test', ' Victim@Peduli.Test'];
      for (let i = 0; i < 3; i++) {
        await expectError(await login(api.baseUrl, spellings[i], `wrong-${i}`, { 'x-request-id': ids[i] }), 401, MSG.badCredentials);
      }
      const actions = [];
      for (const id of ids) actions.push(...(await auditByRequest(id)).map((r) => r.action));
      expect(actions).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.locked']);
      expect(await auditByRequest(ids[2])).toEqual([
        expect.objectContaining({ actor_type: 'ANONYMOUS', actor_id: null, action: 'auth.locked', entity_id: victim.id, request_id: ids[2] }),
      ]);

      const locked = await login(api.baseUrl, victim.email, TEST_PASSWORD);
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      await expectError(locked, 429, MSG.locked15);
      await expectError(await login(api.baseUrl, victim.email, TEST_PASSWORD, { 'accept-language': 'en' }), 429, MSG.locked15En);

      const [throttle] = await db().query(
        `SELECT EXTRACT(EPOCH FROM locked_until - now())::float AS seconds FROM login_throttle WHERE scope = 'pair' AND key = $1`,
        [`${victim.email} 127.0.0.1`],
      );
      expect(throttle.seconds).toBeGreaterThan(14 * 60);
      expect(throttle.seconds).toBeLessThanOrEqual(15 * 60);

      expect((await pairOf(await login(api.baseUrl, bystander.email, TEST_PASSWORD))).tokenType).toBe('Bearer');
      // The lock is on the email and address together: the owner at another address (behind the trusted proxy) gets in.
      expect((await pairOf(await login(api.baseUrl, victim.email, TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.7' }))).tokenType).toBe('Bearer');
    });

    it('locks an unknown email exactly the same way, so the lockout does not reveal which addresses exist', async () => {
      const known = await createTestUser(db(), { email: 'known-lock@peduli.test' });
      const ghost = 'ghost-lock@peduli.test';
      const lockRequestIds: string[] = [];
      for (const email of [known.email, ghost]) {
        for (let i = 0; i < 3; i++) {
          const id = randomUUID();
          await expectError(await login(api.baseUrl, email, `wrong-${i}`, { 'x-request-id': id }), 401, MSG.badCredentials);
          if (i === 2) lockRequestIds.push(id);
        }
      }
      const knownLocked = await json(await login(api.baseUrl, known.email, TEST_PASSWORD));
      const ghostLocked = await json(await login(api.baseUrl, ghost, TEST_PASSWORD));
      const { requestId: _a, ...knownRest } = knownLocked;
      const { requestId: _b, ...ghostRest } = ghostLocked;
      expect(knownRest).toEqual({ statusCode: 429, error: 'TOO_MANY_REQUESTS', code: 'auth.locked', message: MSG.locked15, details: { minutes: 15 } });
      expect(ghostRest).toEqual(knownRest);
      expect(await auditByRequest(lockRequestIds[1])).toEqual([
        expect.objectContaining({ actor_type: 'ANONYMOUS', action: 'auth.locked', entity_id: null, reason: 'unknown email' }),
      ]);
    });
    it('holds against a concurrent burst: at most 3 guesses reach the password check, the rest get 429', async () => {
      const target = await createTestUser(db(), { email: 'burst@peduli.test' });
      const passwords = [...Array.from({ length: 9 }, (_, i) => `wrong-${i}`), TEST_PASSWORD];
      const statuses = await Promise.all(passwords.map((password) => login(api.baseUrl, target.email, password).then((r) => r.status)));
      // Only attempts numbered 1-3 in the window are checked against the password (200 or 401); the others are refused.
      expect(statuses.filter((s) => s === 401 || s === 200).length).toBeLessThanOrEqual(3);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
      // Whatever the order, the email ends up locked from this address: the burst is treated as an attack.
      const [throttle] = await db().query(`SELECT locked_until > now() AS locked FROM login_throttle WHERE scope = 'pair' AND key = $1`, [
        `${target.email} 127.0.0.1`,
      ]);
      expect(throttle.locked).toBe(true);
      expect((await login(api.baseUrl, target.email, TEST_PASSWORD)).status).toBe(429);
    });
  });

  describe('bearer tokens on GET /api/v1/auth/me', () => {
    let viewerId: string;
    let viewerToken: string;

    beforeAll(async () => {
      const viewer = await createTestUser(db(), { email: 'token-viewer@peduli.test', roles: [{ role: 'VIEWER', regionCode: '91.71' }] });
      viewerId = viewer.id;
      viewerToken = (await pairOf(await login(api.baseUrl, viewer.email, TEST_PASSWORD))).accessToken;
    });

    const good = () => ({ typ: 'access' });
    const goodOptions = () => ({ issuer: ISSUER, audience: AUDIENCE, subject: adminId, expiresIn: 600 });

    it('accepts a token signed exactly as the API signs them (control for the attacks below)', async () => {
      const token = sign(good(), TEST_JWT_SECRET, { algorithm: 'HS256', ...goodOptions() });
      const response = await me(api.baseUrl, `Bearer ${token}`);
      expect(response.status).toBe(200);
      expect((await json(response)).actor).toEqual({ type: 'USER', id: adminId });
    });

    it.each([
      ['no Authorization header', undefined],
      ['a Basic header', 'Basic x'],
      ['"Bearer" without a token', 'Bearer'],
      ['a Bearer header with two words', 'Bearer a b'],
    ])('answers 401 auth.required for %s', async (_label, header) => {
      await expectError(await me(api.baseUrl, header), 401, MSG.required);
    });

    it('refuses a token with one character of the payload flipped', async () => {
      const [h, p, s] = api.adminToken.split('.');
      const at = Math.floor(p.length / 2);
      const flipped = p.slice(0, at) + (p[at] === 'A' ? 'B' : 'A') + p.slice(at + 1);
      expect(flipped).not.toBe(p);
      await expectError(await me(api.baseUrl, `Bearer ${h}.${flipped}.${s}`), 401, MSG.invalidToken);
    });

    it("refuses a viewer's token whose subject was swapped for the admin's, keeping the signature", async () => {
      const [h, p, s] = viewerToken.split('.');
      const claims = decodeSegment(p);
      expect(claims.sub).toBe(viewerId);
      const forged = b64url({ ...claims, sub: adminId });
      await expectError(await me(api.baseUrl, `Bearer ${h}.${forged}.${s}`), 401, MSG.invalidToken);
      await expectError(await me(api.baseUrl, `Bearer ${h}.${forged}.${s}`, { 'accept-language': 'en' }), 401, MSG.invalidTokenEn);
    });

    it('refuses a token signed with another secret', async () => {
      const token = sign(good(), 'another-secret-that-is-also-long-enough-0123456789', { algorithm: 'HS256', ...goodOptions() });
      await expectError(await me(api.baseUrl, `Bearer ${token}`), 401, MSG.invalidToken);
    });

    it('refuses an unsigned alg:none token', async () => {
      const payload = { sub: adminId, typ: 'access', iss: ISSUER, aud: AUDIENCE, iat: nowSeconds(), exp: nowSeconds() + 600 };
      const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
      await expectError(await me(api.baseUrl, `Bearer ${token}`), 401, MSG.invalidToken);
    });

    it('refuses a token signed with the right secret but HS512', async () => {
      const token = sign(good(), TEST_JWT_SECRET, { algorithm: 'HS512', ...goodOptions() });
      expect(decodeSegment(token.split('.')[0]).alg).toBe('HS512');
      await expectError(await me(api.baseUrl, `Bearer ${token}`), 401, MSG.invalidToken);
    });

    it('refuses a token with the right secret but the wrong audience or issuer', async () => {
      const wrongAudience = sign(good(), TEST_JWT_SECRET, { algorithm: 'HS256', ...goodOptions(), audience: 'some-other-api' });
      const wrongIssuer = sign(good(), TEST_JWT_SECRET, { algorithm: 'HS256', ...goodOptions(), issuer: 'not-peduli' });
      await expectError(await me(api.baseUrl, `Bearer ${wrongAudience}`), 401, MSG.invalidToken);
      await expectError(await me(api.baseUrl, `Bearer ${wrongIssuer}`), 401, MSG.invalidToken);
    });

    it('refuses a correctly signed token that is not an access token', async () => {
      const token = sign({ typ: 'refresh' }, TEST_JWT_SECRET, { algorithm: 'HS256', ...goodOptions() });
      await expectError(await me(api.baseUrl, `Bearer ${token}`), 401, MSG.invalidToken);
    });

    it('answers an expired token with the expiry message, but only when its signature is good', async () => {
      const claims = { typ: 'access', iat: nowSeconds() - 1000, exp: nowSeconds() - 100 };
      const options = { algorithm: 'HS256' as const, issuer: ISSUER, audience: AUDIENCE, subject: adminId };
      const expired = sign(claims, TEST_JWT_SECRET, options);
      await expectError(await me(api.baseUrl, `Bearer ${expired}`), 401, MSG.expiredToken);
      const expiredForged = sign(claims, 'another-secret-that-is-also-long-enough-0123456789', options);
      await expectError(await me(api.baseUrl, `Bearer ${expiredForged}`), 401, MSG.invalidToken);
    });

    it('refuses a refresh token and an unknown pdl_ API token used as Bearer tokens', async () => {
      const pair = await pairOf(await login(api.baseUrl, 'token-viewer@peduli.test', TEST_PASSWORD));
      await expectError(await me(api.baseUrl, `Bearer ${pair.refreshToken}`), 401, MSG.invalidToken);
      await expectError(await me(api.baseUrl, `Bearer pdl_${'x'.repeat(43)}`), 401, MSG.invalidToken);
      // The same pair's access token works, so the refusal is about the kind of token.
      expect((await me(api.baseUrl, `Bearer ${pair.accessToken}`)).status).toBe(200);
    });
  });

  describe('deactivated accounts', () => {
    it("refuses a deactivated user's still-valid access token, refresh token and password", async () => {
      const user = await createTestUser(db(), { email: 'soon-inactive@peduli.test', roles: [{ role: 'VIEWER', regionCode: '64.71' }] });
      const pair = await pairOf(await login(api.baseUrl, user.email, TEST_PASSWORD));
      expect((await me(api.baseUrl, `Bearer ${pair.accessToken}`)).status).toBe(200);

      await db().query(`UPDATE user_account SET active = false WHERE id = $1`, [user.id]);

      await expectError(await me(api.baseUrl, `Bearer ${pair.accessToken}`), 401, MSG.inactive);
      await expectError(await refresh(api.baseUrl, pair.refreshToken), 401, MSG.inactive);
      const id = randomUUID();
      await expectError(await login(api.baseUrl, user.email, TEST_PASSWORD, { 'x-request-id': id }), 401, MSG.badCredentials);
      expect(await auditByRequest(id)).toEqual([
        expect.objectContaining({ actor_type: 'ANONYMOUS', action: 'auth.login_failed', entity_id: user.id, reason: 'account deactivated' }),
      ]);
    });
  });

  describe('refresh tokens', () => {
    it('rotates: a refresh gives a new working pair and the old refresh token stops working', async () => {
      const user = await createTestUser(db(), { email: 'rotate@peduli.test', roles: [{ role: 'VIEWER', regionCode: '64.71' }] });
      const first = await pairOf(await login(api.baseUrl, user.email, TEST_PASSWORD));
      const second = await pairOf(await refresh(api.baseUrl, first.refreshToken));
      expect(second).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshToken: expect.stringMatching(/^prt_[\w-]{43}$/),
      });
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.accessToken).not.toBe(first.accessToken);
      const who = await me(api.baseUrl, `Bearer ${second.accessToken}`);
      expect(who.status).toBe(200);
      expect((await json(who)).actor).toEqual({ type: 'USER', id: user.id });

      // Reuse of the first token: refused as reuse, and the whole family ends, the second token included.
      const reuseId = randomUUID();
      await expectError(await refresh(api.baseUrl, first.refreshToken, { 'x-request-id': reuseId }), 401, MSG.refreshReused);
      await expectError(await refresh(api.baseUrl, second.refreshToken), 401, MSG.refreshInvalid);

      const rows = await auditByRequest(reuseId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor_type: 'USER', actor_id: user.id, action: 'auth.refresh_reused', entity_type: 'refresh_token_family' });
      const family = await db().query(`SELECT family_id, revoked_at FROM refresh_token WHERE user_id = $1`, [user.id]);
      expect(family).toHaveLength(2);
      expect(family.every((t: { family_id: string; revoked_at: Date | null }) => t.family_id === rows[0].entity_id && t.revoked_at !== null)).toBe(true);
    });

    it('refuses an unknown, a malformed and an expired refresh token', async () => {
      await expectError(await refresh(api.baseUrl, `prt_${'A'.repeat(43)}`), 401, MSG.refreshInvalid);
      expect((await refresh(api.baseUrl, 'x'.repeat(201))).status).toBe(400);
      const user = await createTestUser(db(), { email: 'expired-refresh@peduli.test' });
      const pair = await pairOf(await login(api.baseUrl, user.email, TEST_PASSWORD));
      await db().query(`UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
      await expectError(await refresh(api.baseUrl, pair.refreshToken), 401, MSG.refreshInvalid);
    });

    it('lets exactly one of 5 concurrent uses of one refresh token succeed', async () => {
      const user = await createTestUser(db(), { email: 'concurrent@peduli.test' });
      const pair = await pairOf(await login(api.baseUrl, user.email, TEST_PASSWORD));
      const responses = await Promise.all(Array.from({ length: 5 }, () => refresh(api.baseUrl, pair.refreshToken)));
      const bodies = await Promise.all(responses.map((r) => json(r)));
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 401)).toHaveLength(4);
      for (const body of bodies.filter((b) => b.statusCode === 401)) {
        expect([MSG.refreshReused, MSG.refreshInvalid]).toContain(body.message);
      }
      const [used] = await db().query(
        `SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND used_at IS NOT NULL`,
        [user.id],
      );
      expect(used.n).toBe(1);
    });
  });

  describe('logout', () => {
    it('answers 204, ends the refresh token and audits auth.logout', async () => {
      const user = await createTestUser(db(), { email: 'logout@peduli.test' });
      const pair = await pairOf(await login(api.baseUrl, user.email, TEST_PASSWORD));
      const requestId = randomUUID();
      const response = await post(api.baseUrl, '/api/v1/auth/logout', { refreshToken: pair.refreshToken }, { 'x-request-id': requestId });
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');

      await expectError(await refresh(api.baseUrl, pair.refreshToken), 401, MSG.refreshInvalid);
      await expectError(await post(api.baseUrl, '/api/v1/auth/logout', { refreshToken: pair.refreshToken }), 401, MSG.refreshInvalid);

      const rows = await auditByRequest(requestId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor_type: 'USER', actor_id: user.id, action: 'auth.logout', entity_type: 'refresh_token_family' });
      const [token] = await db().query(`SELECT family_id, revoked_at FROM refresh_token WHERE user_id = $1`, [user.id]);
      expect(token.family_id).toBe(rows[0].entity_id);
      expect(token.revoked_at).not.toBeNull();
    });
  });

  describe('the browser mode: refresh token in an HttpOnly cookie', () => {
    const cookieOf = (response: Response) => response.headers.get('set-cookie') ?? '';
    const tokenIn = (setCookie: string) => /peduli_refresh=([^;]*)/.exec(setCookie)?.[1] ?? '';

    it('sets the cookie HttpOnly, SameSite=Strict, Path=/api/v1/auth on sign-in, leaves it out of the body, refreshes and signs out by it', async () => {
      const user = await createTestUser(db(), { email: 'cookie@peduli.test' });
      const signedIn = await post(api.baseUrl, '/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD, cookie: true });
      expect(signedIn.status).toBe(200);
      const body = await json(signedIn);
      expect(body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
      const setCookie = cookieOf(signedIn);
      expect(setCookie).toMatch(/^peduli_refresh=prt_[\w-]{43}; /);
      expect(setCookie).toContain('Path=/api/v1/auth');
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      expect(setCookie).toMatch(/Max-Age=\d+/);

      // A reload: no body, the browser sends the cookie; a new single-use token comes back in a new cookie.
      const first = tokenIn(setCookie);
      const refreshed = await post(api.baseUrl, '/api/v1/auth/refresh', {}, { cookie: `peduli_refresh=${first}` });
      expect(refreshed.status).toBe(200);
      expect(Object.keys(await json(refreshed)).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
      const second = tokenIn(cookieOf(refreshed));
      expect(second).toMatch(/^prt_/);
      expect(second).not.toBe(first);
      expect(cookieOf(refreshed)).toContain('HttpOnly');

      const signedOut = await post(api.baseUrl, '/api/v1/auth/logout', {}, { cookie: `peduli_refresh=${second}` });
      expect(signedOut.status).toBe(204);
      expect(cookieOf(signedOut)).toMatch(/^peduli_refresh=; Path=\/api\/v1\/auth; Expires=Thu, 01 Jan 1970/);
      await expectError(await refresh(api.baseUrl, second), 401, MSG.refreshInvalid);
    });

    it('clears a dead cookie on a refused refresh, and asks for a token when there is neither body nor cookie', async () => {
      const refused = await post(api.baseUrl, '/api/v1/auth/refresh', {}, { cookie: 'peduli_refresh=prt_not-a-real-token' });
      await expectError(refused.clone(), 401, MSG.refreshInvalid);
      expect(cookieOf(refused)).toMatch(/^peduli_refresh=; /);

      const missing = await post(api.baseUrl, '/api/v1/auth/refresh', {}, { 'accept-language': 'en' });
      expect(missing.status).toBe(400);
      const body = await json(missing);
      expect(body.message).toBe('Send refreshToken in the body, or sign in with cookie: true so the browser keeps the session cookie.');
      expect(body.problems).toEqual([expect.objectContaining({ field: 'refreshToken' })]);
    });
  });

  describe('headers', () => {
    it('sends helmet security headers and no x-powered-by, on successes and on errors', async () => {
      for (const response of [await fetch(`${api.baseUrl}/api/v1/regions/64.71`), await me(api.baseUrl)]) {
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
        expect(response.headers.get('x-powered-by')).toBeNull();
        await response.arrayBuffer();
      }
    });

    it('allows no cross-origin caller by default', async () => {
      const preflight = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
        method: 'OPTIONS',
        headers: { origin: EVIL_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      await preflight.arrayBuffer();
      const simple = await fetch(`${api.baseUrl}/api/v1/regions/64.71`, { headers: { origin: EVIL_ORIGIN } });
      expect(simple.status).toBe(200);
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      await simple.arrayBuffer();
    });
  });

  describe('deny by default on submissions', () => {
    it('answers 401 without a token, and 404 (not 403) for a submission outside a viewer’s region', async () => {
      const missing = randomUUID();
      await expectError(await fetch(`${api.baseUrl}/api/v1/submissions/${missing}`), 401, MSG.required);

      const created = await api.post('/api/v1/submissions', SUBMISSION);
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      await expectError(await fetch(`${api.baseUrl}/api/v1/submissions/${id}`), 401, MSG.required);

      const outside = await createTestUser(db(), { email: 'viewer-9171@peduli.test', roles: [{ role: 'VIEWER', regionCode: '91.71' }] });
      const outsideToken = (await pairOf(await login(api.baseUrl, outside.email, TEST_PASSWORD))).accessToken;
      const asOutside = (path: string) => fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${outsideToken}` } });
      await expectError(await asOutside(`/api/v1/submissions/${id}`), 404, `Laporan ${id} tidak ditemukan.`);
      // The same answer as for an id that does not exist at all.
      await expectError(await asOutside(`/api/v1/submissions/${missing}`), 404, `Laporan ${missing} tidak ditemukan.`);
      // A viewer may not create anywhere: that is a 403.
      await expectError(
        await post(api.baseUrl, '/api/v1/submissions', SUBMISSION, { authorization: `Bearer ${outsideToken}` }),
        403,
        MSG.forbidden,
      );

      // Control: a viewer of 64.71 sees it.
      const inside = await createTestUser(db(), { email: 'viewer-6471@peduli.test', roles: [{ role: 'VIEWER', regionCode: '64.71' }] });
      const insideToken = (await pairOf(await login(api.baseUrl, inside.email, TEST_PASSWORD))).accessToken;
      const seen = await fetch(`${api.baseUrl}/api/v1/submissions/${id}`, { headers: { authorization: `Bearer ${insideToken}` } });
      expect(seen.status).toBe(200);
      expect((await json(seen)).id).toBe(id);
    });
  });

  describe('a second instance: login rate limit 5/min per IP, CORS for one origin', () => {
    beforeAll(async () => {
      // Started here, right before its tests, so the admin sign-in done by startTestApi is still inside the minute.
      second = await startTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '5', CORS_ORIGINS: ALLOWED_ORIGIN });
    });

    it('answers the 6th login request of the minute with 429 and the translated rate-limit message', async () => {
      const base = second!.baseUrl;
      // startTestApi has already signed the admin in once: that was request 1 of 5 from this address.
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await login(base, `rate-${i}@peduli.test`, 'wrong');
        statuses.push(response.status);
        expect(response.headers.get('x-ratelimit-limit-auth')).toBe('5');
        expect(response.headers.get('x-ratelimit-remaining-auth')).toBe(String(3 - i));
        await response.arrayBuffer();
      }
      expect(statuses).toEqual([401, 401, 401, 401]);

      const sixth = await login(base, 'rate-5@peduli.test', 'wrong');
      expect(Number(sixth.headers.get('retry-after-auth'))).toBeGreaterThan(0);
      await expectError(sixth, 429, MSG.rateLimited);
      // Blocked whatever the credentials, and in English on request.
      await expectError(await login(base, 'admin@peduli.test', TEST_PASSWORD, { 'accept-language': 'en' }), 429, MSG.rateLimitedEn);
      // Routes outside sign-in are not limited.
      expect((await second!.get('/api/v1/auth/me')).status).toBe(200);
    });

    it('echoes the configured origin on a preflight and refuses any other', async () => {
      const preflight = (origin: string) =>
        fetch(`${second!.baseUrl}/api/v1/auth/me`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
        });
      const allowed = await preflight(ALLOWED_ORIGIN);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(allowed.headers.get('access-control-allow-methods')).toContain('GET');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      const evil = await preflight(EVIL_ORIGIN);
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();

      const actual = await second!.get('/api/v1/auth/me', { origin: ALLOWED_ORIGIN });
      expect(actual.status).toBe(200);
      expect(actual.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(actual.headers.get('access-control-expose-headers')).toContain('x-request-id');
      const actualEvil = await second!.get('/api/v1/auth/me', { origin: EVIL_ORIGIN });
      expect(actualEvil.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
