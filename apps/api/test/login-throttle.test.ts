import { RunningRedis, startPrivateRedis } from '@peduli/devservices';
import { createTestUser, eventually, TEST_PASSWORD } from '@peduli/testkit';
import { SignInService } from '../src/auth/sign-in.service';
import { json, post, startTestApi, TestApi } from './support';

/** The exact texts of apps/api/src/common/messages.ts. */
const MSG = {
  locked1: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 1 menit.',
  locked2En: 'Too many failed sign-in attempts. Try again in 2 minutes.',
  badCredentials: 'Email atau kata sandi salah.',
  rateLimited: 'Terlalu banyak permintaan dari alamat ini. Tunggu sebentar lalu coba lagi.',
  rateLimitedEn: 'Too many requests from this address. Wait a moment and try again.',
} as const;

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

const from = (address: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...headers });
const login = (api: TestApi, email: string, password: string, headers: Record<string, string> = {}) =>
  post(api.baseUrl, '/api/v1/auth/login', { email, password }, headers);
const refresh = (api: TestApi, refreshToken: string, headers: Record<string, string> = {}) =>
  post(api.baseUrl, '/api/v1/auth/refresh', { refreshToken }, headers);

async function statusOf(response: Promise<Response>): Promise<number> {
  const answered = await response;
  await answered.arrayBuffer();
  return answered.status;
}

