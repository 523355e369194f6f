import {
  daysUntil,
  deadlineBeforeOpening,
  defaultKkpMilestones,
  defaultOpening,
  hasCompletedPeriod,
  KkpMilestone,
  localDeadlineAt,
  milestonesOutOfOrder,
  Programme,
  reminderSlot,
  resolveIanaZone,
  SubmissionStatus,
} from '../src';

describe('the reporting calendar', () => {
  it('reads WIB, WITA and WIT (any case) and IANA names as zones, and nothing else', () => {
    expect(resolveIanaZone('WIB')).toBe('Asia/Jakarta');
    expect(resolveIanaZone('wita')).toBe('Asia/Makassar');
    expect(resolveIanaZone(' WIT ')).toBe('Asia/Jayapura');
    expect(resolveIanaZone('Asia/Makassar')).toBe('Asia/Makassar');
    expect(resolveIanaZone('Mars/Olympus')).toBeNull();
    expect(resolveIanaZone('')).toBeNull();
    expect(resolveIanaZone('GMT+7; DROP TABLE region')).toBeNull();
  });

  it('reads an instant as the local date and minute of a zone (an extension as a unit’s deadline)', () => {
    expect(localDeadlineAt(new Date('2026-09-13T15:59:00Z'), 'Asia/Makassar')).toEqual({ date: '2026-09-13', time: '23:59' });
    expect(localDeadlineAt(new Date('2026-09-13T15:59:00Z'), 'Asia/Jayapura')).toEqual({ date: '2026-09-14', time: '00:59' });
  });

  it('refuses a window that closes before it opens, and allows one that opens and closes on the same day', () => {
    expect(deadlineBeforeOpening('2026-09-01', '2026-08-31')).toBe(true);
    expect(deadlineBeforeOpening('2026-09-01', '2026-09-01')).toBe(false);
    expect(deadlineBeforeOpening(null, '2026-09-01')).toBe(false);
  });

  it('opens a RANHAM window a week before its deadline by default, and a KKP HAM period not at all', () => {
    expect(defaultOpening(Programme.RANHAM, '2022-09-06')).toBe('2022-08-30');
    expect(defaultOpening(Programme.RANHAM, '2022-12-05')).toBe('2022-11-28');
    expect(defaultOpening(Programme.RANHAM, '2024-03-06')).toBe('2024-02-28');
    expect(defaultOpening(Programme.KKP_HAM, '2026-03-31')).toBeNull();
  });

  it('lays out a KKP HAM award year: input close in March, Kanwil mid-May, central review September, decree November, award 10 December', () => {
    const dates = defaultKkpMilestones(2027);
    expect(dates).toEqual({
      PEMDA_INPUT_CLOSE: '2027-03-31',
      KANWIL_VERIFICATION_CLOSE: '2027-05-15',
      CENTRAL_REVIEW_CLOSE: '2027-09-30',
      DECREE: '2027-11-15',
      AWARD: '2027-12-10',
    });
    expect(milestonesOutOfOrder(dates)).toBeNull();
    expect(milestonesOutOfOrder({ ...dates, DECREE: '2027-12-11' })).toEqual([KkpMilestone.DECREE, KkpMilestone.AWARD]);
    expect(milestonesOutOfOrder({ ...dates, PEMDA_INPUT_CLOSE: '2027-06-01' })).toEqual([KkpMilestone.PEMDA_INPUT_CLOSE, KkpMilestone.KANWIL_VERIFICATION_CLOSE]);
  });

  it('counts a unit as done once it has submitted, and not while it is in draft, returned or failed its checks', () => {
    expect(hasCompletedPeriod(null)).toBe(false);
    for (const status of [SubmissionStatus.DRAFT, SubmissionStatus.RETURNED, SubmissionStatus.CHECK_FAILED]) expect(hasCompletedPeriod(status)).toBe(false);
    for (const status of [SubmissionStatus.SUBMITTED, SubmissionStatus.CHECKING, SubmissionStatus.IN_REVIEW, SubmissionStatus.VERIFIED, SubmissionStatus.SCORED]) {
      expect(hasCompletedPeriod(status)).toBe(true);
    }
  });

  it('names reminder slots by offset, and counts days left by the calendar in the recipient’s zone', () => {
    expect(reminderSlot({ kind: 'BEFORE_DEADLINE', offsetDays: 14 })).toBe('D-14');
    expect(reminderSlot({ kind: 'OVERDUE', offsetDays: -1 })).toBe('D+1');
    const deadline = new Date('2026-09-06T14:59:59.999Z'); // 23:59 WIT
    expect(daysUntil(deadline, new Date('2026-09-05T00:00:00Z'), 'Asia/Jayapura')).toBe(1); // 09:00 WIT the day before
    expect(daysUntil(deadline, new Date('2026-08-23T00:00:00Z'), 'Asia/Jayapura')).toBe(14);
    expect(daysUntil(deadline, new Date('2026-09-07T00:00:00Z'), 'Asia/Jayapura')).toBe(0);
  });
});
