import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import { SEARCH_RECORD_TYPES, type SearchHit } from '../../../shared/search';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { ModalDialog } from '../../ui/ModalDialog';
import { HighlightedText } from './HighlightedText';
import type { CaseSearch } from './use-case-search';

/** Where a search result takes the analyst: a person's panel, a record, or the case's own notes. */
function openHit(hit: SearchHit): void {
  const store = useUiStore.getState();
  const target = hit.type === 'note' ? hit.subject : { type: hit.type, id: hit.id };
  store.closeDialog('search');
  if (!target) return;
  if (target.type === 'person') store.selectPerson(target.id);
  else if (target.type === 'source' || target.type === 'prison') store.openDialog({ kind: 'record', record: { type: target.type, id: target.id } });
  else if (target.type === 'case') store.openDialog({ kind: 'caseSettings' });
}

/**
 * The one search box (Ctrl/Cmd+K): results appear as the analyst types, grouped by kind, each saying
 * which of the record's names matched. Arrow keys move through them, Enter opens one.
 */
export function SearchDialog({ openCase, search }: { openCase: Case; search: CaseSearch }) {
  const { t } = useTranslation();
  const open = useUiStore((s) => openDialogOf(s, 'search') !== undefined);
  const closeDialog = useUiStore((s) => s.closeDialog);
  // The box is mounted only while the dialog is open: each Ctrl+K starts with an empty query.
  return (
    <ModalDialog open={open} onClose={() => closeDialog('search')} title={t('records.search.title')} markedCase={openCase} className="search-dialog">
      <SearchBox search={search} />
    </ModalDialog>
  );
}

function SearchBox({ search }: { search: CaseSearch }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const typedAt = useRef(new Map<string, number>());
  const listId = useId();
  const answer = search.answer && search.answer.query === query ? search.answer : undefined;
  const hits = useMemo(() => (answer ? SEARCH_RECORD_TYPES.flatMap((type) => answer.results.hits[type]) : []), [answer]);

  // Measures keystroke → results on screen, for the benchmark (performance entries cost nothing else).
  useEffect(() => {
    if (!answer) return;
    const start = typedAt.current.get(answer.query);
    if (start === undefined) return;
    typedAt.current.delete(answer.query);
    performance.measure('vigia:search-keystroke', { start, end: performance.now() });
  }, [answer]);

  const change = (value: string) => {
    setQuery(value);
    setActive(0);
    typedAt.current.set(value, performance.now());
    search.search(value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active];
      if (hit) openHit(hit);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  let index = -1;
  return (
    <>
      <input
        type="text"
        data-autofocus
        autoComplete="off"
        spellCheck={false}
        aria-label={t('records.search.inputLabel')}
        placeholder={t('records.search.placeholder')}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? optionId(active) : undefined}
        aria-describedby={`${listId}-hint`}
        value={query}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${listId}-hint`} className="hint">
        {t('records.search.hint')}
      </p>
      {search.status === 'preparing' && <p role="status">{t('records.search.preparing')}</p>}
      {search.status === 'failed' && <p role="alert">{t('records.search.failed')}</p>}
      {answer && query.trim() !== '' && hits.length === 0 && <p role="status">{t('records.search.noResults', { query })}</p>}
      <div id={listId} role="listbox" aria-label={t('records.search.resultsLabel')} className="search-results" data-results-for={answer?.query}>
        {answer &&
          SEARCH_RECORD_TYPES.map((type) => {
            const group = answer.results.hits[type];
            if (group.length === 0) return null;
            const more = answer.results.totals[type] - group.length;
            return (
              <div key={type} role="group" aria-labelledby={`${listId}-${type}`}>
                <div id={`${listId}-${type}`} className="search-group-label">
                  {t(`records.search.group.${type}`)}
                  {more > 0 && ` · ${t('records.search.more', { count: more })}`}
                </div>
                {group.map((hit) => {
                  index += 1;
                  const position = index;
                  return (
                    <div
                      key={`${hit.type}:${hit.id}`}
                      id={optionId(position)}
                      role="option"
                      aria-selected={position === active}
                      className="search-option"
                      onMouseMove={() => setActive(position)}
                      onClick={() => openHit(hit)}
                    >
                      <div>{hit.label}</div>
                      <HitExplanation hit={hit} />
                    </div>
                  );
                })}
              </div>
            );
          })}
      </div>
    </>
  );
}

/** "alias «Abu Yusuf»" (with the matched letters marked), and whether it matched as a variant or a typo. */
function HitExplanation({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const field = t(`records.search.field.${hit.field}`);
  // The sentence comes from the translation with a marker where the matched text goes, so that its
  // highlighted letters can be React elements rather than a string.
  const [before, after] = t('records.search.matched', { field, text: '\u0000' }).split('\u0000');
  const kind = hit.match === 'variant' || hit.match === 'variant-prefix' ? t('records.search.variant') : hit.match === 'fuzzy' ? t('records.search.fuzzy') : undefined;
  return (
    <div className="hint">
      {before}
      <HighlightedText text={hit.matchedText} highlights={hit.highlights} />
      {after}
      {kind && ` · ${kind}`}
    </div>
  );
}
