import type { Schemas } from '@peduli/api-client';

/** The review queue's pure rules: which stages a person's roles act on, and which waiting submissions they see. */

export type ReviewStage = NonNullable<Schemas['SubmissionSummary']['reviewStage']>;
export type RoleName = Schemas['GrantView']['role'];
export type Programme = Schemas['SubmissionSummary']['programme'];
export type SubmissionSummary = Schemas['SubmissionSummary'];

export const REVIEW_STAGES: readonly ReviewStage[] = ['UNIT_HEAD', 'COORDINATOR', 'KANWIL', 'CENTRAL'];

/** The one role that decides at each stage (the domain's STAGE_ROLE); other roles may read but not act. */
const STAGE_OF_ROLE: Partial<Record<RoleName, ReviewStage>> = {
  UNIT_HEAD: 'UNIT_HEAD',
  COORDINATOR: 'COORDINATOR',
  KANWIL_VERIFIER: 'KANWIL',
  CENTRAL_VERIFIER: 'CENTRAL',
};

/** The stages the caller's roles may act on, in the order a submission passes them. */
export function stagesForRoles(roles: readonly { role: RoleName }[]): ReviewStage[] {
  const held = new Set(roles.map((grant) => STAGE_OF_ROLE[grant.role]).filter((stage): stage is ReviewStage => stage !== undefined));
  return REVIEW_STAGES.filter((stage) => held.has(stage));
}

/** Whether the navigation offers "Tinjauan": only to someone who reviews at some stage. */
export const holdsReviewingRole = (roles: readonly { role: RoleName }[]): boolean => stagesForRoles(roles).length > 0;

export interface QueueFilters {
  programme: Programme | null;
  /** e.g. 2026-TAHUNAN or 2026-B08; matched exactly, ignoring surrounding blanks and case. */
  periodKey: string;
  stage: ReviewStage | null;
}

export const NO_FILTERS: QueueFilters = { programme: null, periodKey: '', stage: null };

/**
 * What waits for me: IN_REVIEW at a stage my roles act on, narrowed by the filters. The API's list already keeps to
 * what I may read (my unit, region or province), but a coordinator also reads the unit inputs still at the unit
 * head, which are not his to decide; those stay out. Oldest submitted first, so the longest wait is at the top.
 */
export function waitingForMe(items: readonly SubmissionSummary[], myStages: readonly ReviewStage[], filters: QueueFilters): SubmissionSummary[] {
  const period = filters.periodKey.trim().toUpperCase();
  return items
    .filter((item) => item.status === 'IN_REVIEW' && item.reviewStage !== null && myStages.includes(item.reviewStage))
    .filter((item) => filters.programme === null || item.programme === filters.programme)
    .filter((item) => filters.stage === null || item.reviewStage === filters.stage)
    .filter((item) => period === '' || item.periodKey.toUpperCase() === period)
    .sort((a, b) => (a.submittedAt ?? a.createdAt).localeCompare(b.submittedAt ?? b.createdAt));
}

/**
 * The list endpoint's query for these filters: the server narrows by status, programme, period and (when one stage
 * is chosen, or I act on only one) stage, so a page of results is not spent on what the client would drop.
 */
export function queueQuery(myStages: readonly ReviewStage[], filters: QueueFilters) {
  const stage = filters.stage ?? (myStages.length === 1 ? myStages[0] : undefined);
  const period = filters.periodKey.trim().toUpperCase();
  return {
    status: 'IN_REVIEW' as const,
    pageSize: 100,
    ...(filters.programme ? { programme: filters.programme } : {}),
    ...(period ? { periodKey: period } : {}),
    ...(stage ? { reviewStage: stage } : {}),
  };
}
