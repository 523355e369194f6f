/**
 * Who may do what, where. Pure rules: the API resolves the caller's role assignments and the target's place in the
 * hierarchy (nation > province > regency/city > organisation), and asks these functions.
 */

export enum OrganisationKind {
  /** A ministry or agency (K/L): reports RANHAM at level K/L, compiling its directorates' inputs. */
  MINISTRY = 'MINISTRY',
  /** A unit of a ministry or agency (directorate, bureau): its parent is the ministry. */
  DIRECTORATE = 'DIRECTORATE',
  KANWIL = 'KANWIL',
  BIRO_HUKUM = 'BIRO_HUKUM',
  BAGIAN_HUKUM = 'BAGIAN_HUKUM',
  OPD = 'OPD',
  COMPANY = 'COMPANY',
  UNIVERSITY = 'UNIVERSITY',
  NGO = 'NGO',
}

/** Where an organisation of each kind sits: nationally, in a province, or in a regency/city. */
export const ORGANISATION_LEVEL: Readonly<Record<OrganisationKind, 'NATIONAL' | 'PROVINCE' | 'REGION'>> = {
  [OrganisationKind.MINISTRY]: 'NATIONAL',
  [OrganisationKind.DIRECTORATE]: 'NATIONAL',
  [OrganisationKind.KANWIL]: 'PROVINCE',
  [OrganisationKind.BIRO_HUKUM]: 'PROVINCE',
  [OrganisationKind.BAGIAN_HUKUM]: 'REGION',
  [OrganisationKind.OPD]: 'REGION',
  [OrganisationKind.COMPANY]: 'REGION',
  [OrganisationKind.UNIVERSITY]: 'REGION',
  [OrganisationKind.NGO]: 'REGION',
};

export enum Role {
  NATIONAL_ADMIN = 'NATIONAL_ADMIN',
  KANWIL_VERIFIER = 'KANWIL_VERIFIER',
  /** The ministry's centre (the Directorate General as RANHAM secretariat, Tim Penilai for KKP HAM): national, not an admin. */
  CENTRAL_VERIFIER = 'CENTRAL_VERIFIER',
  COORDINATOR = 'COORDINATOR',
  UNIT_HEAD = 'UNIT_HEAD',
  UNIT_OPERATOR = 'UNIT_OPERATOR',
  VIEWER = 'VIEWER',
}

export enum Permission {
  ORGANISATIONS_READ = 'organisations:read',
  ORGANISATIONS_MANAGE = 'organisations:manage',
  USERS_READ = 'users:read',
  USERS_MANAGE = 'users:manage',
  API_TOKENS_MANAGE = 'api-tokens:manage',
  AUDIT_READ = 'audit:read',
  SUBMISSIONS_READ = 'submissions:read',
  SUBMISSIONS_EDIT = 'submissions:edit',
  SUBMISSIONS_SUBMIT = 'submissions:submit',
  /** Approve, return or verify at a review stage; which stage a grant may act at is decided by `mayReviewAt`. */
  SUBMISSIONS_REVIEW = 'submissions:review',
  /** Grant a regency/city or unit more time after a deadline. */
  DEADLINES_EXTEND = 'deadlines:extend',
  /** Set an earlier, internal deadline for the units of one's own regency/city. */
  INTERNAL_DEADLINES_SET = 'internal-deadlines:set',
  /** Send a reminder again by hand. */
  REMINDERS_RESEND = 'reminders:resend',
  FRAMEWORKS_MANAGE = 'frameworks:manage',
  /** Enter the central team's adjustments (Aksi HAM bonus, unresolved-complaint penalty) on a scored report. */
  ADJUSTMENTS_MANAGE = 'adjustments:manage',
}

/** A place in the hierarchy. Narrower scopes fill in more fields. */
export interface Scope {
  provinceCode?: string | null;
  regionCode?: string | null;
  organisationId?: string | null;
  /**
   * The reporting organisation a unit belongs to (the ministry of a directorate, the Biro Hukum of a province's OPD):
   * a grant over the parent covers its units.
   */
  parentOrganisationId?: string | null;
}

export interface RoleAssignmentGrant {
  role: Role;
  scope: Scope;
}

