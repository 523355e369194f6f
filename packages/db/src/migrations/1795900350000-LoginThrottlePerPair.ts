import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins are counted per email and client address, per client address and per email (see LoginThrottle)
 * instead of per email alone. The old rows are short-lived counters with no client address, so they are dropped
 * rather than converted: at worst an attacker gets one fresh window.
 */
export class LoginThrottlePerPair1795900350000 implements MigrationInterface {
  name = 'LoginThrottlePerPair1795900350000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`
            CREATE TABLE "login_throttle" (
                "scope" character varying(16) NOT NULL,
                "key" character varying(320) NOT NULL,
                "failed_count" integer NOT NULL DEFAULT '0',
                "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "lock_count" integer NOT NULL DEFAULT '0',
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_de5549f3090fa2a88f68458c087" PRIMARY KEY ("scope", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "login_throttle_expires_idx" ON "login_throttle" ("expires_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`
            CREATE TABLE "login_throttle" (
                "email" character varying(254) NOT NULL,
                "failed_count" integer NOT NULL DEFAULT '0',
                "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_ee5faa28448a9c67f4383e2a15a" PRIMARY KEY ("email")
            )
        `);
  }
}
