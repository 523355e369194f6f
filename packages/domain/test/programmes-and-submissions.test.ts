import {
  canTransition,
  INDICATOR_CODE_PATTERN,
  isPeriodOfProgramme,
  KKP_HAM_PERIOD_CODE,
  parsePeriodKey,
  PeriodDefinition,
  Programme,
  RANHAM_DEFAULT_PERIODS,
  submittableStatuses,
  SubmissionStatus,
  isIndicatorCode,
} from '../src';

describe('parsePeriodKey', () => {
  it.each([
    ['2026-B08', { year: 2026, code: 'B08' }],
    ['2026-TAHUNAN', { year: 2026, code: 'TAHUNAN' }],
    ['2000-B04', { year: 2000, code: 'B04' }],
    ['2100-B12', { year: 2100, code: 'B12' }],
    ['2024-Q1', { year: 2024, code: 'Q1' }],
    ['2024-A_B', { year: 2024, code: 'A_B' }],
    ['2024-ABCDEFGHIJKLMNOP', { year: 2024, code: 'ABCDEFGHIJKLMNOP' }],
  ])('parses %j', (key, expected) => {
    expect(parsePeriodKey(key)).toEqual(expected);
  });

  it.each([
    '',
    '2026',
    '2026-',
    '-B08',
    '2026B08',
    '2026_B08',
    '2026-b08',
    '2026-B',
    '2026-8B',
    '2026-_B',
    '26-B08',
    '02026-B08',
    '2026-B08 ',
    ' 2026-B08',
    '2026-B08\n',
    '2026-B-08',
    '2026-ABCDEFGHIJKLMNOPQ',
    '２０２６-B08',
  ])('rejects malformed key %j', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });

  it.each(['1999-B04', '0000-B04', '2101-B04', '9999-TAHUNAN'])('rejects out-of-range year in %j', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });

  it('returns the year as a number', () => {
    expect(typeof parsePeriodKey('2030-B04')?.year).toBe('number');
  });
});

describe('isPeriodOfProgramme', () => {
  it('has the current four-month RANHAM scheme by default', () => {
    expect(RANHAM_DEFAULT_PERIODS.map((p) => [p.code, p.fromMonth, p.toMonth])).toEqual([
      ['B04', 1, 4],
      ['B08', 5, 8],
      ['B12', 9, 12],
    ]);
  });

  it('accepts only TAHUNAN for KKP HAM', () => {
    expect(KKP_HAM_PERIOD_CODE).toBe('TAHUNAN');
    expect(isPeriodOfProgramme(Programme.KKP_HAM, { year: 2026, code: 'TAHUNAN' })).toBe(true);
    for (const code of ['B04', 'B08', 'B12', 'Q1', 'TAHUN']) {
      expect(isPeriodOfProgramme(Programme.KKP_HAM, { year: 2026, code })).toBe(false);
    }
  });

  it('ignores the RANHAM period list for KKP HAM', () => {
    const custom: PeriodDefinition[] = [{ code: 'TAHUNAN', fromMonth: 1, toMonth: 12 }];
    expect(isPeriodOfProgramme(Programme.KKP_HAM, { year: 2026, code: 'TAHUNAN' }, [])).toBe(true);
    expect(isPeriodOfProgramme(Programme.KKP_HAM, { year: 2026, code: 'B04' }, [{ code: 'B04', fromMonth: 1, toMonth: 4 }])).toBe(
      false,
    );
    expect(isPeriodOfProgramme(Programme.RANHAM, { year: 2026, code: 'TAHUNAN' }, custom)).toBe(true);
  });

  it.each(['B04', 'B08', 'B12'])('accepts RANHAM default period %s', (code) => {
    expect(isPeriodOfProgramme(Programme.RANHAM, { year: 2026, code })).toBe(true);
  });

  it.each(['TAHUNAN', 'B01', 'B06', 'Q1', 'b04'])('rejects %s as a default RANHAM period', (code) => {
    expect(isPeriodOfProgramme(Programme.RANHAM, { year: 2026, code })).toBe(false);
  });

  it('uses a custom (earlier, quarterly) RANHAM scheme when given', () => {
    const quarterly: PeriodDefinition[] = [
      { code: 'Q1', fromMonth: 1, toMonth: 3 },
      { code: 'Q2', fromMonth: 4, toMonth: 6 },
      { code: 'Q3', fromMonth: 7, toMonth: 9 },
      { code: 'Q4', fromMonth: 10, toMonth: 12 },
    ];
    for (const code of ['Q1', 'Q2', 'Q3', 'Q4']) {
      expect(isPeriodOfProgramme(Programme.RANHAM, { year: 2019, code }, quarterly)).toBe(true);
    }
    for (const code of ['B04', 'B08', 'B12', 'Q5']) {
      expect(isPeriodOfProgramme(Programme.RANHAM, { year: 2019, code }, quarterly)).toBe(false);
    }
    expect(isPeriodOfProgramme(Programme.RANHAM, { year: 2019, code: 'Q1' }, [])).toBe(false);
  });

  it('works end to end with parsed keys', () => {
    const key = parsePeriodKey('2026-B08');
    expect(key).not.toBeNull();
    expect(isPeriodOfProgramme(Programme.RANHAM, key!)).toBe(true);
    expect(isPeriodOfProgramme(Programme.KKP_HAM, key!)).toBe(false);
  });
});

