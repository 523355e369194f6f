import type { Schemas } from '@peduli/api-client';
import { IndonesianTimeZone } from '@peduli/domain/time-zones';
import { zoneOfOrganisation } from '../../lib/deadline';
import type { FormProblem } from '../../lib/form-problems';

/**
 * The administration pages' pure rules: who sees which part, how a form's values become the API's body, and how the
 * API's answers are read back (deadlines per zone, a role's scope in words, audit filters as instants).
 */

export type RoleName = Schemas['GrantView']['role'];
export type PeriodView = Schemas['PeriodView'];

/** What each part of the administration pages asks of the caller; mirrors Permission in packages/domain/src/access.ts. */
export interface AdminAccess {
  /** Reads the calendar of cycles (anyone may read it; shown to those who run one). */
  cycles: boolean;
  /** PUT period, milestone, reminder policy (frameworks:manage). */
  editCalendar: boolean;
  /** POST extension (deadlines:extend). */
  extend: boolean;
  /** PUT internal deadline (internal-deadlines:set). */
  internalDeadlines: boolean;
  /** Lists organisations and users (users:read). */
  people: boolean;
  /** Invites, re-roles and deactivates accounts; creates, renames, deactivates organisations. */
  managePeople: boolean;
  apiTokens: boolean;
  audit: boolean;
  queues: boolean;
}

const has = (roles: readonly { role: RoleName }[], wanted: readonly RoleName[]) => roles.some((grant) => wanted.includes(grant.role));

export function adminAccess(roles: readonly { role: RoleName }[]): AdminAccess {
  return {
    cycles: has(roles, ['NATIONAL_ADMIN', 'KANWIL_VERIFIER', 'CENTRAL_VERIFIER', 'COORDINATOR']),
    editCalendar: has(roles, ['NATIONAL_ADMIN']),
    extend: has(roles, ['NATIONAL_ADMIN', 'KANWIL_VERIFIER', 'CENTRAL_VERIFIER']),
    internalDeadlines: has(roles, ['NATIONAL_ADMIN', 'COORDINATOR']),
    people: has(roles, ['NATIONAL_ADMIN', 'KANWIL_VERIFIER', 'CENTRAL_VERIFIER', 'COORDINATOR']),
    managePeople: has(roles, ['NATIONAL_ADMIN', 'COORDINATOR']),
    apiTokens: has(roles, ['NATIONAL_ADMIN']),
    audit: has(roles, ['NATIONAL_ADMIN', 'KANWIL_VERIFIER', 'CENTRAL_VERIFIER']),
    queues: has(roles, ['NATIONAL_ADMIN']),
  };
}

export const ZONES: readonly IndonesianTimeZone[] = [IndonesianTimeZone.WIB, IndonesianTimeZone.WITA, IndonesianTimeZone.WIT];

/** Each zone's offset from UTC; Indonesia keeps no daylight saving. */
export const ZONE_OFFSET: Readonly<Record<IndonesianTimeZone, string>> = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' };

/** A period's deadline in each zone, WIB first, skipping a zone the API did not give. */
export function deadlinesByZone(period: Pick<PeriodView, 'deadlineByZone'>): { zone: IndonesianTimeZone; instant: Date }[] {
  return ZONES.filter((zone) => period.deadlineByZone[zone]).map((zone) => ({ zone, instant: new Date(period.deadlineByZone[zone]) }));
}

export const REGION_CODE = /^\d{2}\.\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The zone a regency/city works in, by its province (the first two digits of its code). */
export const zoneOfRegion = (regionCode: string): IndonesianTimeZone => zoneOfOrganisation(REGION_CODE.test(regionCode) ? regionCode.slice(0, 2) : null);

export interface ExtensionValues {
  periodCode: string;
  regionCode: string;
  organisationId: string;
  date: string;
  time: string;
  zone: IndonesianTimeZone;
  reason: string;
}
export type ExtensionField = 'periodCode' | 'regionCode' | 'organisationId' | 'until' | 'reason';

/** "2026-09-13T23:59:00+08:00": the local date and time in the chosen zone, with its offset so nothing is guessed. */
export const instantWithOffset = (date: string, time: string, zone: IndonesianTimeZone): string => `${date}T${time || '23:59'}:00${ZONE_OFFSET[zone]}`;

/** The form's own checks before sending, in the API's terms (it checks again). */
export function checkExtension(values: ExtensionValues): FormProblem<ExtensionField>[] {
  const problems: FormProblem<ExtensionField>[] = [];
  if (!values.periodCode) problems.push({ field: 'periodCode', message: { key: 'admin.periodRequired' } });
  const region = values.regionCode.trim();
  if (region && !REGION_CODE.test(region)) problems.push({ field: 'regionCode', message: { key: 'admin.regionInvalid' } });
  if (!region && !values.organisationId.trim()) problems.push({ field: 'regionCode', message: { key: 'admin.reporterRequired' } });
  if (!DATE.test(values.date) || (values.time && !TIME.test(values.time))) problems.push({ field: 'until', message: { key: 'admin.untilRequired' } });
  if (values.reason.trim().length < 5) problems.push({ field: 'reason', message: { key: 'admin.reasonTooShort' } });
  return problems;
}

export function extensionBody(values: ExtensionValues): Schemas['ExtensionBody'] {
  const region = values.regionCode.trim();
  const organisationId = values.organisationId.trim();
  return {
    ...(region ? { regionCode: region } : {}),
    ...(organisationId ? { organisationId } : {}),
    until: instantWithOffset(values.date, values.time, values.zone),
    reason: values.reason.trim(),
  };
}

