import { completenessOf, SubmissionStatus } from '../src';

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
