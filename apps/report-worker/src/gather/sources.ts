import { Answers } from '@peduli/domain';
import type { EntityManager } from 'typeorm';
import type { PrintedSubject } from '../documents/inputs';

/** A submission with its current snapshot: what a score report and a RANHAM period report are made from. */
export interface ScoredSubmission {
  id: string;
  programme: string;
  periodKey: string;
  provinceCode: string | null;
  regionCode: string | null;
  organisationId: string | null;
  ownReport: boolean;
  answers: Answers;
  verifiedAnswers: Answers;
  rejections: Record<string, string>;
  snapshot: {
    id: string;
    total: number;
    band: string;
    basis: string;
    inputHash: string;
    frameworkVersionId: string | null;
    breakdown: Record<string, unknown>;
    createdAt: Date;
  };
}

export interface FrameworkRecordRow {
  id: string;
  label: string;
  version: number;
  content: Record<string, unknown>;
}

/** The submission and its current snapshot, or null when it has none (not scored yet). */
export async function loadScoredSubmission(manager: EntityManager, submissionId: string): Promise<ScoredSubmission | null> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT s.id, s.programme, s.period_key, s.province_code, s.region_code, s.organisation_id, s.own_report, s.answers, s.verified_answers,
            s.rejections, sn.id AS snapshot_id, sn.total::float AS total, sn.band, sn.basis, sn.input_hash, sn.framework_version_id,
            sn.breakdown, sn.created_at
       FROM submission s JOIN score_snapshot sn ON sn.id = s.current_snapshot_id
      WHERE s.id = $1`,
    [submissionId],
  );
  if (rows.length === 0) return null;
  const row = rows[0];
  return {
    id: row.id as string,
    programme: row.programme as string,
    periodKey: row.period_key as string,
    provinceCode: row.province_code as string | null,
    regionCode: row.region_code as string | null,
    organisationId: row.organisation_id as string | null,
    ownReport: row.own_report as boolean,
    answers: (row.answers ?? {}) as Answers,
    verifiedAnswers: (row.verified_answers ?? {}) as Answers,
    rejections: (row.rejections ?? {}) as Record<string, string>,
    snapshot: {
      id: row.snapshot_id as string,
      total: row.total as number,
      band: row.band as string,
      basis: row.basis as string,
      inputHash: row.input_hash as string,
      frameworkVersionId: row.framework_version_id as string | null,
      breakdown: row.breakdown as Record<string, unknown>,
      createdAt: row.created_at as Date,
    },
  };
}

export async function loadFrameworkRecord(manager: EntityManager, id: string | null): Promise<FrameworkRecordRow> {
  const rows: FrameworkRecordRow[] = id ? await manager.query(`SELECT id, label, version, content FROM framework_version WHERE id = $1`, [id]) : [];
  if (rows.length === 0) throw new Error(`framework version ${id} not found`);
  return rows[0];
}

/**
 * Who a document is about, as printed: a regency/city by its name (whether it reports itself or through its Bagian
 * Hukum), otherwise the reporting organisation (a ministry, a province's Biro Hukum).
 */
export async function loadSubject(
  manager: EntityManager,
  place: { regionCode: string | null; organisationId: string | null; provinceCode?: string | null },
): Promise<PrintedSubject> {
  if (place.regionCode) {
    const [region]: { name: string; province_name: string }[] = await manager.query(
      `SELECT r.name, p.name AS province_name FROM region r JOIN province p ON p.code = r.province_code WHERE r.code = $1`,
      [place.regionCode],
    );
    if (!region) throw new Error(`region ${place.regionCode} not found`);
    return { name: region.name, provinceName: region.province_name, regionCode: place.regionCode };
  }
  const [organisation]: { name: string; province_name: string | null }[] = await manager.query(
    `SELECT o.name, p.name AS province_name FROM organisation o LEFT JOIN province p ON p.code = o.province_code WHERE o.id = $1`,
    [place.organisationId],
  );
  if (!organisation) throw new Error(`organisation ${place.organisationId} not found`);
  return { name: organisation.name, provinceName: organisation.province_name, regionCode: null };
}

/** The cycle of a programme and year, with its decree as ISO dates. */
export async function loadCycleOf(
  manager: EntityManager,
  programme: string,
  year: number,
): Promise<{ id: string; year: number; decree: { number: string; date: string } | null } | null> {
  const rows: { id: string; year: number; decree_number: string | null; decree_date: string | null }[] = await manager.query(
    `SELECT id, year, decree_number, to_char(decree_date, 'YYYY-MM-DD') AS decree_date FROM reporting_cycle WHERE programme = $1 AND year = $2`,
    [programme, year],
  );
  if (rows.length === 0) return null;
  const row = rows[0];
  return { id: row.id, year: row.year, decree: row.decree_number && row.decree_date ? { number: row.decree_number, date: row.decree_date } : null };
}

export function yearOf(periodKey: string): number {
  return Number(periodKey.split('-')[0]);
}
