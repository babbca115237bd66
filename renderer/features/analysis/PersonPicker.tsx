import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/model';
import { filterByName, indexNames } from '../people/name-filter';

const MAX_SHOWN = 8;

/**
 * Choose one person of the case by any of their names (the people list's filter): type, then
 * Enter for the best match or pick one from the list.
 */
export function PersonPicker({
  label,
  persons,
  value,
  onChange,
}: {
  label: string;
  persons: readonly Pick<Person, 'id' | 'primaryName' | 'alternateNames' | 'realName'>[];
  value: string | undefined;
  onChange: (personId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const index = useMemo(() => indexNames(persons), [persons]);
  const { matches } = useMemo(() => filterByName(index, deferred, MAX_SHOWN), [index, deferred]);
  const chosen = value ? persons.find((p) => p.id === value) : undefined;

  if (chosen) {
    return (
      <div className="person-picker chosen">
        <span>{t('analysis.picker.chosen', { label, name: chosen.primaryName })}</span>{' '}
        <button type="button" className="button quiet" onClick={() => onChange(undefined)} aria-label={`${t('analysis.picker.change')}: ${label}`}>
          {t('analysis.picker.change')}
        </button>
      </div>
    );
  }
  return (
    <div className="person-picker">
      <label htmlFor={`${id}-query`}>{label}</label>
      <input
        id={`${id}-query`}
        type="search"
        value={query}
        placeholder={t('analysis.picker.placeholder')}
        autoComplete="off"
        spellCheck={false}
        aria-controls={`${id}-matches`}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          const first = filterByName(index, query, 1).matches[0];
          if (first) onChange(first.person.id);
        }}
      />
      {query.trim() !== '' && (
        <ul id={`${id}-matches`} aria-label={t('analysis.picker.matches', { query })} className="picker-matches">
          {matches.length === 0 && <li className="hint">{t('analysis.picker.noMatches')}</li>}
          {matches.map(({ person, matchedName }) => (
            <li key={person.id}>
              <button type="button" className="person-row" onClick={() => onChange(person.id)}>
                {person.primaryName}
                {matchedName && <span className="hint"> · {matchedName}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
