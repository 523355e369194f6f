import {
  BandEdge,
  bandFor,
  computePlaceholderScore,
  DEFAULT_LOCALE,
  KKP_DEFAULT_BANDS,
  KkpBand,
  negotiateLocale,
  PLACEHOLDER_FRAMEWORK_VERSION,
} from '../src';

describe('negotiateLocale', () => {
  it('defaults to Indonesian', () => {
    expect(DEFAULT_LOCALE).toBe('id');
    expect(negotiateLocale(undefined)).toBe('id');
    expect(negotiateLocale(null)).toBe('id');
    expect(negotiateLocale('')).toBe('id');
  });

  it.each([
    ['en-US,en;q=0.9', 'en'],
    ['en', 'en'],
    ['EN-GB', 'en'],
    ['id-ID', 'id'],
    ['id', 'id'],
    ['fr, en;q=0.5', 'en'],
    ['fr-FR,fr;q=0.9,de;q=0.8', 'id'],
    ['en;q=0, id', 'id'],
    ['en;q=0', 'id'],
    ['id;q=0.3, en;q=0.8', 'en'],
    ['en;q=0.3, id;q=0.8', 'id'],
    ['en;q=0.5, id;q=0.5', 'en'],
    ['id;q=0.5, en;q=0.5', 'id'],
    ['de, id;q=0.2, en;q=0.1', 'id'],
    [' en-US ; q=0.7 , fr', 'en'],
    ['*', 'id'],
    ['en;q=abc', 'id'],
    ['garbage', 'id'],
    [';;;,,,', 'id'],
    ['q=1', 'id'],
  ])('%j -> %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe('bandFor with the default KKP HAM bands', () => {
  it('has the documented edges', () => {
    expect(KKP_DEFAULT_BANDS.map((b) => [b.band, b.min])).toEqual([
      ['PEDULI', 75],
      ['CUKUP_PEDULI', 65],
      ['MULAI_PEDULI', 50],
      ['KURANG_PEDULI', 0],
    ]);
  });

  it.each([
    [100, KkpBand.PEDULI],
    [75, KkpBand.PEDULI],
    [74.99, KkpBand.CUKUP_PEDULI],
    [65, KkpBand.CUKUP_PEDULI],
    [64.99, KkpBand.MULAI_PEDULI],
    [50, KkpBand.MULAI_PEDULI],
    [49.99, KkpBand.KURANG_PEDULI],
    [0, KkpBand.KURANG_PEDULI],
  ])('%p -> %s', (score, band) => {
    expect(bandFor(score)).toBe(band);
  });

  it('puts a score below every edge in the lowest band', () => {
    expect(bandFor(-5)).toBe(KkpBand.KURANG_PEDULI);
  });
});

describe('bandFor with custom bands', () => {
  const unsorted: BandEdge[] = [
    { band: 'C', min: 40 },
    { band: 'A', min: 80 },
    { band: 'D', min: 10 },
    { band: 'B', min: 60 },
  ];

  it.each([
    [100, 'A'],
    [80, 'A'],
    [79.99, 'B'],
    [60, 'B'],
    [59, 'C'],
    [40, 'C'],
    [39.9, 'D'],
    [10, 'D'],
    [9.99, 'D'],
    [0, 'D'],
  ])('%p -> %s regardless of the order the bands are given in', (score, band) => {
    expect(bandFor(score, unsorted)).toBe(band);
    expect(bandFor(score, [...unsorted].reverse())).toBe(band);
  });

  it('does not reorder the caller’s array', () => {
    const bands = [...unsorted];
    bandFor(50, bands);
    expect(bands).toEqual(unsorted);
  });
});

describe('computePlaceholderScore', () => {
  it('scores no answers as 0, KURANG_PEDULI', () => {
    expect(computePlaceholderScore({})).toEqual({
      frameworkVersion: PLACEHOLDER_FRAMEWORK_VERSION,
      total: 0,
      band: KkpBand.KURANG_PEDULI,
      answered: 0,
      indicators: 0,
    });
    expect(PLACEHOLDER_FRAMEWORK_VERSION).toBe('placeholder-v0');
  });

  it('counts null, empty and whitespace-only strings as unanswered', () => {
    expect(computePlaceholderScore({ a: null, b: '', c: '  ', d: '\n\t' })).toMatchObject({
      total: 0,
      answered: 0,
      indicators: 4,
      band: KkpBand.KURANG_PEDULI,
    });
  });

  it('counts false and 0 as answers', () => {
    expect(computePlaceholderScore({ a: false, b: 0 })).toMatchObject({ total: 100, answered: 2, indicators: 2, band: KkpBand.PEDULI });
  });

  it('rounds to two decimals: 2 of 3 -> 66.67 (CUKUP_PEDULI), 1 of 3 -> 33.33', () => {
    expect(computePlaceholderScore({ a: 'ya', b: 3, c: null })).toMatchObject({
      total: 66.67,
      band: KkpBand.CUKUP_PEDULI,
      answered: 2,
      indicators: 3,
    });
    expect(computePlaceholderScore({ a: 'ya', b: null, c: null }).total).toBe(33.33);
  });

  it.each([
    [3, 4, 75, KkpBand.PEDULI],
    [1, 2, 50, KkpBand.MULAI_PEDULI],
    [13, 20, 65, KkpBand.CUKUP_PEDULI],
    [1, 7, 14.29, KkpBand.KURANG_PEDULI],
    [5, 6, 83.33, KkpBand.PEDULI],
    [1, 8, 12.5, KkpBand.KURANG_PEDULI],
  ])('%i of %i answered -> %p (%s)', (answered, indicators, total, band) => {
    const answers: Record<string, string | null> = {};
    for (let i = 0; i < indicators; i++) answers[`I${i}`] = i < answered ? 'jawaban' : null;
    expect(computePlaceholderScore(answers)).toMatchObject({ total, band, answered, indicators });
  });

  it('always yields a total with at most two decimals between 0 and 100', () => {
    for (let indicators = 1; indicators <= 40; indicators++) {
      for (let answered = 0; answered <= indicators; answered++) {
        const answers: Record<string, number | null> = {};
        for (let i = 0; i < indicators; i++) answers[`I${i}`] = i < answered ? i : null;
        const { total } = computePlaceholderScore(answers);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100);
        expect(Math.abs(total * 100 - Math.round(total * 100))).toBeLessThan(1e-6);
        expect(Math.abs(total - (answered / indicators) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    }
  });
});
