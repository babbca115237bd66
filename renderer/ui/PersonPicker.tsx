import { useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../shared/model';
import { CaseSearchIndex, type SearchablePerson } from '../../shared/search';
import { FieldError } from './FieldError';

const SHOWN = 8;

/**
 * The one person picker (editors, analysis): picks a person of the case by any of their names,
 * tolerant of transliteration, accents and typos (the case search index of shared/search, the same
 * matching as Ctrl+K). A combobox: type, then arrows and Enter, or click.
 */
export function PersonPicker({
  id: givenId,
  label,
  persons,
  value,
  onChange,
  issue,
}: {
  id?: string;
  label: string;
  /** The people to choose from; undefined while they are being read. */
  persons: readonly SearchablePerson[] | undefined;
  value: string | undefined;
  onChange(personId: string | undefined): void;
  issue?: FieldIssue | undefined;
}) {
  const { t } = useTranslation();
  const ownId = useId();
  const id = givenId ?? ownId;
  const index = useMemo(() => (persons ? CaseSearchIndex.build({ persons }) : undefined), [persons]);
  const chosen = persons?.find((p) => p.id === value);
  const [query, setQuery] = useState<string | undefined>(undefined);
  const [active, setActive] = useState(0);
  const typed = query ?? chosen?.primaryName ?? '';
  const deferred = useDeferredValue(query ?? '');
  const hits = useMemo(
    () => (index && deferred.trim() ? index.search(deferred, { limitPerType: SHOWN }).hits.person : []),
    [index, deferred],
  );
  const open = query !== undefined && query.trim() !== '';

  const pick = (personId: string) => {
    onChange(personId);
    setQuery(undefined);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      // Enter picks the highlighted person instead of saving the form half filled.
      event.preventDefault();
      // Typed and Enter at once: the deferred list may not have caught up, so search what is typed now.
      const shown = deferred === query ? hits : index && query ? index.search(query, { limitPerType: SHOWN }).hits.person : [];
      const hit = shown[deferred === query ? active : 0];
      if (hit) pick(hit.id);
    } else if (event.key === 'Escape') {
      // Closes the list, not the dialog.
      event.preventDefault();
      setQuery(undefined);
    }
  };

  return (
    <div className="field person-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${id}-option-${active}` : undefined}
        aria-invalid={issue ? true : undefined}
        aria-describedby={[issue ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')}
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          if (value) onChange(undefined);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={`${id}-hint`} className="hint">
        {chosen && query === undefined ? t('editing.otherPersonChosen', { name: chosen.primaryName }) : t('editing.otherPersonHint')}
      </span>
      <ul id={`${id}-list`} role="listbox" aria-label={t('editing.otherPersonResults')} hidden={!open} className="picker-list">
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            // Keeps focus in the field while the pointer picks.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(hit.id)}
          >
            {hit.label}
            {hit.field !== 'primaryName' && <span className="hint"> · {hit.matchedText}</span>}
          </li>
        ))}
      </ul>
      {open && hits.length === 0 && deferred.trim() !== '' && <p className="hint">{t('editing.otherPersonNone')}</p>}
      <FieldError id={`${id}-error`} issue={issue} />
    </div>
  );
}
