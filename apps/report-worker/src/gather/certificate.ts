import type { EntityManager } from 'typeorm';
import type { CertificateInput } from '../documents/inputs';
import { loadFrameworkRecord, loadSubject } from './sources';
import { bandWords, frameworkWords } from './words';

export const CERTIFICATE_SIGNATORY = 'Menteri Hak Asasi Manusia Republik Indonesia';

/** A regency/city's own KKP HAM result of a cycle: its current score, as the public results read it. */
export interface CycleResult {
  regionCode: string;
  provinceCode: string;
  submissionId: string;
  snapshotId: string;
  total: number;
  band: string;
  inputHash: string;
  frameworkVersionId: string | null;
}

export interface DecreedCycle {
  id: string;
  year: number;
  decree: { number: string; date: string } | null;
}

export async function loadDecreedCycle(manager: EntityManager, cycleId: string): Promise<DecreedCycle | null> {
  const rows: { id: string; year: number; programme: string; decree_number: string | null; decree_date: string | null }[] = await manager.query(
    `SELECT id, year, programme, decree_number, to_char(decree_date, 'YYYY-MM-DD') AS decree_date FROM reporting_cycle WHERE id = $1`,
    [cycleId],
  );
  const row = rows[0];
  if (!row || row.programme !== 'KKP_HAM') return null;
  return { id: row.id, year: row.year, decree: row.decree_number && row.decree_date ? { number: row.decree_number, date: row.decree_date } : null };
}

/** Each regency/city's own current result of a KKP HAM award year, optionally of one band or one region, by code. */
export async function cycleResults(manager: EntityManager, year: number, filter: { band?: string; regionCode?: string } = {}): Promise<CycleResult[]> {
  const params: unknown[] = [`${year}-%`];
  const conditions: string[] = [];
  if (filter.band) {
    params.push(filter.band);
    conditions.push(`sn.band = $${params.length}`);
  }
  if (filter.regionCode) {
    params.push(filter.regionCode);
    conditions.push(`s.region_code = $${params.length}`);
  }
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT s.region_code, s.province_code, s.id AS submission_id, sn.id AS snapshot_id, sn.total::float AS total, sn.band, sn.input_hash,
            sn.framework_version_id
       FROM submission s JOIN score_snapshot sn ON sn.id = s.current_snapshot_id
      WHERE s.programme = 'KKP_HAM' AND s.organisation_id IS NULL AND s.superseded_by IS NULL AND s.region_code IS NOT NULL
        AND s.period_key LIKE $1 ${conditions.map((condition) => `AND ${condition}`).join(' ')}
      ORDER BY s.region_code`,
    params,
  );
  return rows.map((row) => ({
    regionCode: row.region_code as string,
    provinceCode: row.province_code as string,
    submissionId: row.submission_id as string,
    snapshotId: row.snapshot_id as string,
    total: row.total as number,
    band: row.band as string,
    inputHash: row.input_hash as string,
    frameworkVersionId: row.framework_version_id as string | null,
  }));
}

/** The certificate of one regency/city under a decreed cycle, from its current score. */
export async function gatherCertificate(manager: EntityManager, cycle: DecreedCycle, result: CycleResult): Promise<CertificateInput> {
  if (!cycle.decree) throw new Error(`cycle ${cycle.id} has no decree`);
  const framework = await loadFrameworkRecord(manager, result.frameworkVersionId);
  return {
    kind: 'CERTIFICATE',
    subject: await loadSubject(manager, { regionCode: result.regionCode, organisationId: null }),
    year: cycle.year,
    band: bandWords(result.band),
    total: result.total,
    decree: cycle.decree,
    signatory: CERTIFICATE_SIGNATORY,
    provenance: {
      frameworkVersion: frameworkWords(framework.label, framework.version),
      scoreInputHash: result.inputHash,
      asOf: cycle.decree.date,
      contentHash: '',
    },
  };
}
