import { eventually, kkpAnswersAt } from '@peduli/testkit';
import { QUICK_STALLED_JOB_RECOVERY, RunningSystem, startSystem } from './system';

interface RunReport {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  startedAt: string | null;
  finishedAt: string | null;
  bandChanges: { submissionId: string; from: { band: string; total: number } | null; to: { band: string; total: number } }[];
  failures: unknown[];
}

const SAMPLE_CODE = 'KKP_HAM_PERMENKUMHAM_22_2021';

/**
 * The scoring worker is SIGKILLed in the middle of a recalculation of all 514 regencies and cities, then started
 * again: the run resumes from where it stopped, and every subject ends up scored exactly once under the new version.
 */
describe('recalculation survives a scoring worker killed mid-run', () => {
  let system: RunningSystem;
  const authorised = (init: RequestInit = {}) => ({
    ...init,
    headers: { authorization: `Bearer ${system.token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${system.apiUrl}/api/v1${path}`, authorised(init));
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const run = (id: string) => call<RunReport>(`/recalculations/${id}`);
  const finished = (id: string, timeoutMs: number) =>
    eventually(
      `run ${id} finished`,
      async () => {
        const report = await run(id);
        return report.status === 'FINISHED' ? report : undefined;
      },
      timeoutMs,
    );

  beforeAll(async () => {
    system = await startSystem({ ...QUICK_STALLED_JOB_RECOVERY, WORKER_CONCURRENCY: '2' });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('scores every subject exactly once under the new version, keeps the old snapshots, and reports the band changes', async () => {
    const db = system.database.dataSource;
    const versions = await call<{ id: string; frameworkCode: string; version: number }[]>(`/frameworks/versions?programme=KKP_HAM`);
    const v1 = versions.find((v) => v.frameworkCode === SAMPLE_CODE && v.version === 1)!;
    const v1Content = (await call<{ content: { indicators: never[]; rules: { bands: { band: string; min: number }[] } } }>(`/frameworks/versions/${v1.id}`)).content;

    // One verified KKP HAM submission per regency/city, at qualities spread over the whole range.
    const regions: { code: string }[] = await db.query(`SELECT code FROM region ORDER BY code`);
    expect(regions).toHaveLength(514);
    const values = regions.map((region, index) => [region.code, JSON.stringify(kkpAnswersAt(v1Content, (index % 21) / 20))]);
    await db.query(
      `INSERT INTO submission (region_code, programme, period_key, status, answers, submit_count, version)
       SELECT r.code, 'KKP_HAM', '2026-TAHUNAN', 'VERIFIED', r.answers::jsonb, 1, 1 FROM jsonb_to_recordset($1::jsonb) AS r(code text, answers text)`,
      [JSON.stringify(values.map(([code, answers]) => ({ code, answers })))],
    );

    // Opening the cycle scores everyone under version 1.
    const created = await call<{ cycle: { id: string }; recalculation: { id: string } }>(`/cycles`, {
      method: 'POST',
      body: JSON.stringify({ programme: 'KKP_HAM', year: 2026, label: 'KKP HAM 2026', frameworkVersionId: v1.id }),
    });
    const first = await finished(created.recalculation.id, 120_000);
    expect(first).toMatchObject({ total: 514, done: 514, failed: 0 });

    // Version 2 raises the PEDULI edge from 75 to 90.
    const draft = await call<{ id: string }>(`/frameworks/versions/${v1.id}/drafts`, { method: 'POST', body: '{}' });
    const bands = v1Content.rules.bands.map((edge) => (edge.band === 'PEDULI' ? { ...edge, min: 90 } : edge));
    await call(`/frameworks/versions/${draft.id}`, { method: 'PUT', body: JSON.stringify({ content: { ...v1Content, rules: { ...v1Content.rules, bands } } }) });
    const published = await call<{ adoptedBy: { recalculation: { id: string } }[] }>(`/frameworks/versions/${draft.id}/publish`, {
      method: 'POST',
      body: JSON.stringify({ adoptInCycles: [created.cycle.id] }),
    });
    const runId = published.adoptedBy[0].recalculation.id;

    // Kill the worker as soon as the run has made some progress but is not done.
    const atKill = await eventually(
      'the run has started',
      async () => {
        const report = await run(runId);
        return report.done > 0 ? report : undefined;
      },
      60_000,
    );
    system.processes['scoring-worker'].kill('SIGKILL');
    await system.processes['scoring-worker'].exited;
    const afterKill = await run(runId);
    expect(afterKill.status).toBe('RUNNING');
    expect(afterKill.done).toBeLessThan(514);
    expect(atKill.done).toBeGreaterThan(0);

    // Jobs held by the dead worker come back once their locks expire (lockDuration, 10 s here).
    await system.restart('scoring-worker');
    const report = await finished(runId, 150_000);
    expect(report).toMatchObject({ total: 514, done: 514, failed: 0, failures: [] });
    expect(report.startedAt).not.toBeNull();
    expect(report.finishedAt).not.toBeNull();

    // Exactly one snapshot per subject under version 2, and the version 1 snapshots are still there.
    const perVersion: { framework_version: string; subjects: number; snapshots: number }[] = await db.query(
      `SELECT framework_version, count(DISTINCT submission_id)::int AS subjects, count(*)::int AS snapshots FROM score_snapshot GROUP BY 1 ORDER BY 1`,
    );
    expect(perVersion).toEqual([
      { framework_version: `${SAMPLE_CODE}@1`, subjects: 514, snapshots: 514 },
      { framework_version: `${SAMPLE_CODE}@2`, subjects: 514, snapshots: 514 },
    ]);
    const [{ notCurrent }] = await db.query(
      `SELECT count(*)::int AS "notCurrent" FROM submission s JOIN score_snapshot sn ON sn.id = s.current_snapshot_id WHERE sn.framework_version <> $1`,
      [`${SAMPLE_CODE}@2`],
    );
    expect(notCurrent).toBe(0);

    // The report lists exactly the subjects whose version-1 total was in [75, 90): PEDULI before, CUKUP_PEDULI now.
    const expected: { submission_id: string }[] = await db.query(
      `SELECT submission_id FROM score_snapshot WHERE framework_version = $1 AND total >= 75 AND total < 90 ORDER BY submission_id`,
      [`${SAMPLE_CODE}@1`],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(report.bandChanges.map((change) => change.submissionId).sort()).toEqual(expected.map((row) => row.submission_id));
    for (const change of report.bandChanges) {
      expect(change.from?.band).toBe('PEDULI');
      expect(change.to.band).toBe('CUKUP_PEDULI');
      expect(change.to.total).toBe(change.from?.total);
    }
  }, 300_000);
});
