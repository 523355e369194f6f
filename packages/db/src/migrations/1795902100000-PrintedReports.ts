import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Printed documents (PDF): a score report, a RANHAM period report or yearly summary, a certificate. One row per
 * request of a subject with given source data (`source_key`): asking again with nothing changed finds the same row.
 * Rows of one subject whose rendered content hashes alike share one stored blob.
 */
export class PrintedReports1795902100000 implements MigrationInterface {
    name = 'PrintedReports1795902100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "printed_report" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(32) NOT NULL,
                "subject_key" character varying(200) NOT NULL,
                "source_key" character(64) NOT NULL,
                "submission_id" uuid,
                "cycle_id" uuid,
                "province_code" character varying(2),
                "region_code" character varying(5),
                "organisation_id" uuid,
                "status" character varying(16) NOT NULL DEFAULT 'PENDING',
                "content_hash" character(64),
                "storage_key" character varying(200),
                "size_bytes" integer,
                "file_name" character varying(300) NOT NULL,
                "error" text,
                "requested_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "ready_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_printed_report" PRIMARY KEY ("id"),
                CONSTRAINT "printed_report_source_uq" UNIQUE ("subject_key", "source_key"),
                CONSTRAINT "printed_report_kind_ck" CHECK ("kind" IN ('KKP_SCORE_REPORT', 'RANHAM_PERIOD_REPORT', 'RANHAM_YEAR_SUMMARY', 'CERTIFICATE')),
                CONSTRAINT "printed_report_status_ck" CHECK ("status" IN ('PENDING', 'READY', 'FAILED')),
                CONSTRAINT "printed_report_ready_ck" CHECK ("status" <> 'READY' OR ("content_hash" IS NOT NULL AND "storage_key" IS NOT NULL AND "size_bytes" IS NOT NULL AND "ready_at" IS NOT NULL))
            )
        `);
        await queryRunner.query(`CREATE INDEX "printed_report_subject_hash_idx" ON "printed_report" ("subject_key", "content_hash")`);
        await queryRunner.query(`CREATE INDEX "printed_report_region_idx" ON "printed_report" ("region_code", "created_at")`);
        await queryRunner.query(`CREATE INDEX "printed_report_organisation_idx" ON "printed_report" ("organisation_id", "created_at")`);
        await queryRunner.query(`CREATE INDEX "printed_report_cycle_idx" ON "printed_report" ("cycle_id", "kind")`);
        await queryRunner.query(`
            ALTER TABLE "printed_report" ADD CONSTRAINT "FK_printed_report_submission" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "printed_report" ADD CONSTRAINT "FK_printed_report_cycle" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "printed_report"`);
    }
}