const P = Permission;
const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.NATIONAL_ADMIN]: Object.values(Permission),
  [Role.KANWIL_VERIFIER]: [P.ORGANISATIONS_READ, P.USERS_READ, P.AUDIT_READ, P.SUBMISSIONS_READ, P.SUBMISSIONS_REVIEW, P.DEADLINES_EXTEND, P.REMINDERS_RESEND],
  [Role.CENTRAL_VERIFIER]: [
    P.ORGANISATIONS_READ,
    P.USERS_READ,
    P.AUDIT_READ,
    P.SUBMISSIONS_READ,
    P.SUBMISSIONS_REVIEW,
    P.ADJUSTMENTS_MANAGE,
    P.DEADLINES_EXTEND,
    P.REMINDERS_RESEND,
  ],
  [Role.COORDINATOR]: [
    P.ORGANISATIONS_READ,
    P.ORGANISATIONS_MANAGE,
    P.USERS_READ,
    P.USERS_MANAGE,
    P.SUBMISSIONS_READ,
    P.SUBMISSIONS_EDIT,
    P.SUBMISSIONS_SUBMIT,
    P.SUBMISSIONS_REVIEW,
    P.INTERNAL_DEADLINES_SET,
    P.REMINDERS_RESEND,
  ],
  [Role.UNIT_HEAD]: [P.ORGANISATIONS_READ, P.USERS_READ, P.SUBMISSIONS_READ, P.SUBMISSIONS_EDIT, P.SUBMISSIONS_SUBMIT, P.SUBMISSIONS_REVIEW],
  [Role.UNIT_OPERATOR]: [P.ORGANISATIONS_READ, P.SUBMISSIONS_READ, P.SUBMISSIONS_EDIT, P.SUBMISSIONS_SUBMIT],
  [Role.VIEWER]: [P.ORGANISATIONS_READ, P.SUBMISSIONS_READ],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/** The scope a role must be given: which fields of the assignment are required. */
export const ROLE_SCOPE: Readonly<Record<Role, 'NATIONAL' | 'PROVINCE' | 'REGION' | 'REPORTER' | 'ORGANISATION' | 'ANY'>> = {
  [Role.NATIONAL_ADMIN]: 'NATIONAL',
  [Role.KANWIL_VERIFIER]: 'PROVINCE',
  [Role.CENTRAL_VERIFIER]: 'NATIONAL',
  // A regency/city's Bagian Hukum coordinates by region; a ministry's or a province's coordinator is scoped to the
  // ministry or the province's Biro Hukum (a province scope would cover its regencies and cities too).
  [Role.COORDINATOR]: 'REPORTER',
  [Role.UNIT_HEAD]: 'ORGANISATION',
  [Role.UNIT_OPERATOR]: 'ORGANISATION',
  [Role.VIEWER]: 'ANY',
};

/** Whether an assignment's scope covers a target. An unset field in the grant means "all of them". */
export function scopeCovers(grant: Scope, target: Scope): boolean {
  if (grant.organisationId) {
    return grant.organisationId === target.organisationId || (Boolean(target.parentOrganisationId) && grant.organisationId === target.parentOrganisationId);
  }
  if (grant.regionCode) return grant.regionCode === target.regionCode;
  if (grant.provinceCode) return grant.provinceCode === target.provinceCode;
  return true;
}

/** Whether any of the caller's assignments grants the permission over the target. */
export function isAllowed(grants: readonly RoleAssignmentGrant[], permission: Permission, target: Scope): boolean {
  return grants.some((grant) => ROLE_PERMISSIONS[grant.role].includes(permission) && scopeCovers(grant.scope, target));
}

/** Whether the caller holds the permission anywhere (to decide between 403 and a scoped answer). */
export function holdsPermission(grants: readonly RoleAssignmentGrant[], permission: Permission): boolean {
  return grants.some((grant) => ROLE_PERMISSIONS[grant.role].includes(permission));
}

/**
 * Whether a caller may hand out a role: only within its own scope, and never a role broader than its own (a
 * coordinator may appoint unit heads and operators of its regency/city, but not a Kanwil verifier or an admin).
 */
export function mayAssign(grants: readonly RoleAssignmentGrant[], assignment: RoleAssignmentGrant): boolean {
  if (assignment.role === Role.NATIONAL_ADMIN || assignment.role === Role.KANWIL_VERIFIER || assignment.role === Role.CENTRAL_VERIFIER) {
    return grants.some((grant) => grant.role === Role.NATIONAL_ADMIN);
  }
  return isAllowed(grants, Permission.USERS_MANAGE, assignment.scope) &&
    (assignment.role !== Role.COORDINATOR || grants.some((grant) => grant.role === Role.NATIONAL_ADMIN));
}

/** Whether an assignment names exactly the scope its role requires (one field, or none for a national role). */
export function assignmentScopeFits(role: Role, scope: Scope): boolean {
  const given = [scope.provinceCode, scope.regionCode, scope.organisationId].filter(Boolean).length;
  switch (ROLE_SCOPE[role]) {
    case 'NATIONAL':
      return given === 0;
    case 'PROVINCE':
      return given === 1 && Boolean(scope.provinceCode);
    case 'REGION':
      return given === 1 && Boolean(scope.regionCode);
    case 'REPORTER':
      return given === 1 && Boolean(scope.regionCode || scope.organisationId);
    case 'ORGANISATION':
      return given === 1 && Boolean(scope.organisationId);
    case 'ANY':
      return given <= 1;
  }
}
