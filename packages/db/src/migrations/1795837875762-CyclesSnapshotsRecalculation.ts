import { MigrationInterface, QueryRunner } from "typeorm";

export class CyclesSnapshotsRecalculation1795837875762 implements MigrationInterface {
    name = 'CyclesSnapshotsRecalculation1795837875762'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "reporting_cycle" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme" character varying(16) NOT NULL,
                "year" integer NOT NULL,
                "label" character varying(300) NOT NULL,
                "framework_version_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e4f49976fc744c6b3ce7132e832" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "reporting_cycle_programme_year_uq" ON "reporting_cycle" ("programme", "year")
        `);
        await queryRunner.query(`
            CREATE TABLE "recalculation_run" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cycle_id" uuid NOT NULL,
                "framework_version_id" uuid NOT NULL,
                "previous_framework_version_id" uuid,
                "reason" character varying(32) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'PLANNED',
                "total" integer NOT NULL DEFAULT '0',
                "done" integer NOT NULL DEFAULT '0',
                "failed" integer NOT NULL DEFAULT '0',
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_94160b4d2a0f616cb49f40f185c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "recalculation_run_cycle_idx" ON "recalculation_run" ("cycle_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "recalculation_item" (
                "run_id" uuid NOT NULL,
                "submission_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'PENDING',
                "snapshot_id" uuid,
                "from_band" character varying(32),
                "to_band" character varying(32),
                "from_total" numeric(5, 2),
                "to_total" numeric(5, 2),
                "error" text,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_f1e502b6aa5ce82af7404e38f42" PRIMARY KEY ("run_id", "submission_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "recalculation_item_run_status_idx" ON "recalculation_item" ("run_id", "status")
        `);
        await queryRunner.query(`
            ALTER TABLE "submission"
            ADD "verified_answers" jsonb NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            ALTER TABLE "submission"
            ADD "rejections" jsonb NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            ALTER TABLE "submission"
            ADD "adjustments" jsonb NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            ALTER TABLE "submission"
            ADD "current_snapshot_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "score_snapshot"
            ADD "framework_version_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "score_snapshot"
            ADD "organisation_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "score_snapshot"
            ADD "recalculation_run_id" uuid
        `);
        // Widened in place: dropping and re-adding the column (as generated) would lose every stamp already stored.
        await queryRunner.query(`
            ALTER TABLE "score_snapshot" ALTER COLUMN "framework_version" TYPE character varying(80)
        `);
        await queryRunner.query(`
            CREATE INDEX "score_snapshot_submission_idx" ON "score_snapshot" ("submission_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "score_snapshot"
            ADD CONSTRAINT "FK_16adb499f06a266dc318dc90bd9" FOREIGN KEY ("framework_version_id") REFERENCES "framework_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reporting_cycle"
            ADD CONSTRAINT "FK_cec554baae201fcc4ea9d45c807" FOREIGN KEY ("framework_version_id") REFERENCES "framework_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "recalculation_run"
            ADD CONSTRAINT "FK_267939c39fb6cbac2523c0965d8" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "recalculation_run"
            ADD CONSTRAINT "FK_45c92f39469ca81c6cc6cd3fdee" FOREIGN KEY ("framework_version_id") REFERENCES "framework_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "recalculation_item"
            ADD CONSTRAINT "FK_8b5502214e97777440d27bbb9c6" FOREIGN KEY ("run_id") REFERENCES "recalculation_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "recalculation_item"
            ADD CONSTRAINT "FK_f9b31a7a5b77b14f78c2638049f" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "recalculation_item" DROP CONSTRAINT "FK_f9b31a7a5b77b14f78c2638049f"
        `);
        await queryRunner.query(`
            ALTER TABLE "recalculation_item" DROP CONSTRAINT "FK_8b5502214e97777440d27bbb9c6"
        `);
        await queryRunner.query(`
            ALTER TABLE "recalculation_run" DROP CONSTRAINT "FK_45c92f39469ca81c6cc6cd3fdee"
        `);
        await queryRunner.query(`
            ALTER TABLE "recalculation_run" DROP CONSTRAINT "FK_267939c39fb6cbac2523c0965d8"
        `);
        await queryRunner.query(`
            ALTER TABLE "reporting_cycle" DROP CONSTRAINT "FK_cec554baae201fcc4ea9d45c807"
        `);
        await queryRunner.query(`
            ALTER TABLE "score_snapshot" DROP CONSTRAINT "FK_16adb499f06a266dc318dc90bd9"
        `);
        await queryRunner.query(`
            ALTER TABLE "score_snapshot" ALTER COLUMN "framework_version" TYPE character varying(64)
        `);
        await queryRunner.query(`
            DROP INDEX "public"."score_snapshot_submission_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "score_snapshot" DROP COLUMN "recalculation_run_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "score_snapshot" DROP COLUMN "organisation_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "score_snapshot" DROP COLUMN "framework_version_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission" DROP COLUMN "current_snapshot_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission" DROP COLUMN "adjustments"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission" DROP COLUMN "rejections"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission" DROP COLUMN "verified_answers"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."recalculation_item_run_status_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "recalculation_item"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."recalculation_run_cycle_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "recalculation_run"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."reporting_cycle_programme_year_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "reporting_cycle"
        `);
    }

}
