import { DICTIONARIES, type MessageKey } from '../../i18n/messages';

/** How a band is named and coloured on the public pages; a band the dictionary does not know shows its code. */

export function bandKey(band: string): MessageKey | null {
  const key = `public.band.${band}`;
  return key in DICTIONARIES.id ? (key as MessageKey) : null;
}

export function bandLabel(t: (key: MessageKey) => string, band: string): string {
  const key = bandKey(band);
  return key ? t(key) : band;
}

/** Dark enough shades that white text on them would pass, and far apart in hue and lightness for colour-blind eyes. */
const BAND_COLOURS: Record<string, string> = {
  PEDULI: 'var(--mantine-color-green-9)',
  CUKUP_PEDULI: 'var(--mantine-color-cyan-9)',
  MULAI_PEDULI: 'var(--mantine-color-yellow-5)',
  KURANG_PEDULI: 'var(--mantine-color-red-9)',
};

export function bandColour(band: string): string {
  return BAND_COLOURS[band] ?? 'var(--mantine-color-gray-6)';
}

/** A decree's calendar date as words in the page's language, e.g. "15 November 2026". */
export function formatDecreeDate(date: string, language: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
