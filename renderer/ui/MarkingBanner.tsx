import { useTranslation } from 'react-i18next';
import type { Marking } from '../../shared/model';

/** The classification strip at the top of every screen of a case, as on a classified document. */
export function MarkingBanner({ marking, synthetic }: { marking: Marking; synthetic: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`marking-banner marking-${marking.toLowerCase()}`} data-testid="marking-banner">
      <span className="marking-label">{t('header.markingLabel')}:</span> <strong>{t(`marking.${marking}`)}</strong>
      {synthetic && <span className="marking-synthetic"> · {t('header.synthetic')}</span>}
    </div>
  );
}
