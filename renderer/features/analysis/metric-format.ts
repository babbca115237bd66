import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocaleOf } from '../../i18n/i18n';

/** Centralities are small fractions: four significant decimals tell people apart without noise. */
export function useMetricFormat(): (value: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.NumberFormat(intlLocaleOf(i18n.language), { maximumFractionDigits: 4 });
    return (value: number) => format.format(value);
  }, [i18n.language]);
}
