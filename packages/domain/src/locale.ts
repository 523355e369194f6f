/** User-facing text defaults to Indonesian; English on request. */
export type Locale = 'id' | 'en';
export const DEFAULT_LOCALE: Locale = 'id';

/** Picks the first supported language of an Accept-Language header, honouring q-weights. */
export function negotiateLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const match = ranked.find((entry) => entry.lang === 'id' || entry.lang === 'en');
  return (match?.lang as Locale | undefined) ?? DEFAULT_LOCALE;
}

export type Bilingual = Readonly<Record<Locale, string>>;