describe('sign-in slowing: an attack cannot lock the owner out', () => {
  let api: TestApi;
  const db = () => api.database.dataSource;

  beforeAll(async () => {
    api = await startTestApi({
      // One proxy in front, as behind the shipped ingress: the last X-Forwarded-For entry is the client.
      TRUST_PROXY: '1',
      LOGIN_MAX_FAILURES: '5',
      LOGIN_ADDRESS_MAX_FAILURES: '20',
      LOGIN_ACCOUNT_SLOW_AFTER: '10',
      // Scaled down from seconds, so the attack below runs in moments; the delay's growth is checked on its own.
      LOGIN_ACCOUNT_MAX_DELAY_MS: '20',
      LOGIN_LOCK_SECONDS: '60',
      LOGIN_LOCK_MAX_SECONDS: '3600',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lets the owner in with the right password from their address while 12 other addresses guess their password', async () => {
    const owner = await createTestUser(db(), { email: 'kanwil-verifier@peduli.test', roles: [{ role: 'VIEWER', regionCode: '64.71' }] });
    const attackers = Array.from({ length: 12 }, (_, i) => `203.0.113.${i + 1}`);
    const guessFromEveryAddress = (round: number) =>
      Promise.all(attackers.map((address) => statusOf(login(api, owner.email, `guess-${round}`, from(address)))));

    // Five rounds of guesses: 60 failures for the account (the old lockout took 5), five per attacking address.
    for (let round = 0; round < 5; round++) expect(new Set(await guessFromEveryAddress(round))).toEqual(new Set([401]));
    const [account] = await db().query(`SELECT failed_count FROM login_throttle WHERE scope = 'account' AND key = $1`, [owner.email]);
    expect(account.failed_count).toBe(60);

    // The attack goes on while the owner signs in from home: each attacker's sixth guess is refused before its password
    // is looked at, and the owner gets in.
    const [ongoing, owners] = await Promise.all([
      guessFromEveryAddress(5),
      login(api, owner.email, TEST_PASSWORD, from('198.51.100.20', { 'x-forwarded-for': '10.9.9.9, 198.51.100.20' })),
    ]);
    expect(owners.status).toBe(200);
    expect(((await owners.json()) as TokenPair).accessToken).toBeTruthy();
    expect(new Set(ongoing)).toEqual(new Set([429]));

    // Each attacking pair is locked for a minute, with Retry-After and the message saying so.
    const blocked = await login(api, owner.email, TEST_PASSWORD, from(attackers[0]));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await json(blocked)).message).toBe(MSG.locked1);
    const [locks] = await db().query(
      `SELECT count(*)::int AS n FROM login_throttle WHERE scope = 'pair' AND key LIKE $1 AND locked_until > now()`,
      [`${owner.email} 203.0.113.%`],
    );
    expect(locks.n).toBe(12);
    // The owner's address is not locked, whatever the address the request's first X-Forwarded-For entry claimed.
    expect(await statusOf(login(api, owner.email, TEST_PASSWORD, from('198.51.100.20')))).toBe(200);
  });

  it('locks a pair again for twice as long after its lock ran out and the guessing went on', async () => {
    const user = await createTestUser(db(), { email: 'growing@peduli.test' });
    const address = '203.0.113.200';
    const fail = () => statusOf(login(api, user.email, 'wrong', from(address)));
    for (let i = 0; i < 5; i++) expect(await fail()).toBe(401);
    const first = await login(api, user.email, 'wrong', from(address));
    expect(first.status).toBe(429);
    expect(Number(first.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    await first.arrayBuffer();

    // The first lock runs out (moved into the past rather than waited for), and five more guesses come.
    await db().query(`UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE scope = 'pair' AND key = $1`, [`${user.email} ${address}`]);
    for (let i = 0; i < 5; i++) expect(await fail()).toBe(401);
    const second = await login(api, user.email, TEST_PASSWORD, from(address, { 'accept-language': 'en' }));
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(110);
    expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(120);
    expect((await json(second)).message).toBe(MSG.locked2En);
    const audit = await db().query(`SELECT after FROM audit_entry WHERE action = 'auth.locked' AND entity_id = $1 ORDER BY id`, [user.id]);
    expect(audit.map((row: { after: { seconds: number; scope: string } }) => [row.after.scope, row.after.seconds])).toEqual([
      ['pair', 60],
      ['pair', 120],
    ]);
  });

  it('locks an address that fails for 20 different emails, and only that address', async () => {
    const address = '192.0.2.66';
    for (let i = 0; i < 20; i++) expect(await statusOf(login(api, `stuffed-${i}@example.org`, 'hunter2', from(address)))).toBe(401);
    const victim = await createTestUser(db(), { email: 'stuffing-victim@peduli.test' });
    const refused = await login(api, victim.email, TEST_PASSWORD, from(address));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(refused)).message).toBe(MSG.rateLimited);
    const refusedEn = await login(api, victim.email, TEST_PASSWORD, from(address, { 'accept-language': 'en' }));
    expect((await json(refusedEn)).message).toBe(MSG.rateLimitedEn);
    expect(await statusOf(login(api, victim.email, TEST_PASSWORD, from('192.0.2.67')))).toBe(200);
  });

  it('answers normally when a trusted hop passes on a junk X-Forwarded-For entry', async () => {
    const junk = await login(api, 'junk-forwarded@peduli.test', 'wrong', from(`${'not-an-address-'.repeat(40)}`));
    expect(junk.status).toBe(401);
    expect((await json(junk)).message).toBe(MSG.badCredentials);
  });

  it('slows an email tried from everywhere by a delay that doubles per failure up to the configured most, never refusing', () => {
    const service = api.app.get(SignInService);
    // LOGIN_ACCOUNT_SLOW_AFTER=10, LOGIN_ACCOUNT_MAX_DELAY_MS=20 here; the start is 250 ms, so the cap applies at once.
    expect([10, 11, 12, 40].map((n) => service.accountDelayMs(n))).toEqual([0, 20, 20, 20]);
    const unscaled = Object.create(service, { config: { value: { LOGIN_ACCOUNT_SLOW_AFTER: 10, LOGIN_ACCOUNT_MAX_DELAY_MS: 5000 } } }) as SignInService;
    expect([1, 10, 11, 12, 13, 14, 15, 16, 1000].map((n) => unscaled.accountDelayMs(n))).toEqual([0, 0, 250, 500, 1000, 2000, 4000, 5000, 5000]);
  });
});

