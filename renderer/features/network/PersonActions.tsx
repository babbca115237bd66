import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../../store/ui-store';

interface PersonActionsProps {
  personId: string;
  name: string;
  pinned: boolean;
  /** Pins the person where they are drawn now (the canvas knows where that is). */
  onPin(): void;
  onUnpin(): void;
}

/** What the analyst can do to the selected person in the drawing: hide, pin, look at their surroundings. */
export function PersonActions({ personId, name, pinned, onPin, onUnpin }: PersonActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const { filters, setFilters } = useUiStore(useShallow((s) => ({ filters: s.networkFilters, setFilters: s.setNetworkFilters })));
  const hops = filters.neighbourhood?.personId === personId ? filters.neighbourhood.hops : 1;
  const focused = filters.neighbourhood?.personId === personId;
  return (
    <div className="person-actions" role="group" aria-label={t('views.personActions', { name })}>
      <button type="button" className="button quiet" onClick={() => setFilters({ hiddenPersonIds: [...filters.hiddenPersonIds, personId] })}>
        {t('views.hide')}
      </button>
      <button type="button" className="button quiet" aria-pressed={pinned} onClick={pinned ? onUnpin : onPin}>
        {pinned ? t('views.unpin') : t('views.pin')}
      </button>
      <button
        type="button"
        className="button quiet"
        aria-pressed={focused}
        onClick={() => setFilters({ neighbourhood: focused ? undefined : { personId, hops } })}
      >
        {focused ? t('views.neighbourhoodClear') : t('views.neighbourhood')}
      </button>
      <label htmlFor={`${id}-hops`}>{t('views.hops')}</label>
      <input
        id={`${id}-hops`}
        type="number"
        min={1}
        max={5}
        value={hops}
        onChange={(e) => {
          const value = Math.min(5, Math.max(1, Number(e.target.value) || 1));
          setFilters({ neighbourhood: { personId, hops: value } });
        }}
      />
    </div>
  );
}

/** Brings hidden people back. */
export function ShowHidden() {
  const { t } = useTranslation();
  const { hidden, setFilters } = useUiStore(useShallow((s) => ({ hidden: s.networkFilters.hiddenPersonIds.length, setFilters: s.setNetworkFilters })));
  if (hidden === 0) return null;
  return (
    <button type="button" className="button quiet" onClick={() => setFilters({ hiddenPersonIds: [] })}>
      {t('views.showHidden', { count: hidden })}
    </button>
  );
}
