import { IndonesianTimeZone } from '@peduli/domain/time-zones';
import { DICTIONARIES } from '../src/i18n/messages';
import { formatDeadline } from '../src/lib/deadline';
import {
  NO_AUDIT_FILTERS,
  adminAccess,
  auditChange,
  auditExportRange,
  auditQuery,
  checkExtension,
  deadlinesByZone,
  extensionBody,
  instantWithOffset,
  parseWholeNumbers,
  policyBody,
  policyValues,
  roleAssignment,
  scopeWords,
  zoneOfRegion,
  type ExtensionValues,
} from '../src/pages/admin/admin-model';

const grant = (role: Parameters<typeof adminAccess>[0][number]['role']) => [{ role }];

describe('who sees which administration page', () => {
  it('gives a national admin every part, the queue dashboard included', () => {
    expect(Object.values(adminAccess(grant('NATIONAL_ADMIN'))).every(Boolean)).toBe(true);
  });

  it('lets the Kanwil extend deadlines and read people and the audit, but not edit the calendar, tokens or queues', () => {
    expect(adminAccess(grant('KANWIL_VERIFIER'))).toEqual({
      cycles: true,
      editCalendar: false,
      extend: true,
      internalDeadlines: false,
      people: true,
      managePeople: false,
      apiTokens: false,
      audit: true,
      queues: false,
    });
  });

  it('lets a coordinator set internal deadlines and manage its people, without the audit or extensions', () => {
    const access = adminAccess(grant('COORDINATOR'));
    expect([access.internalDeadlines, access.managePeople, access.audit, access.extend, access.editCalendar]).toEqual([true, true, false, false, false]);
  });

  it('shows a unit operator none of it', () => {
    expect(Object.values(adminAccess(grant('UNIT_OPERATOR'))).some(Boolean)).toBe(false);
    expect(Object.values(adminAccess([])).some(Boolean)).toBe(false);
  });
});

describe('deadlines in each zone', () => {
  it('lists WIB, WITA and WIT in that order, skipping a zone the API left out', () => {
    const period = { deadlineByZone: { WIT: '2026-09-06T14:59:59.999Z', WIB: '2026-09-06T16:59:59.999Z', WITA: '2026-09-06T15:59:59.999Z' } };
    expect(deadlinesByZone(period).map(({ zone, instant }) => formatDeadline(instant, zone, 'id'))).toEqual([
      '6 September 2026 pukul 23.59 WIB',
      '6 September 2026 pukul 23.59 WITA',
      '6 September 2026 pukul 23.59 WIT',
    ]);
    expect(deadlinesByZone({ deadlineByZone: { WITA: '2026-09-06T15:59:59.999Z' } }).map((d) => d.zone)).toEqual(['WITA']);
  });

  it('reads a regency’s zone from its province, WIB when the code is not one', () => {
    expect(zoneOfRegion('64.71')).toBe(IndonesianTimeZone.WITA);
    expect(zoneOfRegion('94.01')).toBe(IndonesianTimeZone.WIT);
    expect(zoneOfRegion('31.71')).toBe(IndonesianTimeZone.WIB);
    expect(zoneOfRegion('Balikpapan')).toBe(IndonesianTimeZone.WIB);
  });
});

describe('an extension', () => {
  const values: ExtensionValues = { periodCode: 'B08', regionCode: ' 64.71 ', organisationId: '', date: '2026-09-13', time: '23:59', zone: IndonesianTimeZone.WITA, reason: ' Banjir di kantor ' };

  it('sends the instant with the chosen zone’s offset, so the API never guesses a zone', () => {
    expect(instantWithOffset('2026-09-13', '16:00', IndonesianTimeZone.WIT)).toBe('2026-09-13T16:00:00+09:00');
    expect(instantWithOffset('2026-09-13', '', IndonesianTimeZone.WIB)).toBe('2026-09-13T23:59:00+07:00');
    expect(extensionBody(values)).toEqual({ regionCode: '64.71', until: '2026-09-13T23:59:00+08:00', reason: 'Banjir di kantor' });
    expect(extensionBody({ ...values, regionCode: '', organisationId: 'org-1' })).toEqual({ organisationId: 'org-1', until: '2026-09-13T23:59:00+08:00', reason: 'Banjir di kantor' });
  });

  it('passes a complete form and names each missing or malformed field', () => {
    expect(checkExtension(values)).toEqual([]);
    const problems = checkExtension({ ...values, periodCode: '', regionCode: 'Balikpapan', date: '13/09/2026', reason: 'ok' });
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['periodCode', { key: 'admin.periodRequired' }],
      ['regionCode', { key: 'admin.regionInvalid' }],
      ['until', { key: 'admin.untilRequired' }],
      ['reason', { key: 'admin.reasonTooShort' }],
    ]);
    expect(checkExtension({ ...values, regionCode: '', organisationId: '' }).map((p) => p.message)).toEqual([{ key: 'admin.reporterRequired' }]);
    expect(checkExtension({ ...values, time: '25:00' }).map((p) => p.field)).toEqual(['until']);
  });
});

