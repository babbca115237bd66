/** The languages of the UI. Spanish is the default: the workstation was made for Spanish units. */
export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Regional variants used for Intl formatting: dates and numbers as written in Spain and Britain. */
export const INTL_LOCALE: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };
