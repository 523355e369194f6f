import { createDatabaseFromTemplate, TestDatabase } from '@peduli/devservices';
import { DataSource } from 'typeorm';
import { createDataSource } from '../src';
import { OneCurrentKkpSubmission1795900650000 } from '../src/migrations/1795900650000-OneCurrentKkpSubmission';
import { ReportersAtEveryLevel1795901100000 } from '../src/migrations/1795901100000-ReportersAtEveryLevel';
import { SubmissionPlaceDerived1795901100001 } from '../src/migrations/1795901100001-SubmissionPlaceDerived';
import { seededTemplate } from './seeded-template';

/**
 * A regency/city has one current regency/city-level KKP HAM submission per year: the database refuses a second, and
 * the migration that brought the rule in settled the duplicates stored before it (a scores export once listed 9 rows
 * for one city and year).
 */
describe('one current regency/city-level KKP HAM submission per regency/city and year', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const migration = new OneCurrentKkpSubmission1795900650000();

  beforeAll(async () => {
    database = await createDatabaseFromTemplate('db_seeded', seededTemplate);
    dataSource = await createDataSource({ url: database.url }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const insert = (region: string, periodKey: string, options: { programme?: string; organisationId?: string | null; createdAt?: string } = {}) =>
    dataSource
      .query(
        `INSERT INTO submission (region_code, organisation_id, programme, period_key, version, created_at) VALUES ($1, $2, $3, $4, 1, COALESCE($5::timestamptz, now())) RETURNING id`,
        [region, options.organisationId ?? null, options.programme ?? 'KKP_HAM', periodKey, options.createdAt ?? null],
      )
      .then((rows: { id: string }[]) => rows[0].id);

  it('refuses a second one, and allows another year and a unit’s own; a RANHAM reporter has one current report per period too', async () => {
    await insert('64.71', '2030-TAHUNAN');
    await expect(insert('64.71', '2030-TAHUNAN')).rejects.toMatchObject({ code: '23505', constraint: 'submission_kkp_region_current_uq' });
    await insert('64.71', '2031-TAHUNAN');
    await insert('64.72', '2030-TAHUNAN');
    const [{ id: unit }] = await dataSource.query(`INSERT INTO organisation (kind, name, region_code) VALUES ('OPD', 'Dinas Sosial', '64.71') RETURNING id`);
    await insert('64.71', '2030-TAHUNAN', { organisationId: unit });
    await insert('64.71', '2030-TAHUNAN', { organisationId: unit });
    await insert('64.71', '2030-B04', { programme: 'RANHAM' });
    await expect(insert('64.71', '2030-B04', { programme: 'RANHAM' })).rejects.toMatchObject({ code: '23505', constraint: 'submission_ranham_reporter_current_uq' });
    await insert('64.71', '2030-B04', { programme: 'RANHAM', organisationId: unit });
    await insert('64.71', '2030-B04', { programme: 'RANHAM', organisationId: unit });
  });

  it('the migration keeps the newest of stored duplicates current, and supersedes the others with an audit row each, deleting nothing', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      // The schema as it was before the rule, and duplicates as they were stored then.
      await migration.down(runner);
      const oldest = await insert('91.71', '2029-TAHUNAN', { createdAt: '2029-01-10T00:00:00Z' });
      const middle = await insert('91.71', '2029-TAHUNAN', { createdAt: '2029-02-10T00:00:00Z' });
      const newest = await insert('91.71', '2029-TAHUNAN', { createdAt: '2029-03-10T00:00:00Z' });
      const alone = await insert('64.72', '2029-TAHUNAN', { createdAt: '2029-01-20T00:00:00Z' });
      const [{ id: versionId, version }] = await dataSource.query(`SELECT id, framework_code || '@' || version AS version FROM framework_version WHERE programme = 'KKP_HAM' LIMIT 1`);
      const snapshotOf = async (submissionId: string, total: number) => {
        const [{ id }] = await dataSource.query(
          `INSERT INTO score_snapshot (submission_id, region_code, period_key, framework_version, framework_version_id, basis, input_hash, total, band, breakdown)
           VALUES ($1, '91.71', '2029-TAHUNAN', $2, $3, 'SELF_ASSESSED', repeat('b', 64), $4, 'PEDULI', '{}') RETURNING id`,
          [submissionId, version, versionId, total],
        );
        await dataSource.query(`UPDATE submission SET current_snapshot_id = $2 WHERE id = $1`, [submissionId, id]);
        return id as string;
      };
      const oldSnapshot = await snapshotOf(oldest, 40);
      const newSnapshot = await snapshotOf(newest, 80);

      await migration.up(runner);

      const rows: { id: string; superseded_by: string | null; current_snapshot_id: string | null }[] = await dataSource.query(
        `SELECT id, superseded_by, current_snapshot_id FROM submission WHERE period_key = '2029-TAHUNAN' ORDER BY created_at`,
      );
      expect(rows).toEqual([
        { id: oldest, superseded_by: newest, current_snapshot_id: null },
        { id: alone, superseded_by: null, current_snapshot_id: null },
        { id: middle, superseded_by: newest, current_snapshot_id: null },
        { id: newest, superseded_by: null, current_snapshot_id: newSnapshot },
      ]);
      // History stays: the superseded submission's snapshot is still there.
      expect(await dataSource.query(`SELECT submission_id FROM score_snapshot WHERE id = $1`, [oldSnapshot])).toEqual([{ submission_id: oldest }]);
      const audit: { entity_id: string; actor_type: string; before: object; after: object; reason: string }[] = await dataSource.query(
        `SELECT entity_id, actor_type, before, after, reason FROM audit_entry WHERE action = 'submission.superseded' ORDER BY entity_id = $1 DESC`,
        [oldest],
      );
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({ entity_id: oldest, actor_type: 'SYSTEM', before: { currentSnapshotId: oldSnapshot }, after: { currentSnapshotId: null, supersededBy: newest } });
      expect(audit[0].reason).toContain(`DUPLICATE_SUBMISSION: a newer regency/city-level KKP HAM submission of 2029-TAHUNAN (${newest})`);
      expect(audit[1].entity_id).toBe(middle);
      // And from now on the database keeps it so.
      await expect(insert('91.71', '2029-TAHUNAN')).rejects.toMatchObject({ code: '23505' });
    } finally {
      await runner.release();
    }
  });
});

