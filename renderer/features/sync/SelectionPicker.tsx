import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectPeople } from '../../../shared/bundle/selection';
import type { CaseSnapshot, Person } from '../../../shared/model';
import { CaseSearchIndex } from '../../../shared/search';
import { directContacts } from './direct-contacts';
import { SelectionSummary } from './SelectionSummary';
import './selection-picker.css';

/** A checklist of 10,000 boxes would freeze the dialog: the rest is reached by typing a name. */
const SHOWN = 60;

/**
 * Chooses the people a selection bundle carries: a checklist filtered by any of their names
 * (tolerant of transliteration and typos, the case search index of shared/search), a shortcut to
 * add the chosen people's direct contacts, and what the bundle will hold.
 */
export function SelectionPicker({
  snapshot,
  chosen,
  onChange,
}: {
  snapshot: CaseSnapshot;
  chosen: ReadonlySet<string>;
  onChange(chosen: ReadonlySet<string>): void;
}) {
  const { t } = useTranslation();
  const persons = useMemo(() => snapshot.persons.filter((p) => !p.deleted).sort((a, b) => a.primaryName.localeCompare(b.primaryName, 'es')), [snapshot]);
  const index = useMemo(() => CaseSearchIndex.build({ persons }), [persons]);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const contacts = useMemo(() => directContacts(snapshot, chosen), [snapshot, chosen]);
  const selection = useMemo(() => selectPeople(snapshot, chosen), [snapshot, chosen]);

  const { rows, total } = useMemo(() => {
    if (deferred) {
      const found = index.search(deferred, { limitPerType: SHOWN });
      return { rows: found.hits.person.map((hit) => ({ id: hit.id, name: hit.label, matched: hit.field === 'primaryName' ? undefined : hit.matchedText })), total: found.totals.person };
    }
    // Without a query the chosen come first, so a pre-filled choice is in sight.
    const ordered = [...persons.filter((p) => chosen.has(p.id)), ...persons.filter((p) => !chosen.has(p.id))];
    return { rows: ordered.slice(0, SHOWN).map((p: Person) => ({ id: p.id, name: p.primaryName, matched: undefined })), total: ordered.length };
  }, [deferred, index, persons, chosen]);

  const toggle = (personId: string) => {
    const next = new Set(chosen);
    if (!next.delete(personId)) next.add(personId);
    onChange(next);
  };

  return (
    <fieldset className="selection-picker">
      <legend>{t('sync.selection.legend')}</legend>
      <label>
        {t('sync.selection.filter')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" spellCheck={false} />
      </label>
      <ul className="selection-people" aria-label={t('sync.selection.legend')}>
        {rows.map((row) => (
          <li key={row.id}>
            <label className="sync-check">
              <input type="checkbox" checked={chosen.has(row.id)} onChange={() => toggle(row.id)} />
              {row.name}
              {row.matched && <span className="sync-hint"> · {row.matched}</span>}
            </label>
          </li>
        ))}
      </ul>
      {rows.length === 0 && deferred && <p className="sync-hint">{t('sync.selection.none', { query: deferred })}</p>}
      {total > rows.length && <p className="sync-hint">{t('sync.selection.shown', { shown: rows.length, total })}</p>}
      <div className="sync-actions">
        <span>{t('sync.selection.chosen', { count: chosen.size })}</span>
        <button type="button" className="button quiet" disabled={contacts.length === 0} onClick={() => onChange(new Set([...chosen, ...contacts]))}>
          {t('sync.selection.addContacts')}
        </button>
        <button type="button" className="button quiet" disabled={chosen.size === 0} onClick={() => onChange(new Set())}>
          {t('sync.selection.clear')}
        </button>
      </div>
      <SelectionSummary selection={selection} />
    </fieldset>
  );
}
