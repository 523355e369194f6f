import { MigrationInterface, QueryRunner } from "typeorm";

export class ReviewAndDeadlines1795840110932 implements MigrationInterface {
    name = 'ReviewAndDeadlines1795840110932'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "submission_review" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "submit_count" integer NOT NULL,
                "stage" character varying(16) NOT NULL,
                "decision" character varying(16) NOT NULL,
                "reasons" jsonb NOT NULL DEFAULT '[]',
                "comment" text,
                "reviewer_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c3b53d733895bbd468beba4ecfd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "submission_review_submission_idx" ON "submission_review" ("submission_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "reporting_period" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cycle_id" uuid NOT NULL,
                "code" character varying(16) NOT NULL,
                "opens_on" date,
                "deadline_date" date NOT NULL,
                "deadline_time" character varying(5),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_273d2b68dc1854618ec53e144d0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "reporting_period_cycle_code_uq" ON "reporting_period" ("cycle_id", "code")
        `);
        await queryRunner.query(`
            CREATE TABLE "deadline_extension" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "period_id" uuid NOT NULL,
                "region_code" character varying(5) NOT NULL,
                "organisation_id" uuid,
                "until" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reason" text NOT NULL,
                "granted_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3be4c5bba67ab6df021e3c4f7b2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "deadline_extension_period_region_idx" ON "deadline_extension" ("period_id", "region_code")
        `);
        await queryRunner.query(`
            ALTER TABLE "submission"
            ADD "review_stage" character varying(16)
        `);
        await queryRunner.query(`
            ALTER TABLE "submission"
            ADD "late" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_review"
            ADD CONSTRAINT "FK_e357aa226423021b1dca90be6a7" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reporting_period"
            ADD CONSTRAINT "FK_624c8585f698f68b803364fa8e7" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_extension"
            ADD CONSTRAINT "FK_06b4dbe85cd8319c362256f1d31" FOREIGN KEY ("period_id") REFERENCES "reporting_period"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "deadline_extension" DROP CONSTRAINT "FK_06b4dbe85cd8319c362256f1d31"
        `);
        await queryRunner.query(`
            ALTER TABLE "reporting_period" DROP CONSTRAINT "FK_624c8585f698f68b803364fa8e7"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_review" DROP CONSTRAINT "FK_e357aa226423021b1dca90be6a7"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission" DROP COLUMN "late"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission" DROP COLUMN "review_stage"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."deadline_extension_period_region_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "deadline_extension"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."reporting_period_cycle_code_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "reporting_period"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."submission_review_submission_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "submission_review"
        `);
    }

}
