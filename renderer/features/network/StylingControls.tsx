import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../../store/ui-store';
import type { NetworkStyling } from '../../network-model/styling';

const BADGE_WINDOWS = [30, 90, 180, 365] as const;

/** How people are sized and coloured; what the analytics have not computed yet cannot be chosen. */
export function StylingControls() {
  const { t } = useTranslation();
  const id = useId();
  const { styling, setStyling, hasMetric, hasCommunities } = useUiStore(
    useShallow((s) => ({
      styling: s.networkStyling,
      setStyling: s.setNetworkStyling,
      hasMetric: s.metricByPerson.size > 0,
      hasCommunities: s.communityByPerson.size > 0,
    })),
  );
  return (
    <div className="styling-controls">
      <div className="field-row">
        <label htmlFor={`${id}-size`}>{t('views.sizeBy')}</label>
        <select id={`${id}-size`} value={styling.sizeBy} onChange={(e) => setStyling({ sizeBy: e.target.value as NetworkStyling['sizeBy'] })}>
          <option value="role">{t('views.sizeBy_role')}</option>
          <option value="degree">{t('views.sizeBy_degree')}</option>
          <option value="metric" disabled={!hasMetric}>
            {t('views.sizeBy_metric')}
          </option>
        </select>
      </div>
      <div className="field-row">
        <label htmlFor={`${id}-colour`}>{t('views.colourBy')}</label>
        <select id={`${id}-colour`} value={styling.colourBy} onChange={(e) => setStyling({ colourBy: e.target.value as NetworkStyling['colourBy'] })}>
          <option value="role">{t('views.colourBy_role')}</option>
          <option value="prison">{t('views.colourBy_prison')}</option>
          <option value="community" disabled={!hasCommunities}>
            {t('views.colourBy_community')}
          </option>
        </select>
      </div>
      <div className="field-row">
        <label htmlFor={`${id}-badge`}>{t('views.releaseBadge')}</label>
        <select id={`${id}-badge`} value={styling.releaseBadgeDays} onChange={(e) => setStyling({ releaseBadgeDays: Number(e.target.value) })}>
          {BADGE_WINDOWS.map((days) => (
            <option key={days} value={days}>
              {t('views.days', { count: days })}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
