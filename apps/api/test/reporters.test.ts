import { createTestOrganisation, createTestUser, signIn } from '@peduli/testkit';
import { json, startTestApi, TestApi } from './support';

interface View {
  id: string;
  status: string;
  reviewStage: string | null;
  provinceCode: string | null;
  regionCode: string | null;
  organisationId: string | null;
  reporterLevel: string | null;
  answers: Record<string, unknown>;
  compiledFrom?: { submissionId: string; organisationId: string }[];
}

/**
 * Every RANHAM reporter level: a ministry (K/L) compiling its directorates' inputs and verified by the centre only, a
 * province compiling its OPD's inputs through its Biro Hukum and checked by its Kanwil, and who may not report at all.
 */
describe('RANHAM reporters at every level: a ministry, a province and a regency/city, each compiling its units’ inputs', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let ministry: string;
  let directorate: string;
  let biroHukum: string;
  let provinceOpd: string;
  let company: string;
  let cycleId: string;

  const send = (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${who === 'admin' ? api.adminToken : tokens[who]}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const created = async (response: Response): Promise<View> => {
    expect(response.status === 201 || response.status === 200 ? response.status : await response.text()).toBe(response.status === 201 ? 201 : 200);
    return (await response.json()) as View;
  };
  /** Submitted and past the document check (the document worker is not running here). */
  const submitChecked = async (who: string, id: string) => {
    const submitted = await send(who, 'POST', `/submissions/${id}/submit`, {});
    expect(submitted.status === 200 ? 200 : await submitted.text()).toBe(200);
    await api.database.dataSource.query(`UPDATE submission SET status = 'IN_REVIEW' WHERE id = $1`, [id]);
  };
  const approve = async (who: string, id: string, expected = 200) => {
    const response = await send(who, 'POST', `/submissions/${id}/approve`, {});
    expect(response.status === expected ? expected : await response.text()).toBe(expected);
    return response.status === 200 ? ((await response.json()) as View) : null;
  };

  beforeAll(async () => {
    api = await startTestApi();
    const db = api.database.dataSource;
    ministry = await createTestOrganisation(db, { kind: 'MINISTRY', name: 'Kementerian Kesehatan' });
    biroHukum = await createTestOrganisation(db, { kind: 'BIRO_HUKUM', name: 'Biro Hukum Setda Provinsi Kalimantan Timur', provinceCode: '64' });
    company = await createTestOrganisation(db, { kind: 'COMPANY', name: 'PT Contoh Energi Balikpapan', regionCode: '64.71' });
    // Units are created through the API: a directorate under its ministry, a province's OPD under its Biro Hukum.
    const directorateView = await created(
      await send('admin', 'POST', '/organisations', { kind: 'DIRECTORATE', name: 'Direktorat Jenderal Kesehatan Primer dan Komunitas', parentId: ministry }),
    );
    directorate = directorateView.id;
    const opdView = (await created(await send('admin', 'POST', '/organisations', { kind: 'OPD', name: 'Dinas Kesehatan Provinsi Kalimantan Timur', provinceCode: '64' }))) as unknown as {
      id: string;
      parentId: string | null;
      regionCode: string | null;
    };
    expect(opdView).toMatchObject({ parentId: biroHukum, regionCode: null });
    provinceOpd = opdView.id;
    const people: [string, Record<string, string>][] = [
      ['dirOperator', { role: 'UNIT_OPERATOR', organisationId: directorate }],
      ['dirHead', { role: 'UNIT_HEAD', organisationId: directorate }],
      ['ministryCoordinator', { role: 'COORDINATOR', organisationId: ministry }],
      ['opdOperator', { role: 'UNIT_OPERATOR', organisationId: provinceOpd }],
      ['opdHead', { role: 'UNIT_HEAD', organisationId: provinceOpd }],
      ['provinceCoordinator', { role: 'COORDINATOR', organisationId: biroHukum }],
      ['companyOperator', { role: 'UNIT_OPERATOR', organisationId: company }],
      ['kanwil', { role: 'KANWIL_VERIFIER', provinceCode: '64' }],
      ['central', { role: 'CENTRAL_VERIFIER' }],
    ];
    for (const [name, role] of people) {
      const user = await createTestUser(db, { email: `${name.toLowerCase()}@reporters.test`, roles: [role as never], organisationId: role.organisationId ?? null });
      tokens[name] = await signIn(api.baseUrl, user.email);
    }
    const [ranham] = await db.query(`SELECT id FROM framework_version WHERE programme = 'RANHAM' ORDER BY version DESC LIMIT 1`);
    const cycle = await send('admin', 'POST', '/cycles', { programme: 'RANHAM', year: 2025, label: 'RANHAM 2025', frameworkVersionId: ranham.id });
    cycleId = ((await cycle.json()) as { cycle: { id: string } }).cycle.id;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('takes a directorate’s input through its head and the ministry’s coordinator, compiles it into the ministry’s report, which goes COORDINATOR → CENTRAL without a Kanwil', async () => {
    const input = await created(
      await send('dirOperator', 'POST', '/submissions', { organisationId: directorate, programme: 'RANHAM', periodKey: '2025-B08', answers: { 'AKSI-2025-09.B08.1': true } }),
    );
    expect(input).toMatchObject({ provinceCode: null, regionCode: null, organisationId: directorate, reporterLevel: 'KL' });
    await submitChecked('dirOperator', input.id);
    expect((await approve('dirHead', input.id))?.reviewStage).toBe('COORDINATOR');
    expect(await approve('ministryCoordinator', input.id)).toMatchObject({ status: 'VERIFIED', reviewStage: null });

    // A Kanwil neither sees nor compiles for a ministry.
    expect((await send('kanwil', 'GET', `/submissions/${input.id}`)).status).toBe(404);
    expect((await send('provinceCoordinator', 'POST', '/submissions/compile', { programme: 'RANHAM', periodKey: '2025-B08', organisationId: ministry })).status).toBe(403);
    const notReporter = await send('admin', 'POST', '/submissions/compile', { programme: 'RANHAM', periodKey: '2025-B08', organisationId: directorate });
    expect(notReporter.status).toBe(400);
    expect((await json(notReporter)).message).toContain('does not compile a report');

    const report = await created(await send('ministryCoordinator', 'POST', '/submissions/compile', { programme: 'RANHAM', periodKey: '2025-B08', organisationId: ministry }));
    expect(report).toMatchObject({
      status: 'DRAFT',
      organisationId: ministry,
      provinceCode: null,
      regionCode: null,
      reporterLevel: 'KL',
      answers: { 'AKSI-2025-09.B08.1': true },
    });
    expect(report.compiledFrom?.map((source) => source.submissionId)).toEqual([input.id]);
    // One current report per reporter and period: a second create is refused, naming the one that exists.
    const second = await send('ministryCoordinator', 'POST', '/submissions', { organisationId: ministry, programme: 'RANHAM', periodKey: '2025-B08' });
    expect(second.status).toBe(409);
    expect((await json(second)).message).toContain(report.id);

    // The ministry's coordinator lists its directorate's input and its own report; the Kanwil lists neither.
    const mine = (await (await send('ministryCoordinator', 'GET', '/submissions?programme=RANHAM')).json()) as { items: View[] };
    expect(mine.items.map((item) => item.id).sort()).toEqual([input.id, report.id].sort());
    const kanwilList = (await (await send('kanwil', 'GET', '/submissions?programme=RANHAM')).json()) as { items: View[] };
    expect(kanwilList.items.map((item) => item.id)).not.toContain(report.id);

    await submitChecked('ministryCoordinator', report.id);
    expect((await (await send('ministryCoordinator', 'GET', `/submissions/${report.id}`)).json()) as View).toMatchObject({ reviewStage: 'COORDINATOR' });
    expect((await approve('ministryCoordinator', report.id))?.reviewStage).toBe('CENTRAL');
    expect((await send('kanwil', 'GET', `/submissions/${report.id}`)).status).toBe(404);
    await approve('kanwil', report.id, 404);
    expect(await approve('central', report.id)).toMatchObject({ status: 'VERIFIED', reviewStage: null });
  });

  it('compiles a province OPD’s approved input into the province’s report, which the province’s Kanwil checks', async () => {
    const input = await created(
      await send('opdOperator', 'POST', '/submissions', { organisationId: provinceOpd, programme: 'RANHAM', periodKey: '2025-B08', answers: { 'AKSI-2025-01.B08.2': true } }),
    );
    expect(input).toMatchObject({ provinceCode: '64', regionCode: null, reporterLevel: 'PROVINCE' });
    await submitChecked('opdOperator', input.id);
    await approve('opdHead', input.id);
    expect(await approve('provinceCoordinator', input.id)).toMatchObject({ status: 'VERIFIED' });

    const report = await created(await send('provinceCoordinator', 'POST', '/submissions/compile', { programme: 'RANHAM', periodKey: '2025-B08', organisationId: biroHukum }));
    expect(report).toMatchObject({ organisationId: biroHukum, provinceCode: '64', regionCode: null, reporterLevel: 'PROVINCE', answers: { 'AKSI-2025-01.B08.2': true } });
    const kanwilList = (await (await send('kanwil', 'GET', '/submissions?programme=RANHAM&provinceCode=64')).json()) as { items: View[] };
    expect(kanwilList.items.map((item) => item.id)).toEqual(expect.arrayContaining([input.id, report.id]));

    await submitChecked('provinceCoordinator', report.id);
    expect((await approve('provinceCoordinator', report.id))?.reviewStage).toBe('KANWIL');
    expect((await approve('kanwil', report.id))?.reviewStage).toBe('CENTRAL');
  });

  it('refuses RANHAM from a company (which may still give KKP HAM inputs), KKP HAM from a ministry, a body naming no reporter, and a coordinator over a unit', async () => {
    const fromCompany = await send('companyOperator', 'POST', '/submissions', { organisationId: company, programme: 'RANHAM', periodKey: '2025-B08' });
    expect(fromCompany.status).toBe(400);
    expect((await json(fromCompany)).message).toContain('An organisation of kind COMPANY does not report RANHAM');
    expect((await send('companyOperator', 'POST', '/submissions', { organisationId: company, programme: 'KKP_HAM', periodKey: '2026-TAHUNAN' })).status).toBe(201);

    const kkpFromMinistry = await send('ministryCoordinator', 'POST', '/submissions', { organisationId: ministry, programme: 'KKP_HAM', periodKey: '2026-TAHUNAN' });
    expect(kkpFromMinistry.status).toBe(400);
    expect((await json(kkpFromMinistry)).message).toContain('KKP HAM assesses regencies and cities only');
    const nobody = await send('admin', 'POST', '/submissions', { programme: 'RANHAM', periodKey: '2025-B08' });
    expect(nobody.status).toBe(400);
    expect((await json(nobody)).problems).toEqual([{ field: 'regionCode', problem: 'is required' }]);

    const orphan = await send('admin', 'POST', '/organisations', { kind: 'DIRECTORATE', name: 'Direktorat tanpa kementerian' });
    expect(orphan.status).toBe(400);
    const user = await createTestUser(api.database.dataSource, { email: 'someone@reporters.test', roles: [] });
    const overUnit = await send('admin', 'POST', `/users/${user.id}/roles`, { role: 'COORDINATOR', organisationId: directorate });
    expect(overUnit.status).toBe(400);
    expect((await json(overUnit)).message).toContain('MINISTRY or BIRO_HUKUM');
    expect((await send('admin', 'POST', `/users/${user.id}/roles`, { role: 'COORDINATOR', organisationId: ministry })).status).toBe(201);

    // The ministry's coordinator sees its directorates and their people, and no other reporter's.
    const organisations = (await (await send('ministryCoordinator', 'GET', '/organisations')).json()) as { items: { id: string; parentId: string | null }[] };
    expect(organisations.items.map((item) => [item.id, item.parentId]).sort()).toEqual([[directorate, ministry], [ministry, null]].sort());
    const users = (await (await send('ministryCoordinator', 'GET', '/users?pageSize=100')).json()) as { items: { email: string }[] };
    expect(users.items.map((item) => item.email)).toEqual(expect.arrayContaining(['dirhead@reporters.test', 'diroperator@reporters.test']));
    expect(users.items.map((item) => item.email)).not.toContain('opdoperator@reporters.test');
  });

  it('holds a ministry to its deadline in WIB, and a province to its own zone (WITA for Kalimantan Timur)', async () => {
    expect((await send('admin', 'PUT', `/cycles/${cycleId}/periods/B04`, { deadlineDate: '2025-04-30' })).status).toBe(200);
    const ministryReport = await created(await send('ministryCoordinator', 'POST', '/submissions', { organisationId: ministry, programme: 'RANHAM', periodKey: '2025-B04' }));
    const late = await send('ministryCoordinator', 'POST', `/submissions/${ministryReport.id}/submit`, {});
    expect(late.status).toBe(409);
    expect((await json(late)).message).toContain('WIB');
    const provinceReport = await created(await send('provinceCoordinator', 'POST', '/submissions', { organisationId: biroHukum, programme: 'RANHAM', periodKey: '2025-B04' }));
    const provinceLate = await send('provinceCoordinator', 'POST', `/submissions/${provinceReport.id}/submit`, {});
    expect(provinceLate.status).toBe(409);
    expect((await json(provinceLate)).message).toContain('WITA');
  });

  it('lets a ministry’s and a province’s coordinator read their units’ printed reports, as they read their submissions, and no one else', async () => {
    const printed = async (organisationId: string, provinceCode: string | null, name: string): Promise<string> => {
      const [row] = await api.database.dataSource.query(
        `INSERT INTO printed_report (kind, subject_key, source_key, province_code, region_code, organisation_id, file_name)
         VALUES ('RANHAM_PERIOD_REPORT', $1, repeat('d', 64), $2, NULL, $3, $4) RETURNING id`,
        [`submission:${organisationId}:RANHAM_PERIOD_REPORT`, provinceCode, organisationId, `Laporan RANHAM 2025-B04 - ${name}.pdf`],
      );
      return row.id as string;
    };
    const ofDirectorate = await printed(directorate, null, 'Direktorat Jenderal Kesehatan Primer dan Komunitas');
    const ofProvinceOpd = await printed(provinceOpd, '64', 'Dinas Kesehatan Provinsi Kalimantan Timur');
    const statusOf = async (who: string, id: string) => (await send(who, 'GET', `/printed-reports/${id}`)).status;
    const listed = async (who: string) => ((await (await send(who, 'GET', '/printed-reports?pageSize=100')).json()) as { items: { id: string }[] }).items.map((item) => item.id);

    // Each reporter's coordinator reads its own unit's document (before, both were 404) and lists it, and not the other.
    expect({ ministry: await statusOf('ministryCoordinator', ofDirectorate), province: await statusOf('provinceCoordinator', ofProvinceOpd) }).toEqual({ ministry: 200, province: 200 });
    expect({ ministry: await statusOf('ministryCoordinator', ofProvinceOpd), province: await statusOf('provinceCoordinator', ofDirectorate) }).toEqual({ ministry: 404, province: 404 });
    const [ministryList, provinceList] = [await listed('ministryCoordinator'), await listed('provinceCoordinator')];
    expect({ directorateForMinistry: ministryList.includes(ofDirectorate), opdForMinistry: ministryList.includes(ofProvinceOpd) }).toEqual({ directorateForMinistry: true, opdForMinistry: false });
    expect({ opdForProvince: provinceList.includes(ofProvinceOpd), directorateForProvince: provinceList.includes(ofDirectorate) }).toEqual({ opdForProvince: true, directorateForProvince: false });
    // The unit itself, and the province's Kanwil for the province's unit only; a coordinator of a unit of its own sees nothing else.
    expect([await statusOf('dirOperator', ofDirectorate), await statusOf('dirOperator', ofProvinceOpd)]).toEqual([200, 404]);
    expect([await statusOf('kanwil', ofProvinceOpd), await statusOf('kanwil', ofDirectorate)]).toEqual([200, 404]);
    expect([await statusOf('companyOperator', ofDirectorate), await statusOf('companyOperator', ofProvinceOpd)]).toEqual([404, 404]);
  });
});