describe('submission status transitions', () => {
  const ALL = Object.values(SubmissionStatus);
  const EXPECTED: Record<SubmissionStatus, SubmissionStatus[]> = {
    DRAFT: [SubmissionStatus.SUBMITTED],
    SUBMITTED: [SubmissionStatus.CHECKING, SubmissionStatus.CHECK_FAILED, SubmissionStatus.IN_REVIEW],
    CHECKING: [SubmissionStatus.CHECK_FAILED, SubmissionStatus.IN_REVIEW],
    CHECK_FAILED: [SubmissionStatus.SUBMITTED],
    IN_REVIEW: [SubmissionStatus.RETURNED, SubmissionStatus.VERIFIED],
    RETURNED: [SubmissionStatus.SUBMITTED],
    VERIFIED: [SubmissionStatus.SCORED],
    SCORED: [],
  };

  it('has eight statuses', () => {
    expect(ALL).toHaveLength(8);
  });

  it('allows exactly the documented transitions (all 64 pairs checked)', () => {
    for (const from of ALL) {
      for (const to of ALL) {
        expect({ from, to, allowed: canTransition(from, to) }).toEqual({ from, to, allowed: EXPECTED[from].includes(to) });
      }
    }
  });

  it('never allows staying in the same status', () => {
    for (const status of ALL) expect(canTransition(status, status)).toBe(false);
  });

  it('has no exits from SCORED', () => {
    for (const to of ALL) expect(canTransition(SubmissionStatus.SCORED, to)).toBe(false);
  });

  it('cannot jump from DRAFT straight to review, verification or a score', () => {
    expect(canTransition(SubmissionStatus.DRAFT, SubmissionStatus.IN_REVIEW)).toBe(false);
    expect(canTransition(SubmissionStatus.DRAFT, SubmissionStatus.VERIFIED)).toBe(false);
    expect(canTransition(SubmissionStatus.DRAFT, SubmissionStatus.SCORED)).toBe(false);
    expect(canTransition(SubmissionStatus.IN_REVIEW, SubmissionStatus.SCORED)).toBe(false);
  });

  it('may be (re)submitted from exactly DRAFT, CHECK_FAILED and RETURNED', () => {
    expect([...submittableStatuses()].sort()).toEqual(
      [SubmissionStatus.CHECK_FAILED, SubmissionStatus.DRAFT, SubmissionStatus.RETURNED].sort(),
    );
  });
});

describe('INDICATOR_CODE_PATTERN', () => {
  it.each(['A1', '1.2.3', 'HAM-01_a', 'x', 'A'.repeat(32)])('accepts %j', (code) => {
    expect(INDICATOR_CODE_PATTERN.test(code)).toBe(true);
  });

  it.each(['', '.A', '-A', 'A B', 'A/B', 'A'.repeat(33), 'é'])('rejects %j', (code) => {
    expect(INDICATOR_CODE_PATTERN.test(code)).toBe(false);
  });
});

describe('isIndicatorCode', () => {
  it('accepts codes like K1.1 and refuses malformed ones and names of built-in object members', () => {
    for (const code of ['K1.1', 'A1', '9.2-b', 'K10_3']) expect(isIndicatorCode(code)).toBe(true);
    for (const code of ['', '.K1', 'K 1', 'x'.repeat(33), 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(isIndicatorCode(code)).toBe(false);
    }
  });
});
