import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marking } from '../../../shared/model';
import { ReleaseLevel, wholeCaseLevel } from '../../ui/ReleaseLevel';
import { SelectionSummary } from './SelectionSummary';
import { useSelectionView, type SelectionSource } from './use-selection-view';
import './selection-picker.css';

/**
 * Chooses the people a selection bundle carries: a checklist filtered by any of their names
 * (tolerant of transliteration and typos, the case search index of shared/search), a shortcut to
 * add the chosen people's direct contacts, and what the bundle will hold. The case itself is read
 * and counted in the selection worker (`source`, use-selection-view.ts): the page holds only what
 * it shows.
 */
export function SelectionPicker({
  source,
  chosen,
  onChange,
  release,
}: {
  source: SelectionSource;
  chosen: ReadonlySet<string>;
  onChange(chosen: ReadonlySet<string>): void;
  /** "Release up to": the case's marking, the level chosen (its highest: everything) and its setter. */
  release?: { caseMarking: Marking; upTo: Marking; onChange(level: Marking): void };
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const releasing = release && release.upTo !== wholeCaseLevel(release.caseMarking) ? release.upTo : undefined;
  const view = useSelectionView(source, deferred, chosen, releasing);
  const ready = view !== undefined && view !== 'failed' ? view : undefined;

  // A pre-filled person deleted since is dropped from the choice, so the export never names them.
  // Only ever removes: an answer to an older choice cannot undo a tick made since.
  useEffect(() => {
    const gone = ready?.notLive.filter((id) => chosen.has(id)) ?? [];
    if (gone.length > 0) onChange(new Set([...chosen].filter((id) => !gone.includes(id))));
  }, [ready, chosen, onChange]);

  const toggle = (personId: string) => {
    const next = new Set(chosen);
    if (!next.delete(personId)) next.add(personId);
    onChange(next);
  };

  if (view === 'failed') return <p role="alert" className="sync-hint">{t('sync.selection.failed')}</p>;
  if (!ready) return <p className="sync-hint">{t('sync.selection.loading')}</p>;
  const { rows, total, contacts, summary } = ready;
  // What the level keeps home, said only once the answer for exactly this level has come.
  const preview = !releasing ? undefined : summary?.release?.upTo === releasing ? summary.release : 'checking';

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
        <button type="button" className="button quiet" disabled={!contacts || contacts.length === 0} onClick={() => contacts && onChange(new Set([...chosen, ...contacts]))}>
          {t('sync.selection.addContacts')}
        </button>
        <button type="button" className="button quiet" disabled={chosen.size === 0} onClick={() => onChange(new Set())}>
          {t('sync.selection.clear')}
        </button>
      </div>
      {release && <ReleaseLevel caseMarking={release.caseMarking} value={release.upTo} onChange={release.onChange} preview={preview} />}
      <SelectionSummary summary={summary} />
    </fieldset>
  );
}
