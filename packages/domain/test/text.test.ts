import { textDefect } from '../src';

describe('textDefect', () => {
  it.each([
    ['plain', 'Laporan tahunan'],
    ['empty', ''],
    ['accents and combining marks', 'Déjà vu a\u0301'],
    ['an emoji outside the BMP (a surrogate pair)', 'Foto 📷 kegiatan 🇮🇩'],
    ['CJK', '報告'],
    ['a right-to-left override (display only; allowed in prose)', 'abc\u202Edef'],
    ['other control characters PostgreSQL stores', 'a\tb\nc\u0001'],
  ])('accepts %s', (_label, text) => {
    expect(textDefect(text)).toBeNull();
  });

  it.each([
    ['a NUL in the middle', 'laporan\u0000tahunan', 'NUL'],
    ['a NUL alone', '\u0000', 'NUL'],
    ['a high surrogate alone', 'a\ud800b', 'LONE_SURROGATE'],
    ['a high surrogate at the end', 'abc\ud83d', 'LONE_SURROGATE'],
    ['a low surrogate alone', '\udc00abc', 'LONE_SURROGATE'],
    ['a pair in the wrong order', '\ude00\ud83d', 'LONE_SURROGATE'],
  ])('refuses %s', (_label, text, defect) => {
    expect(textDefect(text)).toBe(defect);
  });
});
