import type { Locale } from '../../shared/model/locales';

/** The languages of the UI are listed once, in shared/model/locales.ts. */
export { DEFAULT_LOCALE, LANGUAGE_NAMES, LOCALES, isLocale, type Locale } from '../../shared/model/locales';

/** Regional variants used for Intl formatting: dates and numbers as written in Spain and Britain. */
export const INTL_LOCALE: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };
