import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Who answers what: a reporter assigns the indicators, actions or measures of a cycle to its units, one row per item
 * and unit, with at most one lead per item. A reporter that assigns nothing keeps the old behaviour (every unit may
 * answer everything), so nothing is back-filled.
 */
export class UnitAssignments1795902000000 implements MigrationInterface {
    name = 'UnitAssignments1795902000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "assignment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cycle_id" uuid NOT NULL,
                "reporter_region_code" character varying(5),
                "reporter_organisation_id" uuid,
                "item_code" character varying(32) NOT NULL,
                "unit_organisation_id" uuid NOT NULL,
                "lead" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "assignment_pk" PRIMARY KEY ("id"),
                CONSTRAINT "assignment_one_reporter_chk" CHECK (("reporter_region_code" IS NULL) <> ("reporter_organisation_id" IS NULL)),
                CONSTRAINT "assignment_cycle_fk" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "assignment_reporter_fk" FOREIGN KEY ("reporter_organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "assignment_unit_fk" FOREIGN KEY ("unit_organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`CREATE UNIQUE INDEX "assignment_cycle_unit_item_uq" ON "assignment" ("cycle_id", "unit_organisation_id", "item_code")`);
        await queryRunner.query(`CREATE INDEX "assignment_cycle_unit_idx" ON "assignment" ("cycle_id", "unit_organisation_id")`);
        // Whether a reporter assigns anything at all decides whether its units are restricted: asked on every answer update.
        await queryRunner.query(`CREATE INDEX "assignment_cycle_region_idx" ON "assignment" ("cycle_id", "reporter_region_code")`);
        await queryRunner.query(`CREATE INDEX "assignment_cycle_reporter_idx" ON "assignment" ("cycle_id", "reporter_organisation_id")`);
        await queryRunner.query(
            `CREATE UNIQUE INDEX "assignment_lead_region_uq" ON "assignment" ("cycle_id", "reporter_region_code", "item_code") WHERE "lead" AND "reporter_region_code" IS NOT NULL`,
        );
        await queryRunner.query(
            `CREATE UNIQUE INDEX "assignment_lead_reporter_uq" ON "assignment" ("cycle_id", "reporter_organisation_id", "item_code") WHERE "lead" AND "reporter_organisation_id" IS NOT NULL`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "assignment"`);
    }
}
