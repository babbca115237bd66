import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, deleteView, listSavedViews, saveView } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { useValidationMessage } from '../../ui/validation-message';
import { parseSavedViewDefinition, type SavedViewDefinition } from './saved-view-definition';

/** Named views of the case (filters, view, styling, positions), kept in Dexie on this workstation. */
export function SavedViews({ caseId, current }: { caseId: string; current: () => SavedViewDefinition }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const validationMessage = useValidationMessage();
  const id = useId();
  const views = useLiveQuery(() => listSavedViews(db, caseId), [db, caseId]);
  const restore = useUiStore((s) => s.restoreNetworkView);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);

  const onSave = async () => {
    const result = await saveView(db, { caseId, name, definition: current() });
    if (result.ok) {
      setMessage({ text: t('views.saved', { name: result.value.name }), error: false });
      setName('');
    } else {
      setMessage({ text: validationMessage(result.issues[0]?.code ?? 'invalid'), error: true });
    }
  };

  return (
    <div className="saved-views">
      <form
        className="field-row"
        onSubmit={(event) => {
          event.preventDefault();
          void onSave();
        }}
      >
        <label htmlFor={`${id}-name`}>{t('views.viewName')}</label>
        <input id={`${id}-name`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} aria-invalid={message?.error ? true : undefined} />
        <button type="submit" className="button secondary">
          {t('views.save')}
        </button>
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'hint'}>
          {message.text}
        </p>
      )}
      {views && views.length === 0 && <p className="hint">{t('views.noSaved')}</p>}
      <ul className="saved-view-list">
        {views?.map((view) => {
          const definition = parseSavedViewDefinition(view.definition);
          return (
            <li key={view.id}>
              <span>{view.name}</span>
              <button
                type="button"
                className="link-button"
                disabled={!definition}
                aria-label={t('views.applyNamed', { name: view.name })}
                onClick={() =>
                  definition &&
                  restore({
                    networkView: definition.view,
                    networkFilters: definition.filters,
                    networkStyling: definition.styling,
                    expandedPrisonNodes: definition.expandedPrisonNodes,
                    pinnedPositions: definition.pinnedPositions,
                  })
                }
              >
                {t('views.apply')}
              </button>
              <button type="button" className="link-button" aria-label={t('views.deleteNamed', { name: view.name })} onClick={() => void deleteView(db, view.id)}>
                {t('views.delete')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
