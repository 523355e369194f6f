import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * One current regency/city-level KKP HAM submission per regency/city and year (and an index for the recovery
 * sweeps). Duplicates already stored are settled first: the newest stays current; each older one points at it
 * (superseded_by), stops counting as current (its current score is cleared; its snapshots, documents and reviews stay
 * as history), and is recorded in the audit trail. Nothing is deleted: snapshots, reviews and recalculation items refer
 * to these rows.
 */
export class OneCurrentKkpSubmission1795900650000 implements MigrationInterface {
    name = 'OneCurrentKkpSubmission1795900650000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "submission" ADD "superseded_by" uuid`);
        await queryRunner.query(`
            WITH ranked AS (
                SELECT id, region_code, period_key, status, current_snapshot_id,
                       first_value(id) OVER (PARTITION BY region_code, period_key ORDER BY created_at DESC, id DESC) AS keeper,
                       row_number() OVER (PARTITION BY region_code, period_key ORDER BY created_at DESC, id DESC) AS position
                  FROM submission
                 WHERE programme = 'KKP_HAM' AND organisation_id IS NULL),
            superseded AS (
                UPDATE submission s SET superseded_by = r.keeper, current_snapshot_id = NULL, updated_at = now()
                  FROM ranked r
                 WHERE s.id = r.id AND r.position > 1
             RETURNING s.id, r.region_code, r.period_key, r.status, r.current_snapshot_id, r.keeper)
            INSERT INTO audit_entry (actor_type, actor_id, action, entity_type, entity_id, before, after, reason, province_code, region_code)
            SELECT 'SYSTEM', NULL, 'submission.superseded', 'submission', id,
                   jsonb_build_object('status', status, 'currentSnapshotId', current_snapshot_id),
                   jsonb_build_object('status', status, 'currentSnapshotId', NULL, 'supersededBy', keeper),
                   'DUPLICATE_SUBMISSION: a newer regency/city-level KKP HAM submission of ' || period_key || ' (' || keeper || ') is the current one',
                   left(region_code, 2), region_code
              FROM superseded`);
        await queryRunner.query(`CREATE UNIQUE INDEX "submission_kkp_region_current_uq" ON "submission" ("region_code", "programme", "period_key") WHERE programme = 'KKP_HAM' AND organisation_id IS NULL AND superseded_by IS NULL`);
        // For the recovery sweeps of notices not sent and submissions not scored after an outage, which read the last
        // week's events of those kinds.
        await queryRunner.query(`CREATE INDEX "outbox_event_recovery_idx" ON "outbox_event" ("published_at") WHERE event IN ('submission.scored', 'submission.check_failed', 'submission.checked', 'submission.verified')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."outbox_event_recovery_idx"`);
        await queryRunner.query(`DROP INDEX "public"."submission_kkp_region_current_uq"`);
        // The audit rows stay: they record what happened. Superseded rows become ordinary (not current) rows again.
        await queryRunner.query(`ALTER TABLE "submission" DROP COLUMN "superseded_by"`);
    }
}
