import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, setLocale } from '../db';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

/** The UI language, and a setter that also remembers it on this workstation. */
export function useLanguage(): { language: Locale; setLanguage(locale: Locale): Promise<void> } {
  const { i18n } = useTranslation();
  const db = useDatabase();
  const setLanguage = useCallback(
    async (locale: Locale) => {
      await i18n.changeLanguage(locale);
      await setLocale(db, locale);
    },
    [db, i18n],
  );
  return { language: isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE, setLanguage };
}
