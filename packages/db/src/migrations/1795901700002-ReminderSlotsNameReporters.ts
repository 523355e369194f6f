import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An escalation or a weekly digest about a ministry's or a province's units names its reporter by organisation id in
 * its slot ("ESCALATION:<uuid>", "DIGEST:<uuid>:<date>"), so a central verifier gets one per ministry: the slot
 * widens from 32 to 64 characters. Stored slots fit as they are.
 */
export class ReminderSlotsNameReporters1795901700002 implements MigrationInterface {
    name = 'ReminderSlotsNameReporters1795901700002'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "reminder" ALTER COLUMN "slot" TYPE character varying(64)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The earlier schema cannot hold a reporter's slot: refuse rather than cut or drop the ledger's history.
        const [{ count }]: { count: number }[] = await queryRunner.query(`SELECT count(*)::int AS count FROM reminder WHERE length(slot) > 32`);
        if (count > 0) {
            throw new Error(`Cannot revert ReminderSlotsNameReporters: ${count} reminders about ministries or provinces have longer slots; remove them first.`);
        }
        await queryRunner.query(`ALTER TABLE "reminder" ALTER COLUMN "slot" TYPE character varying(32)`);
    }
}
