import { IndonesianTimeZone } from '@peduli/domain/time-zones';
import { describeDeadline, formatDeadline, timeLeft, zoneOfOrganisation } from '../src/lib/deadline';
import { DICTIONARIES, translate } from '../src/i18n/messages';
import { isOpen } from '../src/pages/home-data';

// 30 April 2026 23:59 WITA (UTC+8) is 15:59 UTC.
const END_OF_APRIL_WITA = new Date('2026-04-30T15:59:59.999Z');

describe('deadlines as people read them', () => {
  it('names the zone and uses Indonesian or English conventions', () => {
    expect(formatDeadline(END_OF_APRIL_WITA, IndonesianTimeZone.WITA, 'id')).toBe('30 April 2026 pukul 23.59 WITA');
    expect(formatDeadline(END_OF_APRIL_WITA, IndonesianTimeZone.WITA, 'en')).toBe('30 April 2026, 23:59 WITA');
    // The same instant is already 1 May in Papua and still 22.59 in Jakarta.
    expect(formatDeadline(END_OF_APRIL_WITA, IndonesianTimeZone.WIT, 'id')).toBe('1 Mei 2026 pukul 00.59 WIT');
    expect(formatDeadline(END_OF_APRIL_WITA, IndonesianTimeZone.WIB, 'id')).toBe('30 April 2026 pukul 22.59 WIB');
  });

  it('counts whole days, then hours, then minutes left, rounding down, and says when it has passed', () => {
    const before = (ms: number) => new Date(END_OF_APRIL_WITA.getTime() - ms);
    expect(timeLeft(before(3 * 86_400_000 + 5_000), END_OF_APRIL_WITA, 'id')).toBe('sisa 3 hari');
    expect(timeLeft(before(86_400_000 - 1), END_OF_APRIL_WITA, 'id')).toBe('sisa 23 jam');
    expect(timeLeft(before(59 * 60_000 + 59_000), END_OF_APRIL_WITA, 'en')).toBe('59 minutes left');
    expect(timeLeft(before(10_000), END_OF_APRIL_WITA, 'id')).toBe('sisa 1 menit');
    expect(timeLeft(END_OF_APRIL_WITA, END_OF_APRIL_WITA, 'id')).toBe('sudah lewat');
  });

  it('puts both together as Beranda shows them', () => {
    const now = new Date('2026-04-27T12:00:00Z');
    expect(describeDeadline(now, END_OF_APRIL_WITA, IndonesianTimeZone.WITA, 'id')).toBe('sisa 3 hari · 30 April 2026 pukul 23.59 WITA');
  });

  it('takes the zone from the organisation’s province, and WIB for national bodies or unknown codes', () => {
    expect(zoneOfOrganisation('64')).toBe(IndonesianTimeZone.WITA);
    expect(zoneOfOrganisation('91')).toBe(IndonesianTimeZone.WIT);
    expect(zoneOfOrganisation(null)).toBe(IndonesianTimeZone.WIB);
    expect(zoneOfOrganisation('99')).toBe(IndonesianTimeZone.WIB);
  });
});

describe('message dictionaries', () => {
  it('have the same keys in both languages, none empty, and fill placeholders', () => {
    expect(Object.keys(DICTIONARIES.en).sort()).toEqual(Object.keys(DICTIONARIES.id).sort());
    for (const dictionary of Object.values(DICTIONARIES)) expect(Object.values(dictionary).filter((text) => text.trim() === '')).toEqual([]);
    expect(translate('id', 'home.greeting', { name: 'Sari' })).toBe('Selamat datang, Sari');
    expect(translate('en', 'time.daysLeft', { n: 2 })).toBe('2 days left');
  });
});

describe('which periods Beranda lists as open', () => {
  const period = (opensOn: string | null, witaDeadline: string) => ({
    id: 'p',
    code: 'TAHUNAN',
    opensOn,
    deadlineDate: witaDeadline.slice(0, 10),
    deadlineTime: null,
    timeZone: null,
    deadlineByZone: { WIB: '2026-05-01T00:00:00.000Z', WITA: witaDeadline, WIT: '2026-04-30T14:59:59.999Z' },
  });
  const now = new Date('2026-04-27T12:00:00Z');

  it('from its opening day (or always, without one) until its deadline in the viewer’s zone', () => {
    expect(isOpen(period(null, '2026-04-30T15:59:59.999Z'), 'WITA', now)).toBe(true);
    expect(isOpen(period('2026-04-27', '2026-04-30T15:59:59.999Z'), 'WITA', now)).toBe(true);
    expect(isOpen(period('2026-04-28', '2026-04-30T15:59:59.999Z'), 'WITA', now)).toBe(false);
    expect(isOpen(period(null, '2026-04-27T11:59:59.999Z'), 'WITA', now)).toBe(false);
    // The same period read in another zone uses that zone's instant.
    expect(isOpen(period(null, '2026-04-30T15:59:59.999Z'), 'WIT', new Date('2026-04-30T15:00:00Z'))).toBe(false);
    expect(isOpen(period(null, '2026-04-30T15:59:59.999Z'), 'UNKNOWN', now)).toBe(false);
    // The opening day starts at local midnight: 16:30 UTC is already 28 April in WITA but still the 27th in WIB.
    const lateEvening = new Date('2026-04-27T16:30:00Z');
    expect(isOpen(period('2026-04-28', '2026-04-30T15:59:59.999Z'), 'WITA', lateEvening)).toBe(true);
    expect(isOpen(period('2026-04-28', '2026-04-30T15:59:59.999Z'), 'WIB', lateEvening)).toBe(false);
  });
});
