import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795822573998 implements MigrationInterface {
    name = 'InitialSchema1795822573998'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "email_notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(48) NOT NULL, "dedupe_key" character varying(160) NOT NULL, "recipient" character varying(254) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'PENDING', "message_id" character varying(255), "leased_until" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "email_notification_dedupe_uq" UNIQUE ("kind", "dedupe_key", "recipient"), CONSTRAINT "PK_0ebb489f20426be0ad1b2e55fc5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "region" ("code" character varying(5) NOT NULL, "province_code" character varying(2) NOT NULL, "name" character varying(120) NOT NULL, "kind" character varying(10) NOT NULL, "time_zone" character varying(4) NOT NULL, "iana_zone" character varying(40) NOT NULL, CONSTRAINT "PK_74f7723fdff738f92929c0056cb" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE INDEX "region_province_idx" ON "region"  ("province_code") `);
        await queryRunner.query(`CREATE TABLE "submission" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_code" character varying(5) NOT NULL, "programme" character varying(16) NOT NULL, "period_key" character varying(24) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'DRAFT', "answers" jsonb NOT NULL DEFAULT '{}'::jsonb, "contact_email" character varying(254), "submitted_at" TIMESTAMP WITH TIME ZONE, "submit_count" integer NOT NULL DEFAULT '0', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7faa571d0e4a7076e85890c9bd0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "submission_status_idx" ON "submission"  ("status") `);
        await queryRunner.query(`CREATE INDEX "submission_region_period_idx" ON "submission"  ("region_code", "programme", "period_key") `);
        await queryRunner.query(`CREATE TABLE "evidence_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "document_type" character varying(32) NOT NULL, "original_name" character varying(255) NOT NULL, "declared_mime" character varying(255), "size_bytes" bigint NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(255) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'QUARANTINED', "sniffed_mime" character varying(255), "check_reasons" jsonb NOT NULL DEFAULT '[]'::jsonb, "checked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1236a1cb527e7f4d234145bfe33" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "evidence_document_submission_idx" ON "evidence_document"  ("submission_id") `);
        await queryRunner.query(`CREATE TABLE "outbox_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, "publish_attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event"  ("created_at") WHERE published_at IS NULL`);
        await queryRunner.query(`CREATE TABLE "province" ("code" character varying(2) NOT NULL, "name" character varying(120) NOT NULL, "time_zone" character varying(4) NOT NULL, "iana_zone" character varying(40) NOT NULL, CONSTRAINT "PK_3288dfa18d390ed33b359fc0418" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE TABLE "score_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "region_code" character varying(5) NOT NULL, "period_key" character varying(24) NOT NULL, "framework_version" character varying(64) NOT NULL, "basis" character varying(16) NOT NULL, "input_hash" character(64) NOT NULL, "total" numeric(5,2) NOT NULL, "band" character varying(32) NOT NULL, "breakdown" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "score_snapshot_inputs_uq" UNIQUE ("submission_id", "framework_version", "input_hash"), CONSTRAINT "PK_ce4ca78346c75ab924a9ce55cfb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "score_snapshot_region_period_idx" ON "score_snapshot"  ("region_code", "period_key") `);
        await queryRunner.query(`CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "display_name" character varying(120) NOT NULL, "password_hash" character varying(255) NOT NULL, "locale" character varying(2) NOT NULL DEFAULT 'id', "is_national_admin" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_56a0e4bcec2b5411beafa47ffa5" UNIQUE ("email"), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "region" ADD CONSTRAINT "FK_ccfc11aec7c95e9a3bbc2aecc3b" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "submission" ADD CONSTRAINT "FK_691aeb8c50f06468fdbf7af2647" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_document" ADD CONSTRAINT "FK_a3bdc554d1d48636be0482fb06a" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "score_snapshot" ADD CONSTRAINT "FK_f967bebdd949ce89906f0f054cb" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "score_snapshot" DROP CONSTRAINT "FK_f967bebdd949ce89906f0f054cb"`);
        await queryRunner.query(`ALTER TABLE "evidence_document" DROP CONSTRAINT "FK_a3bdc554d1d48636be0482fb06a"`);
        await queryRunner.query(`ALTER TABLE "submission" DROP CONSTRAINT "FK_691aeb8c50f06468fdbf7af2647"`);
        await queryRunner.query(`ALTER TABLE "region" DROP CONSTRAINT "FK_ccfc11aec7c95e9a3bbc2aecc3b"`);
        await queryRunner.query(`DROP TABLE "user_account"`);
        await queryRunner.query(`DROP INDEX "public"."score_snapshot_region_period_idx"`);
        await queryRunner.query(`DROP TABLE "score_snapshot"`);
        await queryRunner.query(`DROP TABLE "province"`);
        await queryRunner.query(`DROP INDEX "public"."outbox_event_unpublished_idx"`);
        await queryRunner.query(`DROP TABLE "outbox_event"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_document_submission_idx"`);
        await queryRunner.query(`DROP TABLE "evidence_document"`);
        await queryRunner.query(`DROP INDEX "public"."submission_region_period_idx"`);
        await queryRunner.query(`DROP INDEX "public"."submission_status_idx"`);
        await queryRunner.query(`DROP TABLE "submission"`);
        await queryRunner.query(`DROP INDEX "public"."region_province_idx"`);
        await queryRunner.query(`DROP TABLE "region"`);
        await queryRunner.query(`DROP TABLE "email_notification"`);
    }

}
