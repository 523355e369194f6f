import { createTestOrganisation, createTestUser, rowCounts, signIn } from '@peduli/testkit';
import { multipartBody, sendRaw } from './multipart';
import { filesUnder, MINIMAL_PDF, startTestApi, TestApi } from './support';

describe('evidence: metadata and indicators, one blob per unit and content, reuse across programmes, guarded downloads', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let dinkes: string;
  let disdik: string;

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    dinkes = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Kesehatan', regionCode: '64.71' });
    disdik = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Pendidikan', regionCode: '64.71' });
    const people: [string, Record<string, string>][] = [
      ['dinkes', { role: 'UNIT_OPERATOR', organisationId: dinkes }],
      ['disdik', { role: 'UNIT_OPERATOR', organisationId: disdik }],
      ['jayapura', { role: 'COORDINATOR', regionCode: '91.71' }],
    ];
    for (const [name, role] of people) {
      const user = await createTestUser(db, { email: `${name}@evidence.test`, roles: [role as never] });
      tokens[name] = await signIn(api.baseUrl, user.email);
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  const submission = async (who: string, organisationId: string, programme = 'KKP_HAM', periodKey = '2026-TAHUNAN') => {
    const response = await fetch(`${api.baseUrl}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ regionCode: '64.71', organisationId, programme, periodKey }),
    });
    return ((await response.json()) as { id: string }).id;
  };
  const upload = (who: string, submissionId: string, fields: Record<string, string>, file = MINIMAL_PDF, filename = 'perwal.pdf') =>
    sendRaw(
      `${api.baseUrl}/api/v1/submissions/${submissionId}/evidence`,
      multipartBody([
        ...Object.entries(fields).map(([name, value]) => ({ name, value })),
        // Sent RFC 5987-encoded, so any Unicode name arrives intact.
        { name: 'file', value: file, encodedFilename: filename, contentType: 'application/pdf' },
      ]),
      { headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': 'en' } },
    );
  const storageKeyOf = async (documentId: string) =>
    (await api.database.dataSource.query(`SELECT storage_key FROM evidence_document WHERE id = $1`, [documentId]))[0].storage_key as string;

  it('stores the metadata and the indicators a document backs; an unknown indicator is refused, leaving no blob behind', async () => {
    const id = await submission('dinkes', dinkes);
    const files = filesUnder(api.storageDir).length;
    const before = await rowCounts(api.database.dataSource, ['evidence_document', 'evidence_blob', 'audit_entry']);
    const refused = await upload('dinkes', id, { documentType: 'PERBUP_PERWAL', indicatorCodes: 'K1.S1,K9.X9' });
    expect(refused.status).toBe(400);
    expect(refused.body.problems?.map((p) => p.field)).toEqual(['indicatorCodes.K9.X9']);
    for (const legalDate of ['14-03-2025', '2025-02-30']) {
      const badDate = await upload('dinkes', id, { documentType: 'PERBUP_PERWAL', legalDate });
      expect(badDate.status).toBe(400);
      expect(badDate.body.problems?.map((p) => p.field)).toEqual(['legalDate']);
    }
    expect(filesUnder(api.storageDir)).toHaveLength(files);
    expect(await rowCounts(api.database.dataSource, ['evidence_document', 'evidence_blob', 'audit_entry'])).toEqual(before);

    const stored = await upload('dinkes', id, {
      documentType: 'PERBUP_PERWAL',
      title: 'Peraturan Wali Kota tentang Bantuan Hukum',
      legalNumber: 'Perwal No. 12 Tahun 2025',
      legalDate: '2025-03-14',
      periodCovered: '2025',
      indicatorCodes: 'K1.S1, K1.P1',
    });
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({
      status: 'QUARANTINED',
      title: 'Peraturan Wali Kota tentang Bantuan Hukum',
      legalNumber: 'Perwal No. 12 Tahun 2025',
      legalDate: '2025-03-14',
      periodCovered: '2025',
      indicatorCodes: ['K1.S1', 'K1.P1'],
    });
    expect(filesUnder(api.storageDir)).toHaveLength(files + 1);

    // The submission view builds its documents in SQL, the upload answer from the entity: they must agree exactly,
    // and an answer update (which answers with the same view) must show the same.
    const headers = { authorization: `Bearer ${tokens.dinkes}`, 'content-type': 'application/json' };
    const viewed = (await (await fetch(`${api.baseUrl}/api/v1/submissions/${id}`, { headers })).json()) as { documents: unknown[] };
    expect(viewed.documents).toEqual([stored.body]);
    const patched = await fetch(`${api.baseUrl}/api/v1/submissions/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ answers: { 'K1.S1': true } }) });
    expect(patched.status).toBe(200);
    const afterPatch = (await patched.json()) as Record<string, unknown>;
    expect(afterPatch).toEqual({ ...viewed, answers: { 'K1.S1': true } });
    expect(await (await fetch(`${api.baseUrl}/api/v1/submissions/${id}`, { headers })).json()).toEqual(afterPatch);
  });

  it('keeps one blob per unit and content: the same file again shares it; another unit’s copy is its own', async () => {
    const first = await submission('dinkes', dinkes);
    const second = await submission('dinkes', dinkes, 'RANHAM', '2025-B04');
    const pdf = Buffer.concat([MINIMAL_PDF, Buffer.from('% dedupe\n')]);
    const files = filesUnder(api.storageDir).length;
    const a = await upload('dinkes', first, { documentType: 'SK' }, pdf);
    const b = await upload('dinkes', second, { documentType: 'LAPORAN', indicatorCodes: 'AKSI-2025-01' }, pdf);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await storageKeyOf(String(b.body.id))).toBe(await storageKeyOf(String(a.body.id)));
    expect(filesUnder(api.storageDir)).toHaveLength(files + 1);
    const c = await upload('disdik', await submission('disdik', disdik), { documentType: 'SK' }, pdf);
    expect(await storageKeyOf(String(c.body.id))).not.toBe(await storageKeyOf(String(a.body.id)));
    expect(filesUnder(api.storageDir)).toHaveLength(files + 2);
    const [{ blobs }] = await api.database.dataSource.query(`SELECT count(*)::int AS blobs FROM evidence_blob WHERE sha256 = $1`, [a.body.sha256]);
    expect(blobs).toBe(2);
  });

  it('reuses a unit’s document in another programme’s submission, to be checked again; nobody else may reuse it', async () => {
    const kkp = await submission('dinkes', dinkes);
    const doc = await upload('dinkes', kkp, { documentType: 'SK', indicatorCodes: 'K2.S1' }, Buffer.concat([MINIMAL_PDF, Buffer.from('% reuse\n')]));
    const ranham = await submission('dinkes', dinkes, 'RANHAM', '2025-B08');
    const reuse = (who: string, target: string, body: unknown) =>
      fetch(`${api.baseUrl}/api/v1/submissions/${target}/evidence/reuse`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify(body),
      });
    const reused = await reuse('dinkes', ranham, { documentId: doc.body.id, indicatorCodes: ['AKSI-2025-03'] });
    expect(reused.status).toBe(201);
    const copy = (await reused.json()) as { id: string; sha256: string; status: string; indicatorCodes: string[] };
    expect(copy).toMatchObject({ sha256: doc.body.sha256, status: 'QUARANTINED', indicatorCodes: ['AKSI-2025-03'] });
    expect(await storageKeyOf(copy.id)).toBe(await storageKeyOf(String(doc.body.id)));
    expect((await reuse('dinkes', ranham, { documentId: doc.body.id, indicatorCodes: ['K2.S1'] })).status).toBe(400);
    const otherUnit = await reuse('disdik', await submission('disdik', disdik), { documentId: doc.body.id });
    expect(otherUnit.status).toBe(404);
  });

  it('serves a document only once checked and accepted, with the sniffed type, as an attachment, to users in scope', async () => {
    const id = await submission('dinkes', dinkes);
    const doc = await upload('dinkes', id, { documentType: 'SK' }, Buffer.concat([MINIMAL_PDF, Buffer.from('% download\n')]), 'SK Wali Kota – ½.pdf');
    expect(doc.status).toBe(201);
    const url = `${api.baseUrl}/api/v1/submissions/${id}/evidence/${doc.body.id}/content`;
    const get = (who: string) => fetch(url, { headers: { authorization: `Bearer ${tokens[who]}` } });
    expect((await get('dinkes')).status).toBe(409);
    await api.database.dataSource.query(`UPDATE evidence_document SET status = 'ACCEPTED', sniffed_mime = 'application/pdf' WHERE id = $1`, [doc.body.id]);
    const response = await get('dinkes');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="SK Wali Kota \? ½\.pdf"; filename\*=UTF-8''SK%20Wali%20Kota%20%E2%80%93%20%C2%BD\.pdf$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.concat([MINIMAL_PDF, Buffer.from('% download\n')]));
    expect((await get('jayapura')).status).toBe(404);
    await api.database.dataSource.query(`UPDATE evidence_document SET status = 'REJECTED' WHERE id = $1`, [doc.body.id]);
    expect((await get('dinkes')).status).toBe(409);
  });
});
