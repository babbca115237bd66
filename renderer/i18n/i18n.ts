import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { es } from './es';
import { DEFAULT_LOCALE, INTL_LOCALE, LOCALES, isLocale, type Locale } from './locales';

export const resources = { es: { translation: es }, en: { translation: en } } as const;

/**
 * One i18next instance for the app. Initialised synchronously with bundled resources (nothing is
 * fetched); React escapes interpolated values itself, so i18next must not escape them twice.
 */
export function createI18n(locale: Locale = DEFAULT_LOCALE): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  // Numbers inside messages ({{count, number}}) follow the regional variant, like useFormatters.
  instance.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
    typeof value === 'number' ? new Intl.NumberFormat(intlLocaleOf(lng)).format(value) : String(value),
  );
  // The page's language follows the UI's, for screen readers and hyphenation.
  instance.on('languageChanged', (language) => {
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  });
  return instance;
}

export function intlLocaleOf(language: string | undefined): string {
  return isLocale(language) ? INTL_LOCALE[language] : INTL_LOCALE[DEFAULT_LOCALE];
}

export const appI18n = createI18n();