describe('login_throttle cleanup', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_THROTTLE_CLEANUP_INTERVAL_MS: '200' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('deletes rows whose window, lock and memory have ended, and keeps the rest', async () => {
    const db = api.database.dataSource;
    await db.query(
      `INSERT INTO login_throttle (scope, key, failed_count, window_started_at, locked_until, lock_count, expires_at) VALUES
         ('pair', 'old@peduli.test 203.0.113.1', 3, now() - interval '2 days', NULL, 0, now() - interval '1 day'),
         ('address', '203.0.113.1', 9, now() - interval '2 days', now() - interval '1 day', 2, now() - interval '1 second'),
         ('account', 'old@peduli.test', 40, now() - interval '2 days', NULL, 0, now() - interval '1 hour'),
         ('pair', 'live@peduli.test 203.0.113.2', 2, now(), NULL, 0, now() + interval '1 hour'),
         ('address', '203.0.113.3', 0, now() - interval '1 hour', now() + interval '10 minutes', 1, now() + interval '2 hours')`,
    );
    await eventually('expired login_throttle rows are deleted', async () => {
      const rows: { key: string }[] = await db.query(`SELECT key FROM login_throttle WHERE key LIKE '%203.0.113.%' OR key LIKE 'old@%' ORDER BY key`);
      return rows.length === 2 ? rows.map((row) => row.key) : undefined;
    }).then((keys) => expect(keys).toEqual(['203.0.113.3', 'live@peduli.test 203.0.113.2']));
  });
});

describe('the sign-in rate limit, counted in Redis for every API replica', () => {
  let first: TestApi;
  let second: TestApi;

  beforeAll(async () => {
    first = await startTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: '1' });
    // Another replica: its own database here, but the same Redis and key prefix, as two pods of one deployment.
    second = await startTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: '1', QUEUE_PREFIX: first.queuePrefix });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('shares one count between two API instances', async () => {
    const client = from('203.0.113.77');
    const statuses = [];
    for (const api of [first, first, first, second, second]) statuses.push(await statusOf(login(api, 'nobody@peduli.test', 'wrong', client)));
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const sixth = await login(second, 'nobody@peduli.test', 'wrong', client);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sixth.headers.get('retry-after')).toBe(sixth.headers.get('retry-after-auth'));
    expect((await json(sixth)).message).toBe(MSG.rateLimited);
    expect(await statusOf(login(first, 'nobody@peduli.test', 'wrong', client))).toBe(429);
    // Another client is counted on its own.
    expect(await statusOf(login(first, 'nobody@peduli.test', 'wrong', from('203.0.113.78')))).toBe(401);
  });

  it('never refuses a valid refresh token because of other requests from the same address', async () => {
    const user = await createTestUser(first.database.dataSource, { email: 'stays-signed-in@peduli.test' });
    const shared = from('203.0.113.90');
    const signedIn = await login(first, user.email, TEST_PASSWORD, shared);
    expect(signedIn.status).toBe(200);
    let pair = (await signedIn.json()) as TokenPair;

    // Anonymous junk from the same address (everyone behind one NAT) uses up its limit on refresh and on login.
    const junk = await Promise.all(
      Array.from({ length: 8 }, (_, i) => statusOf(refresh(i % 2 ? first : second, `prt_${'A'.repeat(42)}${i}`, shared))),
    );
    expect(junk).toContain(429);
    expect(await statusOf(refresh(first, `prt_${'B'.repeat(43)}`, shared))).toBe(429);

    // The session's own refreshes still go through, on either replica, as long as the token is live.
    for (const api of [first, first, first]) {
      const renewed = await refresh(api, pair.refreshToken, shared);
      expect(renewed.status).toBe(200);
      pair = (await renewed.json()) as TokenPair;
    }
    expect(await statusOf(post(first.baseUrl, '/api/v1/auth/logout', { refreshToken: pair.refreshToken }, shared))).toBe(204);
  });
});

describe('sign-in while Redis is down', () => {
  let redis: RunningRedis;
  let api: TestApi;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    api = await startTestApi({ REDIS_URL: redis.url, AUTH_RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  it('still signs people in (the rate limit fails open) and slows guessing through PostgreSQL', async () => {
    await redis.stop();
    const user = await createTestUser(api.database.dataSource, { email: 'during-outage@peduli.test' });
    // More requests than the rate limit allows: without Redis it is not applied, and sign-in works.
    for (let i = 0; i < 3; i++) expect(await statusOf(login(api, user.email, TEST_PASSWORD))).toBe(200);
    const wrong = await login(api, user.email, 'wrong');
    expect(wrong.status).toBe(401);
    expect((await json(wrong)).message).toBe(MSG.badCredentials);
    // Back before shutdown, so the API's queue connections can close instead of retrying.
    redis = await startPrivateRedis({ port: redis.port });
  });
});
