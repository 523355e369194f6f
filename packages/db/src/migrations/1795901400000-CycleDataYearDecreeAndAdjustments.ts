import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A cycle's data year and decree, and the history of the central team's adjustments.
 *
 * Existing cycles get their data year from their year: a KKP HAM cycle is named by its award year and assesses the
 * year before; a RANHAM cycle's data year is its reporting year. Adjustments already stored in
 * `submission.adjustments` get one history row each, so every value in force has a reason and a source to show.
 */
export class CycleDataYearDecreeAndAdjustments1795901400000 implements MigrationInterface {
    name = 'CycleDataYearDecreeAndAdjustments1795901400000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "score_adjustment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "code" character varying(64) NOT NULL,
                "value" numeric(10, 2),
                "reason" text NOT NULL,
                "source" character varying(500) NOT NULL,
                "actor_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_643a9eafec1053b717177a8a0dd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "score_adjustment_submission_code_idx" ON "score_adjustment" ("submission_id", "code", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "score_adjustment"
            ADD CONSTRAINT "FK_af8ebc23db3719f79b28edb760f" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            INSERT INTO "score_adjustment" ("submission_id", "code", "value", "reason", "source", "created_at")
            SELECT s.id, a.key, round(a.value::text::numeric, 2), 'Recorded before adjustments kept their reason', 'unknown (before adjustment history)', s.updated_at
              FROM "submission" s, jsonb_each(s.adjustments) a
             WHERE jsonb_typeof(a.value) = 'number'
        `);
        await queryRunner.query(`ALTER TABLE "reporting_cycle" ADD "data_year" integer`);
        await queryRunner.query(`UPDATE "reporting_cycle" SET "data_year" = CASE WHEN programme = 'KKP_HAM' THEN year - 1 ELSE year END`);
        await queryRunner.query(`ALTER TABLE "reporting_cycle" ALTER COLUMN "data_year" SET NOT NULL`);
        // A writer that names no data year (a script, an older client) gets the rule's default rather than an error:
        // the same rule as the backfill, in the one place every insert passes.
        await queryRunner.query(`
            CREATE FUNCTION reporting_cycle_default_data_year() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.data_year IS NULL THEN
                    NEW.data_year := CASE WHEN NEW.programme = 'KKP_HAM' THEN NEW.year - 1 ELSE NEW.year END;
                END IF;
                RETURN NEW;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER reporting_cycle_default_data_year BEFORE INSERT ON "reporting_cycle"
            FOR EACH ROW EXECUTE FUNCTION reporting_cycle_default_data_year()
        `);
        await queryRunner.query(`ALTER TABLE "reporting_cycle" ADD "decree_number" character varying(120)`);
        await queryRunner.query(`ALTER TABLE "reporting_cycle" ADD "decree_date" date`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The values in force stay in submission.adjustments; only their reasons and sources go.
        await queryRunner.query(`ALTER TABLE "reporting_cycle" DROP COLUMN "decree_date"`);
        await queryRunner.query(`ALTER TABLE "reporting_cycle" DROP COLUMN "decree_number"`);
        await queryRunner.query(`DROP TRIGGER reporting_cycle_default_data_year ON "reporting_cycle"`);
        await queryRunner.query(`DROP FUNCTION reporting_cycle_default_data_year()`);
        await queryRunner.query(`ALTER TABLE "reporting_cycle" DROP COLUMN "data_year"`);
        await queryRunner.query(`ALTER TABLE "score_adjustment" DROP CONSTRAINT "FK_af8ebc23db3719f79b28edb760f"`);
        await queryRunner.query(`DROP INDEX "public"."score_adjustment_submission_code_idx"`);
        await queryRunner.query(`DROP TABLE "score_adjustment"`);
    }
}
