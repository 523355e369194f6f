import { HttpStatus, Injectable } from '@nestjs/common';
import { recordAudit, ReviewDecision, Submission, SubmissionReview } from '@peduli/db';
import {
  Locale,
  mayReviewAt,
  nextReviewStage,
  OrganisationKind,
  Permission,
  RETURN_REASON_MESSAGES,
  ReturnTarget,
  returnTargetsAt,
  reviewStagesFor,
  ReviewStage,
  setsVerifiedValues,
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
 * The review of a checked submission: each stage's reviewer approves or returns it with reasons. A reporter's own
 * report ends at the centre (after the Kanwil for a regency/city or province, directly for a K/L), whose approval
 * verifies; a unit's input ends at its coordinator. The Kanwil may propose verified values and rejections with its
 * approval and the centre may set its own (final); the latest set is the one scored. The centre may return a report
 * to the Kanwil instead of the reporter. Every decision is a row in submission_review and an audit entry, written in
 * the transaction that changes the submission.
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
      if (setsValues && !setsVerifiedValues(stage)) throw ApiError.badRequest('review.valuesOnlyWhenVerifying', { stage });
      if (setsValues) {
        const subject = { programme: submission.programme, periodKey: submission.periodKey, organisationKind };
        await this.submissions.assertAnswersFit(manager, subject, body.verifiedAnswers ?? {}, 'verifiedAnswers');
        const rejected = Object.fromEntries(Object.keys(body.rejections ?? {}).map((code) => [code, null]));
        await this.submissions.assertAnswersFit(manager, subject, rejected, 'rejections');
        await this.repository.setVerifiedValues(manager, id, { verifiedAnswers: body.verifiedAnswers, rejections: body.rejections });
      }
      if (next !== null) {
        await this.repository.moveToStage(manager, id, next);
      } else {
        await this.repository.markVerified(manager, id);
        await recordEvent(manager, JobName.SubmissionVerified, { submissionId: id, submitCount: submission.submitCount });
      }
      const decision = next === null ? ReviewDecision.VERIFIED : ReviewDecision.APPROVED;
      await this.record(manager, submission, principal, actor, {
        stage,
        decision,
        comment: body.comment ?? null,
        verifiedAnswers: body.verifiedAnswers ?? null,
        rejections: body.rejections ?? null,
        after: { status: next === null ? SubmissionStatus.VERIFIED : SubmissionStatus.IN_REVIEW, reviewStage: next },
      });
      return next === null;
    });
    if (verified) this.relay.kick();
  }

  /**
   * Sends a submission back: to its reporter (RETURNED; the reporter corrects and submits again), or from the centre
   * to the Kanwil (still IN_REVIEW, at the Kanwil's stage, the Kanwil's proposed values kept for it to revise).
   */
  async return(id: string, body: ReturnBody, principal: Principal, actor: RequestActor): Promise<void> {
    await this.submissions.findOrFail(id, principal, Permission.SUBMISSIONS_READ);
    const target = body.returnTo ?? ReturnTarget.REPORTER;
    await this.repository.transaction(async (manager) => {
      const { submission, stage, stages } = await this.takeTurn(manager, id, principal);
      if (!returnTargetsAt(stages, stage).includes(target)) {
        throw ApiError.badRequest(stage === ReviewStage.CENTRAL ? 'review.noKanwilStage' : 'review.returnToKanwilOnlyFromCentral', { stage });
      }
      if (target === ReturnTarget.KANWIL) await this.repository.moveToStage(manager, id, ReviewStage.KANWIL);
      else await this.repository.markReturned(manager, id);
      const reasons = body.reasons.map((reason) => ({ code: reason.code, ...(reason.indicatorCode ? { indicatorCode: reason.indicatorCode } : {}) }));
      await this.record(manager, submission, principal, actor, {
        stage,
        decision: ReviewDecision.RETURNED,
        returnTo: target,
        reasons,
        comment: body.comment,
        after:
          target === ReturnTarget.KANWIL
            ? { status: SubmissionStatus.IN_REVIEW, reviewStage: ReviewStage.KANWIL, returnTo: target, reasons }
            : { status: SubmissionStatus.RETURNED, returnTo: target, reasons },
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
      returnTo: row.returnTo,
      verifiedAnswers: row.verifiedAnswers,
      rejections: row.rejections,
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
    principal: Principal,
    actor: RequestActor,
    decision: {
      stage: ReviewStage;
      decision: ReviewDecision;
      comment: string | null;
      returnTo?: ReturnTarget;
      reasons?: SubmissionReview['reasons'];
      verifiedAnswers?: SubmissionReview['verifiedAnswers'];
      rejections?: SubmissionReview['rejections'];
      after: Record<string, unknown>;
    },
  ): Promise<void> {
    const { stage, comment, after } = decision;
    await this.repository.insertDecision(manager, {
      submissionId: submission.id,
      submitCount: submission.submitCount,
      stage,
      decision: decision.decision,
      returnTo: decision.returnTo ?? null,
      reasons: decision.reasons ?? [],
      verifiedAnswers: decision.verifiedAnswers ?? null,
      rejections: decision.rejections ?? null,
      comment,
      reviewerId: principal.userId,
    });
    const values = decision.verifiedAnswers || decision.rejections ? { verifiedAnswers: decision.verifiedAnswers ?? undefined, rejections: decision.rejections ?? undefined } : {};
    await recordAudit(manager, {
      ...actor,
      action: `submission.${decision.decision.toLowerCase()}`,
      entityType: 'submission',
      entityId: submission.id,
      before: { status: submission.status, reviewStage: stage },
      after: { ...after, ...values, comment },
      regionCode: submission.regionCode,
    });
  }
}
