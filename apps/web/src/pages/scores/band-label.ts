import { DICTIONARIES, type MessageKey } from '../../i18n/messages';
import { bandLabel } from '../public/bands';

/** A band's words: RANHAM's standings from this area, KKP HAM's bands as the public pages name them, else its code. */
export function scoreBandLabel(t: (key: MessageKey) => string, band: string): string {
  const key = `scores.band.${band}`;
  return key in DICTIONARIES.id ? t(key as MessageKey) : bandLabel(t, band);
}
