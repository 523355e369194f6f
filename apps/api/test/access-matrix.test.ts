import { createTestOrganisation, createTestUser, signIn } from '@peduli/testkit';
import { randomUUID } from 'node:crypto';
import { multipartBody, sendRaw } from './multipart';
import { MINIMAL_PDF, startTestApi, TestApi } from './support';

/**
 * Every route, called by every role from inside and outside its scope, and without a token. The expected status of
 * each case is written out by hand below; a denied call must also leave the audit trail (and so every table that
 * writes to it) unchanged.
 */
const CALLERS = [
  'anonymous',
  'admin',
  'kanwilIn',
  'kanwilOut',
  'coordinatorIn',
  'coordinatorOut',
  'headIn',
  'headOut',
  'operatorIn',
  'operatorOtherUnit',
  'viewerIn',
  'viewerOut',
  'apiTokenOperatorIn',
] as const;
type Caller = (typeof CALLERS)[number];

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  multipart?: Buffer;
}

interface RouteCase {
  name: string;
  /** Builds the call, creating fresh targets where a successful call would change them. */
  call: () => Promise<Call>;
  /** Expected status per caller, in the order of CALLERS. */
  expect: number[];
}

describe('access matrix: every route × role × scope', () => {
  let api: TestApi;
  const tokens = {} as Record<Caller, string | null>;
  let orgA: string; // an OPD of Kota Balikpapan (64.71), the "inside" unit
  let orgB: string; // another OPD of Kota Balikpapan
  let orgJayapura: string; // an OPD of Kota Jayapura (91.71), outside Kalimantan Timur
  let userA: string;
  let submissionA: string;
  let counter = 0;
  const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

  beforeAll(async () => {
    api = await startTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    const db = api.database.dataSource;
    orgA = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Kesehatan Kota Balikpapan', regionCode: '64.71' });
    orgB = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Pendidikan Kota Balikpapan', regionCode: '64.71' });
    orgJayapura = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Sosial Kota Jayapura', regionCode: '91.71' });
    userA = (await createTestUser(db, { email: 'staf.dinkes@balikpapan.test', organisationId: orgA })).id;

    const people: [Exclude<Caller, 'anonymous' | 'admin' | 'apiTokenOperatorIn'>, Parameters<typeof createTestUser>[1]][] = [
      ['kanwilIn', { email: 'kanwil@kaltim.test', roles: [{ role: 'KANWIL_VERIFIER', provinceCode: '64' }] }],
      ['kanwilOut', { email: 'kanwil@papua.test', roles: [{ role: 'KANWIL_VERIFIER', provinceCode: '91' }] }],
      ['coordinatorIn', { email: 'koordinator@balikpapan.test', roles: [{ role: 'COORDINATOR', regionCode: '64.71' }] }],
      ['coordinatorOut', { email: 'koordinator@jayapura.test', roles: [{ role: 'COORDINATOR', regionCode: '91.71' }] }],
      ['headIn', { email: 'kepala@dinkes.test', organisationId: orgA, roles: [{ role: 'UNIT_HEAD', organisationId: orgA }] }],
      ['headOut', { email: 'kepala@dinsos-jayapura.test', organisationId: orgJayapura, roles: [{ role: 'UNIT_HEAD', organisationId: orgJayapura }] }],
      ['operatorIn', { email: 'operator@dinkes.test', organisationId: orgA, roles: [{ role: 'UNIT_OPERATOR', organisationId: orgA }] }],
      ['operatorOtherUnit', { email: 'operator@disdik.test', organisationId: orgB, roles: [{ role: 'UNIT_OPERATOR', organisationId: orgB }] }],
      ['viewerIn', { email: 'viewer@balikpapan.test', roles: [{ role: 'VIEWER', regionCode: '64.71' }] }],
      ['viewerOut', { email: 'viewer@jayapura.test', roles: [{ role: 'VIEWER', regionCode: '91.71' }] }],
    ];
    tokens.anonymous = null;
    tokens.admin = api.adminToken;
    for (const [caller, options] of people) {
      const user = await createTestUser(db, options);
      tokens[caller] = await signIn(api.baseUrl, user.email);
    }
    const created = await api.post('/api/v1/api-tokens', { name: 'Integrasi Dinkes', role: 'UNIT_OPERATOR', organisationId: orgA });
    expect(created.status).toBe(201);
    tokens.apiTokenOperatorIn = ((await created.json()) as { token: string }).token;

    submissionA = await draftSubmission();
  });
  afterAll(async () => {
    await api?.close();
  });

  async function draftSubmission(): Promise<string> {
    const [row] = await api.database.dataSource.query(
      `INSERT INTO submission (region_code, organisation_id, programme, period_key, version) VALUES ('64.71', $1, 'RANHAM', '2026-B08', 1) RETURNING id`,
      [orgA],
    );
    return row.id;
  }
  async function freshUserInA(withRole = false): Promise<{ id: string; assignmentId?: string }> {
    const user = await createTestUser(api.database.dataSource, {
      email: `baru-${unique()}@dinkes.test`,
      organisationId: orgA,
      roles: withRole ? [{ role: 'VIEWER', organisationId: orgA }] : [],
    });
    if (!withRole) return { id: user.id };
    const [assignment] = await api.database.dataSource.query(`SELECT id FROM role_assignment WHERE user_id = $1`, [user.id]);
    return { id: user.id, assignmentId: assignment.id };
  }

  /** A regency/city's score report still being made: in scope as Kota Balikpapan, not as any of its units. */
  let pendingReport: string | undefined;
  async function printedReportOfBalikpapan(): Promise<string> {
    if (!pendingReport) {
      const [row] = await api.database.dataSource.query(
        `INSERT INTO printed_report (kind, subject_key, source_key, province_code, region_code, file_name)
         VALUES ('KKP_SCORE_REPORT', $1, repeat('c', 64), '64', '64.71', 'Laporan Nilai KKP HAM 2026 - Kota Balikpapan.pdf') RETURNING id`,
        [`submission:${randomUUID()}:KKP_SCORE_REPORT`],
      );
      pendingReport = row.id as string;
    }
    return pendingReport;
  }

  const o = 200;
  const c = 201;
  const ROUTES: RouteCase[] = [
    //                                                            anon adm kIn kOut cIn cOut hIn hOut oIn oOth vIn vOut tok
    { name: 'GET /regions/{code} (public)', call: async () => ({ method: 'GET', path: '/api/v1/regions/64.71' }), expect: [o, o, o, o, o, o, o, o, o, o, o, o, o] },
    { name: 'GET /auth/me', call: async () => ({ method: 'GET', path: '/api/v1/auth/me' }), expect: [401, o, o, o, o, o, o, o, o, o, o, o, o] },
    { name: 'GET /organisations', call: async () => ({ method: 'GET', path: '/api/v1/organisations' }), expect: [401, o, o, o, o, o, o, o, o, o, o, o, o] },
    { name: 'GET /organisations/{id}', call: async () => ({ method: 'GET', path: `/api/v1/organisations/${orgA}` }), expect: [401, o, o, 404, o, 404, o, 404, o, 404, o, 404, o] },
    {
      name: 'POST /organisations',
      call: async () => ({ method: 'POST', path: '/api/v1/organisations', body: { kind: 'OPD', name: `Dinas Baru ${unique()}`, regionCode: '64.71' } }),
      expect: [401, c, 403, 403, c, 403, 403, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'PATCH /organisations/{id}',
      call: async () => ({ method: 'PATCH', path: `/api/v1/organisations/${orgA}`, body: { name: `Dinas Kesehatan ${unique()}` } }),
      expect: [401, o, 403, 403, o, 404, 403, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'POST /organisations/{id}/deactivate',
      call: async () => {
        const id = await createTestOrganisation(api.database.dataSource, { kind: 'NGO', name: `LSM ${unique()}`, regionCode: '64.71' });
        return { method: 'POST', path: `/api/v1/organisations/${id}/deactivate`, body: { reason: 'uji' } };
      },
      expect: [401, o, 403, 403, o, 404, 403, 403, 403, 403, 403, 403, 403],
    },
    { name: 'GET /users', call: async () => ({ method: 'GET', path: '/api/v1/users' }), expect: [401, o, o, o, o, o, o, o, 403, 403, 403, 403, 403] },
    { name: 'GET /users/{id}', call: async () => ({ method: 'GET', path: `/api/v1/users/${userA}` }), expect: [401, o, o, 404, o, 404, o, 404, 403, 403, 403, 403, 403] },
    {
      name: 'POST /users',
      call: async () => ({
        method: 'POST',
        path: '/api/v1/users',
        body: { email: `akun-${unique()}@dinkes.test`, displayName: 'Akun Baru', organisationId: orgA },
      }),
      expect: [401, c, 403, 403, c, 404, 403, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'PATCH /users/{id}',
      call: async () => ({ method: 'PATCH', path: `/api/v1/users/${userA}`, body: { displayName: `Staf ${unique()}` } }),
      expect: [401, o, 403, 403, o, 404, 403, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'POST /users/{id}/deactivate',
      call: async () => ({ method: 'POST', path: `/api/v1/users/${(await freshUserInA()).id}/deactivate`, body: {} }),
      expect: [401, o, 403, 403, o, 404, 403, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'POST /users/{id}/roles (operator of the unit)',
      call: async () => ({ method: 'POST', path: `/api/v1/users/${(await freshUserInA()).id}/roles`, body: { role: 'UNIT_OPERATOR', organisationId: orgA } }),
      expect: [401, c, 403, 403, c, 404, 403, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'POST /users/{id}/roles (a coordinator: admins only)',
      call: async () => ({ method: 'POST', path: `/api/v1/users/${(await freshUserInA()).id}/roles`, body: { role: 'COORDINATOR', regionCode: '64.71' } }),
      expect: [401, c, 403, 403, 403, 404, 403, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'POST /users/{id}/invitation (not yet accepted)',
      call: async () => {
        const { id } = await freshUserInA();
        await api.database.dataSource.query(`UPDATE user_account SET password_hash = NULL WHERE id = $1`, [id]);
        return { method: 'POST', path: `/api/v1/users/${id}/invitation`, body: {} };
      },
      expect: [401, 202, 403, 403, 202, 404, 403, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'DELETE /users/{id}/roles/{assignmentId}',
      call: async () => {
        const user = await freshUserInA(true);
        return { method: 'DELETE', path: `/api/v1/users/${user.id}/roles/${user.assignmentId}` };
      },
      expect: [401, o, 403, 403, o, 404, 403, 403, 403, 403, 403, 403, 403],
    },
    { name: 'GET /audit', call: async () => ({ method: 'GET', path: '/api/v1/audit' }), expect: [401, o, o, o, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
    { name: 'GET /api-tokens', call: async () => ({ method: 'GET', path: '/api/v1/api-tokens' }), expect: [401, o, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
    {
      name: 'POST /api-tokens',
      call: async () => ({ method: 'POST', path: '/api/v1/api-tokens', body: { name: `Token ${unique()}`, role: 'VIEWER', regionCode: '64.71' } }),
      expect: [401, c, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'DELETE /api-tokens/{id}',
      call: async () => {
        const created = await api.post('/api/v1/api-tokens', { name: `Token ${unique()}`, role: 'VIEWER', regionCode: '64.71' });
        return { method: 'DELETE', path: `/api/v1/api-tokens/${((await created.json()) as { id: string }).id}` };
      },
      expect: [401, o, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'POST /submissions (for unit A)',
      call: async () => ({ method: 'POST', path: '/api/v1/submissions', body: { regionCode: '64.71', organisationId: orgA, programme: 'RANHAM', periodKey: '2026-B08' } }),
      expect: [401, c, 403, 403, c, 403, c, 403, c, 403, 403, 403, c],
    },
    { name: 'GET /submissions/{id}', call: async () => ({ method: 'GET', path: `/api/v1/submissions/${submissionA}` }), expect: [401, o, o, 404, o, 404, o, 404, o, 404, o, 404, o] },
    {
      name: 'POST /submissions/{id}/evidence',
      call: async () => ({
        method: 'POST',
        path: `/api/v1/submissions/${await draftSubmission()}/evidence`,
        multipart: multipartBody([
          { name: 'documentType', value: 'LAPORAN' },
          { name: 'file', value: MINIMAL_PDF, filename: 'laporan.pdf', contentType: 'application/pdf' },
        ]),
      }),
      expect: [401, c, 403, 403, c, 404, c, 404, c, 404, 403, 403, c],
    },
    {
      name: 'POST /submissions/{id}/submit',
      call: async () => ({ method: 'POST', path: `/api/v1/submissions/${await draftSubmission()}/submit`, body: {} }),
      expect: [401, o, 403, 403, o, 404, o, 404, o, 404, 403, 403, o],
    },
    { name: 'GET /printed-reports', call: async () => ({ method: 'GET', path: '/api/v1/printed-reports' }), expect: [401, o, o, o, o, o, o, o, o, o, o, o, o] },
    {
      name: 'GET /printed-reports/{id} (a regency/city’s)',
      call: async () => ({ method: 'GET', path: `/api/v1/printed-reports/${await printedReportOfBalikpapan()}` }),
      expect: [401, o, o, 404, o, 404, 404, 404, 404, 404, o, 404, 404],
    },
    {
      name: 'GET /printed-reports/{id}/content (still PENDING: 409 once in scope)',
      call: async () => ({ method: 'GET', path: `/api/v1/printed-reports/${await printedReportOfBalikpapan()}/content` }),
      expect: [401, 409, 409, 404, 409, 404, 404, 404, 404, 404, 409, 404, 404],
    },
    {
      name: 'POST /printed-reports (unit A’s unscored report: 409 once in scope)',
      call: async () => ({ method: 'POST', path: '/api/v1/printed-reports', body: { kind: 'RANHAM_PERIOD_REPORT', submissionId: submissionA } }),
      expect: [401, 409, 409, 404, 409, 404, 409, 404, 409, 404, 409, 404, 409],
    },
  ];

  const auditCount = async () => Number((await api.database.dataSource.query(`SELECT count(*) AS n FROM audit_entry`))[0].n);

  async function perform(call: Call, token: string | null): Promise<number> {
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (call.multipart) return (await sendRaw(`${api.baseUrl}${call.path}`, call.multipart, { headers: auth })).status;
    const response = await fetch(`${api.baseUrl}${call.path}`, {
      method: call.method,
      headers: { ...auth, ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
    });
    await response.arrayBuffer();
    return response.status;
  }

  it('every case answers as the rules say, and denied calls write nothing', async () => {
    const mismatches: string[] = [];
    const deniedWrites: string[] = [];
    let cases = 0;
    for (const route of ROUTES) {
      expect(route.expect).toHaveLength(CALLERS.length);
      for (const [index, caller] of CALLERS.entries()) {
        const call = await route.call();
        const before = await auditCount();
        const status = await perform(call, tokens[caller]);
        cases++;
        if (status !== route.expect[index]) mismatches.push(`${route.name} as ${caller}: expected ${route.expect[index]}, got ${status}`);
        if (status >= 400 && (await auditCount()) !== before) deniedWrites.push(`${route.name} as ${caller} (${status}) wrote audit rows`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(deniedWrites).toEqual([]);
    expect(cases).toBe(ROUTES.length * CALLERS.length);
  });

  it('lists only what is in scope: a coordinator sees its own regency/city, a Kanwil its province', async () => {
    const names = async (caller: Caller, path: string) => {
      const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[caller]}` } });
      return ((await response.json()) as { items: { regionCode?: string | null; provinceCode?: string | null }[] }).items;
    };
    const coordinatorOrgs = await names('coordinatorIn', '/api/v1/organisations?pageSize=200');
    expect(coordinatorOrgs.length).toBeGreaterThan(0);
    expect(coordinatorOrgs.every((org) => org.regionCode === '64.71')).toBe(true);
    const jayapuraOrgs = await names('coordinatorOut', '/api/v1/organisations?pageSize=200');
    expect(jayapuraOrgs.every((org) => org.regionCode === '91.71')).toBe(true);
    const kanwilAudit = await names('kanwilIn', '/api/v1/audit?pageSize=200');
    expect(kanwilAudit.length).toBeGreaterThan(0);
    expect(kanwilAudit.every((entry) => entry.provinceCode === '64')).toBe(true);
    expect(await names('kanwilOut', '/api/v1/audit?pageSize=200')).toEqual([]);
    const operatorUnits = await names('operatorIn', '/api/v1/organisations?pageSize=200');
    expect(operatorUnits.map((org) => (org as { id?: string }).id)).toEqual([orgA]);
  });

  it('deny by default: every route in the API document refuses a caller without a token, except the public ones', async () => {
    const spec = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const PUBLIC = new Set([
      'get /health',
      'get /health/ready',
      'get /api/v1/regions',
      'get /api/v1/regions/{code}',
      'post /api/v1/auth/login',
      'post /api/v1/auth/refresh',
      'post /api/v1/auth/logout',
      'post /api/v1/account/password-reset',
      'post /api/v1/account/password-reset/confirm',
      'post /api/v1/account/invitations/accept',
      // The decreed KKP HAM bands, for the public, other sites and journalists.
      'get /api/v1/public/kkp-ham/results',
      'get /api/v1/public/kkp-ham/results/{year}',
      'get /api/v1/public/kkp-ham/regions/{code}',
    ]);
    const open: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods)) {
        const key = `${method} ${path}`;
        if (PUBLIC.has(key)) continue;
        const url = `${api.baseUrl}${path.replace(/\{[^}]+\}/g, randomUUID())}`;
        const response = await fetch(url, { method: method.toUpperCase() });
        await response.arrayBuffer();
        checked++;
        if (response.status !== 401) open.push(`${key} answered ${response.status}`);
      }
    }
    expect(open).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});
