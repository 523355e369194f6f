import { MigrationInterface, QueryRunner } from "typeorm";

export class EvidenceChecks1795839611031 implements MigrationInterface {
    name = 'EvidenceChecks1795839611031'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "evidence_document"
            ADD "check_flags" jsonb NOT NULL DEFAULT '[]'
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document"
            ADD "check_details" jsonb NOT NULL DEFAULT '{}'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "evidence_document" DROP COLUMN "check_details"
        `);
        await queryRunner.query(`
            ALTER TABLE "evidence_document" DROP COLUMN "check_flags"
        `);
    }

}