/** "3, 1" or "3 1" -> [3, 1]; null when any part is not a whole number. */
export function parseWholeNumbers(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.some((part) => !/^\d+$/.test(part))) return null;
  return parts.map(Number);
}

export interface PolicyValues {
  offsetsDays: string;
  sendAt: string;
  overdueAfterDays: string;
  escalateOverdue: boolean;
  graceHours: string;
}
export type PolicyField = 'offsetsDays' | 'sendAt' | 'overdueAfterDays' | 'graceHours';

export function policyValues(policy: Schemas['PolicyDto']): PolicyValues {
  return {
    offsetsDays: policy.offsetsDays.join(', '),
    sendAt: policy.sendAt,
    overdueAfterDays: policy.overdueAfterDays === null ? '' : String(policy.overdueAfterDays),
    escalateOverdue: policy.escalateOverdue,
    graceHours: String(policy.graceHours),
  };
}

/**
 * The days-based policy the form edits; numbers it cannot read are sent as they are typed so the API names the field
 * (its messages say what is allowed), rather than the page guessing the limits.
 */
export function policyBody(values: PolicyValues): Schemas['PolicyBody'] {
  const offsets = parseWholeNumbers(values.offsetsDays);
  const overdue = values.overdueAfterDays.trim();
  const grace = values.graceHours.trim();
  return {
    unit: 'DAYS',
    offsetsDays: offsets ?? (values.offsetsDays as unknown as number[]),
    sendAt: values.sendAt.trim(),
    overdueAfterDays: overdue === '' ? null : /^\d+$/.test(overdue) ? Number(overdue) : (overdue as unknown as number),
    escalateOverdue: values.escalateOverdue,
    ...(grace === '' ? {} : { graceHours: /^\d+$/.test(grace) ? Number(grace) : (grace as unknown as number) }),
  };
}

export interface ScopeValues {
  organisationId: string;
  regionCode: string;
  provinceCode: string;
}

/** Where each role applies (ROLE_SCOPE in packages/domain/src/access.ts): which of the form's fields it takes. */
export const ROLE_SCOPE: Readonly<Record<RoleName, 'NATIONAL' | 'PROVINCE' | 'REPORTER' | 'ORGANISATION' | 'ANY'>> = {
  NATIONAL_ADMIN: 'NATIONAL',
  KANWIL_VERIFIER: 'PROVINCE',
  CENTRAL_VERIFIER: 'NATIONAL',
  COORDINATOR: 'REPORTER',
  UNIT_HEAD: 'ORGANISATION',
  UNIT_OPERATOR: 'ORGANISATION',
  VIEWER: 'ANY',
};
export const ROLES = Object.keys(ROLE_SCOPE) as RoleName[];

/** A role with only the scope fields it takes, so a stray field does not make the API refuse or widen it. */
export function roleAssignment(role: RoleName, scope: ScopeValues): Schemas['RoleAssignmentBody'] {
  const organisationId = scope.organisationId.trim();
  const regionCode = scope.regionCode.trim();
  const provinceCode = scope.provinceCode.trim();
  switch (ROLE_SCOPE[role]) {
    case 'NATIONAL':
      return { role };
    case 'PROVINCE':
      return { role, provinceCode: provinceCode || regionCode.slice(0, 2) };
    case 'ORGANISATION':
      return { role, organisationId };
    case 'REPORTER':
      return regionCode ? { role, regionCode } : { role, organisationId };
    case 'ANY':
      if (organisationId) return { role, organisationId };
      if (regionCode) return { role, regionCode };
      return provinceCode ? { role, provinceCode } : { role };
  }
}

/** Where a role applies, in words: an organisation's name, a region or province code, or national. */
export function scopeWords(
  assignment: { provinceCode: string | null; regionCode: string | null; organisationId: string | null },
  organisationNames: ReadonlyMap<string, string>,
  nationalWord: string,
): string {
  if (assignment.organisationId) return organisationNames.get(assignment.organisationId) ?? assignment.organisationId;
  return assignment.regionCode ?? assignment.provinceCode ?? nationalWord;
}

export interface AuditFilters {
  action: string;
  entityType: string;
  actorId: string;
  regionCode: string;
  /** Local dates (YYYY-MM-DD) in the viewer's zone, inclusive. */
  from: string;
  to: string;
}
export const NO_AUDIT_FILTERS: AuditFilters = { action: '', entityType: '', actorId: '', regionCode: '', from: '', to: '' };

/** The filters as the API's query: blanks left out, days as instants from the first to the last minute in the zone. */
export function auditQuery(filters: AuditFilters, zone: IndonesianTimeZone): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['action', 'entityType', 'actorId', 'regionCode'] as const) if (filters[key].trim()) query[key] = filters[key].trim();
  if (DATE.test(filters.from)) query.from = `${filters.from}T00:00:00${ZONE_OFFSET[zone]}`;
  if (DATE.test(filters.to)) query.to = `${filters.to}T23:59:59${ZONE_OFFSET[zone]}`;
  return query;
}

/**
 * The export's range: the filter's days, or (as the export needs both ends) from the first day of the trail the page
 * is showing up to now.
 */
export function auditExportRange(filters: AuditFilters, zone: IndonesianTimeZone, now: Date): { from: string; to: string } {
  const query = auditQuery(filters, zone);
  return { from: query.from ?? '2000-01-01T00:00:00Z', to: query.to ?? now.toISOString() };
}

/** An audit entry's changed fields in one readable line: "name: A → B". */
export function auditChange(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
  return keys
    .map((key) => (before && key in before ? `${key}: ${show(before[key])} → ${show(after?.[key])}` : `${key}: ${show(after?.[key])}`))
    .join('; ');
}
