import {
  DEFAULT_REMINDER_POLICY,
  dueDecision,
  hasOverdueNotice,
  isMinuteSlot,
  minutesUntil,
  planReminders,
  ReminderPolicy,
  reminderSlot,
  reminderUnitOf,
  validateReminderPolicy,
  weeklyDigestTimes,
} from '../src';

const at = (iso: string) => new Date(iso);

describe('planning reminders before a deadline', () => {
  it('sends at 09:00 in each recipient’s own zone: a WIT unit and a WIB unit two hours apart', () => {
    const deadline = { date: '2026-09-06' };
    const wit = planReminders(deadline, 'Asia/Jayapura', DEFAULT_REMINDER_POLICY);
    const wib = planReminders(deadline, 'Asia/Jakarta', DEFAULT_REMINDER_POLICY);
    expect(wit.map((r) => [r.kind, r.offsetDays, r.sendAt.toISOString()])).toEqual([
      ['BEFORE_DEADLINE', 3, '2026-09-03T00:00:00.000Z'],
      ['BEFORE_DEADLINE', 1, '2026-09-05T00:00:00.000Z'],
      ['OVERDUE', -1, '2026-09-07T00:00:00.000Z'],
      ['ESCALATION', -1, '2026-09-07T00:00:00.000Z'],
    ]);
    expect(wib[0].sendAt.toISOString()).toBe('2026-09-03T02:00:00.000Z');
  });

  it('fits the default to a national window as practised: B08 opens 30 Aug and closes 6 Sep, reminders at the opening, 3 Sep and 5 Sep', () => {
    const planned = planReminders({ date: '2026-09-06' }, 'Asia/Makassar', DEFAULT_REMINDER_POLICY, { opensOn: '2026-08-30', escalate: false });
    // 09:00 WITA is 01:00 UTC.
    expect(planned.map((r) => [r.kind, r.offsetDays, r.sendAt.toISOString()])).toEqual([
      ['BEFORE_DEADLINE', 7, '2026-08-30T01:00:00.000Z'],
      ['BEFORE_DEADLINE', 3, '2026-09-03T01:00:00.000Z'],
      ['BEFORE_DEADLINE', 1, '2026-09-05T01:00:00.000Z'],
      ['OVERDUE', -1, '2026-09-07T01:00:00.000Z'],
    ]);
    const opening = new Date('2026-08-29T16:00:00Z'); // 30 Aug 00:00 WITA
    expect(planned.every((r) => r.sendAt >= opening)).toBe(true);
  });

  it('plans the opening reminder of a B12 window (28 Nov-5 Dec) in the unit’s zone, WIT here', () => {
    const planned = planReminders({ date: '2026-12-05' }, 'Asia/Jayapura', DEFAULT_REMINDER_POLICY, { opensOn: '2026-11-28', escalate: false });
    expect(planned.filter((r) => r.kind === 'BEFORE_DEADLINE').map((r) => r.sendAt.toISOString())).toEqual([
      '2026-11-28T00:00:00.000Z',
      '2026-12-02T00:00:00.000Z',
      '2026-12-04T00:00:00.000Z',
    ]);
  });

  it('drops a slot that falls before the opening rather than moving it, and shares the opening’s slot with an offset landing on it', () => {
    const policy: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, offsetsDays: [14, 7, 3, 1], overdueAfterDays: null };
    const planned = planReminders({ date: '2026-09-06' }, 'Asia/Makassar', policy, { opensOn: '2026-08-30' });
    expect(planned.map((r) => r.offsetDays)).toEqual([7, 3, 1]);
    // A window opening two days before the close: the 3-day slot would fall before it and is dropped.
    const short = planReminders({ date: '2026-09-06' }, 'Asia/Makassar', policy, { opensOn: '2026-09-04' });
    expect(short.map((r) => [r.offsetDays, r.sendAt.toISOString()])).toEqual([
      [2, '2026-09-04T01:00:00.000Z'],
      [1, '2026-09-05T01:00:00.000Z'],
    ]);
  });

  it('keeps a stored policy without the opening reminder as it was', () => {
    const { atOpening: _atOpening, ...stored }: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, offsetsDays: [14, 7, 3, 1], overdueAfterDays: null };
    const planned = planReminders({ date: '2026-09-06' }, 'Asia/Makassar', stored, { opensOn: '2026-08-25' });
    expect(planned.map((r) => r.offsetDays)).toEqual([7, 3, 1]);
  });

  it('keeps the day-before reminder for a deadline early in the morning, and leaves out an opening reminder after the deadline', () => {
    const policy: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, offsetsDays: [1], sendAt: '09:00', overdueAfterDays: null };
    // A deadline at 08:00 the next day is still after 09:00 the day before: kept.
    expect(planReminders({ date: '2026-09-06', time: '08:00' }, 'Asia/Makassar', policy)).toHaveLength(1);
    // Opening and closing on the same day at 08:00: 09:00 that day is too late for an opening reminder.
    expect(planReminders({ date: '2026-09-06', time: '08:00' }, 'Asia/Makassar', policy, { opensOn: '2026-09-06' })).toEqual([]);
  });

  it('sends a due reminder, waits for a future one, and skips one found later than the grace', () => {
    const sendAt = at('2026-09-05T00:00:00Z');
    expect(dueDecision(sendAt, at('2026-09-04T23:59:59Z'), DEFAULT_REMINDER_POLICY)).toBe('WAIT');
    expect(dueDecision(sendAt, at('2026-09-05T00:00:00Z'), DEFAULT_REMINDER_POLICY)).toBe('SEND');
    expect(dueDecision(sendAt, at('2026-09-06T00:00:00Z'), DEFAULT_REMINDER_POLICY)).toBe('SEND');
    expect(dueDecision(sendAt, at('2026-09-06T00:00:01Z'), DEFAULT_REMINDER_POLICY)).toBe('SKIP_TOO_LATE');
  });

  it('finds the weekly digest times in the coordinator’s zone', () => {
    const times = weeklyDigestTimes(at('2026-08-20T00:00:00Z'), at('2026-09-07T00:00:00Z'), 'Asia/Makassar', { weekday: 1, time: '09:00' });
    expect(times.map((t) => t.toISOString())).toEqual(['2026-08-24T01:00:00.000Z', '2026-08-31T01:00:00.000Z']);
  });

  it('reports every problem of a bad policy with its path, and accepts the default', () => {
    expect(validateReminderPolicy(DEFAULT_REMINDER_POLICY)).toEqual([]);
    const bad = { offsetsDays: [7, -1, 7, 400], sendAt: '9am', overdueAfterDays: 0, escalateOverdue: true, weeklyDigest: { weekday: 8, time: '25:00' }, graceHours: 0 };
    expect(validateReminderPolicy(bad).map((p) => `${p.path} ${p.code}`)).toEqual([
      'offsetsDays[1] OFFSET_OUT_OF_RANGE',
      'offsetsDays[2] DUPLICATE_OFFSET',
      'offsetsDays[3] OFFSET_OUT_OF_RANGE',
      'sendAt INVALID_TIME',
      'overdueAfterDays OVERDUE_OUT_OF_RANGE',
      'weeklyDigest.weekday INVALID_WEEKDAY',
      'weeklyDigest.time INVALID_TIME',
      'graceHours GRACE_OUT_OF_RANGE',
    ]);
    expect(validateReminderPolicy({ ...DEFAULT_REMINDER_POLICY, offsetsDays: 'x' as never }).map((p) => p.code)).toEqual(['NOT_A_LIST']);
    expect(validateReminderPolicy({ ...DEFAULT_REMINDER_POLICY, atOpening: 'yes' as never }).map((p) => `${p.path} ${p.code}`)).toEqual(['atOpening NOT_A_BOOLEAN']);
  });
});

