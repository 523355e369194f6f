import { MigrationInterface, QueryRunner } from "typeorm";

export class RolesAreTheOnlyGrant1795827725990 implements MigrationInterface {
    name = 'RolesAreTheOnlyGrant1795827725990'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Written by hand: rights come from role assignments only, so carry the old flag over before dropping it.
        await queryRunner.query(`
            INSERT INTO "role_assignment" ("user_id", "role")
            SELECT "id", 'NATIONAL_ADMIN' FROM "user_account" WHERE "is_national_admin"
            ON CONFLICT DO NOTHING
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "is_national_admin"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "is_national_admin" boolean NOT NULL DEFAULT false
        `);
    }

}
