import type { Schemas } from '@peduli/api-client';

export type SubmissionStatus = Schemas['SubmissionSummary']['status'];

/** The statuses in which a report's answers and documents can still change (the domain's EDITABLE_STATUSES). */
export const EDITABLE_STATUSES: readonly SubmissionStatus[] = ['DRAFT', 'RETURNED', 'CHECK_FAILED'];
