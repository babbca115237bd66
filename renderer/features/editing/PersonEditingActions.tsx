import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';

/** The record's editing actions, at the top of a person's panel. */
export function PersonEditingActions({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const openEditor = useUiStore((s) => s.openEditor);
  return (
    <div className="record-actions" role="group" aria-label={t('editing.personActions')}>
      <button type="button" className="button secondary" onClick={() => openEditor({ kind: 'person', personId })}>
        {t('editing.editPerson')}
      </button>
      <button type="button" className="button quiet" onClick={() => openEditor({ kind: 'stay', personId })}>
        {t('editing.addStay')}
      </button>
      <button type="button" className="button quiet" onClick={() => openEditor({ kind: 'transfer', personId })}>
        {t('editing.transfer')}
      </button>
      <button type="button" className="button quiet" onClick={() => openEditor({ kind: 'sentence', personId })}>
        {t('editing.addSentence')}
      </button>
      <button type="button" className="button quiet" onClick={() => openEditor({ kind: 'link', personId })}>
        {t('editing.addLink')}
      </button>
      <button type="button" className="button quiet" onClick={() => openEditor({ kind: 'event', personId })}>
        {t('editing.addEvent')}
      </button>
    </div>
  );
}
