import { createTestOrganisation, rowCounts } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

/**
 * A regency/city has one current regency/city-level KKP HAM report a year. A second create is refused with 409 naming
 * the report that exists (not a second row counted as current); units' inputs are not affected. RANHAM holds every
 * reporter to one current report per period the same way.
 */
describe('one regency/city-level KKP HAM report per regency/city and year', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  const create = (body: Record<string, unknown>, language = 'id') =>
    fetch(`${api.baseUrl}/api/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify(body),
    });
  const kkp = (regionCode: string) => ({ regionCode, programme: 'KKP_HAM', periodKey: '2026-TAHUNAN', answers: { 'K1.S1': true } });

  it('answers a second create with 409 pointing at the existing report, in the request’s language, and stores nothing', async () => {
    const first = await create(kkp('64.71'));
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };
    const before = await rowCounts(api.database.dataSource, ['submission', 'audit_entry', 'outbox_event']);

    const again = await create(kkp('64.71'));
    expect(again.status).toBe(409);
    const refusal = await json(again);
    // A client finds the report to continue from the body, without reading the message or searching.
    expect(refusal).toMatchObject({ code: 'submission.alreadyExists', details: { id, status: 'DRAFT', regionCode: '64.71', periodKey: '2026-TAHUNAN' } });
    expect(refusal.message).toBe(
      `Laporan KKP HAM tingkat kabupaten/kota 64.71 untuk 2026-TAHUNAN sudah ada (id ${id}, status DRAFT). Buka dan lanjutkan laporan itu; satu kabupaten/kota hanya punya satu laporan per tahun.`,
    );
    const inEnglish = await create(kkp('64.71'), 'en');
    expect((await json(inEnglish)).message).toBe(
      `Regency/city 64.71 already has its KKP HAM report for 2026-TAHUNAN (id ${id}, status DRAFT). Open and continue that one; a regency/city has one report a year.`,
    );
    expect(await rowCounts(api.database.dataSource, ['submission', 'audit_entry', 'outbox_event'])).toEqual(before);

    // Another year is another report.
    expect((await create({ ...kkp('64.71'), periodKey: '2027-TAHUNAN' })).status).toBe(201);
  });

  it('lets exactly one of two simultaneous creates in, and tells the other with 409 rather than failing', async () => {
    const answers = await Promise.all([create(kkp('91.71')), create(kkp('91.71')), create(kkp('91.71'))]);
    expect(answers.map((response) => response.status).sort()).toEqual([201, 409, 409]);
    const [{ n }] = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM submission WHERE region_code = '91.71' AND programme = 'KKP_HAM'`);
    expect(n).toBe(1);
  });

  it('keeps a duplicate the migration superseded readable, but refuses to change or submit it, naming the report kept', async () => {
    const kept = (await (await create({ ...kkp('64.74'), periodKey: '2029-TAHUNAN' })).json()) as { id: string };
    const duplicate = (await (await create({ ...kkp('64.74'), periodKey: '2028-TAHUNAN' })).json()) as { id: string };
    // As the migration leaves a settled duplicate: same regency/city, marked with the report that stays current.
    await api.database.dataSource.query(`UPDATE submission SET superseded_by = $2 WHERE id = $1`, [duplicate.id, kept.id]);
    const headers = { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json', 'accept-language': 'en' };
    const before = await rowCounts(api.database.dataSource, ['submission', 'audit_entry', 'outbox_event']);

    const edit = await fetch(`${api.baseUrl}/api/v1/submissions/${duplicate.id}`, { method: 'PATCH', headers, body: JSON.stringify({ answers: { 'K1.S1': false } }) });
    expect(edit.status).toBe(409);
    expect((await json(edit)).message).toBe(
      `Submission ${duplicate.id} is a duplicate replaced by submission ${kept.id} and can no longer be changed or submitted. Continue submission ${kept.id}.`,
    );
    const submit = await fetch(`${api.baseUrl}/api/v1/submissions/${duplicate.id}/submit`, { method: 'POST', headers });
    expect(submit.status).toBe(409);
    expect((await json(submit)).message).toContain(`replaced by submission ${kept.id}`);
    expect(await rowCounts(api.database.dataSource, ['submission', 'audit_entry', 'outbox_event'])).toEqual(before);

    expect((await fetch(`${api.baseUrl}/api/v1/submissions/${duplicate.id}`, { headers })).status).toBe(200);
  });

  it('lets simultaneous first compilations meet in one report instead of failing on the index', async () => {
    const compile = () =>
      fetch(`${api.baseUrl}/api/v1/submissions/compile`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ regionCode: '64.72', periodKey: '2026-TAHUNAN' }),
      });
    const answers = await Promise.all([compile(), compile(), compile()]);
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200]);
    const ids = new Set(await Promise.all(answers.map(async (response) => ((await response.json()) as { submissionId: string }).submissionId)));
    expect(ids.size).toBe(1);
    const [{ n }] = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM submission WHERE region_code = '64.72' AND programme = 'KKP_HAM'`);
    expect(n).toBe(1);
  });

  it('leaves units’ inputs as they were, and holds a regency/city to one current RANHAM report per period too', async () => {
    const unit = await createTestOrganisation(api.database.dataSource, { kind: 'OPD', name: 'Dinas Sosial Kota Samarinda', regionCode: '64.72' });
    const input = { regionCode: '64.72', organisationId: unit, programme: 'RANHAM', periodKey: '2025-B08', answers: { 'AKSI-2025-01': true } };
    expect((await create(input)).status).toBe(201);
    expect((await create(input)).status).toBe(201);
    const ranham = { regionCode: '64.72', programme: 'RANHAM', periodKey: '2025-B08', answers: { 'AKSI-2025-01': true } };
    const first = await create(ranham);
    expect(first.status).toBe(201);
    const second = await create(ranham, 'en');
    expect(second.status).toBe(409);
    expect((await json(second)).message).toContain(((await first.json()) as { id: string }).id);
    // Another period of the same regency/city is a report of its own.
    expect((await create({ ...ranham, periodKey: '2025-B12' })).status).toBe(201);
  });
});
