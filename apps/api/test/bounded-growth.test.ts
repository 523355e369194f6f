import { createTestOrganisation, createTestUser, eventually, rowCounts, signIn } from '@peduli/testkit';
import { DataSource } from 'typeorm';
import { multipartBody, RawResponse, sendRaw } from './multipart';
import { filesUnder, MINIMAL_PDF, startTestApi, TestApi } from './support';

/** A PDF-looking file of exactly `size` bytes, different for every `tag`, so no two uploads share a blob. */
function fileOf(size: number, tag: string): Buffer {
  const head = Buffer.concat([MINIMAL_PDF, Buffer.from(`% ${tag} `)]);
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x78)]);
}

/** Connections of the API waiting on a lock: how a test knows its requests are queued behind the lock it holds. */
async function waitingOnLocks(db: DataSource, database: string, waitEvents: string[]): Promise<number> {
  const [{ waiting }] = await db.query(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = $1 AND application_name = 'peduli-api' AND wait_event_type = 'Lock' AND wait_event = ANY($2)`,
    [database, waitEvents],
  );
  return waiting;
}

/**
 * Holds `lock` in a transaction of the test's own connection until both requests are queued behind it, then lets
 * them go together: they race for the last slot inside the API's transaction, not before it.
 */
async function raceBehind<T>(db: DataSource, lock: { sql: string; params: unknown[]; waitEvents: string[] }, requests: () => Promise<T>[]): Promise<T[]> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(lock.sql, lock.params);
    const pending = requests();
    const database = (await runner.query(`SELECT current_database() AS name`))[0].name as string;
    await eventually('both uploads wait on the lock', async () => ((await waitingOnLocks(db, database, lock.waitEvents)) === 2 ? true : undefined));
    await runner.commitTransaction();
    return await Promise.all(pending);
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('bounded growth: statement timeout, audit paging without a count, storage quota and document cap', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const units: Record<string, string> = {};
  const CAP = 3;
  const QUOTA = 2500;

  beforeAll(async () => {
    api = await startTestApi({ MAX_DOCUMENTS_PER_SUBMISSION: String(CAP), UNIT_STORAGE_QUOTA_BYTES: String(QUOTA) });
    const db = api.database.dataSource;
    for (const name of ['capped', 'quota', 'reuse']) {
      units[name] = await createTestOrganisation(db, { kind: 'OPD', name: `Dinas ${name}`, regionCode: '64.71' });
      const user = await createTestUser(db, { email: `${name}@bounded.test`, roles: [{ role: 'UNIT_OPERATOR', organisationId: units[name] }] });
      tokens[name] = await signIn(api.baseUrl, user.email);
    }
    const kanwil = await createTestUser(db, { email: 'kanwil@bounded.test', roles: [{ role: 'KANWIL_VERIFIER', provinceCode: '64' }] });
    tokens.kanwil = await signIn(api.baseUrl, kanwil.email);
    tokens.admin = api.adminToken;
  });
  afterAll(async () => {
    await api?.close();
  });

  let period = 0;
  const submission = async (who: string) => {
    period += 1;
    const response = await fetch(`${api.baseUrl}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ regionCode: '64.71', organisationId: units[who], programme: 'RANHAM', periodKey: `${2020 + Math.floor(period / 3)}-${['B04', 'B08', 'B12'][period % 3]}` }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const upload = (who: string, submissionId: string, file: Buffer, language = 'en'): Promise<RawResponse> =>
    sendRaw(
      `${api.baseUrl}/api/v1/submissions/${submissionId}/evidence`,
      multipartBody([
        { name: 'documentType', value: 'LAPORAN' },
        { name: 'file', value: file, filename: 'laporan.pdf', contentType: 'application/pdf' },
      ]),
      { headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': language } },
    );
  const documentsOf = async (submissionId: string) =>
    (await api.database.dataSource.query(`SELECT count(*)::int AS n FROM evidence_document WHERE submission_id = $1`, [submissionId]))[0].n as number;

  describe('statement timeout', () => {
    it('is set on every pooled connection of the API (30 s by default)', async () => {
      const pool = api.app.get(DataSource);
      const shown = await Promise.all(Array.from({ length: 4 }, () => pool.query(`SHOW statement_timeout`)));
      expect(shown.map(([row]) => row.statement_timeout)).toEqual(['30s', '30s', '30s', '30s']);
    });

    it('cancels a statement past the configured limit, and the request answers 503 instead of hanging', async () => {
      const slow = await startTestApi({ DATABASE_STATEMENT_TIMEOUT_MS: '300' });
      try {
        await expect(slow.app.get(DataSource).query(`SELECT pg_sleep(5)`)).rejects.toMatchObject({ driverError: { code: '57014' } });
        const runner = slow.database.dataSource.createQueryRunner();
        await runner.connect();
        try {
          await runner.startTransaction();
          // The listing now waits on this lock; the wait counts toward the statement's time.
          await runner.query(`LOCK TABLE audit_entry IN ACCESS EXCLUSIVE MODE`);
          const response = await fetch(`${slow.baseUrl}/api/v1/audit`, { headers: { authorization: `Bearer ${slow.adminToken}`, 'accept-language': 'en' } });
          expect(response.status).toBe(503);
          const body = (await response.json()) as { error: string; message: string; requestId: string };
          expect(body).toMatchObject({ error: 'SERVICE_UNAVAILABLE' });
          expect(body.message).toBe(`The server is busy and this request took too long. Try again shortly; if it keeps happening, quote request id ${body.requestId}.`);
        } finally {
          await runner.rollbackTransaction();
          await runner.release();
        }
        expect((await fetch(`${slow.baseUrl}/api/v1/audit`, { headers: { authorization: `Bearer ${slow.adminToken}` } })).status).toBe(200);
      } finally {
        await slow.close();
      }
    });
  });

  describe('audit paging', () => {
    type AuditPage = { items: { id: string; provinceCode: string | null; action: string }[]; nextCursor: string | null; page: number | null; total?: number };
    const list = async (who: string, query: string) => {
      const response = await fetch(`${api.baseUrl}/api/v1/audit?${query}`, { headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': 'en' } });
      expect(response.status).toBe(200);
      return (await response.json()) as AuditPage;
    };
    /** Follows nextCursor to the end; `between` runs after the first page (e.g. to write new entries mid-walk). */
    const walk = async (who: string, query: string, between?: () => Promise<void>) => {
      const ids: string[] = [];
      let pages = 0;
      let cursor: string | null = null;
      do {
        const page: AuditPage = await list(who, `${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page).not.toHaveProperty('total');
        ids.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
        pages += 1;
        if (pages === 1) await between?.();
      } while (cursor !== null);
      return { ids, pages };
    };
    /** `count` entries of entity type paging_test: every third has the first action, half are in province 64. */
    const insertEntries = async (count: number, [third, other] = ['paging.third', 'paging.other']) => {
      const rows: { id: string; g: number }[] = await api.database.dataSource.query(
        `INSERT INTO audit_entry (actor_type, action, entity_type, entity_id, province_code, region_code)
         SELECT 'SYSTEM', CASE WHEN g % 3 = 0 THEN $2 ELSE $3 END, 'paging_test', g::text,
                CASE WHEN g % 2 = 0 THEN '64' ELSE '91' END, CASE WHEN g % 2 = 0 THEN '64.71' ELSE '91.71' END
           FROM generate_series(1, $1::int) AS g
         RETURNING id::text AS id, entity_id::int AS g`,
        [count, third, other],
      );
      return rows;
    };
    const descending = (ids: string[]) => [...ids].sort((a, b) => Number(b) - Number(a));

    it('walks a few hundred entries page by page: every entry exactly once, newest first, with filters and scope', async () => {
      const rows = await insertEntries(300);
      const all = descending(rows.map((row) => row.id));

      const walked = await walk('admin', 'entityType=paging_test&pageSize=40');
      expect(walked.ids).toEqual(all);
      expect(walked.pages).toBe(8);

      const thirds = await walk('admin', 'entityType=paging_test&action=paging.third&pageSize=30');
      expect(thirds.ids).toEqual(descending(rows.filter((row) => row.g % 3 === 0).map((row) => row.id)));
      expect(thirds.ids).toHaveLength(100);

      // A Kanwil's scope is one more filter: its province's entries, all of them, and nothing else.
      const kanwil = await walk('kanwil', 'entityType=paging_test&pageSize=50');
      expect(kanwil.ids).toEqual(descending(rows.filter((row) => row.g % 2 === 0).map((row) => row.id)));

      // A page that ends exactly at the last entry says so: no empty page follows.
      const exact = await walk('admin', 'entityType=paging_test&pageSize=100');
      expect(exact).toEqual({ ids: all, pages: 3 });
    });

    it('keeps its place while entries are written: new ones do not push old ones onto the next page twice', async () => {
      const rows = await insertEntries(120, ['paging.moving.skipped', 'paging.moving']);
      const walked = await walk('admin', 'entityType=paging_test&action=paging.moving&pageSize=25', async () => {
        await insertEntries(30, ['paging.moving.skipped', 'paging.moving']);
      });
      expect(walked.ids).toEqual(descending(rows.filter((row) => row.g % 3 !== 0).map((row) => row.id)));
      expect(walked.pages).toBe(4);
      expect(new Set(walked.ids).size).toBe(walked.ids.length);
    });

    it('still answers page numbers for older clients, without a total, and refuses a cursor together with a page', async () => {
      const first = await list('admin', 'entityType=paging_test&pageSize=20');
      const second = await list('admin', 'entityType=paging_test&pageSize=20&page=2');
      const byCursor = await list('admin', `entityType=paging_test&pageSize=20&cursor=${first.nextCursor}`);
      expect(second.items).toEqual(byCursor.items);
      expect(second).toMatchObject({ page: 2, nextCursor: byCursor.nextCursor });
      expect(second).not.toHaveProperty('total');
      expect(byCursor.page).toBeNull();

      const both = await fetch(`${api.baseUrl}/api/v1/audit?cursor=${first.nextCursor}&page=2`, { headers: { authorization: `Bearer ${tokens.admin}`, 'accept-language': 'en' } });
      expect(both.status).toBe(400);
      expect(((await both.json()) as { message: string }).message).toMatch(/either cursor or page/);
      for (const cursor of ['abc', '0', '-5', '99999999999999999999']) {
        const bad = await fetch(`${api.baseUrl}/api/v1/audit?cursor=${cursor}`, { headers: { authorization: `Bearer ${tokens.admin}` } });
        expect(bad.status).toBe(400);
      }
    });
  });

  describe('document cap per submission', () => {
    it('refuses one document more than the cap with 409 and a message that says the limit and what to do', async () => {
      const id = await submission('capped');
      for (let i = 0; i < CAP; i += 1) expect((await upload('capped', id, fileOf(400, `cap-${i}`))).status).toBe(201);
      const files = filesUnder(api.storageDir).length;
      const counts = await rowCounts(api.database.dataSource, ['evidence_document', 'evidence_blob', 'audit_entry']);

      const refused = await upload('capped', id, fileOf(400, 'cap-over'));
      expect(refused.status).toBe(409);
      expect(refused.body.message).toBe(
        `This submission already holds ${CAP} documents; the limit per submission is ${CAP}. Combine some documents into one PDF file and upload that instead.`,
      );
      const inIndonesian = await upload('capped', id, fileOf(400, 'cap-over'), 'id');
      expect(inIndonesian.body.message).toBe(
        `Laporan ini sudah memuat ${CAP} dokumen, batas per laporan adalah ${CAP}. Gabungkan beberapa dokumen menjadi satu berkas PDF, lalu unggah kembali.`,
      );
      expect(filesUnder(api.storageDir)).toHaveLength(files);
      expect(await rowCounts(api.database.dataSource, ['evidence_document', 'evidence_blob', 'audit_entry'])).toEqual(counts);
    });

    it('lets exactly one of two concurrent uploads take the last slot; the other leaves nothing behind', async () => {
      const id = await submission('capped');
      for (let i = 0; i < CAP - 1; i += 1) expect((await upload('capped', id, fileOf(300, `edge-${i}`))).status).toBe(201);
      const files = filesUnder(api.storageDir).length;
      const results = await raceBehind(
        api.database.dataSource,
        { sql: `SELECT id FROM submission WHERE id = $1 FOR UPDATE`, params: [id], waitEvents: ['transactionid', 'tuple'] },
        () => [upload('capped', id, fileOf(300, 'edge-a')), upload('capped', id, fileOf(300, 'edge-b'))],
      );
      expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
      expect(await documentsOf(id)).toBe(CAP);
      expect(filesUnder(api.storageDir)).toHaveLength(files + 1);
    });

    it('counts reused documents too', async () => {
      const source = await submission('reuse');
      const original = await upload('reuse', source, fileOf(400, 'reuse-source'));
      expect(original.status).toBe(201);
      const target = await submission('reuse');
      for (let i = 0; i < CAP; i += 1) expect((await upload('reuse', target, fileOf(400, `reuse-${i}`))).status).toBe(201);
      const reused = await fetch(`${api.baseUrl}/api/v1/submissions/${target}/evidence/reuse`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.reuse}`, 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify({ documentId: original.body.id }),
      });
      expect(reused.status).toBe(409);
      expect(await documentsOf(target)).toBe(CAP);
    });
  });

  describe('storage quota per unit', () => {
    it('counts each stored file once, refuses what would pass the quota with 413, and says what is used', async () => {
      const first = await submission('quota');
      expect((await upload('quota', first, fileOf(1000, 'quota-1'))).status).toBe(201);
      // The same bytes again (another submission of the unit) share the stored file and cost nothing.
      const second = await submission('quota');
      expect((await upload('quota', second, fileOf(1000, 'quota-1'))).status).toBe(201);
      const files = filesUnder(api.storageDir).length;
      const counts = await rowCounts(api.database.dataSource, ['evidence_document', 'evidence_blob', 'audit_entry']);

      const refused = await upload('quota', second, fileOf(1600, 'quota-2'));
      expect(refused.status).toBe(413);
      expect(refused.body.message).toBe(
        'This unit’s storage is full: 1000 bytes of 2.4 KB used, and this file is 1.6 KB. Reuse documents already uploaded or make the file smaller; if that is not enough, ask a national admin to raise the quota.',
      );
      expect(filesUnder(api.storageDir)).toHaveLength(files);
      expect(await rowCounts(api.database.dataSource, ['evidence_document', 'evidence_blob', 'audit_entry'])).toEqual(counts);
    });

    it('lets exactly one of two concurrent uploads to different submissions of the unit fit under the quota', async () => {
      const [{ used }] = await api.database.dataSource.query(`SELECT COALESCE(sum(size_bytes), 0)::int AS used FROM evidence_blob WHERE owner_key = $1`, [units.quota]);
      const room = QUOTA - used;
      const size = Math.floor(room * 0.75);
      const a = await submission('quota');
      const b = await submission('quota');
      const files = filesUnder(api.storageDir).length;
      const results = await raceBehind(
        api.database.dataSource,
        { sql: `SELECT pg_advisory_xact_lock(hashtext('evidence_storage:' || $1))`, params: [units.quota], waitEvents: ['advisory'] },
        () => [upload('quota', a, fileOf(size, 'race-a')), upload('quota', b, fileOf(size, 'race-b'))],
      );
      expect(results.map((result) => result.status).sort()).toEqual([201, 413]);
      const [{ total }] = await api.database.dataSource.query(`SELECT sum(size_bytes)::int AS total FROM evidence_blob WHERE owner_key = $1`, [units.quota]);
      expect(total).toBe(used + size);
      expect(total).toBeLessThanOrEqual(QUOTA);
      expect(filesUnder(api.storageDir)).toHaveLength(files + 1);

      // A file that would pass the quota by one byte is refused; one that fills it exactly is not.
      expect((await upload('quota', a, fileOf(QUOTA - total + 1, 'over'))).status).toBe(413);
      expect((await upload('quota', a, fileOf(QUOTA - total, 'fill'))).status).toBe(201);
      expect(filesUnder(api.storageDir)).toHaveLength(files + 2);
      // Full: the next upload is refused before its bytes are received.
      const full = await upload('quota', b, fileOf(400, 'full'), 'id');
      expect(full.status).toBe(413);
      expect(full.body.message).toBe(
        'Ruang penyimpanan unit ini sudah penuh: terpakai 2.4 KB dari 2.4 KB. Pakai ulang dokumen yang sudah diunggah; jika masih kurang, minta admin nasional menambah kuota.',
      );
      expect(filesUnder(api.storageDir)).toHaveLength(files + 2);
    });
  });
});
