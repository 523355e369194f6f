import { clock, deadlineAhead, duration, formatMoment, localParts, ZONES } from '../src/time';

describe('time in Indonesia’s zones', () => {
  const instant = new Date('2026-12-03T05:05:30Z');

  it('reads the local date and minute in each zone', () => {
    expect(localParts(instant, ZONES.WIB)).toEqual({ date: '2026-12-03', time: '12:05', month: 12 });
    expect(localParts(instant, ZONES.WIT)).toEqual({ date: '2026-12-03', time: '14:05', month: 12 });
    expect(localParts(new Date('2026-12-31T16:30:00Z'), ZONES.WITA)).toEqual({ date: '2027-01-01', time: '00:30', month: 1 });
  });

  it('writes moments as Peduli writes deadlines, always with the zone', () => {
    expect(formatMoment(instant, ZONES.WIT, 'id')).toBe('3 Desember 2026 pukul 14.05 WIT');
    expect(formatMoment(instant, ZONES.WITA, 'en')).toBe('3 December 2026, 13:05 WITA');
    expect(clock(instant, ZONES.WIB)).toBe('12:05:30 WIB');
    expect(duration(125_400)).toBe('2 min 05 s');
    expect(duration(9_000)).toBe('9 s');
  });

  it('picks the first deadline minute that passes at least the lead time from now', () => {
    // Now 14:05:30 WIT, 2 min 15 s ahead is 14:07:45: the deadline "14:07" passes at 14:08:00.
    expect(deadlineAhead(instant, 135_000, ZONES.WIT)).toEqual({ date: '2026-12-03', time: '14:07', passesAt: new Date('2026-12-03T05:08:00Z') });
    // Across midnight the date moves with it.
    expect(deadlineAhead(new Date('2026-12-03T14:59:00Z'), 135_000, ZONES.WIT)).toMatchObject({ date: '2026-12-04', time: '00:01' });
  });
});
