import { MigrationInterface, QueryRunner } from "typeorm";

const ORGANISATION_SCOPE_BEFORE = `
    (kind = 'MINISTRY' AND province_code IS NULL AND region_code IS NULL)
    OR (kind IN ('KANWIL', 'BIRO_HUKUM') AND province_code IS NOT NULL AND region_code IS NULL)
    OR (kind IN ('BAGIAN_HUKUM', 'OPD', 'COMPANY', 'UNIVERSITY', 'NGO') AND region_code IS NOT NULL AND province_code = left(region_code, 2))`;

const ORGANISATION_SCOPE_AFTER = `
    (kind = 'MINISTRY' AND province_code IS NULL AND region_code IS NULL AND parent_id IS NULL)
    OR (kind = 'DIRECTORATE' AND province_code IS NULL AND region_code IS NULL AND parent_id IS NOT NULL)
    OR (kind IN ('KANWIL', 'BIRO_HUKUM') AND province_code IS NOT NULL AND region_code IS NULL)
    OR (kind = 'OPD' AND province_code IS NOT NULL AND region_code IS NULL AND parent_id IS NOT NULL)
    OR (kind IN ('BAGIAN_HUKUM', 'OPD', 'COMPANY', 'UNIVERSITY', 'NGO') AND region_code IS NOT NULL AND province_code = left(region_code, 2))`;

/**
 * Every RANHAM reporter level: a ministry (K/L) and a province report too, each compiling its units' inputs.
 *
 * Schema: an organisation gets a parent (a directorate's ministry, a province-level OPD's Biro Hukum); a submission's
 * regency/city becomes optional and it gets its province (null only for K/L reports) and `own_report`, which tells a
 * reporter's own report from a unit's input; a score snapshot likewise. One current RANHAM own report per reporter
 * and period is unique, keyed by its regency/city or else its reporting organisation.
 *
 * Data moved forward:
 * - province codes are filled from the regency/city of every existing submission and snapshot;
 * - `own_report` is set for what was filed by a regency/city as itself or by a Bagian Hukum, Biro Hukum or ministry;
 * - duplicate current RANHAM own reports of one reporter and period are settled as OneCurrentKkpSubmission did: the
 *   newest stays current, each older one points at it (superseded_by), loses its current score and is audited;
 * - an OPD's (or another unit's) input waiting at the Kanwil or the centre, stages units no longer pass, had been
 *   approved by its coordinator, which is where a unit's input now ends: it becomes VERIFIED, audited;
 * - a unit's input no longer has a score of its own (only the reporter's compiled report is scored): its current score
 *   is cleared, audited, and its snapshots stay as history.
 */
export class ReportersAtEveryLevel1795901100000 implements MigrationInterface {
    name = 'ReportersAtEveryLevel1795901100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organisation" ADD "parent_id" uuid`);
        await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "FK_c4ba39f5697ec0cd6e03314b616" FOREIGN KEY ("parent_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE INDEX "organisation_parent_idx" ON "organisation" ("parent_id")`);
        await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "organisation_scope_ck"`);
        await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "organisation_scope_ck" CHECK (${ORGANISATION_SCOPE_AFTER})`);

        await queryRunner.query(`ALTER TABLE "submission" ALTER COLUMN "region_code" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "submission" ADD "province_code" character varying(2)`);
        await queryRunner.query(`UPDATE "submission" SET "province_code" = left("region_code", 2)`);
        await queryRunner.query(`ALTER TABLE "submission" ADD CONSTRAINT "FK_e3723fea7981a931577887de892" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "submission" ADD CONSTRAINT "submission_place_ck" CHECK (region_code IS NULL OR province_code = left(region_code, 2))`);
        await queryRunner.query(`CREATE INDEX "submission_province_period_idx" ON "submission" ("province_code", "programme", "period_key")`);
        await queryRunner.query(`ALTER TABLE "submission" ADD "own_report" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`
            UPDATE submission s SET own_report = true
              FROM (SELECT s2.id FROM submission s2 LEFT JOIN organisation o ON o.id = s2.organisation_id
                     WHERE s2.organisation_id IS NULL OR o.kind IN ('BAGIAN_HUKUM', 'BIRO_HUKUM', 'MINISTRY')) own
             WHERE s.id = own.id`);

        await queryRunner.query(`ALTER TABLE "score_snapshot" ALTER COLUMN "region_code" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "score_snapshot" ADD "province_code" character varying(2)`);
        await queryRunner.query(`UPDATE "score_snapshot" SET "province_code" = left("region_code", 2)`);

        await queryRunner.query(`
            WITH ranked AS (
                SELECT id, region_code, province_code, period_key, status, current_snapshot_id,
                       first_value(id) OVER reporter AS keeper, row_number() OVER reporter AS position
                  FROM submission
                 WHERE programme = 'RANHAM' AND own_report AND superseded_by IS NULL
                WINDOW reporter AS (PARTITION BY coalesce(region_code, organisation_id::text), period_key ORDER BY created_at DESC, id DESC)),
            superseded AS (
                UPDATE submission s SET superseded_by = r.keeper, current_snapshot_id = NULL, updated_at = now()
                  FROM ranked r
                 WHERE s.id = r.id AND r.position > 1
             RETURNING s.id, r.region_code, r.province_code, r.period_key, r.status, r.current_snapshot_id, r.keeper)
            INSERT INTO audit_entry (actor_type, actor_id, action, entity_type, entity_id, before, after, reason, province_code, region_code)
            SELECT 'SYSTEM', NULL, 'submission.superseded', 'submission', id,
                   jsonb_build_object('status', status, 'currentSnapshotId', current_snapshot_id),
                   jsonb_build_object('status', status, 'currentSnapshotId', NULL, 'supersededBy', keeper),
                   'DUPLICATE_SUBMISSION: a newer RANHAM report of the same reporter for ' || period_key || ' (' || keeper || ') is the current one',
                   province_code, region_code
              FROM superseded`);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "submission_ranham_reporter_current_uq" ON "submission" ((coalesce(region_code, organisation_id::text)), "programme", "period_key")
             WHERE programme = 'RANHAM' AND own_report AND superseded_by IS NULL`);

