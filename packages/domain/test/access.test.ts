import { assignmentScopeFits, holdsPermission, isAllowed, mayAssign, ORGANISATION_LEVEL, OrganisationKind, Permission, permissionsOf, Role, ROLE_SCOPE, RoleAssignmentGrant, scopeCovers } from '../src';

const ORG_A = 'a0000000-0000-4000-8000-000000000001';
const ORG_B = 'b0000000-0000-4000-8000-000000000002';
const unitA = { provinceCode: '64', regionCode: '64.71', organisationId: ORG_A };
const unitB = { provinceCode: '64', regionCode: '64.71', organisationId: ORG_B };
const jayapuraUnit = { provinceCode: '91', regionCode: '91.71', organisationId: 'c0000000-0000-4000-8000-000000000003' };
const balikpapan = { provinceCode: '64', regionCode: '64.71', organisationId: null };

const grant = (role: Role, scope: RoleAssignmentGrant['scope'] = {}): RoleAssignmentGrant => ({ role, scope });

describe('scopeCovers', () => {
  it('a national grant covers everything; narrower grants cover only their own place and what is inside it', () => {
    expect(scopeCovers({}, jayapuraUnit)).toBe(true);
    expect(scopeCovers({ provinceCode: '64' }, unitA)).toBe(true);
    expect(scopeCovers({ provinceCode: '64' }, jayapuraUnit)).toBe(false);
    expect(scopeCovers({ regionCode: '64.71' }, unitB)).toBe(true);
    expect(scopeCovers({ regionCode: '64.71' }, { provinceCode: '64', regionCode: '64.72' })).toBe(false);
    expect(scopeCovers({ organisationId: ORG_A }, unitA)).toBe(true);
    expect(scopeCovers({ organisationId: ORG_A }, unitB)).toBe(false);
    expect(scopeCovers({ organisationId: ORG_A }, balikpapan)).toBe(false);
  });

  it('a region grant never covers the province above it, nor a unit grant the region', () => {
    expect(scopeCovers({ regionCode: '64.71' }, { provinceCode: '64' })).toBe(false);
    expect(scopeCovers({ organisationId: ORG_A }, { provinceCode: '64', regionCode: '64.71' })).toBe(false);
  });
});

describe('isAllowed and holdsPermission', () => {
  it('needs both the permission and the scope', () => {
    const coordinator = [grant(Role.COORDINATOR, { regionCode: '64.71' })];
    expect(isAllowed(coordinator, Permission.USERS_MANAGE, unitA)).toBe(true);
    expect(isAllowed(coordinator, Permission.USERS_MANAGE, jayapuraUnit)).toBe(false);
    expect(isAllowed(coordinator, Permission.AUDIT_READ, unitA)).toBe(false);
    expect(holdsPermission(coordinator, Permission.AUDIT_READ)).toBe(false);
    expect(holdsPermission(coordinator, Permission.USERS_MANAGE)).toBe(true);
  });

  it('combines several assignments: any one that fits allows', () => {
    const twoUnits = [grant(Role.UNIT_OPERATOR, { organisationId: ORG_A }), grant(Role.VIEWER, { regionCode: '91.71' })];
    expect(isAllowed(twoUnits, Permission.SUBMISSIONS_SUBMIT, unitA)).toBe(true);
    expect(isAllowed(twoUnits, Permission.SUBMISSIONS_SUBMIT, jayapuraUnit)).toBe(false);
    expect(isAllowed(twoUnits, Permission.SUBMISSIONS_READ, jayapuraUnit)).toBe(true);
  });

  it('gives nobody anything without an assignment', () => {
    for (const permission of Object.values(Permission)) expect(isAllowed([], permission, unitA)).toBe(false);
  });

  it('keeps viewers and Kanwil verifiers read-only', () => {
    const writes = [Permission.ORGANISATIONS_MANAGE, Permission.USERS_MANAGE, Permission.SUBMISSIONS_EDIT, Permission.SUBMISSIONS_SUBMIT, Permission.API_TOKENS_MANAGE];
    for (const role of [Role.VIEWER, Role.KANWIL_VERIFIER]) {
      expect(permissionsOf(role).filter((p) => writes.includes(p))).toEqual([]);
    }
    expect(permissionsOf(Role.NATIONAL_ADMIN)).toEqual(Object.values(Permission));
  });
});

