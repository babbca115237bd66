import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../shared/model';
import { useUiStore } from '../../store/ui-store';
import { RaisedMarking } from '../../ui/MarkingBadge';
import { useCaseMarking } from './use-case-records';

/**
 * Where a fact came from and how reliable that is, beside the fact: "Fuente: Carta de la prisión (B)";
 * each title opens the source's editor. Sources deleted since are left out; nothing is shown for a
 * fact without sources.
 */
export function Citation({ sourceIds, sourcesById }: { sourceIds: readonly string[]; sourcesById: ReadonlyMap<string, Source> | undefined }) {
  const { t } = useTranslation();
  const openEditor = useUiStore((s) => s.openEditor);
  const caseMarking = useCaseMarking();
  const sources = sourceIds.map((id) => sourcesById?.get(id)).filter((s) => s !== undefined);
  if (sources.length === 0) return null;
  return (
    <span className="citation" data-testid="citation">
      {t('editing.citedByLabel')}{' '}
      {sources.map((source, i) => (
        <Fragment key={source.id}>
          {i > 0 && '; '}
          <button
            type="button"
            className="link-button"
            aria-label={t('editing.editSource', { title: source.title })}
            onClick={() => openEditor({ kind: 'source', sourceId: source.id })}
          >
            {source.title}
          </button>{' '}
          ({source.reliability})
          <RaisedMarking marking={source.marking} caseMarking={caseMarking} />
        </Fragment>
      ))}
    </span>
  );
}
