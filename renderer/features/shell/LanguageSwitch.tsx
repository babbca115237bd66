import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LOCALES, isLocale } from '../../i18n/locales';
import { useLanguage } from '../../i18n/use-language';

/** Switches the UI language; each language is named in itself, as people look for their own. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const id = useId();
  const { language, setLanguage } = useLanguage();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          if (isLocale(event.target.value)) void setLanguage(event.target.value);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LANGUAGE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