describe('a policy counted in minutes', () => {
  const minutes: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, unit: 'MINUTES', offsetsMinutes: [1, 5, 30], overdueAfterMinutes: 2, weeklyDigest: null };

  it('places reminders the given minutes before the moment the deadline passes, and the overdue notice after it', () => {
    // 14:05 WIT is until 14:05:59.999 WIT (05:05:59.999Z); it passes at 05:06:00Z.
    const planned = planReminders({ date: '2026-12-03', time: '14:05' }, 'Asia/Jayapura', minutes);
    expect(planned.map((r) => [r.kind, reminderSlot(r), r.sendAt.toISOString()])).toEqual([
      ['BEFORE_DEADLINE', 'M-30', '2026-12-03T04:36:00.000Z'],
      ['BEFORE_DEADLINE', 'M-5', '2026-12-03T05:01:00.000Z'],
      ['BEFORE_DEADLINE', 'M-1', '2026-12-03T05:05:00.000Z'],
      ['OVERDUE', 'M+2', '2026-12-03T05:08:00.000Z'],
      ['ESCALATION', 'M+2', '2026-12-03T05:08:00.000Z'],
    ]);
    // The same local deadline in WITA passes an hour later: each unit's reminders follow its own zone.
    expect(planReminders({ date: '2026-12-03', time: '14:05' }, 'Asia/Makassar', minutes)[0].sendAt.toISOString()).toBe('2026-12-03T05:36:00.000Z');
  });

  it('ignores the days and the send time, leaves out what falls before the opening, and sends no overdue notice without one', () => {
    const planned = planReminders({ date: '2026-12-03', time: '00:10' }, 'Asia/Jakarta', { ...minutes, overdueAfterMinutes: null }, { opensOn: '2026-12-03' });
    expect(planned.map((r) => reminderSlot(r))).toEqual(['M-5', 'M-1']);
    expect(hasOverdueNotice({ ...minutes, overdueAfterMinutes: null })).toBe(false);
    expect(hasOverdueNotice({ ...minutes, overdueAfterDays: null })).toBe(true);
    expect(planReminders({ date: '2026-12-03' }, 'Asia/Jakarta', { ...minutes, escalateOverdue: false }).map((r) => reminderSlot(r))).toEqual(['M-30', 'M-5', 'M-1', 'M+2']);
  });

  it('keeps policies stored before units existed counting in days, with the day slots they always had', () => {
    const { unit: _unit, ...stored }: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, unit: 'DAYS' };
    expect(reminderUnitOf(stored as ReminderPolicy)).toBe('DAYS');
    expect(planReminders({ date: '2026-09-06' }, 'Asia/Jayapura', { ...stored, offsetsMinutes: [5] }).map((r) => reminderSlot(r))).toEqual(['D-3', 'D-1', 'D+1', 'D+1']);
    expect(isMinuteSlot('M-5')).toBe(true);
    expect(isMinuteSlot('M+2')).toBe(true);
    expect(isMinuteSlot('D-1')).toBe(false);
    expect(isMinuteSlot('ESCALATION:64.71')).toBe(false);
  });

  it('counts the whole minutes left until the deadline passes', () => {
    const deadline = new Date('2026-12-03T05:05:59.999Z');
    expect(minutesUntil(deadline, new Date('2026-12-03T05:01:00Z'))).toBe(5);
    expect(minutesUntil(deadline, new Date('2026-12-03T05:05:00Z'))).toBe(1);
    expect(minutesUntil(deadline, new Date('2026-12-03T05:10:00Z'))).toBe(0);
  });

  it('validates the unit and the minute offsets, and requires them with MINUTES', () => {
    expect(validateReminderPolicy(minutes)).toEqual([]);
    expect(validateReminderPolicy({ ...DEFAULT_REMINDER_POLICY, unit: 'DAYS' })).toEqual([]);
    const bad = { ...minutes, unit: 'HOURS', offsetsMinutes: [5, 0, 5, 1441, 2.5], overdueAfterMinutes: 0 } as unknown as ReminderPolicy;
    expect(validateReminderPolicy(bad).map((p) => `${p.path} ${p.code}`)).toEqual([
      'unit INVALID_UNIT',
      'offsetsMinutes[1] OFFSET_OUT_OF_RANGE',
      'offsetsMinutes[2] DUPLICATE_OFFSET',
      'offsetsMinutes[3] OFFSET_OUT_OF_RANGE',
      'offsetsMinutes[4] OFFSET_OUT_OF_RANGE',
      'overdueAfterMinutes OVERDUE_OUT_OF_RANGE',
    ]);
    const { offsetsMinutes: _offsets, ...withoutOffsets } = minutes;
    expect(validateReminderPolicy(withoutOffsets).map((p) => `${p.path} ${p.code}`)).toEqual(['offsetsMinutes REQUIRED_FIELD_MISSING']);
    expect(validateReminderPolicy({ ...minutes, offsetsMinutes: 5 as never }).map((p) => p.code)).toEqual(['NOT_A_LIST']);
    expect(validateReminderPolicy({ ...minutes, overdueAfterMinutes: 1440, offsetsMinutes: [1440] })).toEqual([]);
    expect(validateReminderPolicy(bad)[0].message.en).toBe('The unit must be DAYS or MINUTES.');
  });
});