describe('the reminder policy form', () => {
  const policy = { unit: 'DAYS' as const, offsetsDays: [3, 1], atOpening: true, sendAt: '09:00', overdueAfterDays: 1, escalateOverdue: true, weeklyDigest: null, graceHours: 24 };

  it('reads whole numbers typed with commas or spaces, and refuses anything else', () => {
    expect(parseWholeNumbers('3, 1')).toEqual([3, 1]);
    expect(parseWholeNumbers(' 7 3  1 ')).toEqual([7, 3, 1]);
    expect(parseWholeNumbers('')).toEqual([]);
    expect(parseWholeNumbers('3, satu')).toBeNull();
    expect(parseWholeNumbers('-1')).toBeNull();
  });

  it('round-trips the days-based policy, an empty overdue meaning none', () => {
    const values = policyValues(policy);
    expect(values).toEqual({ offsetsDays: '3, 1', sendAt: '09:00', overdueAfterDays: '1', escalateOverdue: true, graceHours: '24' });
    expect(policyBody(values)).toEqual({ unit: 'DAYS', offsetsDays: [3, 1], sendAt: '09:00', overdueAfterDays: 1, escalateOverdue: true, graceHours: 24 });
    expect(policyBody({ ...values, overdueAfterDays: ' ', graceHours: '' })).toEqual({ unit: 'DAYS', offsetsDays: [3, 1], sendAt: '09:00', overdueAfterDays: null, escalateOverdue: true });
  });

  it('sends what it cannot read as typed, so the API names the field', () => {
    const body = policyBody({ ...policyValues(policy), offsetsDays: 'tiga', overdueAfterDays: 'x' });
    expect(body.offsetsDays).toBe('tiga');
    expect(body.overdueAfterDays).toBe('x');
  });
});

describe('a role’s scope', () => {
  const scope = { organisationId: ' org-1 ', regionCode: '64.71', provinceCode: '' };

  it('keeps only the fields the role takes', () => {
    expect(roleAssignment('UNIT_OPERATOR', scope)).toEqual({ role: 'UNIT_OPERATOR', organisationId: 'org-1' });
    expect(roleAssignment('NATIONAL_ADMIN', scope)).toEqual({ role: 'NATIONAL_ADMIN' });
    expect(roleAssignment('KANWIL_VERIFIER', scope)).toEqual({ role: 'KANWIL_VERIFIER', provinceCode: '64' });
    expect(roleAssignment('KANWIL_VERIFIER', { ...scope, provinceCode: '63' })).toEqual({ role: 'KANWIL_VERIFIER', provinceCode: '63' });
    expect(roleAssignment('COORDINATOR', scope)).toEqual({ role: 'COORDINATOR', regionCode: '64.71' });
    expect(roleAssignment('COORDINATOR', { ...scope, regionCode: '' })).toEqual({ role: 'COORDINATOR', organisationId: 'org-1' });
    expect(roleAssignment('VIEWER', scope)).toEqual({ role: 'VIEWER', organisationId: 'org-1' });
    expect(roleAssignment('VIEWER', { organisationId: '', regionCode: '', provinceCode: '' })).toEqual({ role: 'VIEWER' });
  });

  it('names where a role applies: the organisation’s name, a code, or national', () => {
    const names = new Map([['org-1', 'Dinas Kesehatan Kota Balikpapan']]);
    expect(scopeWords({ provinceCode: '64', regionCode: '64.71', organisationId: 'org-1' }, names, 'Nasional')).toBe('Dinas Kesehatan Kota Balikpapan');
    expect(scopeWords({ provinceCode: null, regionCode: null, organisationId: 'org-2' }, names, 'Nasional')).toBe('org-2');
    expect(scopeWords({ provinceCode: '64', regionCode: '64.71', organisationId: null }, names, 'Nasional')).toBe('64.71');
    expect(scopeWords({ provinceCode: null, regionCode: null, organisationId: null }, names, 'Nasional')).toBe('Nasional');
  });
});

describe('the audit trail’s filters', () => {
  it('leaves blanks out and turns days into instants in the viewer’s zone', () => {
    expect(auditQuery(NO_AUDIT_FILTERS, IndonesianTimeZone.WIB)).toEqual({});
    expect(auditQuery({ ...NO_AUDIT_FILTERS, action: ' user.created ', regionCode: '64.71', from: '2026-12-01', to: '2026-12-07' }, IndonesianTimeZone.WITA)).toEqual({
      action: 'user.created',
      regionCode: '64.71',
      from: '2026-12-01T00:00:00+08:00',
      to: '2026-12-07T23:59:59+08:00',
    });
    expect(auditQuery({ ...NO_AUDIT_FILTERS, from: '1 Desember' }, IndonesianTimeZone.WIB)).toEqual({});
  });

  it('gives the export both ends, up to now when the filter has none', () => {
    const now = new Date('2026-12-07T08:00:00Z');
    expect(auditExportRange(NO_AUDIT_FILTERS, IndonesianTimeZone.WIB, now)).toEqual({ from: '2000-01-01T00:00:00Z', to: '2026-12-07T08:00:00.000Z' });
    expect(auditExportRange({ ...NO_AUDIT_FILTERS, from: '2026-12-01' }, IndonesianTimeZone.WIT, now)).toEqual({ from: '2026-12-01T00:00:00+09:00', to: '2026-12-07T08:00:00.000Z' });
  });

  it('writes an entry’s change as one line', () => {
    expect(auditChange({ name: 'Lama' }, { name: 'Baru' })).toBe('name: Lama → Baru');
    expect(auditChange(null, { email: 'a@b.id', invited: true })).toBe('email: a@b.id; invited: true');
    expect(auditChange({ until: null }, null)).toBe('until: null → —');
    expect(auditChange(null, null)).toBe('');
  });
});

it('has every administration word in both languages', () => {
  const keys = Object.keys(DICTIONARIES.id).filter((key) => key.startsWith('admin.'));
  expect(keys.length).toBeGreaterThan(100);
  for (const key of keys) expect(DICTIONARIES.en[key as keyof typeof DICTIONARIES.en]).toBeTruthy();
});
