import { deadlineInstant, formatDeadline, isAfterDeadline, isLocalDeadline } from '../src';

describe('deadlines in the unit’s own zone', () => {
  it('ends a date-only deadline at the end of that day in WIB, WITA and WIT: three different instants', () => {
    const deadline = { date: '2026-09-06' };
    expect(deadlineInstant(deadline, 'Asia/Jakarta').toISOString()).toBe('2026-09-06T16:59:59.999Z');
    expect(deadlineInstant(deadline, 'Asia/Makassar').toISOString()).toBe('2026-09-06T15:59:59.999Z');
    expect(deadlineInstant(deadline, 'Asia/Jayapura').toISOString()).toBe('2026-09-06T14:59:59.999Z');
  });

  it('honours a time of day, to the end of that minute', () => {
    expect(deadlineInstant({ date: '2026-12-05', time: '16:00' }, 'Asia/Makassar').toISOString()).toBe('2026-12-05T08:00:59.999Z');
  });

  it('refuses malformed dates, times and zones', () => {
    expect(isLocalDeadline({ date: '2026-02-30' })).toBe(false);
    expect(isLocalDeadline({ date: '6-9-2026' })).toBe(false);
    expect(isLocalDeadline({ date: '2026-09-06', time: '24:00' })).toBe(false);
    expect(() => deadlineInstant({ date: '2026-09-06' }, 'Asia/Nowhere')).toThrow(RangeError);
  });

  it('is shown with its zone, in Indonesian and English', () => {
    const instant = deadlineInstant({ date: '2026-09-06' }, 'Asia/Makassar');
    expect(formatDeadline(instant, 'Asia/Makassar', 'id')).toBe('6 September 2026 pukul 23.59 WITA');
    expect(formatDeadline(instant, 'Asia/Makassar', 'en')).toBe('6 September 2026, 23:59 WITA');
    expect(formatDeadline(instant, 'Asia/Jayapura', 'id')).toBe('7 September 2026 pukul 00.59 WIT');
  });

  it('is late after the instant, and allowed then only within an extension', () => {
    const deadline = deadlineInstant({ date: '2026-09-06' }, 'Asia/Makassar');
    const justBefore = new Date(deadline.getTime());
    const justAfter = new Date(deadline.getTime() + 1);
    expect(isAfterDeadline(justBefore, deadline)).toEqual({ late: false, allowed: true });
    expect(isAfterDeadline(justAfter, deadline)).toEqual({ late: true, allowed: false });
    expect(isAfterDeadline(justAfter, deadline, new Date(deadline.getTime() + 86_400_000))).toEqual({ late: true, allowed: true });
    expect(isAfterDeadline(new Date(deadline.getTime() + 2 * 86_400_000), deadline, new Date(deadline.getTime() + 86_400_000))).toEqual({ late: true, allowed: false });
  });
});
