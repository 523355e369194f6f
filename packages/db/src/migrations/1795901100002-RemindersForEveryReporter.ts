import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Reminders for every RANHAM reporter: a reminder about a ministry's or a province's report, or one of its units'
 * inputs, has no regency/city, so the reminder's region becomes optional (its organisation names the unit or the
 * reporter). No stored row changes.
 */
export class RemindersForEveryReporter1795901100002 implements MigrationInterface {
    name = 'RemindersForEveryReporter1795901100002'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "reminder" ALTER COLUMN "region_code" DROP NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The earlier schema cannot hold reminders without a regency/city: refuse rather than delete the ledger's history.
        const [{ count }]: { count: number }[] = await queryRunner.query(`SELECT count(*)::int AS count FROM reminder WHERE region_code IS NULL`);
        if (count > 0) {
            throw new Error(`Cannot revert RemindersForEveryReporter: ${count} reminders of province or K/L reporters exist; remove them first.`);
        }
        await queryRunner.query(`ALTER TABLE "reminder" ALTER COLUMN "region_code" SET NOT NULL`);
    }
}
