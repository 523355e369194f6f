import { HttpStatus, Injectable } from '@nestjs/common';
import { recordAudit, ReviewDecision, Submission, SubmissionReview } from '@peduli/db';
import {
  Locale,
  mayReviewAt,
  nextReviewStage,
  OrganisationKind,
  Permission,
  RETURN_REASON_MESSAGES,
  reviewStagesFor,
  ReviewStage,
  SubmissionStatus,
} from '@peduli/domain';
import { JobName, OutboxRelay, recordEvent } from '@peduli/queue';
import { EntityManager } from 'typeorm';
import { submissionScope } from '../auth/scopes';
import type { Principal, RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { ApproveBody, ReturnBody, ReviewView } from './review.dto';
import { ReviewRepository } from './review.repository';
import { SubmissionsService } from './submissions.service';

interface Turn {
  submission: Submission;
  stage: ReviewStage;
  stages: ReviewStage[];
  organisationKind: OrganisationKind | null;
}

/**
 * The review of a checked submission: each stage's reviewer approves (the last approval verifies, optionally with
 * verified values and rejections) or returns it with reasons. Every decision is a row in submission_review and an
 * audit entry, written in the transaction that changes the submission.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly repository: ReviewRepository,
    private readonly submissions: SubmissionsService,
    private readonly relay: OutboxRelay,
  ) {}

  async approve(id: string, body: ApproveBody, principal: Principal, actor: RequestActor): Promise<void> {
    await this.submissions.findOrFail(id, principal, Permission.SUBMISSIONS_READ);
    const verified = await this.repository.transaction(async (manager) => {
      const { submission, stage, stages, organisationKind } = await this.takeTurn(manager, id, principal);
      const next = nextReviewStage(stages, stage);
      const setsValues = body.verifiedAnswers !== undefined || body.rejections !== undefined;
      if (setsValues && (next !== null || stage !== ReviewStage.KANWIL)) throw ApiError.badRequest('review.valuesOnlyWhenVerifying', { stage });
      if (setsValues) {
        const subject = { programme: submission.programme, periodKey: submission.periodKey, organisationKind };
        await this.submissions.assertAnswersFit(manager, subject, body.verifiedAnswers ?? {}, 'verifiedAnswers');
        const rejected = Object.fromEntries(Object.keys(body.rejections ?? {}).map((code) => [code, null]));
        await this.submissions.assertAnswersFit(manager, subject, rejected, 'rejections');
      }
      if (next !== null) {
        await this.repository.moveToStage(manager, id, next);
      } else {
        await this.repository.markVerified(manager, id, body.verifiedAnswers ?? {}, body.rejections ?? {});
        await recordEvent(manager, JobName.SubmissionVerified, { submissionId: id, submitCount: submission.submitCount });
      }
      const decision = next === null ? ReviewDecision.VERIFIED : ReviewDecision.APPROVED;
      await this.record(manager, submission, stage, decision, [], body.comment ?? null, principal, actor, {
        status: next === null ? SubmissionStatus.VERIFIED : SubmissionStatus.IN_REVIEW,
        reviewStage: next,
        verifiedAnswers: body.verifiedAnswers,
        rejections: body.rejections,
      });
      return next === null;
    });
    if (verified) this.relay.kick();
  }

  async return(id: string, body: ReturnBody, principal: Principal, actor: RequestActor): Promise<void> {
    await this.submissions.findOrFail(id, principal, Permission.SUBMISSIONS_READ);
    await this.repository.transaction(async (manager) => {
      const { submission, stage } = await this.takeTurn(manager, id, principal);
      await this.repository.markReturned(manager, id);
      const reasons = body.reasons.map((reason) => ({ code: reason.code, ...(reason.indicatorCode ? { indicatorCode: reason.indicatorCode } : {}) }));
      await this.record(manager, submission, stage, ReviewDecision.RETURNED, reasons, body.comment, principal, actor, {
        status: SubmissionStatus.RETURNED,
        reasons,
      });
    });
  }

  async history(id: string, principal: Principal, locale: Locale): Promise<ReviewView[]> {
    await this.submissions.findOrFail(id, principal, Permission.SUBMISSIONS_READ);
    const rows = await this.repository.decisionsOf(id);
    return rows.map((row) => ({
      id: row.id,
      submitCount: row.submitCount,
      stage: row.stage,
      decision: row.decision,
      reasons: row.reasons.map((reason) => ({ ...reason, message: RETURN_REASON_MESSAGES[reason.code][locale] })),
      comment: row.comment,
      reviewerId: row.reviewerId,
      createdAt: row.createdAt.toISOString(),
    }));
  }

  /** Locks the submission and checks it is waiting for review at a stage the caller may act at. */
  private async takeTurn(manager: EntityManager, id: string, principal: Principal): Promise<Turn> {
    const submission = await this.repository.lockSubmission(manager, id);
    if (submission.status !== SubmissionStatus.IN_REVIEW) throw ApiError.conflict('review.notInReview', { status: submission.status });
    const organisationKind = await this.submissions.organisationKindOf(submission, manager);
    const stages = reviewStagesFor(organisationKind);
    const stage = submission.reviewStage ?? stages[0];
    if (!mayReviewAt(principal.grants, stage, submissionScope(submission))) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'review.notYourStage', { stage });
    }
    return { submission, stage, stages, organisationKind };
  }

  private async record(
    manager: EntityManager,
    submission: Submission,
    stage: ReviewStage,
    decision: ReviewDecision,
    reasons: SubmissionReview['reasons'],
    comment: string | null,
    principal: Principal,
    actor: RequestActor,
    after: Record<string, unknown>,
  ): Promise<void> {
    await this.repository.insertDecision(manager, {
      submissionId: submission.id,
      submitCount: submission.submitCount,
      stage,
      decision,
      reasons,
      comment,
      reviewerId: principal.userId,
    });
    await recordAudit(manager, {
      ...actor,
      action: `submission.${decision.toLowerCase()}`,
      entityType: 'submission',
      entityId: submission.id,
      before: { status: submission.status, reviewStage: stage },
      after: { ...after, comment },
      regionCode: submission.regionCode,
    });
  }
}