describe('mayAssign', () => {
  const admin = [grant(Role.NATIONAL_ADMIN)];
  const coordinator = [grant(Role.COORDINATOR, { provinceCode: '64', regionCode: '64.71' })];
  const head = [grant(Role.UNIT_HEAD, { organisationId: ORG_A })];

  it('lets a coordinator appoint unit heads, operators and viewers in its own regency/city only', () => {
    expect(mayAssign(coordinator, grant(Role.UNIT_OPERATOR, unitA))).toBe(true);
    expect(mayAssign(coordinator, grant(Role.UNIT_HEAD, unitB))).toBe(true);
    expect(mayAssign(coordinator, grant(Role.VIEWER, balikpapan))).toBe(true);
    expect(mayAssign(coordinator, grant(Role.UNIT_OPERATOR, jayapuraUnit))).toBe(false);
  });

  it('never lets anyone but a national admin hand out coordinator, Kanwil or admin roles', () => {
    for (const role of [Role.COORDINATOR, Role.KANWIL_VERIFIER, Role.NATIONAL_ADMIN]) {
      expect(mayAssign(coordinator, grant(role, balikpapan))).toBe(false);
      expect(mayAssign(head, grant(role, unitA))).toBe(false);
      expect(mayAssign(admin, grant(role, balikpapan))).toBe(true);
    }
  });

  it('does not let a unit head appoint anyone (no users:manage)', () => {
    expect(mayAssign(head, grant(Role.UNIT_OPERATOR, unitA))).toBe(false);
  });
});

describe('where organisations and roles sit', () => {
  it('places every organisation kind and scopes every role', () => {
    expect(Object.keys(ORGANISATION_LEVEL).sort()).toEqual(Object.values(OrganisationKind).sort());
    expect(ORGANISATION_LEVEL[OrganisationKind.KANWIL]).toBe('PROVINCE');
    expect(ORGANISATION_LEVEL[OrganisationKind.OPD]).toBe('REGION');
    expect(Object.keys(ROLE_SCOPE).sort()).toEqual(Object.values(Role).sort());
    expect(ROLE_SCOPE[Role.KANWIL_VERIFIER]).toBe('PROVINCE');
  });
});

describe('assignmentScopeFits', () => {
  it('requires exactly the scope field the role needs', () => {
    expect(assignmentScopeFits(Role.NATIONAL_ADMIN, {})).toBe(true);
    expect(assignmentScopeFits(Role.NATIONAL_ADMIN, { provinceCode: '64' })).toBe(false);
    expect(assignmentScopeFits(Role.KANWIL_VERIFIER, { provinceCode: '64' })).toBe(true);
    expect(assignmentScopeFits(Role.KANWIL_VERIFIER, { regionCode: '64.71' })).toBe(false);
    expect(assignmentScopeFits(Role.COORDINATOR, { regionCode: '64.71' })).toBe(true);
    expect(assignmentScopeFits(Role.COORDINATOR, { regionCode: '64.71', provinceCode: '64' })).toBe(false);
    expect(assignmentScopeFits(Role.UNIT_OPERATOR, { organisationId: ORG_A })).toBe(true);
    expect(assignmentScopeFits(Role.UNIT_OPERATOR, {})).toBe(false);
    expect(assignmentScopeFits(Role.VIEWER, {})).toBe(true);
    expect(assignmentScopeFits(Role.VIEWER, { regionCode: '64.71' })).toBe(true);
    expect(assignmentScopeFits(Role.VIEWER, { regionCode: '64.71', organisationId: ORG_A })).toBe(false);
  });
});
