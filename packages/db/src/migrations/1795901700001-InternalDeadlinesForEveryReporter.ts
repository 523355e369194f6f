import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Internal deadlines for every RANHAM reporter: a ministry's or a Biro Hukum's coordinator sets one for its units, which
 * have no regency/city. An internal deadline is now keyed by its period and either a regency/city (as before) or the
 * reporting organisation, never both, so it gets its own id; each stored row keeps its regency/city.
 */
export class InternalDeadlinesForEveryReporter1795901700001 implements MigrationInterface {
    name = 'InternalDeadlinesForEveryReporter1795901700001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "internal_deadline" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
        await queryRunner.query(`ALTER TABLE "internal_deadline" ADD "reporter_organisation_id" uuid`);
        await queryRunner.query(`ALTER TABLE "internal_deadline" DROP CONSTRAINT "PK_aec0ed6e33dd7a013776997d5e0"`);
        await queryRunner.query(`ALTER TABLE "internal_deadline" ADD CONSTRAINT "internal_deadline_pk" PRIMARY KEY ("id")`);
        await queryRunner.query(`ALTER TABLE "internal_deadline" ALTER COLUMN "region_code" DROP NOT NULL`);
        await queryRunner.query(`
            ALTER TABLE "internal_deadline" ADD CONSTRAINT "internal_deadline_reporter_fk"
            FOREIGN KEY ("reporter_organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "internal_deadline" ADD CONSTRAINT "internal_deadline_one_reporter_chk"
            CHECK (("region_code" IS NULL) <> ("reporter_organisation_id" IS NULL))
        `);
        await queryRunner.query(`CREATE UNIQUE INDEX "internal_deadline_period_region_uq" ON "internal_deadline" ("period_id", "region_code") WHERE "region_code" IS NOT NULL`);
        await queryRunner.query(
            `CREATE UNIQUE INDEX "internal_deadline_period_reporter_uq" ON "internal_deadline" ("period_id", "reporter_organisation_id") WHERE "reporter_organisation_id" IS NOT NULL`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The earlier schema cannot hold internal deadlines without a regency/city: refuse rather than drop them.
        const [{ count }]: { count: number }[] = await queryRunner.query(`SELECT count(*)::int AS count FROM internal_deadline WHERE region_code IS NULL`);
        if (count > 0) {
            throw new Error(`Cannot revert InternalDeadlinesForEveryReporter: ${count} internal deadlines of province or K/L reporters exist; remove them first.`);
        }
        await queryRunner.query(`DROP INDEX "public"."internal_deadline_period_reporter_uq"`);
        await queryRunner.query(`DROP INDEX "public"."internal_deadline_period_region_uq"`);
        await queryRunner.query(`ALTER TABLE "internal_deadline" DROP CONSTRAINT "internal_deadline_one_reporter_chk"`);
        await queryRunner.query(`ALTER TABLE "internal_deadline" DROP CONSTRAINT "internal_deadline_reporter_fk"`);
        await queryRunner.query(`ALTER TABLE "internal_deadline" ALTER COLUMN "region_code" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "internal_deadline" DROP CONSTRAINT "internal_deadline_pk"`);
        await queryRunner.query(`ALTER TABLE "internal_deadline" ADD CONSTRAINT "PK_aec0ed6e33dd7a013776997d5e0" PRIMARY KEY ("period_id", "region_code")`);
        await queryRunner.query(`ALTER TABLE "internal_deadline" DROP COLUMN "reporter_organisation_id"`);
        await queryRunner.query(`ALTER TABLE "internal_deadline" DROP COLUMN "id"`);
    }
}
