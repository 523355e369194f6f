import { randomUUID } from 'node:crypto';
import { createMigratedDatabase, MigratedDatabase } from '@peduli/testkit';
import { FrameworkScorers } from '../src/framework-scorers';
import { scoreBatch } from '../src/recalculation-batch';
import { makeSubmissionScorer } from '../src/score-submission';

/**
 * A batch reads its subjects in bulk: it must see exactly what scoring one submission sees, documents included (they
 * are part of a RANHAM report's inputs), or its snapshots would differ from the pipeline's for the same inputs.
 */
describe('recalculation batches score as one submission at a time does', () => {
  let database: MigratedDatabase;
  const db = () => database.dataSource;
  const codes = ['AKSI-2024-01.B08.1', 'AKSI-2024-02.B08.1', 'AKSI-2024-03.B08.1'];
  let cycleId: string;
  let versionId: string;
  const reports: string[] = [];

  beforeAll(async () => {
    database = await createMigratedDatabase();
    // Version 2 of the RANHAM sample numbers the measures; every 2024 action has one in B08 that needs 1 NOTULEN.
    [{ id: cycleId, framework_version_id: versionId }] = await db().query(
      `INSERT INTO reporting_cycle (programme, year, label, framework_version_id)
       SELECT 'RANHAM', 2024, 'RANHAM 2024', id FROM framework_version WHERE framework_code = 'RANHAM_PERPRES_53_2021' AND version = 2
       RETURNING id, framework_version_id`,
    );
    const regions: { code: string }[] = await db().query(`SELECT code FROM region ORDER BY code LIMIT 4`);
    // Four regency/city reports with 0 to 3 documents, in turn accepted and rejected by the document check.
    for (const [index, region] of regions.entries()) {
      const [{ id }] = await db().query(
        `INSERT INTO submission (region_code, programme, period_key, status, answers, submit_count, version)
         VALUES ($1, 'RANHAM', '2024-B08', 'IN_REVIEW', $2, 1, 1) RETURNING id`,
        [region.code, JSON.stringify(Object.fromEntries(codes.map((code) => [code, true])))],
      );
      for (const code of codes.slice(0, index)) {
        await db().query(
          `INSERT INTO evidence_document (submission_id, document_type, original_name, size_bytes, sha256, storage_key, indicator_codes, status)
           VALUES ($1, 'NOTULEN', 'notulen.pdf', 1, repeat('a', 64), $2, $3, $4)`,
          [id, `k-${randomUUID()}`, JSON.stringify([code]), code === codes[1] ? 'REJECTED' : 'ACCEPTED'],
        );
      }
      reports.push(id);
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function runOver(ids: string[]): Promise<string> {
    const [{ id }] = await db().query(
      `INSERT INTO recalculation_run (cycle_id, framework_version_id, reason, status, total) VALUES ($1, $2, 'VERSION_PUBLISHED', 'RUNNING', $3) RETURNING id`,
      [cycleId, versionId, ids.length],
    );
    await db().query(`INSERT INTO recalculation_item (run_id, submission_id) SELECT $1, unnest($2::uuid[])`, [id, ids]);
    return id;
  }

  it('reuses the snapshots the pipeline stored for the same inputs, and the pipeline reuses the ones a batch stored', async () => {
    const score = makeSubmissionScorer({ dataSource: db(), relay: { kick: () => undefined } as never });
    const stored = new Map<string, { snapshotId: string; total: number }>();
    for (const id of reports) {
      const outcome = await score({ submissionId: id, submitCount: 1 });
      if (outcome.outcome !== 'scored') throw new Error(`report ${id} was not scored: ${outcome.reason}`);
      stored.set(id, { snapshotId: outcome.snapshotId, total: outcome.total });
    }
    // The documents tell the reports apart: administration counts the accepted ones.
    expect(new Set([...stored.values()].map((snapshot) => snapshot.total)).size).toBeGreaterThan(1);

    const first = await runOver(reports);
    expect(await db().transaction((manager) => scoreBatch(manager, new FrameworkScorers(), first, reports))).toEqual({ outcome: 'scored', done: 4, failed: 0 });
    const items: { submission_id: string; snapshot_id: string; from_total: number; to_total: number }[] = await db().query(
      `SELECT submission_id, snapshot_id, from_total::float AS from_total, to_total::float AS to_total FROM recalculation_item WHERE run_id = $1`,
      [first],
    );
    expect(Object.fromEntries(items.map((item) => [item.submission_id, { snapshotId: item.snapshot_id, total: item.to_total }]))).toEqual(Object.fromEntries(stored));
    expect(items.every((item) => item.from_total === item.to_total)).toBe(true);
    expect(await db().query(`SELECT 1 FROM audit_entry WHERE action = 'score.snapshot_created' AND after->>'runId' = $1`, [first])).toHaveLength(0);

    // A document now accepted changes one report's inputs: the batch stores a new snapshot, which the pipeline then
    // finds for the same inputs rather than storing its own.
    const changed = reports[3];
    await db().query(`UPDATE evidence_document SET status = 'ACCEPTED' WHERE submission_id = $1`, [changed]);
    const second = await runOver(reports);
    expect(await db().transaction((manager) => scoreBatch(manager, new FrameworkScorers(), second, reports))).toEqual({ outcome: 'scored', done: 4, failed: 0 });
    const created: { submission_id: string }[] = await db().query(`SELECT submission_id FROM score_snapshot WHERE recalculation_run_id = $1`, [second]);
    expect(created).toEqual([{ submission_id: changed }]);
    expect(await score({ submissionId: changed, submitCount: 1 })).toEqual({ outcome: 'skipped', reason: 'a snapshot for these inputs already exists' });
    const [{ total }] = await db().query(`SELECT to_total::float AS total FROM recalculation_item WHERE run_id = $1 AND submission_id = $2`, [second, changed]);
    expect(total).toBeGreaterThan(stored.get(changed)!.total);
  });
});
