import ExcelJS from 'exceljs';
import { createTestUser, rowCounts, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

interface Summary {
  id: string;
  programme: string;
  frameworkCode: string;
  version: number;
  status: string;
  label: string;
}

const KKP_CODE = 'KKP_HAM_PERMENKUMHAM_22_2021';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CONTENT_TYPES = { json: 'application/json', yaml: 'application/yaml', xlsx: XLSX } as const;

interface ProblemBody {
  message: string;
  problems?: { field: string; problem: string; sheet?: string; row?: number; column?: string; header?: string }[];
}
const problemBody = async (response: Response) => (await response.json()) as ProblemBody;

describe('framework versions as files: export, import as a new draft, import into a draft', () => {
  let api: TestApi;
  let coordinatorToken: string;
  let kkpV1: Summary;
  let ranhamV1: Summary;

  beforeAll(async () => {
    api = await startTestApi();
    const versions = (await (await api.get('/api/v1/frameworks/versions')).json()) as Summary[];
    kkpV1 = versions.find((v) => v.frameworkCode === KKP_CODE && v.version === 1)!;
    ranhamV1 = versions.find((v) => v.programme === 'RANHAM' && v.version === 1)!;
    const coordinator = await createTestUser(api.database.dataSource, { email: 'koordinator@files.test', roles: [{ role: 'COORDINATOR', regionCode: '64.71' }] });
    coordinatorToken = await signIn(api.baseUrl, coordinator.email);
  });
  afterAll(async () => {
    await api?.close();
  });

  const exportOf = (id: string, format: string, headers: Record<string, string> = { authorization: `Bearer ${api.adminToken}` }) =>
    fetch(`${api.baseUrl}/api/v1/frameworks/versions/${id}/export?format=${format}`, { headers });
  const upload = (path: string, body: Buffer | string, contentType: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': contentType, ...headers },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  const contentOf = async (id: string) => ((await (await api.get(`/api/v1/frameworks/versions/${id}`)).json()) as { content: unknown; label: string }).content;
  const counts = () => rowCounts(api.database.dataSource, ['framework_version', 'audit_entry']);
  const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

  it.each(['json', 'yaml', 'xlsx'] as const)('exports the seeded KKP HAM version as %s and imports it back as a new draft with the same content', async (format) => {
    const exported = await exportOf(kkpV1.id, format);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain(CONTENT_TYPES[format]);
    expect(exported.headers.get('content-disposition')).toBe(`attachment; filename="${KKP_CODE}-v1.${format}"`);
    const file = await bytesOf(exported);

    const before = await counts();
    const imported = await upload('/frameworks/imports', file, CONTENT_TYPES[format]);
    expect(imported.status).toBe(201);
    const draft = (await imported.json()) as Summary;
    expect(draft).toMatchObject({ programme: 'KKP_HAM', frameworkCode: KKP_CODE, status: 'DRAFT', label: kkpV1.label });
    expect(draft.version).toBeGreaterThan(1);
    expect(await contentOf(draft.id)).toEqual(await contentOf(kkpV1.id));
    expect(await counts()).toEqual({ framework_version: before.framework_version + 1, audit_entry: before.audit_entry + 1 });
    const [audit] = await api.database.dataSource.query(`SELECT action, after FROM audit_entry WHERE entity_id = $1`, [draft.id]);
    expect(audit).toMatchObject({ action: 'framework.imported', after: { format, version: draft.version, criteria: 10, indicators: 30 } });
  });

  it('numbers imports of one code one after another, and starts a new code at version 1', async () => {
    const file = await bytesOf(await exportOf(kkpV1.id, 'json'));
    const first = (await (await upload('/frameworks/imports', file, 'application/json')).json()) as Summary;
    const second = (await (await upload('/frameworks/imports', file, 'application/json; charset=utf-8')).json()) as Summary;
    expect(second.version).toBe(first.version + 1);

    const renamed = JSON.parse(file.toString('utf8'));
    renamed.frameworkCode = 'KKP_HAM_UJI_IMPOR';
    const fresh = await upload('/frameworks/imports', JSON.stringify(renamed), 'application/json');
    expect(fresh.status).toBe(201);
    expect(await fresh.json()).toMatchObject({ frameworkCode: 'KKP_HAM_UJI_IMPOR', version: 1, status: 'DRAFT' });
  });

  it('round-trips the seeded RANHAM version through a workbook too', async () => {
    const file = await bytesOf(await exportOf(ranhamV1.id, 'xlsx'));
    const imported = await upload('/frameworks/imports', file, XLSX);
    expect(imported.status).toBe(201);
    const draft = (await imported.json()) as Summary;
    expect(draft).toMatchObject({ programme: 'RANHAM', frameworkCode: ranhamV1.frameworkCode, status: 'DRAFT' });
    expect(await contentOf(draft.id)).toEqual(await contentOf(ranhamV1.id));
  });

  it('refuses an invalid workbook with every problem at its sheet, row and column, and writes nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await exportOf(kkpV1.id, 'xlsx')).arrayBuffer()) as ArrayBuffer);
    workbook.getWorksheet('Indikator')!.getCell('H2').value = 'sepuluh';
    workbook.getWorksheet('Rentang Nilai')!.getCell('A2').value = 'K99.H1';
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());

    const before = await counts();
    const response = await upload('/frameworks/imports', broken, XLSX, { 'accept-language': 'en' });
    expect(response.status).toBe(400);
    const body = await problemBody(response);
    expect(body.message).toBe('The framework file cannot be imported; nothing was saved. Fix the problems below.');
    expect(body.problems).toEqual([
      { field: 'Indikator!H2', sheet: 'Indikator', row: 2, column: 'H', header: 'poin', problem: 'Must be a number, not the text "sepuluh".' },
      { field: "'Rentang Nilai'!A2", sheet: 'Rentang Nilai', row: 2, column: 'A', header: 'kode_indikator', problem: 'No indicator with code "K99.H1" on sheet Indikator.' },
    ]);
    expect(await counts()).toEqual(before);

    const indonesian = await problemBody(await upload('/frameworks/imports', broken, XLSX));
    expect(indonesian.problems![0].problem).toBe('Harus berupa angka, bukan teks "sepuluh".');
  });

  it('refuses a JSON file with a repeated key and a wrong type, each at its path (the body reaches the import raw)', async () => {
    const file = (await bytesOf(await exportOf(kkpV1.id, 'json'))).toString('utf8').replace('"label":', '"label": "Label lain", "label":').replace('"points": 10', '"points": "10"');
    const before = await counts();
    const response = await upload('/frameworks/imports', file, 'application/json', { 'accept-language': 'en' });
    expect(response.status).toBe(400);
    const body = await problemBody(response);
    expect(body.problems!.map((p) => p.field)).toEqual(['label', 'content.indicators[0].points']);
    expect(body.problems![0].problem).toBe('The key "label" appears more than once.');
    expect(await counts()).toEqual(before);
  });

  it('answers 415 for a content type that is not a framework file, and 413 for a file over 5 MB', async () => {
    const csv = await upload('/frameworks/imports', 'kode,nama\n', 'text/csv', { 'accept-language': 'en' });
    expect(csv.status).toBe(415);
    expect((await json(csv)).message).toBe(
      'Unsupported file type: send the file as the raw body with Content-Type application/json, application/yaml, text/yaml, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.',
    );
    expect((await upload('/frameworks/imports', 'x', 'multipart/form-data; boundary=x')).status).toBe(415);

    const before = await counts();
    const huge = await upload('/frameworks/imports', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), 'application/yaml', { 'accept-language': 'en' });
    expect(huge.status).toBe(413);
    expect((await json(huge)).message).toBe('The framework file exceeds the limit of 5 MB.');
    expect(await counts()).toEqual(before);

    // Without a declared length the body is counted as it streams, and refused once it passes the limit.
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 6; index++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await fetch(`${api.baseUrl}/api/v1/frameworks/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/yaml' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('refuses a code that belongs to another programme (409)', async () => {
    const file = JSON.parse((await bytesOf(await exportOf(ranhamV1.id, 'json'))).toString('utf8'));
    const before = await counts();
    const response = await upload('/frameworks/imports', JSON.stringify({ ...file, frameworkCode: KKP_CODE }), 'application/json', { 'accept-language': 'en' });
    expect(response.status).toBe(409);
    expect((await json(response)).message).toContain(`Framework code ${KKP_CODE} already belongs to programme KKP_HAM`);
    expect(await counts()).toEqual(before);
  });

  it('lets only framework managers import (403 for a coordinator, nothing written), while any signed-in user may export', async () => {
    const file = await bytesOf(await exportOf(kkpV1.id, 'xlsx', { authorization: `Bearer ${coordinatorToken}` }));
    expect(file.length).toBeGreaterThan(1000);
    const before = await counts();
    const refused = await upload('/frameworks/imports', file, XLSX, { authorization: `Bearer ${coordinatorToken}` });
    expect(refused.status).toBe(403);
    expect((await upload(`/frameworks/versions/${kkpV1.id}/import`, file, XLSX, { authorization: `Bearer ${coordinatorToken}` })).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('needs a signed-in user to export and to import (401) and a known format (400)', async () => {
    expect((await exportOf(kkpV1.id, 'json', {})).status).toBe(401);
    const file = await bytesOf(await exportOf(kkpV1.id, 'json'));
    expect((await fetch(`${api.baseUrl}/api/v1/frameworks/imports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(file) })).status).toBe(401);
    const wrongFormat = await exportOf(kkpV1.id, 'csv', { authorization: `Bearer ${api.adminToken}`, 'accept-language': 'en' });
    expect(wrongFormat.status).toBe(400);
    expect((await json(wrongFormat)).problems).toEqual([{ field: 'format', problem: 'must be one of: json, yaml, xlsx' }]);
    expect((await exportOf('6f1c1c3e-2b1a-4c8e-9d52-2f0f4f0c2a11', 'json')).status).toBe(404);
  });

  it('replaces a draft’s content from a file; refuses a published version (409) and a file of another framework (400)', async () => {
    const file = await bytesOf(await exportOf(kkpV1.id, 'yaml'));
    const before = await counts();
    const frozen = await upload(`/frameworks/versions/${kkpV1.id}/import`, file, 'application/yaml', { 'accept-language': 'en' });
    expect(frozen.status).toBe(409);
    expect((await json(frozen)).message).toBe('A PUBLISHED version cannot be changed; start a new draft from it.');
    expect(await counts()).toEqual(before);

    const draft = (await (await api.post(`/api/v1/frameworks/versions/${kkpV1.id}/drafts`, {})).json()) as Summary;
    const edited = file.toString('utf8').replace(`label: "${kkpV1.label}"`, 'label: Versi uji impor').replace('cap: 5', 'cap: 7');
    expect(edited).toContain('cap: 7');
    const replaced = await upload(`/frameworks/versions/${draft.id}/import`, edited, 'text/yaml');
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ id: draft.id, status: 'DRAFT', label: 'Versi uji impor', version: draft.version });
    const content = (await contentOf(draft.id)) as { rules: { adjustments: { cap: number }[] } };
    expect(content.rules.adjustments[0].cap).toBe(7);
    const audit = await api.database.dataSource.query(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id`, [draft.id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['framework.draft_created', 'framework.imported']);

    const ranhamWorkbook = await bytesOf(await exportOf(ranhamV1.id, 'xlsx'));
    const mismatch = await upload(`/frameworks/versions/${draft.id}/import`, ranhamWorkbook, XLSX, { 'accept-language': 'en' });
    expect(mismatch.status).toBe(400);
    const problems = (await problemBody(mismatch)).problems!;
    expect(problems.map((p) => `${p.field} ${p.header}`)).toEqual(['Kerangka!B4 nilai', 'Kerangka!B5 nilai']);
    expect(problems[0].problem).toBe('This file is for programme RANHAM, the draft for KKP_HAM.');
    expect(await contentOf(draft.id)).toEqual(content);
  });

  it('exports a draft whose content does not fit the file structure as JSON, but not as a workbook (409 with its problems)', async () => {
    const draft = (await (await api.post(`/api/v1/frameworks/versions/${kkpV1.id}/drafts`, {})).json()) as Summary;
    const content = (await contentOf(draft.id)) as { indicators: Record<string, unknown>[] };
    content.indicators[0] = { code: 'K1.S1', points: 'sepuluh' };
    const saved = await fetch(`${api.baseUrl}/api/v1/frameworks/versions/${draft.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content }),
    });
    expect(saved.status).toBe(200);
    const asJson = await exportOf(draft.id, 'json');
    expect(asJson.status).toBe(200);
    expect(((await asJson.json()) as { content: typeof content }).content.indicators[0]).toEqual({ code: 'K1.S1', points: 'sepuluh' });
    const asWorkbook = await exportOf(draft.id, 'xlsx', { authorization: `Bearer ${api.adminToken}`, 'accept-language': 'en' });
    expect(asWorkbook.status).toBe(409);
    const body = await problemBody(asWorkbook);
    expect(body.message).toContain('cannot be written as XLSX');
    expect(body.problems!.map((p) => p.field)).toEqual([
      'content.indicators[0].criterionCode',
      'content.indicators[0].text',
      'content.indicators[0].type',
      'content.indicators[0].answerType',
      'content.indicators[0].points',
      'content.indicators[0].evidence',
    ]);
  });

  it('keeps parsing JSON bodies of every other route as before', async () => {
    const response = await api.post(`/api/v1/frameworks/versions/${kkpV1.id}/drafts`, '{"a": 1, "a": 2', { 'accept-language': 'en' });
    expect(response.status).toBe(400);
    expect((await json(response)).message).toContain('The request body is not valid JSON');
  });
});
