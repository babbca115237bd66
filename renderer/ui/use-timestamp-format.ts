import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocaleOf } from '../i18n/i18n';

/** A moment (epoch milliseconds) as people of the UI's locale write it, in the workstation's time zone. */
export function useTimestampFormat(): (millis: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(intlLocaleOf(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
    return (millis: number) => format.format(millis);
  }, [i18n.language]);
}
