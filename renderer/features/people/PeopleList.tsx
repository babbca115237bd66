import { useDeferredValue, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/model';
import { useDatabase } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { filterByName, indexNames } from './name-filter';
import { prefetchPersonDetails } from './person-details-prefetch';

/** Long lists are cut here: a hundred thousand buttons would freeze the page for no reader's benefit. */
const MAX_SHOWN = 200;

/**
 * The keyboard-usable way to the people of a case: type any name, then Enter (first match) or
 * pick one; the network centres on the person and their record opens.
 */
export function PeopleList({
  persons,
  notice,
}: {
  persons: readonly Pick<Person, 'id' | 'primaryName' | 'alternateNames' | 'realName'>[];
  /** Shown above the list while it matters (the case still being saved). */
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const selectedPersonId = useUiStore((s) => s.selectedPersonId);
  const db = useDatabase();
  const latestClick = useRef<string | undefined>(undefined);
  const select = useUiStore((s) => s.selectPerson);
  // The panel's read first, then the selection: the panel appears with its facts before the
  // network restyles and centres (person-details-prefetch.ts). The last click wins.
  const selectPerson = (personId: string) => {
    latestClick.current = personId;
    void prefetchPersonDetails(db, personId).then(() => {
      if (latestClick.current === personId) select(personId);
    });
  };
  const index = useMemo(() => indexNames(persons), [persons]);
  const { matches, total } = useMemo(() => filterByName(index, deferredQuery, MAX_SHOWN), [index, deferredQuery]);

  return (
    <nav className="people-list" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('people.title')}</h2>
      {notice}
      <label htmlFor={`${id}-filter`}>{t('people.filterLabel')}</label>
      <input
        id={`${id}-filter`}
        type="search"
        value={query}
        placeholder={t('people.filterPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        aria-controls={`${id}-list`}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          const first = filterByName(index, query, 1).matches[0];
          if (event.key === 'Enter' && first) selectPerson(first.person.id);
        }}
      />
      <p className="hint" aria-live="polite">
        {total === 0 ? t('people.noMatches', { query }) : t('people.count', { shown: matches.length, total })}
      </p>
      <ul id={`${id}-list`} aria-label={t('people.listLabel')}>
        {matches.map(({ person, matchedName }) => (
          <li key={person.id}>
            <button
              type="button"
              className="person-row"
              aria-current={person.id === selectedPersonId ? 'true' : undefined}
              onClick={() => selectPerson(person.id)}
            >
              <span className="person-name">{person.primaryName}</span>
              {matchedName && <span className="hint"> · {matchedName}</span>}
            </button>
          </li>
        ))}
      </ul>
      {total > matches.length && <p className="hint">{t('people.truncated', { count: matches.length })}</p>}
    </nav>
  );
}
