import { createMigratedDatabase, MigratedDatabase } from '@peduli/testkit';
import type { WorkerContext } from '@peduli/worker-kit';
import { makeSubmissionScorer } from '../src/score-submission';

describe('scoring-worker: storing score snapshots', () => {
  let database: MigratedDatabase;
  let score: ReturnType<typeof makeSubmissionScorer>;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    score = makeSubmissionScorer({ dataSource: database.dataSource, relay: { kick: () => undefined } } as unknown as WorkerContext<unknown>);
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function submission(status: string, answers: Record<string, unknown>): Promise<string> {
    const [row] = await database.dataSource.query(
      `INSERT INTO submission (region_code, programme, period_key, status, answers, submit_count, version)
       VALUES ('91.71', 'RANHAM', '2026-B12', $1, $2, 1, 1) RETURNING id`,
      [status, JSON.stringify(answers)],
    );
    return row.id;
  }
  const snapshots = (id: string) =>
    database.dataSource.query(`SELECT total::float AS total, band, basis, framework_version, input_hash FROM score_snapshot WHERE submission_id = $1 ORDER BY created_at`, [id]);
  const scoredEvents = (id: string) =>
    database.dataSource.query(`SELECT payload FROM outbox_event WHERE event = 'submission.scored' AND payload->>'submissionId' = $1`, [id]);

  it('stores one snapshot stamped with the framework version and an input hash, and one scored event', async () => {
    const id = await submission('IN_REVIEW', { a: true, b: 0, c: null, d: 'ada' });
    const outcome = await score({ submissionId: id, submitCount: 1 });
    expect(outcome).toMatchObject({ outcome: 'scored', total: 75, band: 'PEDULI' });
    const [snapshot] = await snapshots(id);
    expect(snapshot).toMatchObject({ total: 75, band: 'PEDULI', basis: 'SELF_ASSESSED', framework_version: 'placeholder-v0' });
    expect(snapshot.input_hash).toMatch(/^[0-9a-f]{64}$/);
    const events = await scoredEvents(id);
    expect(events).toEqual([{ payload: { submissionId: id, snapshotId: (outcome as { snapshotId: string }).snapshotId } }]);
  });

  it('never stores a second snapshot for the same inputs, however often the job runs', async () => {
    const id = await submission('IN_REVIEW', { a: true });
    await score({ submissionId: id, submitCount: 1 });
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => score({ submissionId: id, submitCount: 1 })));
    expect(outcomes.every((o) => o.outcome === 'skipped')).toBe(true);
    expect(await snapshots(id)).toHaveLength(1);
    expect(await scoredEvents(id)).toHaveLength(1);
  });

  it('stores a new snapshot when the answers change, keeping the old one', async () => {
    const id = await submission('IN_REVIEW', { a: true, b: null });
    await score({ submissionId: id, submitCount: 1 });
    await database.dataSource.query(`UPDATE submission SET answers = '{"a": true, "b": 3}' WHERE id = $1`, [id]);
    await score({ submissionId: id, submitCount: 1 });
    expect((await snapshots(id)).map((s: { total: number }) => s.total)).toEqual([50, 100]);
  });

  it('does not score submissions that have not passed the document check', async () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'CHECK_FAILED']) {
      const id = await submission(status, { a: true });
      expect(await score({ submissionId: id, submitCount: 1 })).toEqual({ outcome: 'skipped', reason: `submission is ${status}` });
      expect(await snapshots(id)).toEqual([]);
    }
  });
});
