import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The central verification stage: a review decision records where a return went (the reporter, or from the centre
 * back to the Kanwil) and the verified values and rejections a verifying stage set, so the Kanwil's proposal and the
 * centre's final set both stay in the history. Every return before this went to the reporter, which is what the
 * existing rows are given.
 */
export class CentralReview1795901200000 implements MigrationInterface {
  name = 'CentralReview1795901200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "submission_review"
            ADD "return_to" character varying(16),
            ADD "verified_answers" jsonb,
            ADD "rejections" jsonb
        `);
    await queryRunner.query(`UPDATE "submission_review" SET "return_to" = 'REPORTER' WHERE "decision" = 'RETURNED'`);
    await queryRunner.query(`
            ALTER TABLE "submission_review"
            ADD CONSTRAINT "submission_review_return_to_ck" CHECK ((decision = 'RETURNED') = (return_to IS NOT NULL))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Submissions waiting at the centre go back to the Kanwil, whose approval verified before this stage existed.
    await queryRunner.query(`UPDATE "submission" SET "review_stage" = 'KANWIL' WHERE "review_stage" = 'CENTRAL'`);
    await queryRunner.query(`ALTER TABLE "submission_review" DROP CONSTRAINT "submission_review_return_to_ck"`);
    await queryRunner.query(`
            ALTER TABLE "submission_review"
            DROP COLUMN "rejections",
            DROP COLUMN "verified_answers",
            DROP COLUMN "return_to"
        `);
  }
}
