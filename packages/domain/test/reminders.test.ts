import { DEFAULT_REMINDER_POLICY, dueDecision, planReminders, ReminderPolicy, validateReminderPolicy, weeklyDigestTimes } from '../src';

const at = (iso: string) => new Date(iso);

describe('planning reminders before a deadline', () => {
  it('sends at 09:00 in each recipient’s own zone: a WIT unit and a WIB unit two hours apart', () => {
    const deadline = { date: '2026-09-06' };
    const wit = planReminders(deadline, 'Asia/Jayapura', DEFAULT_REMINDER_POLICY);
    const wib = planReminders(deadline, 'Asia/Jakarta', DEFAULT_REMINDER_POLICY);
    expect(wit.map((r) => [r.kind, r.offsetDays, r.sendAt.toISOString()])).toEqual([
      ['BEFORE_DEADLINE', 14, '2026-08-23T00:00:00.000Z'],
      ['BEFORE_DEADLINE', 7, '2026-08-30T00:00:00.000Z'],
      ['BEFORE_DEADLINE', 3, '2026-09-03T00:00:00.000Z'],
      ['BEFORE_DEADLINE', 1, '2026-09-05T00:00:00.000Z'],
      ['OVERDUE', -1, '2026-09-07T00:00:00.000Z'],
      ['ESCALATION', -1, '2026-09-07T00:00:00.000Z'],
    ]);
    expect(wib[0].sendAt.toISOString()).toBe('2026-08-23T02:00:00.000Z');
  });

  it('leaves out reminders before the period opens, and keeps the day-before one for a deadline early in the morning', () => {
    const planned = planReminders({ date: '2026-09-06' }, 'Asia/Makassar', DEFAULT_REMINDER_POLICY, { opensOn: '2026-08-30', escalate: false });
    expect(planned.map((r) => `${r.kind}:${r.offsetDays}`)).toEqual(['BEFORE_DEADLINE:7', 'BEFORE_DEADLINE:3', 'BEFORE_DEADLINE:1', 'OVERDUE:-1']);
    const policy: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, offsetsDays: [1], sendAt: '09:00', overdueAfterDays: null };
    // A deadline at 08:00 the next day is still after 09:00 the day before: kept.
    expect(planReminders({ date: '2026-09-06', time: '08:00' }, 'Asia/Makassar', policy)).toHaveLength(1);
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
  });
});
