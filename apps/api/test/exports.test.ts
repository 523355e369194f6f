import { OrganisationKind, prepareSubmissionScorer, StoredFrameworkVersion } from '@peduli/domain';
import { createTestOrganisation, createTestUser, eventually, kkpAnswersAt, settledLiveMemoryBytes, signIn } from '@peduli/testkit';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { json, startTestApi, TestApi } from './support';

type Sheet = (string | number | null)[][];

/** RFC 4180, as the export writes it: quoted fields may hold commas, doubled quotes and line breaks; lines end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function csvOf(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = Buffer.from(await response.arrayBuffer());
  // The byte order mark, so that Excel reads the file as UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

async function xlsxOf(response: Response): Promise<Sheet> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets).toHaveLength(1);
  return sheetRows(workbook.worksheets[0]);
}

function sheetRows(worksheet: ExcelJS.Worksheet): Sheet {
  const width = worksheet.getRow(1).cellCount;
  const rows: Sheet = [];
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => (row.getCell(c + 1).value ?? null) as string | number | null));
  }
  return rows;
}

/** What the CSV holds for a value of the XLSX (numbers and text alike), to compare the two formats cell by cell. */
const asCsv = (sheet: Sheet): string[][] => sheet.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));

/** Two decimals, half away from zero, as the export (and the scoring code) rounds. */
const round2 = (value: number) => {
  const scaled = Number((value * 100).toPrecision(12));
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / 100 + 0;
};

