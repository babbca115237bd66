/**
 * The languages of the workstation: the one list the UI, the stored preference, the native menu and
 * the IPC contract all use. Spanish is the default: the workstation was made for Spanish units.
 */
export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Each language's name in that language, as every language menu shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { es: 'Español', en: 'English' };
