import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { CaseNetwork } from '../../db';
import { useFormatters } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import { usePersonNames, usePrisonNames } from './person-names';

const MAX_SHOWN = 200;

/** "Held in the same prison at the same time", with the prison and the dates that explain it. */
export function CoLocationsTab({ network }: { network: CaseNetwork }) {
  const { t } = useTranslation();
  const id = useId();
  const format = useFormatters();
  const names = usePersonNames(network);
  const prisons = usePrisonNames(network);
  const { derivedLinks, show, setShow, selectedPersonId, selectPerson } = useUiStore(
    useShallow((s) => ({
      derivedLinks: s.derivedLinks,
      show: s.showDerivedLinks,
      setShow: s.setShowDerivedLinks,
      selectedPersonId: s.selectedPersonId,
      selectPerson: s.selectPerson,
    })),
  );
  const [onlySelected, setOnlySelected] = useState(true);
  const filterBySelected = onlySelected && selectedPersonId !== undefined;
  const listed = useMemo(
    () => (filterBySelected ? derivedLinks.filter((l) => l.personA === selectedPersonId || l.personB === selectedPersonId) : derivedLinks),
    [derivedLinks, filterBySelected, selectedPersonId],
  );
  const name = (personId: string) => names.get(personId) ?? personId;

  return (
    <div className="analysis-derived">
      <p className="hint">{t('analysis.derived.explain')}</p>
      <div className="analysis-controls">
        <label>
          <input type="checkbox" checked={show} onChange={(event) => setShow(event.target.checked)} /> {t('analysis.derived.show')}
        </label>
        <label htmlFor={`${id}-only`}>
          <input id={`${id}-only`} type="checkbox" checked={onlySelected} onChange={(event) => setOnlySelected(event.target.checked)} />{' '}
          {t('analysis.derived.onlySelected')}
        </label>
      </div>
      <p className="hint" aria-live="polite">
        {t('analysis.derived.count', { count: listed.length })}
        {listed.length > MAX_SHOWN && ` · ${t('analysis.derived.truncated', { count: MAX_SHOWN })}`}
      </p>
      <ul className="analysis-list" data-testid="co-locations">
        {listed.slice(0, MAX_SHOWN).map((link) => {
          const other = filterBySelected && link.personA === selectedPersonId ? link.personB : link.personA;
          const prison = prisons.get(link.prisonId) ?? link.prisonId;
          return (
            <li key={`${link.prisonId}|${link.personA}|${link.personB}|${link.from}`}>
              {filterBySelected ? (
                <button type="button" className="link-button" onClick={() => selectPerson(other)}>
                  {name(other)}
                </button>
              ) : (
                <span>{t('analysis.derived.pair', { a: name(link.personA), b: name(link.personB) })}</span>
              )}{' '}
              <span className="hint">
                {link.to
                  ? t('analysis.derived.period', { prison, from: format.date(link.from), to: format.date(link.to) })
                  : t('analysis.derived.periodOpen', { prison, from: format.date(link.from) })}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
