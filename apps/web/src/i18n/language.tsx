import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANGUAGES, translate, type Language, type MessageKey } from './messages';

/** The one thing the app keeps in localStorage: the language someone chose (never a token). */
export const LANGUAGE_STORAGE_KEY = 'peduli.language';

export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'id';
  } catch {
    return 'id'; // storage blocked (private mode, policy): Indonesian, as for a first visit
  }
}

interface LanguageContextValue {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

/** Listeners outside React (the API client's Accept-Language) read the current language from here. */
let currentLanguage: Language = 'id';
export const languageNow = (): Language => currentLanguage;

export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? storedLanguage());
  currentLanguage = language;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Not remembered, but still switched for this visit.
    }
    currentLanguage = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<LanguageContextValue>(
    () => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }),
    [language, setLanguage],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage outside LanguageProvider');
  return value;
}
