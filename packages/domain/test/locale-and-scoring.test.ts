import {
  BandEdge,
  bandFor,
  DEFAULT_LOCALE,
  KKP_DEFAULT_BANDS,
  KkpBand,
  negotiateLocale,
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
