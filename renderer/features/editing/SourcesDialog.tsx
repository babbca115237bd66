import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marking, Source } from '../../../shared/model';
import { foldForMatch } from '../../../shared/search';
import { useDatabase, getCase } from '../../db';
import { useFormatters } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import { ModalDialog } from '../../ui/ModalDialog';
import { useCaseSources } from './use-case-records';
import { RaisedMarking } from '../../ui/MarkingBadge';

/** Whether a source's title, author or place of keeping holds the typed words (accents and case ignored). */
export function sourceMatches(source: Source, query: string): boolean {
  const words = foldForMatch(query).split(/\s+/).filter(Boolean);
  const text = foldForMatch([source.title, source.author, source.keptAt].join(' '));
  return words.every((word) => text.includes(word));
}

/**
 * Every source of the open case, by title, each with a way to open it for editing: sources are
 * otherwise reached only from the facts that cite them.
 */
export function SourcesDialog({ caseId, open, onClose }: { caseId: string; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const openCase = useLiveQuery(() => getCase(db, caseId), [db, caseId]);
  return (
    <ModalDialog open={open} onClose={onClose} title={t('editing.sourcesListTitle')} markedCase={openCase}>
      {open && <SourcesList caseMarking={openCase?.marking} />}
    </ModalDialog>
  );
}

function SourcesList({ caseMarking }: { caseMarking: Marking | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const format = useFormatters();
  const openEditor = useUiStore((s) => s.openEditor);
  const sources = useCaseSources();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const shown = (sources ?? []).filter((source) => sourceMatches(source, deferred));
  return (
    <div className="sources-list">
      <label htmlFor={`${id}-filter`}>{t('editing.sourcesListFilter')}</label>
      <input id={`${id}-filter`} type="search" value={query} autoComplete="off" spellCheck={false} data-autofocus onChange={(e) => setQuery(e.target.value)} />
      {sources && sources.length === 0 && <p className="hint">{t('editing.sourcesListEmpty')}</p>}
      {sources && sources.length > 0 && shown.length === 0 && <p className="hint">{t('editing.sourcesListNoMatch')}</p>}
      <ul aria-label={t('editing.sourcesListTitle')}>
        {shown.map((source) => (
          <li key={source.id}>
            <strong>{source.title}</strong>
            <RaisedMarking marking={source.marking} caseMarking={caseMarking} />{' '}
            <button
              type="button"
              className="button quiet"
              aria-label={t('editing.editSource', { title: source.title })}
              onClick={() => openEditor({ kind: 'source', sourceId: source.id })}
            >
              {t('editing.edit')}
            </button>
            <div className="hint">
              {[
                t(`editing.sourceKind.${source.kind}`),
                source.author,
                source.date ? format.date(source.date) : undefined,
                source.keptAt,
                `${t('editing.reliability')}: ${t(`editing.reliabilityGrade.${source.reliability}`)}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
