import { MigrationInterface, QueryRunner } from "typeorm";

export class RemindersAndCalendar1795864638403 implements MigrationInterface {
    name = 'RemindersAndCalendar1795864638403'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "reminder" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "period_id" uuid NOT NULL,
                "recipient_user_id" uuid NOT NULL,
                "recipient_email" character varying(254) NOT NULL,
                "kind" character varying(16) NOT NULL,
                "slot" character varying(32) NOT NULL,
                "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "time_zone" character varying(40) NOT NULL,
                "region_code" character varying(5) NOT NULL,
                "organisation_id" uuid,
                "send_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'PLANNED',
                "attempts" integer NOT NULL DEFAULT '0',
                "retry_at" TIMESTAMP WITH TIME ZONE,
                "leased_until" TIMESTAMP WITH TIME ZONE,
                "generation" integer NOT NULL DEFAULT '0',
                "message_id" character varying(200),
                "smtp_response" text,
                "last_error" text,
                "skip_reason" character varying(24),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "reminder_recipient_deadline_slot_uq" UNIQUE (
                    "recipient_user_id",
                    "period_id",
                    "deadline_at",
                    "slot"
                ),
                CONSTRAINT "PK_9ec029d17cb8dece186b9221ede" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "reminder_period_unit_idx" ON "reminder" ("period_id", "region_code", "organisation_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "reminder_due_idx" ON "reminder" ("send_at")
            WHERE status IN ('PLANNED', 'SENDING')
        `);
        await queryRunner.query(`
            CREATE TABLE "cycle_milestone" (
                "cycle_id" uuid NOT NULL,
                "code" character varying(32) NOT NULL,
                "date" date NOT NULL,
                "time" character varying(5),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a91bd86a531df8d0ea2606555b4" PRIMARY KEY ("cycle_id", "code")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "internal_deadline" (
                "period_id" uuid NOT NULL,
                "region_code" character varying(5) NOT NULL,
                "deadline_date" date NOT NULL,
                "deadline_time" character varying(5),
                "set_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aec0ed6e33dd7a013776997d5e0" PRIMARY KEY ("period_id", "region_code")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "reporting_period"
            ADD "time_zone" character varying(40)
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder"
            ADD CONSTRAINT "FK_fdf29b76fac5ce9f402635cd6a9" FOREIGN KEY ("period_id") REFERENCES "reporting_period"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder"
            ADD CONSTRAINT "FK_699b363a0523ad195981a665937" FOREIGN KEY ("recipient_user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cycle_milestone"
            ADD CONSTRAINT "FK_a0be65285fb37079ba49daa8091" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "internal_deadline"
            ADD CONSTRAINT "FK_34670469a5e9fe126d0a521529d" FOREIGN KEY ("period_id") REFERENCES "reporting_period"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "internal_deadline" DROP CONSTRAINT "FK_34670469a5e9fe126d0a521529d"
        `);
        await queryRunner.query(`
            ALTER TABLE "cycle_milestone" DROP CONSTRAINT "FK_a0be65285fb37079ba49daa8091"
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder" DROP CONSTRAINT "FK_699b363a0523ad195981a665937"
        `);
        await queryRunner.query(`
            ALTER TABLE "reminder" DROP CONSTRAINT "FK_fdf29b76fac5ce9f402635cd6a9"
        `);
        await queryRunner.query(`
            ALTER TABLE "reporting_period" DROP COLUMN "time_zone"
        `);
        await queryRunner.query(`
            DROP TABLE "internal_deadline"
        `);
        await queryRunner.query(`
            DROP TABLE "cycle_milestone"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."reminder_due_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."reminder_period_unit_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "reminder"
        `);
    }

}
