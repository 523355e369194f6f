import { MigrationInterface, QueryRunner } from "typeorm";

export class AccountTokens1795900100000 implements MigrationInterface {
    name = 'AccountTokens1795900100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "account_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(16) NOT NULL, "token_hash" character(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "account_token_hash_uq" UNIQUE ("token_hash"), CONSTRAINT "PK_a55842d3341d42534e39f85e931" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "account_token_user_idx" ON "account_token" ("user_id", "purpose") `);
        // Invited accounts have no password until their owner sets one.
        await queryRunner.query(`ALTER TABLE "user_account" ALTER COLUMN "password_hash" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "account_token" ADD CONSTRAINT "FK_ab3c66669facfe429164e60ab82" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "account_token" DROP CONSTRAINT "FK_ab3c66669facfe429164e60ab82"`);
        // Not an argon2 hash, so an invitation never accepted still cannot be signed in to.
        await queryRunner.query(`UPDATE "user_account" SET "password_hash" = '!' WHERE "password_hash" IS NULL`);
        await queryRunner.query(`ALTER TABLE "user_account" ALTER COLUMN "password_hash" SET NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."account_token_user_idx"`);
        await queryRunner.query(`DROP TABLE "account_token"`);
    }
}
