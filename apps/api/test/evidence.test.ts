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
    const viewed = (await (await fetch(`${api.baseUrl}/api/v1/submissions/${id}`, { headers })).json()) as { documents: unknown[]; version: number };
    expect(viewed.documents).toEqual([stored.body]);
    const patched = await fetch(`${api.baseUrl}/api/v1/submissions/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ answers: { 'K1.S1': true } }) });
    expect(patched.status).toBe(200);
    const afterPatch = (await patched.json()) as Record<string, unknown>;
    expect(afterPatch).toEqual({ ...viewed, answers: { 'K1.S1': true }, version: viewed.version + 1 });
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

  it('names RANHAM success measures as the codes a document backs, under a version with numbered measures', async () => {
    await api.database.dataSource.query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id)
       SELECT 'RANHAM', 2024, 'RANHAM 2024', id FROM framework_version WHERE framework_code = 'RANHAM_PERPRES_53_2021' AND version = 2`,
    );
    const report = await submission('dinkes', dinkes, 'RANHAM', '2024-B04');
    const pdf = Buffer.concat([MINIMAL_PDF, Buffer.from('% notulen\n')]);
    const minutes = await upload('dinkes', report, { documentType: 'NOTULEN', indicatorCodes: 'AKSI-2024-01.B04.1,AKSI-2024-02.B04.1' }, pdf);
    expect(minutes.status).toBe(201);
    expect(minutes.body.indicatorCodes).toEqual(['AKSI-2024-01.B04.1', 'AKSI-2024-02.B04.1']);
    // Under numbered measures the action code alone names no measure.
    const byAction = await upload('dinkes', report, { documentType: 'NOTULEN', indicatorCodes: 'AKSI-2024-01' }, pdf);
    expect(byAction.status).toBe(400);
    expect(byAction.body.problems?.map((p) => p.field)).toEqual(['indicatorCodes.AKSI-2024-01']);
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

  it('removes a document while the submission is editable, its bytes only once no other document shares them, and audits it', async () => {
    const kkp = await submission('dinkes', dinkes);
    const ranham = await submission('dinkes', dinkes, 'RANHAM', '2025-B12');
    const pdf = Buffer.concat([MINIMAL_PDF, Buffer.from('% remove\n')]);
    const [kept, shared, alone] = [
      await upload('dinkes', kkp, { documentType: 'SK' }, pdf),
      await upload('dinkes', ranham, { documentType: 'LAPORAN' }, pdf),
      await upload('dinkes', ranham, { documentType: 'FOTO' }, Buffer.concat([MINIMAL_PDF, Buffer.from('% remove alone\n')])),
    ];
    const remove = (who: string, target: string, documentId: unknown) =>
      fetch(`${api.baseUrl}/api/v1/submissions/${target}/evidence/${documentId}`, { method: 'DELETE', headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': 'en' } });
    const files = filesUnder(api.storageDir).length;
    expect((await remove('disdik', ranham, shared.body.id)).status).toBe(404);
    expect((await remove('dinkes', kkp, shared.body.id)).status).toBe(404); // not a document of that submission
    expect((await remove('dinkes', ranham, shared.body.id)).status).toBe(204);
    expect(filesUnder(api.storageDir)).toHaveLength(files); // the KKP HAM document still uses the bytes
    expect((await remove('dinkes', ranham, alone.body.id)).status).toBe(204);
    expect(filesUnder(api.storageDir)).toHaveLength(files - 1);
    const [{ blobs }] = await api.database.dataSource.query(`SELECT count(*)::int AS blobs FROM evidence_blob WHERE sha256 = $1`, [alone.body.sha256]);
    expect(blobs).toBe(0);
    const view = (await (await fetch(`${api.baseUrl}/api/v1/submissions/${ranham}`, { headers: { authorization: `Bearer ${tokens.dinkes}` } })).json()) as { documents: unknown[] };
    expect(view.documents).toEqual([]);
    const removals = await api.database.dataSource.query(`SELECT before FROM audit_entry WHERE action = 'evidence.removed' AND entity_id = $1`, [String(alone.body.id)]);
    expect(removals).toHaveLength(1);
    expect(removals[0].before).toMatchObject({ submissionId: ranham, documentType: 'FOTO' });
    // Once submitted, nothing is removed.
    expect((await fetch(`${api.baseUrl}/api/v1/submissions/${kkp}/submit`, { method: 'POST', headers: { authorization: `Bearer ${tokens.dinkes}` } })).status).toBe(200);
    expect((await remove('dinkes', kkp, kept.body.id)).status).toBe(409);
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
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="SK Wali Kota - 1_2\.pdf"; filename\*=UTF-8''SK%20Wali%20Kota%20%E2%80%93%20%C2%BD\.pdf$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.concat([MINIMAL_PDF, Buffer.from('% download\n')]));
    expect((await get('jayapura')).status).toBe(404);
    await api.database.dataSource.query(`UPDATE evidence_document SET status = 'REJECTED' WHERE id = $1`, [doc.body.id]);
    expect((await get('dinkes')).status).toBe(409);
  });

  describe('file names as people write them', () => {
    const NAMES = [
      'Laporan Aksi HAM – Balikpapan (B08).pdf',
      'Notulen Rapat – Dinas Sosial (é).pdf',
      'Surat "Undangan" Kepala Dinas’ – Camat’s Memo.pdf',
      "Rekap d'Anak (Ñ ü ç) 2026.pdf",
    ];
    /** How each kind of client puts a name in the part's header; every one is UTF-8 on the wire. */
    const STYLES: Record<string, (name: string) => { filename?: string; encodedFilename?: string }> = {
      // WHATWG HTML: raw UTF-8 inside the quotes, a double quote as %22.
      browser: (name) => ({ filename: name.replaceAll('"', '%22') }),
      // curl before 7.81 and many HTTP libraries: raw UTF-8, a double quote backslash-escaped.
      curl: (name) => ({ filename: name.replaceAll('"', '\\"') }),
      // RFC 5987 filename* next to an ASCII fallback (urllib3 1.x, some mobile clients): filename* wins.
      'RFC 5987': (name) => ({ filename: 'fallback.pdf', encodedFilename: name }),
    };
    const extValue = (header: string) => decodeURIComponent(/; filename\*=UTF-8''([^;]+)$/.exec(header)?.[1] ?? '');

    it.each(Object.keys(STYLES))('accepts and stores dashes, accents, quotes and apostrophes sent %s-style, and serves them back', async (style) => {
      const id = await submission('dinkes', dinkes);
      for (const [i, name] of NAMES.entries()) {
        const file = Buffer.concat([MINIMAL_PDF, Buffer.from(`% ${style} ${i}\n`)]);
        const response = await sendRaw(
          `${api.baseUrl}/api/v1/submissions/${id}/evidence`,
          multipartBody([{ name: 'documentType', value: 'LAPORAN' }, { name: 'file', value: file, contentType: 'application/pdf', ...STYLES[style](name) }]),
          { headers: { authorization: `Bearer ${tokens.dinkes}`, 'accept-language': 'en' } },
        );
        expect({ name, status: response.status, message: response.body.message }).toEqual({ name, status: 201, message: undefined });
        expect(response.body.originalName).toBe(name);
        const [row] = await api.database.dataSource.query(`SELECT original_name FROM evidence_document WHERE id = $1`, [response.body.id]);
        expect(row.original_name).toBe(name);

        await api.database.dataSource.query(`UPDATE evidence_document SET status = 'ACCEPTED', sniffed_mime = 'application/pdf' WHERE id = $1`, [response.body.id]);
        const download = await fetch(`${api.baseUrl}/api/v1/submissions/${id}/evidence/${response.body.id}/content`, {
          headers: { authorization: `Bearer ${tokens.dinkes}` },
        });
        expect(download.status).toBe(200);
        await download.arrayBuffer();
        const header = download.headers.get('content-disposition')!;
        // The plain filename is printable ASCII without quotes or backslashes inside; the exact name is in filename*.
        expect(header).toMatch(/^attachment; filename="[\x20-\x21\x23-\x5b\x5d-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
        expect(extValue(header)).toBe(name);
      }
    });

    it('gives readable ASCII fallbacks: accents dropped, dashes and quotes straightened', async () => {
      const id = await submission('dinkes', dinkes);
      const expected: Record<string, string> = {
        'Laporan Aksi HAM – Balikpapan (B08).pdf': 'Laporan Aksi HAM - Balikpapan (B08).pdf',
        'Notulen Rapat – Dinas Sosial (é).pdf': 'Notulen Rapat - Dinas Sosial (e).pdf',
        'Surat "Undangan" Kepala Dinas’ – Camat’s Memo.pdf': "Surat 'Undangan' Kepala Dinas' - Camat's Memo.pdf",
        'plain-name_2026.pdf': 'plain-name_2026.pdf',
      };
      for (const [i, [name, fallback]] of Object.entries(expected).entries()) {
        const file = Buffer.concat([MINIMAL_PDF, Buffer.from(`% fallback ${i}\n`)]);
        const uploaded = await upload('dinkes', id, { documentType: 'LAPORAN' }, file, name);
        expect(uploaded.status).toBe(201);
        await api.database.dataSource.query(`UPDATE evidence_document SET status = 'ACCEPTED', sniffed_mime = 'application/pdf' WHERE id = $1`, [uploaded.body.id]);
        const download = await fetch(`${api.baseUrl}/api/v1/submissions/${id}/evidence/${uploaded.body.id}/content`, {
          headers: { authorization: `Bearer ${tokens.dinkes}` },
        });
        await download.arrayBuffer();
        const header = download.headers.get('content-disposition');
        // A name that is already plain ASCII needs no filename*.
        if (fallback === name) expect(header).toBe(`attachment; filename="${name}"`);
        else {
          expect(header!.startsWith(`attachment; filename="${fallback}"; filename*=UTF-8''`)).toBe(true);
          expect(extValue(header!)).toBe(name);
        }
      }
    });

    it.each([
      ['a C1 control character sent as UTF-8 in filename*', { encodedFilename: 'laporan\u0085tahunan.pdf' }],
      ['a C1 control character sent as UTF-8 in filename', { filename: 'laporan\u0085tahunan.pdf' }],
      ['a DEL in filename*', { encodedFilename: 'laporan\u007ftahunan.pdf' }],
      ['a right-to-left override in filename', { filename: 'laporan\u202Efdp.exe' }],
      ['bytes that are not UTF-8 in filename*', { rawHeader: "filename*=UTF-8''laporan%FF%FEtahunan.pdf" }],
      ['a latin1 NEL byte (0x85) in filename', { rawBytes: Buffer.from([0x85]) }],
    ])('still refuses %s', async (_label, how) => {
      const id = await submission('dinkes', dinkes);
      const boundary = 'peduli-test-boundary';
      let body: Buffer;
      if ('rawHeader' in how || 'rawBytes' in how) {
        const param =
          'rawHeader' in how
            ? Buffer.from(how.rawHeader)
            : Buffer.concat([Buffer.from('filename="laporan'), how.rawBytes, Buffer.from('tahunan.pdf"')]);
        body = Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\nLAPORAN\r\n`),
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; `),
          param,
          Buffer.from('\r\nContent-Type: application/pdf\r\n\r\n'),
          MINIMAL_PDF,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
      } else {
        body = multipartBody([{ name: 'documentType', value: 'LAPORAN' }, { name: 'file', value: MINIMAL_PDF, contentType: 'application/pdf', ...how }]);
      }
      const response = await sendRaw(`${api.baseUrl}/api/v1/submissions/${id}/evidence`, body, {
        headers: { authorization: `Bearer ${tokens.dinkes}`, 'accept-language': 'en' },
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/The file name must not contain slashes, control characters or "\.\."/);
    });
  });

  it('reuse waits for a removal of its source under the owner’s storage lock, and then refuses: no copy of freed bytes', async () => {
    const kkp = await submission('dinkes', dinkes);
    const ranham = await submission('dinkes', dinkes, 'RANHAM', '2025-B04');
    const source = await upload('dinkes', kkp, { documentType: 'SK' }, Buffer.concat([MINIMAL_PDF, Buffer.from('% reuse race\n')]));
    const db = api.database.dataSource;
    const [{ owner_key: ownerKey }]: { owner_key: string }[] = await db.query('SELECT owner_key FROM evidence_document WHERE id = $1', [source.body.id]);

    // A removal in progress: it holds the owner's storage lock and has deleted the document, not yet committed.
    const removal = db.createQueryRunner();
    await removal.connect();
    await removal.startTransaction();
    try {
      await removal.query(`SELECT pg_advisory_xact_lock(hashtext('evidence_storage:' || $1))`, [ownerKey]);
      await removal.query('DELETE FROM evidence_document WHERE id = $1', [source.body.id]);
      const reused = fetch(`${api.baseUrl}/api/v1/submissions/${ranham}/evidence/reuse`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.dinkes}`, 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify({ documentId: source.body.id }),
      });
      // The reuse has read its source and now waits on the lock.
      for (let tries = 0; ; tries++) {
        const [{ waiting }]: { waiting: number }[] = await db.query(`SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
        if (waiting > 0) break;
        if (tries > 200) throw new Error('the reuse never waited on the storage lock');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await removal.commitTransaction();
      const answer = await reused;
      expect(answer.status).toBe(404);
      expect(await db.query('SELECT id FROM evidence_document WHERE submission_id = $1', [ranham])).toEqual([]);
    } finally {
      if (removal.isTransactionActive) await removal.rollbackTransaction();
      await removal.release();
    }
  });
});
