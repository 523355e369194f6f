/**
 * Text that can never be stored: PostgreSQL refuses NUL in text and jsonb, and an unpaired UTF-16 surrogate cannot be
 * encoded as UTF-8 (it only gets in through a JSON "\ud800" escape). Refusing both at the edge turns what would be a
 * database failure into an answer the sender can act on.
 */
export type TextDefect = 'NUL' | 'LONE_SURROGATE';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function textDefect(text: string): TextDefect | null {
  if (text.includes('\u0000')) return 'NUL';
  if (LONE_SURROGATE.test(text)) return 'LONE_SURROGATE';
  return null;
}

/**
 * Characters that reorder how text is displayed (U+202E makes "laporan\u202Efdp.exe" look like "laporanexe.pdf").
 * Harmless in prose, they have no place in a file name.
 */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
