import { Queue } from 'bullmq';
import { QueueName } from '@peduli/queue';
import { eventually, rowCounts, testServiceUrls } from '@peduli/testkit';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { multipartBody, sendRaw } from './multipart';
import { filesUnder, json, MINIMAL_PDF, startTestApi, TestApi } from './support';

const TABLES = ['submission', 'evidence_document', 'outbox_event', 'score_snapshot'];
const VALID = { regionCode: '64.71', programme: 'RANHAM', periodKey: '2025-B08', answers: { 'AKSI-2025-01': true, 'AKSI-2025-03': 50 }, contactEmail: 'BH@Balikpapan.go.id' };

describe('submissions API', () => {
  let api: TestApi;
  let redis: Redis;
  let documentsQueue: Queue;

  beforeAll(async () => {
    api = await startTestApi({ MAX_UPLOAD_BYTES: '4096' });
    const others: { code: string }[] = await api.database.dataSource.query(`SELECT code FROM region WHERE code <> '64.71' ORDER BY code`);
    regencies = ['64.71', ...others.map((region) => region.code)];
    redis = new Redis(testServiceUrls().redis);
    documentsQueue = new Queue(QueueName.Documents, { connection: redis, prefix: api.queuePrefix });
  });
  afterAll(async () => {
    await documentsQueue?.close();
    redis?.disconnect();
    await api?.close();
  });

  const counts = () => rowCounts(api.database.dataSource, TABLES);
  // A regency/city files one current RANHAM report per period, so each default report is another regency/city's
  // (Balikpapan's first).
  let regencies: string[] = [];
  const create = async (body: unknown = { ...VALID, regionCode: regencies.shift() }) => {
    const response = await api.post('/api/v1/submissions', body);
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; status: string; contactEmail: string };
  };
  const upload = (id: string, parts: Parameters<typeof multipartBody>[0], options: Parameters<typeof sendRaw>[2] = {}) =>
    sendRaw(`${api.baseUrl}/api/v1/submissions/${id}/evidence`, multipartBody(parts), {
      ...options,
      headers: { authorization: `Bearer ${api.adminToken}`, ...options.headers },
    });

  describe('create', () => {
    it('creates a DRAFT and normalises the contact address', async () => {
      const created = await create();
      expect(created).toMatchObject({ status: 'DRAFT', contactEmail: 'bh@balikpapan.go.id', submitCount: 0, documents: [], scores: [] });
      const fetched = await api.get(`/api/v1/submissions/${created.id}`);
      expect(fetched.status).toBe(200);
      expect((await json(fetched)).answers).toEqual(VALID.answers);
    });

    it('rejects every invalid field at once, writing nothing', async () => {
      const before = await counts();
      const response = await api.post(
        '/api/v1/submissions',
        { regionCode: 6471, programme: 'KKP', periodKey: 'B08-2026', answers: ['x'], contactEmail: 'not-an-email', extra: true },
        { 'accept-language': 'en' },
      );
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body.message).toBe('The request is invalid. Fix the fields below.');
      expect(body.problems!.map((p) => p.field).sort()).toEqual(['answers', 'contactEmail', 'extra', 'periodKey', 'programme', 'regionCode']);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['malformed JSON', '{"regionCode": "64.71", '],
      ['a JSON array', '[1, 2, 3]'],
      ['a bare string', '"64.71"'],
      ['an empty body', ''],
    ])('rejects %s with 400', async (_label, raw) => {
      const before = await counts();
      const response = await api.post('/api/v1/submissions', raw);
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(typeof body.message).toBe('string');
      expect(body.requestId).toBe(response.headers.get('x-request-id'));
      expect(await counts()).toEqual(before);
    });

    it('rejects answers that are nested objects, non-finite or have bad indicator codes', async () => {
      for (const answers of [{ 'A1': { nested: 1 } }, { 'bad code!': 1 }, { 'A1': 'x'.repeat(5000) }]) {
        const response = await api.post('/api/v1/submissions', { ...VALID, answers });
        expect(response.status).toBe(400);
        expect((await json(response)).problems!.map((p) => p.field)).toEqual(['answers']);
      }
    });

    it('refuses keys named like built-in object members instead of silently dropping them, writing nothing', async () => {
      const before = await counts();
      const bodies = [
        `{"regionCode":"64.71","programme":"RANHAM","periodKey":"2026-B08","answers":{"A1.1":true,"constructor":2}}`,
        `{"regionCode":"64.71","programme":"RANHAM","periodKey":"2026-B08","answers":{"toString":1}}`,
        `{"__proto__":{"isAdmin":true},"regionCode":"64.71","programme":"RANHAM","periodKey":"2026-B08"}`,
      ];
      for (const body of bodies) {
        const response = await api.post('/api/v1/submissions', body, { 'accept-language': 'en' });
        expect(response.status).toBe(400);
        expect((await json(response)).message).toMatch(/^The request body is not valid JSON: the key "(constructor|toString|__proto__)" is not allowed$/);
      }
      expect(await counts()).toEqual(before);
    });

    it('names a missing field once, as required, rather than listing every rule it fails', async () => {
      const response = await api.post('/api/v1/submissions', { programme: 'RANHAM', periodKey: '2026-B08', regionCode: null }, { 'accept-language': 'en' });
      expect(response.status).toBe(400);
      expect((await json(response)).problems).toEqual([{ field: 'regionCode', problem: 'is required' }]);
      const login = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: '{}',
      });
      expect((await json(login)).problems).toEqual([
        { field: 'email', problem: 'is required' },
        { field: 'password', problem: 'is required' },
      ]);
    });

    it('rejects a period that does not belong to the programme, saying what a valid one looks like', async () => {
      const response = await api.post('/api/v1/submissions', { ...VALID, programme: 'KKP_HAM', periodKey: '2026-B08' }, { 'accept-language': 'en' });
      expect(response.status).toBe(400);
      expect((await json(response)).message).toMatch(/not a period of programme KKP_HAM\. A valid example: \d{4}-TAHUNAN/);
    });

    it('answers 404 for an unknown region and writes nothing', async () => {
      const before = await counts();
      const response = await api.post('/api/v1/submissions', { ...VALID, regionCode: '99.99' });
      expect(response.status).toBe(404);
      expect(await counts()).toEqual(before);
    });

    it('answers 413 for a JSON body over the limit', async () => {
      const response = await api.post('/api/v1/submissions', { ...VALID, padding: 'x'.repeat(1_100_000) });
      expect(response.status).toBe(413);
    });
  });

  describe('submit', () => {
    it('moves the submission to SUBMITTED and publishes one job whose id is the outbox row id', async () => {
      const { id } = await create();
      const response = await api.post(`/api/v1/submissions/${id}/submit`, {});
      expect(response.status).toBe(200);
      const answered = await json(response);
      expect(answered).toMatchObject({ status: 'SUBMITTED', submitCount: 1, late: false, reviewStage: null });
      // The answer is built from what the submit wrote, not read back: it must equal what a read shows.
      expect(await json(await api.get(`/api/v1/submissions/${id}`))).toEqual(answered);
      const [outbox] = await api.database.dataSource.query(`SELECT id, event, payload FROM outbox_event WHERE payload->>'submissionId' = $1`, [id]);
      expect(outbox).toMatchObject({ event: 'submission.submitted', payload: { submissionId: id, submitCount: 1 } });
      const job = await eventually('the relay publishes the job', async () => (await documentsQueue.getJob(outbox.id)) ?? undefined);
      expect(job.name).toBe('submission.submitted');
      expect(job.data).toEqual({ submissionId: id, submitCount: 1 });
    });

    it('refuses a double submit with 409 and records one event only', async () => {
      const { id } = await create();
      expect((await api.post(`/api/v1/submissions/${id}/submit`, {})).status).toBe(200);
      const second = await api.post(`/api/v1/submissions/${id}/submit`, {});
      expect(second.status).toBe(409);
      expect((await json(second)).message).toContain('SUBMITTED');
      const [row] = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE payload->>'submissionId' = $1`, [id]);
      expect(row.n).toBe(1);
    });

    it('lets exactly one of many concurrent submits win', async () => {
      const { id } = await create();
      const statuses = await Promise.all(Array.from({ length: 12 }, () => api.post(`/api/v1/submissions/${id}/submit`, {}).then((r) => r.status)));
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(11);
      const [row] = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE payload->>'submissionId' = $1`, [id]);
      expect(row.n).toBe(1);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect((await api.post('/api/v1/submissions/6f1c1c3e-2b1a-4c8e-9d52-2f0f4f0c2a11/submit', {})).status).toBe(404);
      const malformed = await api.post("/api/v1/submissions/1'%20OR%20'1'='1/submit", {});
      expect(malformed.status).toBe(400);
      expect((await json(malformed)).problems![0].field).toBe('id');
    });
  });

  describe('evidence upload', () => {
    it('streams a file to storage with its SHA-256 and keeps it quarantined', async () => {
      const { id } = await create();
      const response = await upload(id, [
        { name: 'documentType', value: 'LAPORAN' },
        { name: 'file', value: MINIMAL_PDF, filename: 'Laporan Aksi HAM B08.pdf', contentType: 'application/pdf' },
      ]);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        documentType: 'LAPORAN',
        originalName: 'Laporan Aksi HAM B08.pdf',
        sizeBytes: MINIMAL_PDF.length,
        sha256: createHash('sha256').update(MINIMAL_PDF).digest('hex'),
        status: 'QUARANTINED',
      });
      const [row] = await api.database.dataSource.query(`SELECT storage_key FROM evidence_document WHERE id = $1`, [response.body.id]);
      expect(filesUnder(api.storageDir).some((file) => file.endsWith(row.storage_key))).toBe(true);
    });

    describe('rejections leave no row and no blob behind', () => {
      let id: string;
      let before: Record<string, number>;
      let filesBefore: string[];
      beforeEach(async () => {
        ({ id } = await create());
        before = await counts();
        filesBefore = filesUnder(api.storageDir).sort();
      });
      afterEach(async () => {
        expect(await counts()).toEqual(before);
        expect(filesUnder(api.storageDir).sort()).toEqual(filesBefore);
      });

      it('a file over the size limit: 400 naming the limit', async () => {
        const response = await upload(id, [
          { name: 'documentType', value: 'FOTO' },
          { name: 'file', value: Buffer.alloc(5000, 1), filename: 'besar.png', contentType: 'image/png' },
        ], { headers: { 'accept-language': 'en' } });
        expect(response.status).toBe(400);
        expect(response.body.message).toBe('The file exceeds the limit of 4096 bytes.');
      });

      it.each([
        ['path traversal', '../../etc/passwd.pdf'],
        ['a Windows path', 'C:\\Users\\x\\laporan.pdf'],
      ])('a file name with %s: 400', async (_label, filename) => {
        const response = await upload(id, [
          { name: 'documentType', value: 'LAPORAN' },
          { name: 'file', value: MINIMAL_PDF, filename, contentType: 'application/pdf' },
        ]);
        expect(response.status).toBe(400);
        expect(response.body.message).toContain('Nama berkas');
      });

      it.each([
        ['an encoded control character', 'lapor\u0007an.pdf'],
        ['an encoded newline (log forging)', 'laporan.pdf\n{"level":"info"}'],
        ['an encoded traversal', '..%2f..%2fetc.pdf'],
      ])('a file name with %s: 400', async (_label, name) => {
        const response = await upload(id, [
          { name: 'documentType', value: 'LAPORAN' },
          { name: 'file', value: MINIMAL_PDF, encodedFilename: name, contentType: 'application/pdf' },
        ]);
        expect(response.status).toBe(400);
        expect(response.body.message).toContain('Nama berkas');
      });

      it('a raw control character in the part header: 400 (malformed upload)', async () => {
        const response = await upload(id, [
          { name: 'documentType', value: 'LAPORAN' },
          { name: 'file', value: MINIMAL_PDF, filename: 'lapor\u0007an.pdf', contentType: 'application/pdf' },
        ]);
        expect(response.status).toBe(400);
        expect(response.body.message).toContain('Unggahan terputus atau rusak');
      });

      it('no file at all: 400', async () => {
        const response = await upload(id, [{ name: 'documentType', value: 'LAPORAN' }]);
        expect(response.status).toBe(400);
        expect(response.body.message).toContain('Tidak ada berkas');
      });

      it('two files in one request: 400', async () => {
        const response = await upload(id, [
          { name: 'documentType', value: 'LAPORAN' },
          { name: 'file', value: MINIMAL_PDF, filename: 'a.pdf', contentType: 'application/pdf' },
          { name: 'file', value: MINIMAL_PDF, filename: 'b.pdf', contentType: 'application/pdf' },
        ]);
        expect(response.status).toBe(400);
      });

      it('an unknown document type: 400 naming the field, and the streamed blob is removed', async () => {
        const response = await upload(id, [
          { name: 'file', value: MINIMAL_PDF, filename: 'a.pdf', contentType: 'application/pdf' },
          { name: 'documentType', value: 'SURAT_CINTA' },
        ]);
        expect(response.status).toBe(400);
        expect(response.body.problems!.map((p) => p.field)).toEqual(['documentType']);
      });

      it('a truncated multipart body: 400', async () => {
        const body = multipartBody([
          { name: 'documentType', value: 'LAPORAN' },
          { name: 'file', value: Buffer.alloc(3000, 7), filename: 'a.pdf', contentType: 'application/pdf' },
        ]);
        const response = await sendRaw(`${api.baseUrl}/api/v1/submissions/${id}/evidence`, body, {
          cutAfter: 1500,
          headers: { authorization: `Bearer ${api.adminToken}` },
        }).catch(
          () => ({ status: 0, body: {} }),
        );
        // The client may see either the 400 or a reset connection; in both cases nothing may be stored.
        expect([0, 400]).toContain(response.status);
        await new Promise((r) => setTimeout(r, 200));
      });

      it('not multipart: 415', async () => {
        const response = await api.post(`/api/v1/submissions/${id}/evidence`, { file: 'x' });
        expect(response.status).toBe(415);
      });
    });

    it('refuses uploads once the submission is submitted (409)', async () => {
      const { id } = await create();
      await api.post(`/api/v1/submissions/${id}/submit`, {});
      const response = await upload(id, [
        { name: 'documentType', value: 'LAPORAN' },
        { name: 'file', value: MINIMAL_PDF, filename: 'a.pdf', contentType: 'application/pdf' },
      ]);
      expect(response.status).toBe(409);
    });
  });
});
