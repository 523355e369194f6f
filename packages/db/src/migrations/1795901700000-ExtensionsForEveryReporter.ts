import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Deadline extensions for every RANHAM reporter: a ministry and its directorates, or a province (its Biro Hukum) and
 * its OPD, have no regency/city, so an extension names either a regency/city (as before) or the reporting organisation
 * (the ministry or the Biro Hukum), never both; `organisation_id` still narrows it to one unit. Stored rows all name a
 * regency/city and stay as they are.
 */
export class ExtensionsForEveryReporter1795901700000 implements MigrationInterface {
    name = 'ExtensionsForEveryReporter1795901700000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "deadline_extension" ADD "reporter_organisation_id" uuid`);
        await queryRunner.query(`ALTER TABLE "deadline_extension" ALTER COLUMN "region_code" DROP NOT NULL`);
        await queryRunner.query(`
            ALTER TABLE "deadline_extension" ADD CONSTRAINT "deadline_extension_reporter_fk"
            FOREIGN KEY ("reporter_organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_extension" ADD CONSTRAINT "deadline_extension_one_reporter_chk"
            CHECK (("region_code" IS NULL) <> ("reporter_organisation_id" IS NULL))
        `);
        await queryRunner.query(`CREATE INDEX "deadline_extension_period_reporter_idx" ON "deadline_extension" ("period_id", "reporter_organisation_id")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The earlier schema cannot hold extensions without a regency/city: refuse rather than drop granted extensions.
        const [{ count }]: { count: number }[] = await queryRunner.query(`SELECT count(*)::int AS count FROM deadline_extension WHERE region_code IS NULL`);
        if (count > 0) {
            throw new Error(`Cannot revert ExtensionsForEveryReporter: ${count} extensions of province or K/L reporters exist; remove them first.`);
        }
        await queryRunner.query(`DROP INDEX "public"."deadline_extension_period_reporter_idx"`);
        await queryRunner.query(`ALTER TABLE "deadline_extension" DROP CONSTRAINT "deadline_extension_one_reporter_chk"`);
        await queryRunner.query(`ALTER TABLE "deadline_extension" DROP CONSTRAINT "deadline_extension_reporter_fk"`);
        await queryRunner.query(`ALTER TABLE "deadline_extension" ALTER COLUMN "region_code" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "deadline_extension" DROP COLUMN "reporter_organisation_id"`);
    }
}
