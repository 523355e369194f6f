import { formatDate, formatNumber, formatPoints, formatSigned, pdfDateOf } from '../src/render/format';

describe('Indonesian print formats', () => {
  it.each([
    [82.5, '82,50'],
    [82.504, '82,50'],
    [0, '0,00'],
    [100, '100,00'],
    [1234567.891, '1.234.567,89'],
    [-1.5, '-1,50'],
    [-0.001, '0,00'],
  ])('writes %p as %p', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('writes whole and fractional points as they are, and signs adjustments', () => {
    expect(formatPoints(10)).toBe('10');
    expect(formatPoints(2.5)).toBe('2,5');
    expect(formatPoints(1200)).toBe('1.200');
    expect(formatSigned(2)).toBe('+2,00');
    expect(formatSigned(-0.5)).toBe('-0,50');
    expect(formatSigned(0)).toBe('0,00');
  });

  it('refuses a figure that is not a number rather than printing NaN', () => {
    expect(() => formatNumber(Number.NaN)).toThrow('Not a finite number');
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow('Not a finite number');
  });

  it('writes a date as "10 Desember 2026" and an instant as its date in WIB', () => {
    expect(formatDate('2026-12-10')).toBe('10 Desember 2026');
    expect(formatDate('2026-01-01')).toBe('1 Januari 2026');
    // 16:59 UTC is 23:59 WIB; 17:00 UTC is already the next day.
    expect(formatDate('2026-12-09T16:59:00Z')).toBe('9 Desember 2026');
    expect(formatDate('2026-12-09T17:00:00Z')).toBe('10 Desember 2026');
    expect(formatDate('2026-12-31T20:00:00+00:00')).toBe('1 Januari 2027');
    expect(() => formatDate('kemarin')).toThrow('Not a date');
  });

  it('dates a PDF at the settled instant, and a bare date at midnight WIB', () => {
    expect(pdfDateOf('2026-12-09T17:30:00.000Z').toISOString()).toBe('2026-12-09T17:30:00.000Z');
    expect(pdfDateOf('2026-12-10').toISOString()).toBe('2026-12-09T17:00:00.000Z');
  });
});
