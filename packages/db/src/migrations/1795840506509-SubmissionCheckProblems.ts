import { MigrationInterface, QueryRunner } from "typeorm";

export class SubmissionCheckProblems1795840506509 implements MigrationInterface {
    name = 'SubmissionCheckProblems1795840506509'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "submission"
            ADD "check_problems" jsonb NOT NULL DEFAULT '[]'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "submission" DROP COLUMN "check_problems"
        `);
    }

}
