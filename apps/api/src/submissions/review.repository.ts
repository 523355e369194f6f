import { Injectable } from '@nestjs/common';
import { Submission, SubmissionReview } from '@peduli/db';
import { Answers, ReturnReason, ReviewStage, SubmissionStatus } from '@peduli/domain';
import { DataSource, EntityManager } from 'typeorm';

/** The review's statements: the submission's review state and the submission_review rows. */
@Injectable()
export class ReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The submission, locked until the transaction ends so two reviewers cannot decide at once. */
  lockSubmission(manager: EntityManager, id: string): Promise<Submission> {
    return manager.getRepository(Submission).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async moveToStage(manager: EntityManager, id: string, stage: ReviewStage): Promise<void> {
    await manager.query(`UPDATE submission SET review_stage = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [id, stage]);
  }

  /**
   * Writes the verified values and rejections a verifying stage set; a field it left out keeps what an earlier stage
   * set (the centre confirming the Kanwil's proposal), so the latest given set is the one the score uses.
   */
  async setVerifiedValues(manager: EntityManager, id: string, values: { verifiedAnswers?: Answers; rejections?: Record<string, ReturnReason> }): Promise<void> {
    await manager.query(
      `UPDATE submission SET verified_answers = COALESCE($2::jsonb, verified_answers), rejections = COALESCE($3::jsonb, rejections) WHERE id = $1`,
      [id, values.verifiedAnswers === undefined ? null : JSON.stringify(values.verifiedAnswers), values.rejections === undefined ? null : JSON.stringify(values.rejections)],
    );
  }

  async markVerified(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE submission SET status = $2, review_stage = NULL, updated_at = now(), version = version + 1 WHERE id = $1`, [
      id,
      SubmissionStatus.VERIFIED,
    ]);
  }

  async markReturned(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE submission SET status = $2, review_stage = NULL, updated_at = now(), version = version + 1 WHERE id = $1`, [
      id,
      SubmissionStatus.RETURNED,
    ]);
  }

  async insertDecision(manager: EntityManager, decision: Partial<SubmissionReview>): Promise<void> {
    await manager.getRepository(SubmissionReview).insert(decision);
  }

  decisionsOf(submissionId: string): Promise<SubmissionReview[]> {
    return this.dataSource.getRepository(SubmissionReview).find({ where: { submissionId }, order: { createdAt: 'ASC' } });
  }
}
