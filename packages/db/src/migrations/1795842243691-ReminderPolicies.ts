import { MigrationInterface, QueryRunner } from "typeorm";

export class ReminderPolicies1795842243691 implements MigrationInterface {
    name = 'ReminderPolicies1795842243691'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "reminder_policy" (
                "cycle_id" uuid NOT NULL,
                "policy" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8090e7c904a407952954fc7e8e9" PRIMARY KEY ("cycle_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder_policy"
            ADD CONSTRAINT "FK_8090e7c904a407952954fc7e8e9" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "reminder_policy" DROP CONSTRAINT "FK_8090e7c904a407952954fc7e8e9"
        `);
        await queryRunner.query(`
            DROP TABLE "reminder_policy"
        `);
    }

}
