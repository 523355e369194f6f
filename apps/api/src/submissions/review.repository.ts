import { Injectable } from '@nestjs/common';
import { Submission, SubmissionReview } from '@peduli/db';
import { ReviewStage, SubmissionStatus } from '@peduli/domain';
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

  async markVerified(manager: EntityManager, id: string, verifiedAnswers: unknown, rejections: unknown): Promise<void> {
    await manager.query(
      `UPDATE submission SET status = $2, review_stage = NULL, verified_answers = $3, rejections = $4, updated_at = now(), version = version + 1
        WHERE id = $1`,
      [id, SubmissionStatus.VERIFIED, JSON.stringify(verifiedAnswers), JSON.stringify(rejections)],
    );
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