describe('streamed exports of scores, the completeness matrix and the audit trail (CSV and XLSX)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let kkpCycle: string;
  let ranhamCycle: string;
  const FORMULA_NAME = '=HYPERLINK("http://contoh.test/curi","klik")';
  /** Expected KKP rows by region: total, band and each criterion's score from the real scorer. */
  const kkpExpected: Record<string, { total: number; band: string; criteria: Record<string, number>; basis: string }> = {};
  let criterionCodes: string[];
  let ranhamActionCodes: string[];
  let ranhamExpected: { total: number; substance: number; administration: number; actions: Record<string, number> };

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    tokens.admin = api.adminToken;
    // A unit with a formula-like name, which the completeness exports must neutralise.
    await createTestOrganisation(db, { kind: 'OPD', name: FORMULA_NAME, regionCode: '64.71' });
    await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Sosial, Kota "Balikpapan"', regionCode: '64.71' });
    const people: [string, Record<string, string>][] = [
      ['balikpapan', { role: 'COORDINATOR', regionCode: '64.71' }],
      ['jayapura', { role: 'COORDINATOR', regionCode: '91.71' }],
      ['kanwil', { role: 'KANWIL_VERIFIER', provinceCode: '64' }],
    ];
    for (const [name, role] of people) {
      const user = await createTestUser(db, { email: `${name}@ekspor.test`, roles: [role as never] });
      tokens[name] = await signIn(api.baseUrl, user.email);
    }

    const versions: (StoredFrameworkVersion & { id: string })[] = (
      await db.query(`SELECT id, programme, framework_code, version, status, label, content FROM framework_version WHERE version = 1`)
    ).map((row: Record<string, unknown>) => ({ ...row, frameworkCode: row.framework_code }));
    const kkp = versions.find((v) => v.programme === 'KKP_HAM')!;
    const ranham = versions.find((v) => v.programme === 'RANHAM')!;
    const kkpContent = kkp.content as unknown as { criteria: { code: string }[]; indicators: never[] };
    criterionCodes = kkpContent.criteria.map((c) => c.code);
    ranhamActionCodes = (ranham.content as unknown as { actions: { code: string; year: number }[] }).actions.filter((a) => a.year === 2025).map((a) => a.code);

    const open = async (programme: string, year: number, versionId: string) => {
      const response = await send('admin', `/cycles`, { method: 'POST', body: { programme, year, label: `${programme} ${year}`, frameworkVersionId: versionId } });
      expect(response.status).toBe(201);
      return ((await response.json()) as { cycle: { id: string } }).cycle.id;
    };
    kkpCycle = await open('KKP_HAM', 2026, kkp.id);
    ranhamCycle = await open('RANHAM', 2025, ranham.id);

    /** A submission scored by the real scorer; `older` answers leave an earlier snapshot behind that is no longer current. */
    const scored = async (
      version: StoredFrameworkVersion & { id: string },
      subject: { regionCode: string; organisationId?: string; periodKey: string; answers: Record<string, unknown>; status?: string; kind?: OrganisationKind },
      older?: Record<string, unknown>,
    ) => {
      const score = prepareSubmissionScorer(version);
      const [{ id }] = await db.query(
        `INSERT INTO submission (region_code, organisation_id, programme, period_key, status, answers, submit_count, version)
         VALUES ($1, $2, $3, $4, $5, $6, 1, 1) RETURNING id`,
        [subject.regionCode, subject.organisationId ?? null, version.programme, subject.periodKey, subject.status ?? 'VERIFIED', JSON.stringify(subject.answers)],
      );
      const snapshot = async (answers: Record<string, unknown>) => {
        const result = score({ programme: version.programme, periodKey: subject.periodKey, answers: answers as never, organisationKind: subject.kind ?? null });
        const [row] = await db.query(
          `INSERT INTO score_snapshot (submission_id, region_code, organisation_id, period_key, framework_version, framework_version_id, basis, input_hash, total, band, breakdown)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [id, subject.regionCode, subject.organisationId ?? null, subject.periodKey, result.frameworkStamp, version.id, result.basis, result.inputHash, result.total, result.band, JSON.stringify(result.breakdown)],
        );
        return { id: row.id as string, result };
      };
      if (older) await snapshot(older);
      const current = await snapshot(subject.answers);
      await db.query(`UPDATE submission SET current_snapshot_id = $2 WHERE id = $1`, [id, current.id]);
      return current.result;
    };

    const kkpSubjects: [string, number][] = [
      ['64.71', 1],
      ['64.72', 0.6],
      ['91.71', 0.3],
    ];
    for (const [regionCode, quality] of kkpSubjects) {
      const answers = { ...kkpAnswersAt(kkpContent as never, quality), ...(regionCode === '64.71' ? { 'K1.S1': false } : {}) };
      const result = await scored(kkp, { regionCode, periodKey: '2026-TAHUNAN', answers }, regionCode === '64.71' ? kkpAnswersAt(kkpContent as never, 0) : undefined);
      const criteria = Object.fromEntries((result.breakdown.criteria as { code: string; score: number }[]).map((c) => [c.code, round2(c.score)]));
      kkpExpected[regionCode] = { total: result.total, band: result.band, criteria, basis: result.basis };
    }
    // Not subjects of the 2026 cycle: a draft, and a score of another year.
    await scored(kkp, { regionCode: '64.74', periodKey: '2026-TAHUNAN', answers: kkpAnswersAt(kkpContent as never, 1), status: 'DRAFT' });
    await scored(kkp, { regionCode: '64.71', periodKey: '2025-TAHUNAN', answers: kkpAnswersAt(kkpContent as never, 1) });

    const ranhamAnswers = { [ranhamActionCodes[0]]: true, [ranhamActionCodes[1]]: 40 };
    // Only a reporter's own report is scored: the city's, filed here by its Bagian Hukum under a formula-like name.
    const formulaReporter = await createTestOrganisation(db, { kind: 'BAGIAN_HUKUM', name: FORMULA_NAME, regionCode: '64.71' });
    const ranhamResult = await scored(ranham, { regionCode: '64.71', organisationId: formulaReporter, periodKey: '2025-B04', answers: ranhamAnswers, kind: OrganisationKind.BAGIAN_HUKUM });
    ranhamExpected = {
      total: ranhamResult.total,
      substance: round2(ranhamResult.breakdown.substance as number),
      administration: round2(ranhamResult.breakdown.administration as number),
      actions: Object.fromEntries((ranhamResult.breakdown.actions as { code: string; achievement: number }[]).map((a) => [a.code, a.achievement])),
    };
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  function send(who: string, path: string, options: { method?: string; body?: unknown; language?: string } = {}) {
    return fetch(`${api.baseUrl}/api/v1${path}`, {
      method: options.method ?? 'GET',
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.language ? { 'accept-language': options.language } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  }

  const SCORE_HEADERS_ID = ['Kode Wilayah', 'Nama Wilayah', 'Organisasi', 'Periode', 'Versi Kerangka', 'Dasar Penilaian', 'Total', 'Kategori'];
  const SCORE_HEADERS_EN = ['Region Code', 'Region Name', 'Organisation', 'Period', 'Framework Version', 'Basis', 'Total', 'Band'];
  const kkpRow = (regionCode: string, regionName: string) => {
    const expected = kkpExpected[regionCode];
    return [regionCode, regionName, null, '2026-TAHUNAN', 'KKP_HAM_PERMENKUMHAM_22_2021@1', expected.basis, expected.total, expected.band, ...criterionCodes.map((code) => expected.criteria[code])];
  };

  describe('scores', () => {
    let regionNames: Record<string, string>;
    beforeAll(async () => {
      const rows: { code: string; name: string }[] = await api.database.dataSource.query(`SELECT code, name FROM region WHERE code IN ('64.71', '64.72', '91.71')`);
      regionNames = Object.fromEntries(rows.map((row) => [row.code, row.name]));
    });

    it('as XLSX: one row per current score of the cycle, a column per criterion, Indonesian headers by default', async () => {
      const response = await send('admin', `/exports/scores?cycleId=${kkpCycle}&format=xlsx`);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="nilai-kkp_ham-2026.xlsx"');
      const sheet = await xlsxOf(response);
      expect(sheet[0]).toEqual([...SCORE_HEADERS_ID, ...criterionCodes]);
      expect(criterionCodes).toHaveLength(10);
      // Only the current snapshot of each subject: not the older one of 64.71, not the draft, not 2025.
      expect(sheet.slice(1)).toEqual(['64.71', '64.72', '91.71'].map((code) => kkpRow(code, regionNames[code])));
      expect(kkpExpected['64.71'].criteria.K1).toBeLessThan(100);
      expect(kkpExpected['64.71'].criteria.K2).toBe(100);
    });

    it('as CSV: the same cells, English headers with Accept-Language: en', async () => {
      const response = await send('admin', `/exports/scores?cycleId=${kkpCycle}&format=csv`, { language: 'en' });
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="scores-kkp_ham-2026.csv"');
      const rows = await csvOf(response);
      expect(rows[0]).toEqual([...SCORE_HEADERS_EN, ...criterionCodes]);
      expect(rows.slice(1)).toEqual(asCsv(['64.71', '64.72', '91.71'].map((code) => kkpRow(code, regionNames[code]))));
    });

    it('a RANHAM cycle has components and actions as columns; a formula-like unit name is neutralised in both formats', async () => {
      const expectedRow = [
        '64.71',
        regionNames['64.71'],
        `'${FORMULA_NAME}`,
        '2025-B04',
        expect.stringMatching(/@1$/),
        'SELF_ASSESSED',
        ranhamExpected.total,
        expect.any(String),
        ranhamExpected.substance,
        ranhamExpected.administration,
        // An action this unit's level does not report has no figure.
        ...ranhamActionCodes.map((code) => ranhamExpected.actions[code] ?? null),
      ];
      const sheet = await xlsxOf(await send('admin', `/exports/scores?cycleId=${ranhamCycle}&format=xlsx`));
      expect(sheet[0]).toEqual([...SCORE_HEADERS_ID, 'Substansi', 'Administrasi', ...ranhamActionCodes]);
      expect(sheet.slice(1)).toEqual([expectedRow]);
      expect(ranhamExpected.actions[ranhamActionCodes[1]]).toBe(40);
      const csv = await csvOf(await send('admin', `/exports/scores?cycleId=${ranhamCycle}&format=csv`, { language: 'en' }));
      expect(csv[0].slice(-ranhamActionCodes.length - 2, -ranhamActionCodes.length)).toEqual(['Substance', 'Administration']);
      expect(csv[1][2]).toBe(`'${FORMULA_NAME}`);
      expect(csv[1].slice(-ranhamActionCodes.length)).toEqual(ranhamActionCodes.map((code) => String(ranhamExpected.actions[code] ?? '')));
    });

    it('keeps a coordinator to its regency: its rows only, and 404 for another region or province', async () => {
      const own = await csvOf(await send('balikpapan', `/exports/scores?cycleId=${kkpCycle}&format=csv`));
      expect(own.slice(1).map((row) => row[0])).toEqual(['64.71']);
      const foreign = await send('balikpapan', `/exports/scores?cycleId=${kkpCycle}&format=csv&regionCode=91.71`);
      expect(foreign.status).toBe(404);
      expect(foreign.headers.get('content-type')).toContain('application/json');
      expect((await json(foreign)).message).toBe('Kabupaten/kota dengan kode 91.71 tidak ditemukan dalam cakupan akses Anda.');
      const province = await send('balikpapan', `/exports/scores?cycleId=${kkpCycle}&format=xlsx&provinceCode=91`, { language: 'en' });
      expect(province.status).toBe(404);
      expect((await json(province)).message).toBe('No province with code 91 was found within your access.');
      // A regency that does not exist reads the same as one out of reach.
      expect((await send('admin', `/exports/scores?cycleId=${kkpCycle}&format=csv&regionCode=99.99`)).status).toBe(404);
      // The Kanwil of province 64 narrows to one of its regencies.
      const kanwil = await csvOf(await send('kanwil', `/exports/scores?cycleId=${kkpCycle}&format=csv&regionCode=64.72`));
      expect(kanwil.slice(1).map((row) => row[0])).toEqual(['64.72']);
      // Nothing to export in scope: the headers alone, in either format.
      expect(await csvOf(await send('jayapura', `/exports/scores?cycleId=${ranhamCycle}&format=csv`))).toEqual([[...SCORE_HEADERS_ID, 'Substansi', 'Administrasi', ...ranhamActionCodes]]);
      expect(await xlsxOf(await send('jayapura', `/exports/scores?cycleId=${ranhamCycle}&format=xlsx`))).toHaveLength(1);
      const unknownCycle = await send('admin', `/exports/scores?cycleId=6f1c1d52-4c1e-4b57-9a43-2d2b1c1e0a11&format=csv`, { language: 'en' });
      expect(unknownCycle.status).toBe(404);
      expect((await json(unknownCycle)).message).toBe('Cycle 6f1c1d52-4c1e-4b57-9a43-2d2b1c1e0a11 was not found.');
    });

    it('refuses bad parameters with 400 naming each field', async () => {
      const fields = async (path: string, who = 'admin') => {
        const response = await send(who, path, { language: 'en' });
        expect(response.status).toBe(400);
        return ((await json(response)).problems ?? []).map((p) => p.field).sort();
      };
      expect(await fields(`/exports/scores?cycleId=${kkpCycle}&format=pdf`)).toEqual(['format']);
      expect(await fields(`/exports/scores?cycleId=${kkpCycle}`)).toEqual(['format']);
      expect(await fields(`/exports/scores?cycleId=nope&format=csv&regionCode=6471`)).toEqual(['cycleId', 'regionCode']);
      expect(await fields(`/exports/scores?cycleId=${kkpCycle}&format=csv&page=2`)).toEqual(['page']);
      const problem = await send('admin', `/exports/scores?cycleId=${kkpCycle}&format=pdf`);
      expect((await json(problem)).problems).toEqual([{ field: 'format', problem: 'harus salah satu dari: csv, xlsx' }]);
    });
  });

  describe('completeness', () => {
    interface Unit {
      regionCode: string | null;
      regionName: string | null;
      organisationId: string | null;
      organisationName: string | null;
      status: string;
      late: boolean;
      reviewStage: string | null;
      submissionId: string | null;
    }
    const matrix = async (who: string, query: string) => {
      const response = await send(who, `/completeness?${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { units: Unit[] }).units;
    };
    const asRows = (units: Unit[], yes: string, no: string) =>
      units.map((unit) => [
        unit.regionCode ?? '',
        unit.regionName ?? '',
        unit.organisationId ?? '',
        unit.organisationName === null ? '' : unit.organisationName.startsWith('=') ? `'${unit.organisationName}` : unit.organisationName,
        unit.status,
        unit.late ? yes : no,
        unit.reviewStage ?? '',
        unit.submissionId ?? '',
      ]);

    it('as CSV: exactly the rows of GET /completeness, in its order, for the whole country', async () => {
      // Paser's report waits for the centre's verification: the review stage column says so.
      await api.database.dataSource.query(
        `INSERT INTO submission (region_code, province_code, programme, period_key, status, review_stage, answers, submit_count, version, own_report)
         VALUES ('64.01', '64', 'KKP_HAM', '2026-TAHUNAN', 'IN_REVIEW', 'CENTRAL', '{}', 1, 1, true)`,
      );
      const units = await matrix('admin', `cycleId=${kkpCycle}&periodCode=TAHUNAN`);
      expect(units.length).toBeGreaterThan(500);
      const rows = await csvOf(await send('admin', `/exports/completeness?cycleId=${kkpCycle}&periodCode=TAHUNAN&format=csv`));
      expect(rows[0]).toEqual(['Kode Wilayah', 'Nama Wilayah', 'ID Organisasi', 'Nama Organisasi', 'Status', 'Terlambat', 'Tahap Pemeriksaan', 'ID Laporan']);
      expect(rows.slice(1)).toEqual(asRows(units, 'Ya', 'Tidak'));
      expect(rows.slice(1).filter((row) => row[6] !== '').map((row) => [row[0], row[2], row[4], row[6]])).toEqual([['64.01', '', 'SUBMITTED', 'CENTRAL']]);
      expect(rows.filter((row) => row[4] === 'VERIFIED').map((row) => row[0])).toEqual(['64.71', '64.72', '91.71']);
      // The quotes and comma of a unit's name survive the round trip.
      expect(rows.some((row) => row[3] === 'Dinas Sosial, Kota "Balikpapan"')).toBe(true);
    });

    it('as XLSX for a coordinator: only its regency’s units, English on request; 404 for another regency', async () => {
      const units = await matrix('balikpapan', `cycleId=${kkpCycle}&periodCode=TAHUNAN`);
      expect(new Set(units.map((unit) => unit.regionCode))).toEqual(new Set(['64.71']));
      const response = await send('balikpapan', `/exports/completeness?cycleId=${kkpCycle}&periodCode=TAHUNAN&format=xlsx`, { language: 'en' });
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="completeness-kkp_ham-2026-TAHUNAN.xlsx"');
      const sheet = await xlsxOf(response);
      expect(sheet[0]).toEqual(['Region Code', 'Region Name', 'Organisation ID', 'Organisation Name', 'Status', 'Late', 'Review Stage', 'Submission ID']);
      expect(asCsv(sheet.slice(1))).toEqual(asRows(units, 'Yes', 'No'));
      expect(sheet.slice(1).map((row) => row[3])).toContain(`'${FORMULA_NAME}`);

      expect((await send('balikpapan', `/exports/completeness?cycleId=${kkpCycle}&periodCode=TAHUNAN&format=csv&regionCode=91.71`)).status).toBe(404);
      expect((await send('jayapura', `/exports/completeness?cycleId=${kkpCycle}&periodCode=TAHUNAN&format=csv&provinceCode=64`)).status).toBe(404);
      const narrowed = await csvOf(await send('kanwil', `/exports/completeness?cycleId=${kkpCycle}&periodCode=TAHUNAN&format=csv&regionCode=64.72`));
      expect(narrowed.slice(1)).toEqual(asRows(await matrix('kanwil', `cycleId=${kkpCycle}&periodCode=TAHUNAN&regionCode=64.72`), 'Ya', 'Tidak'));
      const bad = await send('balikpapan', `/exports/completeness?cycleId=${kkpCycle}&periodCode=b08&format=csv`, { language: 'en' });
      expect(bad.status).toBe(400);
      expect((await json(bad)).problems).toEqual([{ field: 'periodCode', problem: 'has the wrong format; example: B08' }]);
    });

    it('for a ministry: its own report and its directorates, for the admin; 404 for a Kanwil, which does not oversee ministries', async () => {
      const db = api.database.dataSource;
      const ministry = await createTestOrganisation(db, { kind: 'MINISTRY', name: 'Kementerian Ekspor' });
      await db.query(`INSERT INTO organisation (kind, name, parent_id) VALUES ('DIRECTORATE', 'Direktorat Ekspor', $1)`, [ministry]);
      const query = `cycleId=${kkpCycle}&periodCode=TAHUNAN&organisationId=${ministry}`;
      const units = await matrix('admin', query);
      expect(units.map((unit) => unit.organisationName)).toEqual(['Kementerian Ekspor', 'Direktorat Ekspor']);
      const response = await send('admin', `/exports/completeness?${query}&format=csv`);
      expect(response.headers.get('content-disposition')).toContain(`kelengkapan-kkp_ham-2026-TAHUNAN-${ministry}.csv`);
      expect((await csvOf(response)).slice(1)).toEqual(asRows(units, 'Ya', 'Tidak'));
      expect((await send('kanwil', `/exports/completeness?${query}&format=csv`)).status).toBe(404);
    });
  });

  describe('audit trail', () => {
    const window = 'from=2024-06-01T00:00:00Z&to=2024-06-30T23:59:59Z';
    beforeAll(async () => {
      await api.database.dataSource.query(
        `INSERT INTO audit_entry (occurred_at, actor_type, actor_id, action, entity_type, entity_id, province_code, region_code, reason, after)
         VALUES ('2024-06-02T01:00:00Z', 'USER', 'u1', 'submission.returned', 'submission', 's1', '64', '64.71', 'Data dukung, "belum" lengkap' || chr(10) || 'baris kedua', '{"status": "RETURNED"}'),
                ('2024-06-03T01:00:00Z', 'USER', 'u2', 'submission.verified', 'submission', 's2', '91', '91.71', NULL, NULL),
                ('2024-06-04T01:00:00Z', 'USER', 'u3', 'organisation.created', 'organisation', 'o1', '64', '64.72', '@SUM(1+1)*cmd|'' /C calc''!A0', NULL),
                ('2024-07-01T01:00:00Z', 'USER', 'u4', 'submission.verified', 'submission', 's3', '64', '64.71', NULL, NULL)`,
      );
    });

    it('as CSV and XLSX: entries between the instants, oldest first, with line breaks, quotes and formulas made safe', async () => {
      const rows = await csvOf(await send('admin', `/exports/audit?${window}&format=csv`));
      expect(rows[0]).toEqual(['ID', 'Waktu (UTC)', 'Jenis Pelaku', 'ID Pelaku', 'Tindakan', 'Jenis Entitas', 'ID Entitas', 'Kode Provinsi', 'Kode Wilayah', 'Alasan', 'ID Permintaan', 'Sebelum', 'Sesudah']);
      expect(rows.slice(1).map((row) => [row[1], row[3], row[9], row[12]])).toEqual([
        ['2024-06-02T01:00:00.000Z', 'u1', 'Data dukung, "belum" lengkap\nbaris kedua', '{"status": "RETURNED"}'],
        ['2024-06-03T01:00:00.000Z', 'u2', '', ''],
        ['2024-06-04T01:00:00.000Z', 'u3', "'@SUM(1+1)*cmd|' /C calc'!A0", ''],
      ]);
      const sheet = await xlsxOf(await send('admin', `/exports/audit?${window}&format=xlsx`, { language: 'en' }));
      expect(sheet[0]?.slice(0, 5)).toEqual(['ID', 'Time (UTC)', 'Actor Type', 'Actor ID', 'Action']);
      expect(asCsv(sheet.slice(1))).toEqual(rows.slice(1));
      expect(typeof sheet[1][0]).toBe('number');
    });

    it('keeps a Kanwil to its province, filters by entity type, 404 for another province’s regency, 403 without the permission', async () => {
      const rows = await csvOf(await send('kanwil', `/exports/audit?${window}&format=csv`));
      expect(rows.slice(1).map((row) => row[8])).toEqual(['64.71', '64.72']);
      const organisations = await csvOf(await send('kanwil', `/exports/audit?${window}&format=csv&entityType=organisation`));
      expect(organisations.slice(1).map((row) => row[4])).toEqual(['organisation.created']);
      const narrowed = await csvOf(await send('kanwil', `/exports/audit?${window}&format=csv&regionCode=64.72`));
      expect(narrowed).toHaveLength(2);
      expect((await send('kanwil', `/exports/audit?${window}&format=csv&regionCode=91.71`)).status).toBe(404);
      expect((await send('balikpapan', `/exports/audit?${window}&format=csv`)).status).toBe(403);
    });

    it('refuses a reversed range, an impossible date and an instant without its offset, naming the field', async () => {
      const problems = async (query: string) => {
        const response = await send('admin', `/exports/audit?${query}&format=csv`, { language: 'en' });
        expect(response.status).toBe(400);
        return (await json(response)).problems;
      };
      expect(await problems('from=2024-07-01T00:00:00Z&to=2024-06-01T00:00:00Z')).toEqual([{ field: 'to', problem: 'must be at or after from (2024-07-01T00:00:00Z)' }]);
      expect((await problems('from=2024-02-30T00:00:00Z&to=2024-06-01T00:00:00Z'))?.map((p) => p.field)).toEqual(['from']);
      expect((await problems('from=2024-06-01T00:00:00&to=2024-06-01'))?.map((p) => p.field)).toEqual(['from', 'to']);
      expect((await problems('to=2024-06-01T00:00:00Z'))?.map((p) => p.field)).toEqual(['from']);
    });
  });

  describe('a large export', () => {
    const ROWS = 20_000;
    const window = 'from=2020-03-01T00:00:00Z&to=2020-03-31T00:00:00Z';
    let firstId: number;
    let lastId: number;
    /** What the rows weigh as text: their JSON alone, a little less than the CSV. */
    let dataBytes: number;

    beforeAll(async () => {
      // About 1 kB of varied (poorly compressible) text per entry: some 21 MB of CSV in all.
      const [range] = await api.database.dataSource.query(
        `WITH inserted AS (
           INSERT INTO audit_entry (occurred_at, actor_type, action, entity_type, entity_id, province_code, region_code, after)
           SELECT '2020-03-01T00:00:00Z'::timestamptz + g * interval '1 second', 'SYSTEM', 'bench.generated', 'bench', g::text, '64', '64.71',
                  jsonb_build_object('n', g, 'note', (SELECT string_agg(md5(g::text || '-' || i), '') FROM generate_series(1, 30) i))
             FROM generate_series(1, ${ROWS}) g
           RETURNING id, after)
         SELECT min(id)::int AS first, max(id)::int AS last, count(*)::int AS n, sum(octet_length(after::text))::int AS bytes FROM inserted`,
      );
      expect(range.n).toBe(ROWS);
      ({ first: firstId, last: lastId, bytes: dataBytes } = range);
      expect(dataBytes).toBeGreaterThan(19_000_000);
      // As autovacuum would after such a load, so the planner knows the window is large (and walks the time index).
      await api.database.dataSource.query(`ANALYZE audit_entry`);
    }, 60_000);

    /**
     * startTestApi runs the API in this very process, so the server's memory is this process's memory. Measuring at the
     * end of a download says nothing (whatever was held has been let go by then), and sampling the peak mostly measures
     * garbage not yet collected. Instead the client stops reading after 1 MB: the server fills the socket buffers and
     * must then wait for 'drain'. At that moment the memory still live (JS heap plus Buffers, after full collections:
     * settledLiveMemoryBytes) beyond what it was before the request is what the export holds. A server that read every
     * row first, or kept writing whatever the client's pace, holds most of the data set then: 11 to 17 MB and more when
     * this was checked by breaking the code on purpose (reading all rows in one query; ignoring 'drain' for CSV;
     * ignoring the zip's own buffers for XLSX). The streaming code holds about one batch, 1.4 to 1.7 MB. The bound is a
     * quarter of the data set, some 5 MB. A small export of the same format runs first, so that loading and compiling
     * code paths are not counted.
     */
    async function download(format: 'csv' | 'xlsx', keep: boolean) {
      const warmUp = await send('admin', `/exports/audit?from=2020-03-01T00:00:00Z&to=2020-03-01T00:01:00Z&format=${format}`);
      expect(warmUp.status).toBe(200);
      await warmUp.arrayBuffer();
      const before = await settledLiveMemoryBytes();
      const response = await send('admin', `/exports/audit?${window}&format=${format}`);
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const kept: Buffer[] = [];
      let received = 0;
      let lineBreaks = 0;
      let head = Buffer.alloc(0);
      let tail = Buffer.alloc(0);
      const take = (chunk: Uint8Array) => {
        received += chunk.byteLength;
        // A copy of exactly the chunk's size: a view may hold on to a larger buffer, which would be counted as the server's.
        if (keep) kept.push(Buffer.from(chunk));
        else {
          for (const byte of chunk) if (byte === 0x0a) lineBreaks++;
          if (head.length < 4096) head = Buffer.concat([head, chunk]).subarray(0, 4096);
          tail = Buffer.from(Buffer.concat([tail, chunk]).subarray(-4096));
        }
      };
      while (received < 1_000_000) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the export ended before the client paused');
        take(value);
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // What the client itself keeps of the XLSX so far is not the server's.
      const held = (await settledLiveMemoryBytes()) - before - (keep ? received : 0);
      const receivedAtPause = received;
      for (let next = await reader.read(); !next.done; next = await reader.read()) take(next.value);
      const lines = (buffer: Buffer) => buffer.toString('utf8').split('\r\n');
      return { held, receivedAtPause, received, lineBreaks, firstLines: lines(head), lastLines: lines(tail), body: keep ? Buffer.concat(kept) : null };
    }

    it('CSV arrives whole, while the server holds a small fraction of it', async () => {
      const result = await download('csv', false);
      expect(result.received).toBeGreaterThan(dataBytes);
      expect(result.receivedAtPause).toBeLessThan(result.received / 4);
      expect(result.lineBreaks).toBe(ROWS + 1);
      expect(result.firstLines[1].startsWith(`${firstId},2020-03-01T00:00:01.000Z,SYSTEM,,bench.generated,bench,1,64,64.71,,,,"{""n"": 1, `)).toBe(true);
      expect(result.lastLines.at(-1)).toBe('');
      expect(result.lastLines.at(-2)!.startsWith(`${lastId},2020-03-01T05:33:20.000Z,SYSTEM,,bench.generated,bench,${ROWS},64,64.71,,,,"{""n"": ${ROWS}, `)).toBe(true);
      expect(result.held).toBeLessThan(dataBytes / 4);
    }, 120_000);

    it('stops reading rows when the client leaves half-way, and keeps serving others', async () => {
      const dataSource = api.app.get(DataSource);
      let batches = 0;
      const query = dataSource.query.bind(dataSource);
      const spy = jest.spyOn(dataSource, 'query').mockImplementation((sql, ...rest) => {
        if (sql.includes('FROM audit_entry a')) batches++;
        return query(sql, ...rest);
      });
      try {
        for (const format of ['csv', 'xlsx']) {
          const controller = new AbortController();
          const response = await fetch(`${api.baseUrl}/api/v1/exports/audit?${window}&format=${format}`, {
            headers: { authorization: `Bearer ${api.adminToken}` },
            signal: controller.signal,
          });
          const reader = response.body!.getReader();
          let received = 0;
          while (received < 200_000) received += (await reader.read()).value!.byteLength;
          controller.abort();
          // The server notices the closed socket at its next write; on a busy machine that can take a while, so wait
          // until no batch has been read for half a second, then check that none is read for a second more.
          const afterLeaving = await eventually('the export stops reading once the client has left', async () => {
            const seen = batches;
            await new Promise((resolve) => setTimeout(resolve, 500));
            return batches === seen ? seen : undefined;
          });
          await new Promise((resolve) => setTimeout(resolve, 1000));
          expect(batches).toBe(afterLeaving);
          // 100 batches make the whole export; the server read only what the socket could take before the client left.
          expect(afterLeaving).toBeLessThan(100);
          batches = 0;
        }
      } finally {
        spy.mockRestore();
      }
      expect((await send('admin', `/exports/audit?from=2020-03-01T00:00:00Z&to=2020-03-01T00:01:00Z&format=csv`)).status).toBe(200);
    }, 60_000);

    it('XLSX arrives whole and parses back, while the server holds a small fraction of it', async () => {
      const result = await download('xlsx', true);
      expect(result.receivedAtPause).toBeLessThan(result.received / 4);
      expect(result.held).toBeLessThan(dataBytes / 4);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(result.body as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0];
      expect(sheet.rowCount).toBe(ROWS + 1);
      expect(sheet.getRow(2).getCell(1).value).toBe(firstId);
      expect(sheet.getRow(ROWS + 1).getCell(1).value).toBe(lastId);
      expect(sheet.getRow(ROWS + 1).getCell(2).value).toBe('2020-03-01T05:33:20.000Z');
      expect(JSON.parse(String(sheet.getRow(ROWS + 1).getCell(13).value))).toMatchObject({ n: ROWS });
    }, 180_000);
  });
});
