import { completenessOf, SubmissionStatus, unitDeadline } from '../src';

describe('completeness of a unit for a period', () => {
  it('maps every submission status while the unit may still submit', () => {
    expect(completenessOf(null, true)).toBe('NOT_STARTED');
    expect(completenessOf(SubmissionStatus.DRAFT, true)).toBe('DRAFT');
    for (const status of [SubmissionStatus.SUBMITTED, SubmissionStatus.CHECKING, SubmissionStatus.IN_REVIEW]) expect(completenessOf(status, true)).toBe('SUBMITTED');
    for (const status of [SubmissionStatus.CHECK_FAILED, SubmissionStatus.RETURNED]) expect(completenessOf(status, true)).toBe('RETURNED');
    for (const status of [SubmissionStatus.VERIFIED, SubmissionStatus.SCORED]) expect(completenessOf(status, true)).toBe('VERIFIED');
  });

  it('is LATE when the unit still has to act and its time is up; what it handed in stays as it is', () => {
    for (const status of [null, SubmissionStatus.DRAFT, SubmissionStatus.RETURNED, SubmissionStatus.CHECK_FAILED]) expect(completenessOf(status, false)).toBe('LATE');
    expect(completenessOf(SubmissionStatus.IN_REVIEW, false)).toBe('SUBMITTED');
    expect(completenessOf(SubmissionStatus.SCORED, false)).toBe('VERIFIED');
  });
});

describe('the deadline a unit works to (shared by reminders and completeness)', () => {
  const official = { date: '2026-09-06' };
  const internal = { date: '2026-09-02', time: '16:00' };
  const zone = 'Asia/Makassar';

  it('is the internal deadline for a unit of the regency/city, the official one for the regency/city’s own report', () => {
    expect(unitDeadline({ official, internal, isOrganisation: true, zone }).instant.toISOString()).toBe('2026-09-02T08:00:59.999Z');
    expect(unitDeadline({ official, internal, isOrganisation: false, zone }).instant.toISOString()).toBe('2026-09-06T15:59:59.999Z');
    expect(unitDeadline({ official, internal: null, isOrganisation: true, zone }).deadline).toEqual(official);
  });

  it('moves to an extension only when the extension is later', () => {
    const later = unitDeadline({ official, internal, isOrganisation: true, extendedUntil: new Date('2026-09-10T02:00:00Z'), zone });
    expect(later.deadline).toEqual({ date: '2026-09-10', time: '10:00' });
    expect(unitDeadline({ official, internal, isOrganisation: true, extendedUntil: new Date('2026-09-01T00:00:00Z'), zone }).deadline).toEqual(internal);
  });
});
