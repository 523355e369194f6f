import { Injectable } from '@nestjs/common';
import { frameworkVersionIdForPeriod, FrameworkVersionRecord, ReportingCycle, ScoreAdjustmentEntry } from '@peduli/db';
import { KkpScoringRules, Programme, SCORABLE_STATUSES, SubmissionStatus } from '@peduli/domain';
import type { EntityManager } from 'typeorm';

/** What an adjustment needs of a submission, read under a row lock so two central users take turns. */
export interface AdjustableSubmission {
  id: string;
  programme: Programme;
  periodKey: string;
  status: SubmissionStatus;
  regionCode: string | null;
  provinceCode: string | null;
  organisationId: string | null;
  supersededBy: string | null;
  /** A reporter's own report (scored), not a unit's input compiled into it. */
  ownReport: boolean;
  submitCount: number;
  adjustments: Record<string, number>;
}

const SUBMISSION_COLUMNS = `s.id, s.programme, s.period_key AS "periodKey", s.status, s.region_code AS "regionCode",
  s.province_code AS "provinceCode", s.organisation_id AS "organisationId", s.superseded_by AS "supersededBy", s.own_report AS "ownReport",
  s.submit_count AS "submitCount", s.adjustments`;

/** The SQL of the central team's adjustments: the submission's values in force, their history, and the cycle's rules. */
@Injectable()
export class AdjustmentsRepository {
  async lockSubmission(manager: EntityManager, id: string): Promise<AdjustableSubmission | null> {
    const rows: AdjustableSubmission[] = await manager.query(`SELECT ${SUBMISSION_COLUMNS} FROM submission s WHERE s.id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** A KKP HAM cycle's scored regency/city submissions (the ones an adjustment counts for), locked, by region. */
  lockCycleSubjects(manager: EntityManager, cycle: ReportingCycle): Promise<AdjustableSubmission[]> {
    return manager.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM submission s
        WHERE s.programme = $1 AND s.period_key LIKE $2 AND s.own_report AND s.region_code IS NOT NULL AND s.superseded_by IS NULL
          AND s.status = ANY($3)
        ORDER BY s.region_code, s.id
          FOR UPDATE`,
      [Programme.KKP_HAM, `${cycle.year}-%`, SCORABLE_STATUSES],
    );
  }

  lockCycle(manager: EntityManager, id: string): Promise<ReportingCycle | null> {
    return manager.getRepository(ReportingCycle).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  cycleOfYear(manager: EntityManager, programme: Programme, year: number): Promise<ReportingCycle | null> {
    return manager.getRepository(ReportingCycle).findOne({ where: { programme, year } });
  }

  /** The KKP HAM rules a submission is scored under: its cycle's version, or the newest published one. */
  async rulesForPeriod(manager: EntityManager, periodKey: string): Promise<KkpScoringRules | null> {
    const id = await frameworkVersionIdForPeriod(manager, Programme.KKP_HAM, periodKey);
    return id ? this.rulesOfVersion(manager, id) : null;
  }

  async rulesOfVersion(manager: EntityManager, id: string): Promise<KkpScoringRules | null> {
    const record = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id } });
    return ((record?.content as { rules?: KkpScoringRules } | undefined)?.rules) ?? null;
  }

  /** The last change of one adjustment, to tell a repeated request from a new one. */
  latestEntry(manager: EntityManager, submissionId: string, code: string): Promise<ScoreAdjustmentEntry | null> {
    return manager.getRepository(ScoreAdjustmentEntry).findOne({ where: { submissionId, code }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async writeValue(manager: EntityManager, submissionId: string, adjustments: Record<string, number>): Promise<void> {
    await manager.query(`UPDATE submission SET adjustments = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [
      submissionId,
      JSON.stringify(adjustments),
    ]);
  }

  async addEntry(manager: EntityManager, entry: Pick<ScoreAdjustmentEntry, 'submissionId' | 'code' | 'value' | 'reason' | 'source' | 'actorId'>): Promise<ScoreAdjustmentEntry> {
    return manager.getRepository(ScoreAdjustmentEntry).save(manager.getRepository(ScoreAdjustmentEntry).create(entry));
  }
}
