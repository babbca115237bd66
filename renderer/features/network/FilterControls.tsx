import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import {
  addDays,
  CREDIBILITY,
  LINK_KINDS,
  MONITORING_STATUSES,
  RELIABILITY,
  ROLES,
  type IsoDate,
  type LinkKind,
} from '../../../shared/model';
import { useFormatters } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import { filtersAreDefault } from '../../../shared/network/filters';

const RELEASE_WINDOWS = [30, 90, 180, 365] as const;
const GRADINGS = RELIABILITY.flatMap((r) => CREDIBILITY.map((c) => `${r}${c}`));

function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

const dayNumber = (date: IsoDate) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** The filters of the network view; every change redraws at once (filters.ts does the work). */
export function FilterControls({ kindsInCase, firstDate, today }: { kindsInCase: readonly LinkKind[]; firstDate: IsoDate; today: IsoDate }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const { filters, setFilters, reset } = useUiStore(
    useShallow((s) => ({ filters: s.networkFilters, setFilters: s.setNetworkFilters, reset: s.resetNetworkFilters })),
  );
  const kinds = LINK_KINDS.filter((k) => kindsInCase.includes(k));
  const asOf = filters.asOf ?? today;
  const span = Math.max(1, dayNumber(today) - dayNumber(firstDate));

  return (
    <div className="filter-controls">
      <fieldset>
        <legend>{t('views.linkKinds')}</legend>
        {kinds.map((kind) => (
          <div key={kind} className="check-row">
            <label>
              <input
                type="checkbox"
                checked={filters.linkKinds.includes(kind)}
                onChange={(event) => setFilters({ linkKinds: toggled(filters.linkKinds, kind, event.target.checked) })}
              />
              {t(`linkKind.${kind}`)}
            </label>
            <button
              type="button"
              className="link-button"
              aria-label={t('views.onlyKind', { kind: t(`linkKind.${kind}`) })}
              onClick={() => setFilters({ linkKinds: [kind] })}
            >
              {t('views.only')}
            </button>
          </div>
        ))}
        <button type="button" className="link-button" onClick={() => setFilters({ linkKinds: [...LINK_KINDS] })}>
          {t('views.allKinds')}
        </button>
      </fieldset>

      <div className="field-row">
        <label htmlFor={`${id}-from`}>{t('views.dateFrom')}</label>
        <input id={`${id}-from`} type="date" value={filters.dateFrom ?? ''} max={filters.dateTo} onChange={(e) => setFilters({ dateFrom: e.target.value || undefined })} />
        <label htmlFor={`${id}-to`}>{t('views.dateTo')}</label>
        <input id={`${id}-to`} type="date" value={filters.dateTo ?? ''} min={filters.dateFrom} onChange={(e) => setFilters({ dateTo: e.target.value || undefined })} />
      </div>

      <div className="field-row">
        <label htmlFor={`${id}-asof`}>{t('views.asOf')}</label>
        <output htmlFor={`${id}-asof`}>{format.date(asOf)}</output>
        <input
          id={`${id}-asof`}
          type="range"
          min={0}
          max={span}
          step={1}
          value={span - (dayNumber(today) - dayNumber(asOf))}
          aria-valuetext={format.date(asOf)}
          aria-label={t('views.asOfSlider')}
          onChange={(e) => {
            const date = addDays(firstDate, Number(e.target.value));
            setFilters({ asOf: date >= today ? undefined : date });
          }}
        />
        {filters.asOf && (
          <button type="button" className="link-button" onClick={() => setFilters({ asOf: undefined })}>
            {t('views.asOfClear')}
          </button>
        )}
      </div>

      <fieldset>
        <legend>{t('views.rolesLegend')}</legend>
        {ROLES.map((role) => (
          <label key={role} className="check-row">
            <input type="checkbox" checked={filters.roles.includes(role)} onChange={(e) => setFilters({ roles: toggled(filters.roles, role, e.target.checked) })} />
            {t(`role.${role}`)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('views.monitoringLegend')}</legend>
        {MONITORING_STATUSES.map((status) => (
          <label key={status} className="check-row">
            <input
              type="checkbox"
              checked={filters.monitoring.includes(status)}
              onChange={(e) => setFilters({ monitoring: toggled(filters.monitoring, status, e.target.checked) })}
            />
            {t(`monitoring.${status}`)}
          </label>
        ))}
      </fieldset>

      <div className="field-row">
        <label htmlFor={`${id}-grading`}>{t('views.minGrading')}</label>
        <select id={`${id}-grading`} value={filters.minGrading ?? ''} onChange={(e) => setFilters({ minGrading: e.target.value || undefined })}>
          <option value="">{t('views.minGradingAny')}</option>
          {GRADINGS.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </div>

      <div className="field-row">
        <label htmlFor={`${id}-release`}>{t('views.releaseWithin')}</label>
        <select
          id={`${id}-release`}
          value={filters.releaseWithinDays ?? ''}
          onChange={(e) => setFilters({ releaseWithinDays: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">{t('views.releaseWithinAny')}</option>
          {RELEASE_WINDOWS.map((days) => (
            <option key={days} value={days}>
              {t('views.days', { count: days })}
            </option>
          ))}
        </select>
      </div>

      <button type="button" className="button quiet" disabled={filtersAreDefault(filters)} onClick={reset}>
        {t('views.resetFilters')}
      </button>
    </div>
  );
}