/**
 * The migration that brought every RANHAM reporter level moved stored data forward: provinces filled in, a regency/city's
 * duplicate RANHAM reports settled like the KKP HAM ones, and a unit's input left waiting at the Kanwil (a stage units
 * no longer pass) verified, as its coordinator had approved it; each change audited, nothing deleted.
 */
describe('every RANHAM reporter level: the migration moves stored submissions forward', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const reporters = new ReportersAtEveryLevel1795901100000();
  const derived = new SubmissionPlaceDerived1795901100001();

  beforeAll(async () => {
    database = await createDatabaseFromTemplate('db_seeded', seededTemplate);
    dataSource = await createDataSource({ url: database.url }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('verifies a unit’s input waiting at the Kanwil, supersedes older duplicate RANHAM reports, and fills in provinces', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await derived.down(runner);
      await reporters.down(runner);
      const [{ id: opd }] = await dataSource.query(`INSERT INTO organisation (kind, name, province_code, region_code) VALUES ('OPD', 'Dinas Sosial', '64', '64.71') RETURNING id`);
      const insert = (values: { organisationId?: string; status: string; stage?: string; createdAt: string }) =>
        dataSource
          .query(
            `INSERT INTO submission (region_code, organisation_id, programme, period_key, status, review_stage, version, created_at)
             VALUES ('64.71', $1, 'RANHAM', '2029-B08', $2, $3, 1, $4) RETURNING id`,
            [values.organisationId ?? null, values.status, values.stage ?? null, values.createdAt],
          )
          .then((rows: { id: string }[]) => rows[0].id);
      const atKanwil = await insert({ organisationId: opd, status: 'IN_REVIEW', stage: 'KANWIL', createdAt: '2029-08-01T00:00:00Z' });
      const atHead = await insert({ organisationId: opd, status: 'IN_REVIEW', stage: 'UNIT_HEAD', createdAt: '2029-08-02T00:00:00Z' });
      const older = await insert({ status: 'DRAFT', createdAt: '2029-08-03T00:00:00Z' });
      const newer = await insert({ status: 'SUBMITTED', createdAt: '2029-08-04T00:00:00Z' });

      await reporters.up(runner);
      await derived.up(runner);

      const rows: { id: string; status: string; review_stage: string | null; province_code: string; own_report: boolean; superseded_by: string | null }[] =
        await dataSource.query(`SELECT id, status, review_stage, province_code, own_report, superseded_by FROM submission WHERE period_key = '2029-B08' ORDER BY created_at`);
      expect(rows).toEqual([
        { id: atKanwil, status: 'VERIFIED', review_stage: null, province_code: '64', own_report: false, superseded_by: null },
        { id: atHead, status: 'IN_REVIEW', review_stage: 'UNIT_HEAD', province_code: '64', own_report: false, superseded_by: null },
        { id: older, status: 'DRAFT', review_stage: null, province_code: '64', own_report: true, superseded_by: newer },
        { id: newer, status: 'SUBMITTED', review_stage: null, province_code: '64', own_report: true, superseded_by: null },
      ]);
      const audit: { entity_id: string; action: string; reason: string }[] = await dataSource.query(
        `SELECT entity_id, action, reason FROM audit_entry WHERE entity_id = ANY($1::text[]) ORDER BY action`,
        [[atKanwil, atHead, older, newer]],
      );
      expect(audit.map((row) => [row.entity_id, row.action])).toEqual([
        [older, 'submission.superseded'],
        [atKanwil, 'submission.verified'],
      ]);
      expect(audit[1].reason).toContain('UNIT_INPUT_ENDS_AT_COORDINATOR');
      await expect(insert({ status: 'DRAFT', createdAt: '2029-08-05T00:00:00Z' })).rejects.toMatchObject({ code: '23505', constraint: 'submission_ranham_reporter_current_uq' });
    } finally {
      await runner.release();
    }
  });
});
