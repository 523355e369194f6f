import type { ResponseBody } from '@peduli/api-client';
import type { Indicator, RanhamAction as DomainRanhamAction, RanhamFrameworkContent, RanhamPeriodResult } from '@peduli/domain';

/**
 * The API's answers the story reads, named for the story but typed by the generated client (packages/api-client),
 * so the demo cannot drift from the OpenAPI document. Where the document leaves a body open (a framework version's
 * `content`, a score's `breakdown`), the shape comes from @peduli/domain, which defines it.
 */

/** A list the API answers either as an array or as a page of items. */
type ItemOf<L> = L extends readonly (infer I)[] ? I : L extends { items: readonly (infer I)[] } ? I : never;

export type Me = ResponseBody<'/api/v1/auth/me', 'get'>;
export type SubmissionView = ResponseBody<'/api/v1/submissions/{id}', 'get'>;
/** A compiled report, and which unit's input each answer came from. */
export type CompiledView = ResponseBody<'/api/v1/submissions/compile', 'post'>;
export type DocumentView = ResponseBody<'/api/v1/submissions/{id}/evidence', 'post'>;
export type ReviewView = ItemOf<ResponseBody<'/api/v1/submissions/{id}/reviews', 'get'>>;
export type ScoreView = ResponseBody<'/api/v1/scores/{id}', 'get'>;
export type ScoreExplanation = ResponseBody<'/api/v1/scores/{id}/explain', 'get'>;
export type CompletenessView = ResponseBody<'/api/v1/completeness', 'get'>;
export type PolicyView = ResponseBody<'/api/v1/cycles/{cycleId}/reminder-policy', 'put'>;

export type VersionSummary = ItemOf<ResponseBody<'/api/v1/frameworks/versions', 'get'>>;
/** A version with its content, whose shape follows the programme. */
export type VersionDetail<C> = Omit<ResponseBody<'/api/v1/frameworks/versions/{id}', 'get'>, 'content'> & { content: C };
export type CycleView = ResponseBody<'/api/v1/cycles/{id}', 'get'>;
export type CreatedCycle = ResponseBody<'/api/v1/cycles', 'post'>;
export type PeriodView = ResponseBody<'/api/v1/cycles/{cycleId}/periods/{code}', 'put'>;
export type ReminderLedger = ResponseBody<'/api/v1/cycles/{cycleId}/periods/{code}/reminders', 'get'>;
export type ReminderView = ItemOf<ReminderLedger>;
export type RunReport = ResponseBody<'/api/v1/recalculations/{id}', 'get'>;

export type RanhamContent = RanhamFrameworkContent;
export type RanhamAction = DomainRanhamAction;
export type KkpIndicator = Indicator;
/** A scored RANHAM period, and where each counted value came from (SELF or VERIFIED). */
export type RanhamBreakdown = RanhamPeriodResult & { sources: Record<string, string> };

/** A framework file as exported and imported (JSON): the version's identity and its content. */
export interface FrameworkFile<C> {
  format: string;
  formatVersion: number;
  programme: string;
  frameworkCode: string;
  label: string;
  content: C;
}