        // A Kanwil's own (legacy) reports still pass the centre, so they are left alone.
        await queryRunner.query(`
            WITH units AS (
                SELECT s.id FROM submission s JOIN organisation o ON o.id = s.organisation_id
                 WHERE NOT s.own_report AND o.kind <> 'KANWIL' AND s.status = 'IN_REVIEW' AND s.review_stage IN ('KANWIL', 'CENTRAL')),
            verified AS (
                UPDATE submission s SET status = 'VERIFIED', review_stage = NULL, updated_at = now(), version = version + 1
                  FROM units u WHERE s.id = u.id
             RETURNING s.id, s.province_code, s.region_code)
            INSERT INTO audit_entry (actor_type, actor_id, action, entity_type, entity_id, before, after, reason, province_code, region_code)
            SELECT 'SYSTEM', NULL, 'submission.verified', 'submission', id,
                   jsonb_build_object('status', 'IN_REVIEW'), jsonb_build_object('status', 'VERIFIED'),
                   'UNIT_INPUT_ENDS_AT_COORDINATOR: its coordinator had approved it; the reporter''s compiled report goes on to the verifiers',
                   province_code, region_code
              FROM verified`);
        await queryRunner.query(`
            WITH cleared AS (
                UPDATE submission s SET current_snapshot_id = NULL, updated_at = now()
                  FROM submission old_row
                 WHERE s.id = old_row.id AND NOT s.own_report AND s.current_snapshot_id IS NOT NULL
             RETURNING s.id, s.status, old_row.current_snapshot_id AS previous, s.province_code, s.region_code)
            INSERT INTO audit_entry (actor_type, actor_id, action, entity_type, entity_id, before, after, reason, province_code, region_code)
            SELECT 'SYSTEM', NULL, 'submission.score_cleared', 'submission', id,
                   jsonb_build_object('status', status, 'currentSnapshotId', previous),
                   jsonb_build_object('status', status, 'currentSnapshotId', NULL),
                   'UNIT_INPUT_NOT_SCORED: only the reporter''s compiled report is scored; the snapshots stay as history',
                   province_code, region_code
              FROM cleared`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The earlier schema cannot hold a province's or a ministry's reports, directorates or province-level OPD:
        // refuse rather than delete them. Unit inputs verified and scores cleared above stay so (the audit says why).
        const [blocking]: { reports: number; units: number }[] = await queryRunner.query(`
            SELECT (SELECT count(*) FROM submission WHERE region_code IS NULL)::int AS reports,
                   (SELECT count(*) FROM organisation WHERE parent_id IS NOT NULL OR kind = 'DIRECTORATE'
                       OR (kind = 'OPD' AND region_code IS NULL))::int AS units`);
        if (blocking.reports > 0 || blocking.units > 0) {
            throw new Error(
                `Cannot revert ReportersAtEveryLevel: ${blocking.reports} province or K/L submissions and ${blocking.units} ` +
                    `directorates or province-level OPD exist, which the earlier schema cannot hold; remove them first.`,
            );
        }
        await queryRunner.query(`DROP INDEX "public"."submission_ranham_reporter_current_uq"`);
        await queryRunner.query(`ALTER TABLE "score_snapshot" DROP COLUMN "province_code"`);
        await queryRunner.query(`ALTER TABLE "score_snapshot" ALTER COLUMN "region_code" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "submission" DROP COLUMN "own_report"`);
        await queryRunner.query(`DROP INDEX "public"."submission_province_period_idx"`);
        await queryRunner.query(`ALTER TABLE "submission" DROP CONSTRAINT "submission_place_ck"`);
        await queryRunner.query(`ALTER TABLE "submission" DROP CONSTRAINT "FK_e3723fea7981a931577887de892"`);
        await queryRunner.query(`ALTER TABLE "submission" DROP COLUMN "province_code"`);
        await queryRunner.query(`ALTER TABLE "submission" ALTER COLUMN "region_code" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "organisation_scope_ck"`);
        await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "organisation_scope_ck" CHECK (${ORGANISATION_SCOPE_BEFORE})`);
        await queryRunner.query(`DROP INDEX "public"."organisation_parent_idx"`);
        await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "FK_c4ba39f5697ec0cd6e03314b616"`);
        await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "parent_id"`);
    }
}
