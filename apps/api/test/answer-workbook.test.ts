import ExcelJS from 'exceljs';
import { bufferZipSource, GuardedZip } from '@peduli/storage';
import { createTestOrganisation, createTestUser, rowCounts, signIn } from '@peduli/testkit';
import { crc32, deflateRawSync } from 'node:zlib';
import { json, startTestApi, TestApi } from './support';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface View {
  id: string;
  version: number;
  status: string;
  answers: Record<string, unknown>;
  notices?: { code: string; sheet: string | null; message: string }[];
}

describe('answers by spreadsheet: download a workbook, fill it in offline, upload it back', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  const send = (method: string, path: string, body?: unknown, token = api.adminToken) =>
    fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  /** A regency/city has one KKP HAM report a year: each test uses its own regency/city. */
  const kkpReport = async (regionCode: string, answers: Record<string, unknown> = {}, organisationId?: string): Promise<View> => {
    const response = await send('POST', '/submissions', { regionCode, programme: 'KKP_HAM', periodKey: '2026-TAHUNAN', answers, ...(organisationId ? { organisationId } : {}) });
    expect([response.status, response.status === 201 ? null : await response.text()]).toEqual([201, null]);
    return (await response.json()) as View;
  };
  const current = async (id: string) => (await (await send('GET', `/submissions/${id}`)).json()) as View;
  const download = (id: string, headers: Record<string, string> = {}, token = api.adminToken) =>
    fetch(`${api.baseUrl}/api/v1/submissions/${id}/workbook`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  const workbookOf = async (id: string, headers: Record<string, string> = {}) => {
    const response = await download(id, headers);
    expect([response.status, response.status === 200 ? null : await response.text()]).toEqual([200, null]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook;
  };
  const upload = (id: string, bytes: Buffer | ArrayBuffer, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}/api/v1/submissions/${id}/workbook`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': XLSX, ...headers },
      body: new Uint8Array(bytes instanceof ArrayBuffer ? bytes : bytes),
    });
  const bytesOf = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());
  /** The row of an item on the Jawaban sheet, by its code in column A. */
  const rowOf = (workbook: ExcelJS.Workbook, code: string): number => {
    const sheet = workbook.getWorksheet('Jawaban')!;
    for (let row = 2; row <= sheet.rowCount; row++) if (sheet.getCell(row, 1).value === code) return row;
    throw new Error(`no row for ${code}`);
  };
  const answerCell = (workbook: ExcelJS.Workbook, code: string) => workbook.getWorksheet('Jawaban')!.getCell(`E${rowOf(workbook, code)}`);
  const auditsOf = (id: string): Promise<{ after: unknown }[]> =>
    api.database.dataSource.query(`SELECT after FROM audit_entry WHERE action = 'submission.updated' AND entity_id = $1 ORDER BY occurred_at, id`, [id]);

  it('stores exactly what the same answers through PATCH store, with the same audit row', async () => {
    const start = { 'K1.S1': true, 'K4.P1': 'Rapat koordinasi lama', 'K3.P1': 4 };
    const mine = await kkpReport('64.71', start);
    const twin = await kkpReport('64.72', start);

    const response = await download(mine.id);
    expect(response.headers.get('content-type')).toContain(XLSX);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="Jawaban_Kota_Balikpapan_2026-TAHUNAN.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['Jawaban', 'visible'],
      ['Petunjuk', 'visible'],
    ]);
    // The current answers are filled in, yes/no in words.
    expect(answerCell(workbook, 'K1.S1').value).toBe('Ya');
    expect(answerCell(workbook, 'K3.P1').value).toBe(4);
    expect(answerCell(workbook, 'K1.P1').value).toBeNull();

    answerCell(workbook, 'K1.P1').value = '82,5';
    answerCell(workbook, 'K1.H1').value = 12;
    answerCell(workbook, 'K2.P1').value = 'sebagian_opd';
    answerCell(workbook, 'K2.H1').value = 0.4;
    answerCell(workbook, 'K2.H1').numFmt = '0%';
    answerCell(workbook, 'K4.P1').value = null;
    answerCell(workbook, 'K4.H1').value = '12.5%';
    // Rows moved around and an extra row at the end change nothing; a row taken out (K1.S1's) keeps its answer.
    workbook.getWorksheet('Jawaban')!.spliceRows(2, 1);
    workbook.getWorksheet('Jawaban')!.addRow([]);
    const expected = { 'K1.S1': true, 'K1.P1': 82.5, 'K1.H1': 12, 'K2.P1': 'SEBAGIAN_OPD', 'K2.H1': 40, 'K3.P1': 4, 'K4.H1': 12.5 };

    const uploaded = await upload(mine.id, await bytesOf(workbook), { 'accept-language': 'en' });
    expect([uploaded.status, uploaded.status === 200 ? null : await uploaded.text()]).toEqual([200, null]);
    const view = (await uploaded.json()) as View;
    expect(view.answers).toEqual(expected);
    expect(view.version).toBe(mine.version + 1);
    expect(view.notices).toEqual([{ code: 'ITEMS_NOT_IN_FILE', sheet: 'Jawaban', message: 'Items not in the file: 1; their answers were left as they were.' }]);

    const patched = await send('PATCH', `/submissions/${twin.id}`, { answers: expected, version: twin.version });
    expect(patched.status).toBe(200);
    expect((await current(mine.id)).answers).toEqual(expected);
    expect((await current(twin.id)).answers).toEqual((await current(mine.id)).answers);
    const mineAudits = await auditsOf(mine.id);
    const twinAudits = await auditsOf(twin.id);
    expect([mineAudits.length, twinAudits.length]).toEqual([1, 1]);
    expect(mineAudits[0].after).toEqual(twinAudits[0].after);
    expect(mineAudits[0].after).toEqual({ answers: expected, contactEmail: null });
  });

  it('refuses a workbook with three wrong cells, naming all three, and stores nothing', async () => {
    const report = await kkpReport('64.74', { 'K1.S1': true });
    const workbook = await workbookOf(report.id);
    answerCell(workbook, 'K1.P1').value = 'nihil';
    answerCell(workbook, 'K2.P1').value = 'MUNGKIN';
    answerCell(workbook, 'K3.P1').value = -5;
    answerCell(workbook, 'K1.H1').value = 7;
    const before = await rowCounts(api.database.dataSource, ['audit_entry', 'outbox_event']);

    const response = await upload(report.id, await bytesOf(workbook));
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.message).toBe('Berkas jawaban tidak dapat diterima; tidak ada yang disimpan. Perbaiki sel berikut lalu unggah lagi.');
    const [p1, k2, k3] = ['K1.P1', 'K2.P1', 'K3.P1'].map((code) => `Jawaban!E${rowOf(workbook, code)}`);
    expect(body.problems).toEqual([
      expect.objectContaining({ field: p1, problem: `${p1}: "nihil" bukan angka; tulis 0 bila nihil`, sheet: 'Jawaban', column: 'E' }),
      expect.objectContaining({ field: k2, problem: `${k2}: "MUNGKIN" bukan salah satu pilihan: SELURUH_OPD, SEBAGIAN_OPD, BELUM_ADA` }),
      expect.objectContaining({ field: k3, problem: `${k3}: -5 kurang dari 0` }),
    ]);
    expect(await rowCounts(api.database.dataSource, ['audit_entry', 'outbox_event'])).toEqual(before);
    expect(await current(report.id)).toMatchObject({ version: report.version, answers: { 'K1.S1': true } });

    const english = await upload(report.id, await bytesOf(workbook), { 'accept-language': 'en' });
    expect(((await json(english)).problems ?? [])[0].problem).toBe(`${p1}: "nihil" is not a number; enter 0 for none`);
  });

  it('refuses a workbook downloaded before someone else’s change with 409, and keeps that change', async () => {
    const report = await kkpReport('64.01', { 'K1.S1': true });
    const workbook = await workbookOf(report.id);
    expect((await send('PATCH', `/submissions/${report.id}`, { answers: { 'K1.S1': false }, version: report.version })).status).toBe(200);
    answerCell(workbook, 'K1.P1').value = 50;

    const response = await upload(report.id, await bytesOf(workbook), { 'accept-language': 'en' });
    expect(response.status).toBe(409);
    expect((await json(response)).message).toContain(`version ${report.version + 1}, not ${report.version}`);
    expect(await current(report.id)).toMatchObject({ version: report.version + 1, answers: { 'K1.S1': false } });
  });

  it('refuses a formula in an answer cell, asking for the value', async () => {
    const report = await kkpReport('64.02');
    const workbook = await workbookOf(report.id);
    answerCell(workbook, 'K3.P1').value = { formula: 'B2*0+3', result: 3 };
    const response = await upload(report.id, await bytesOf(workbook), { 'accept-language': 'en' });
    expect(response.status).toBe(400);
    const field = `Jawaban!E${rowOf(workbook, 'K3.P1')}`;
    expect((await json(response)).problems).toEqual([expect.objectContaining({ field, problem: `${field}: the cell holds a formula; type the value instead` })]);
    expect((await current(report.id)).version).toBe(report.version);
  });

  it('ignores a hidden sheet and an extra sheet, and names them', async () => {
    const report = await kkpReport('64.03');
    const workbook = await workbookOf(report.id);
    const hidden = workbook.addWorksheet('Hitungan', { state: 'hidden' });
    hidden.getCell('A1').value = 'K1.P1';
    hidden.getCell('E1').value = 'nihil';
    workbook.addWorksheet('Catatan').getCell('A1').value = 'draf';
    answerCell(workbook, 'K1.P1').value = 70;
    const response = await upload(report.id, await bytesOf(workbook));
    expect([response.status, response.status === 200 ? null : await response.text()]).toEqual([200, null]);
    const view = (await response.json()) as View;
    expect(view.answers).toEqual({ 'K1.P1': 70 });
    expect(view.notices).toEqual([
      { code: 'HIDDEN_SHEET_IGNORED', sheet: 'Hitungan', message: 'Lembar tersembunyi "Hitungan" diabaikan.' },
      { code: 'SHEET_IGNORED', sheet: 'Catatan', message: 'Lembar "Catatan" diabaikan.' },
    ]);
  });

  it('refuses a macro-enabled package, one with links to other files, data connections or embedded objects', async () => {
    const report = await kkpReport('63.01');
    const file = await bytesOf(await workbookOf(report.id));
    const entries = await entriesOf(file);
    const types = entries.get('[Content_Types].xml')!.toString('utf8');

    const macro = new Map(entries);
    macro.set('xl/vbaProject.bin', Buffer.from('not really VBA'));
    macro.set('[Content_Types].xml', Buffer.from(types.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')));
    const refusedMacro = await upload(report.id, zipOf(macro), { 'accept-language': 'en' });
    expect(refusedMacro.status).toBe(400);
    expect((await json(refusedMacro)).problems).toEqual([expect.objectContaining({ field: 'file', problem: expect.stringContaining('contains macros') })]);

    const linked = new Map(entries);
    linked.set('xl/externalLinks/externalLink1.xml', Buffer.from('<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'));
    const refusedLink = await upload(report.id, zipOf(linked), { 'accept-language': 'en' });
    expect(refusedLink.status).toBe(400);
    expect((await json(refusedLink)).problems).toEqual([expect.objectContaining({ field: 'file', problem: expect.stringContaining('links to other files') })]);

    const connected = new Map(entries);
    connected.set('xl/connections.xml', Buffer.from('<connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'));
    const queried = new Map(entries);
    queried.set('xl/queryTables/queryTable1.xml', Buffer.from('<queryTable xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'));
    for (const parts of [connected, queried]) {
      const refusedConnection = await upload(report.id, zipOf(parts), { 'accept-language': 'en' });
      expect(refusedConnection.status).toBe(400);
      expect((await json(refusedConnection)).problems).toEqual([expect.objectContaining({ field: 'file', problem: expect.stringContaining('connections to outside data') })]);
    }

    const embedded = new Map(entries);
    embedded.set('xl/embeddings/oleObject1.bin', Buffer.from('not really an OLE object'));
    const refusedEmbedded = await upload(report.id, zipOf(embedded));
    expect(refusedEmbedded.status).toBe(400);
    expect((await json(refusedEmbedded)).problems).toEqual([expect.objectContaining({ field: 'file', problem: expect.stringContaining('objek tersemat') })]);

    // The same package without those parts is taken: the refusals were about them.
    expect((await upload(report.id, zipOf(entries))).status).toBe(200);
  });

  it('puts data validation on the answer cells, locks every other cell, and protects the sheets without a password', async () => {
    const report = await kkpReport('63.02');
    const workbook = await workbookOf(report.id);
    const sheet = workbook.getWorksheet('Jawaban')!;
    expect(answerCell(workbook, 'K1.S1').dataValidation).toMatchObject({ type: 'list', formulae: ['"Ya,Tidak"'] });
    expect(answerCell(workbook, 'K2.P1').dataValidation).toMatchObject({ type: 'list', formulae: ['"SELURUH_OPD,SEBAGIAN_OPD,BELUM_ADA"'] });
    expect(answerCell(workbook, 'K1.P1').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(answerCell(workbook, 'K3.P1').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(answerCell(workbook, 'K4.P1').dataValidation).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [4000] });
    // A documents-only item has no answer cell to fill, and says where its answer goes.
    const documentsOnly = rowOf(workbook, 'K5.P1');
    expect(sheet.getCell(`E${documentsOnly}`).dataValidation).toBeUndefined();
    expect(sheet.getCell(`E${documentsOnly}`).protection?.locked).not.toBe(false);
    expect(String(sheet.getCell(`D${documentsOnly}`).value)).toContain('unggah dokumen di aplikasi');
    expect(answerCell(workbook, 'K1.S1').protection).toMatchObject({ locked: false });
    for (const column of ['A', 'B', 'C', 'D', 'F', 'G', 'H']) expect(sheet.getCell(`${column}2`).protection?.locked).not.toBe(false);
    for (const protectedSheet of workbook.worksheets) {
      const protection = (protectedSheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
      expect(protection).toMatchObject({ sheet: true });
      expect(protection.hashValue).toBeUndefined();
    }
    expect((sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection).toMatchObject({ autoFilter: true });
  });

  it('writes the instructions in English by Accept-Language, keeping the sheet names, with the submission’s identity', async () => {
    const report = await kkpReport('64.11');
    const english = await workbookOf(report.id, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(english.worksheets.map((sheet) => sheet.name)).toEqual(['Jawaban', 'Petunjuk']);
    const guide = english.getWorksheet('Petunjuk')!;
    expect(guide.getCell('A1').value).toBe('How to fill in the Jawaban sheet');
    expect(english.getWorksheet('Jawaban')!.getCell('E1').value).toBe('Answer');
    const identity = new Map<unknown, unknown>();
    guide.eachRow((row) => identity.set(row.getCell(1).value, row.getCell(2).value));
    expect(identity.get('submission_id')).toBe(report.id);
    expect(identity.get('version')).toBe(report.version);
    expect(identity.get('framework')).toBe('KKP_HAM_PERMENKUMHAM_22_2021@1');
    expect(Date.parse(String(identity.get('downloaded_at')))).not.toBeNaN();
    const indonesian = await workbookOf(report.id);
    expect(indonesian.getWorksheet('Petunjuk')!.getCell('A1').value).toBe('Petunjuk pengisian lembar Jawaban');
    // An English file uploads like an Indonesian one.
    answerCell(english, 'K1.S1').value = 'Yes';
    const response = await upload(report.id, await bytesOf(english));
    expect(((await response.json()) as View).answers).toEqual({ 'K1.S1': true });
  });

  it('refuses a workbook of another submission, naming it', async () => {
    const first = await kkpReport('63.71');
    const other = await kkpReport('64.09');
    const workbook = await workbookOf(other.id);
    const response = await upload(first.id, await bytesOf(workbook), { 'accept-language': 'en' });
    expect(response.status).toBe(400);
    expect((await json(response)).message).toBe(`This workbook was downloaded for submission ${other.id}, not submission ${first.id}; download the workbook of this submission.`);
  });

  it('answers 404 out of scope, 409 for a submitted report, 415 for another file type', async () => {
    const report = await kkpReport('63.72');
    const outsider = await createTestUser(api.database.dataSource, { email: 'koordinator@samarinda.test', roles: [{ role: 'COORDINATOR', regionCode: '64.72' }] });
    const token = await signIn(api.baseUrl, outsider.email);
    expect((await download(report.id, {}, token)).status).toBe(404);
    const file = await bytesOf(await workbookOf(report.id));
    const asOutsider = await fetch(`${api.baseUrl}/api/v1/submissions/${report.id}/workbook`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': XLSX },
      body: new Uint8Array(file),
    });
    expect(asOutsider.status).toBe(404);
    expect((await upload(report.id, file, { 'content-type': 'text/csv' })).status).toBe(415);

    expect((await send('POST', `/submissions/${report.id}/submit`, {})).status).toBe(200);
    const locked = await upload(report.id, file, { 'accept-language': 'en' });
    expect(locked.status).toBe(409);
    expect((await json(locked)).message).toContain('cannot be changed');
    // A submitted report still downloads, with nothing left to fill in.
    const readOnly = await workbookOf(report.id);
    expect(answerCell(readOnly, 'K1.S1').protection?.locked).not.toBe(false);
  });

  it('lists a RANHAM period’s measures under their action, and reads them back by measure code', async () => {
    await api.database.dataSource.query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id)
       SELECT 'RANHAM', 2024, 'RANHAM 2024', id FROM framework_version WHERE framework_code = 'RANHAM_PERPRES_53_2021' AND version = 2
       ON CONFLICT DO NOTHING`,
    );
    const created = await send('POST', '/submissions', { regionCode: '64.72', programme: 'RANHAM', periodKey: '2024-B08', answers: {} });
    expect(created.status).toBe(201);
    const report = (await created.json()) as View;
    const workbook = await workbookOf(report.id);
    const sheet = workbook.getWorksheet('Jawaban')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row, index) => index > 1 && rows.push([row.getCell(1).value, row.getCell(3).value]));
    expect(rows.slice(0, 4)).toEqual([
      ['AKSI-2024-01', null],
      ['AKSI-2024-01.B08.1', 'Ya/tidak'],
      ['AKSI-2024-02', null],
      ['AKSI-2024-02.B08.1', 'Ya/tidak'],
    ]);
    // An action's row is a heading: nothing to fill in.
    expect(sheet.getCell(`E${rowOf(workbook, 'AKSI-2024-01')}`).protection?.locked).not.toBe(false);
    answerCell(workbook, 'AKSI-2024-01.B08.1').value = 'Ya';
    answerCell(workbook, 'AKSI-2024-02.B08.1').value = 'tidak';
    const response = await upload(report.id, await bytesOf(workbook));
    expect([response.status, response.status === 200 ? null : await response.text()]).toEqual([200, null]);
    expect(((await response.json()) as View).answers).toEqual({ 'AKSI-2024-01.B08.1': true, 'AKSI-2024-02.B08.1': false });
  });

  it('refuses a body over 5 MB with 413 before reading it, and stores nothing', async () => {
    const report = await kkpReport('63.04');
    const response = await upload(report.id, Buffer.alloc(5 * 1024 * 1024 + 1, 0x50), { 'accept-language': 'en' });
    expect(response.status).toBe(413);
    expect((await json(response)).message).toBe('The answer workbook exceeds the limit of 5 MB.');
    expect((await current(report.id)).version).toBe(report.version);
  });

  it('covers only what is assigned to a unit, and names the units on the regency/city’s own report', async () => {
    const own = await kkpReport('63.03');
    const unitId = await createTestOrganisation(api.database.dataSource, { kind: 'OPD', name: 'Dinas Kesehatan Kabupaten Banjar', regionCode: '63.03' });
    await api.database.dataSource.query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id)
       SELECT 'KKP_HAM', 2026, 'KKP HAM 2026', id FROM framework_version WHERE framework_code = 'KKP_HAM_PERMENKUMHAM_22_2021' AND version = 1
       ON CONFLICT DO NOTHING`,
    );
    await api.database.dataSource.query(
      `INSERT INTO assignment (cycle_id, reporter_region_code, item_code, unit_organisation_id, lead)
       SELECT c.id, '63.03', code, $1, true FROM reporting_cycle c, unnest(ARRAY['K6.S1', 'K6.P1']) AS code
        WHERE c.programme = 'KKP_HAM' AND c.year = 2026`,
      [unitId],
    );
    const input = await kkpReport('63.03', {}, unitId);
    const workbook = await workbookOf(input.id);
    const codes: unknown[] = [];
    workbook.getWorksheet('Jawaban')!.eachRow((row, index) => index > 1 && codes.push(row.getCell(1).value));
    expect(codes).toEqual(['K6.S1', 'K6.P1']);

    // An item of the framework outside the unit's assignment is an unknown code in its file.
    const sheet = workbook.getWorksheet('Jawaban')!;
    sheet.addRow(['K1.S1', '', '', '', 'Ya']);
    const response = await upload(input.id, await bytesOf(workbook), { 'accept-language': 'en' });
    expect(response.status).toBe(400);
    expect((await json(response)).problems).toEqual([expect.objectContaining({ field: 'Jawaban!A4', problem: 'Jawaban!A4: the code "K1.S1" is not an item of this report\'s input' })]);

    // The regency/city's own report lists every item, with its units.
    const whole = await workbookOf(own.id);
    const wholeSheet = whole.getWorksheet('Jawaban')!;
    expect(wholeSheet.getCell('I1').value).toBe('Unit penanggung jawab');
    expect(wholeSheet.getCell(`I${rowOf(whole, 'K6.S1')}`).value).toBe('Dinas Kesehatan Kabupaten Banjar (utama)');
    expect(wholeSheet.getCell(`I${rowOf(whole, 'K1.S1')}`).value).toBeNull();
    expect(wholeSheet.rowCount).toBe(31);
  });
});

/** Every entry of a ZIP package, inflated. */
async function entriesOf(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await GuardedZip.open(bufferZipSource(bytes), { maxUnzippedBytes: 64 * 1024 * 1024, maxEntries: 1000, maxRatio: Number.POSITIVE_INFINITY });
  try {
    return await zip.inflate(zip.list().map((entry) => entry.name), 16 * 1024 * 1024);
  } finally {
    zip.close();
  }
}

/** A ZIP package of these entries, deflated, built by hand. */
function zipOf(entries: ReadonlyMap<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = deflateRawSync(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
