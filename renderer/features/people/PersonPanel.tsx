import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../app/database-context';
import { loadPersonDetails } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { LinkList } from './panel/LinkList';
import { PersonNames } from './panel/PersonNames';
import { PersonStatus } from './panel/PersonStatus';
import { SentenceList } from './panel/SentenceList';
import { PersonRecordTabs } from '../records/PersonRecordTabs';
import { PersonEditingActions } from '../editing/PersonEditingActions';
import { StayList } from '../editing/StayList';
import { EventList } from '../editing/EventList';

/**
 * The record of the selected person, beside the network. Opening it moves focus to its heading;
 * Esc or the close button shut it and give focus back to where the analyst was. Case data is
 * rendered as text only.
 */
export function PersonPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const closePanel = useUiStore((s) => s.closePersonPanel);
  const selectPerson = useUiStore((s) => s.selectPerson);
  const openEditor = useUiStore((s) => s.openEditor);
  const heading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const details = useLiveQuery(() => loadPersonDetails(db, personId).then((d) => d ?? null), [db, personId]);

  useEffect(() => {
    returnFocus.current ??= document.activeElement;
  }, []);

  useEffect(() => {
    if (details) heading.current?.focus();
  }, [details?.person.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const close = useCallback(() => {
    closePanel();
    const target = returnFocus.current;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
  }, [closePanel]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A modal dialog takes Esc for itself.
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);

  if (details === undefined) {
    return (
      <aside className="person-panel" aria-busy="true">
        <p className="hint">{t('person.loading')}</p>
      </aside>
    );
  }
  if (details === null) {
    return (
      <aside className="person-panel">
        <p>{t('person.notFound')}</p>
        <button type="button" className="button quiet" onClick={close}>
          {t('person.close')}
        </button>
      </aside>
    );
  }
  const { person } = details;
  return (
    <aside className="person-panel" aria-label={t('person.panelLabel', { name: person.primaryName })} data-testid="person-panel">
      <div className="panel-head">
        <h2 ref={heading} tabIndex={-1}>
          {person.primaryName}
        </h2>
        <button type="button" className="button quiet close" onClick={close} aria-label={t('person.close')}>
          ×
        </button>
      </div>
      <PersonEditingActions personId={person.id} />
      <PersonNames person={person} sourcesById={details.sourcesById} />
      <PersonStatus person={person} stay={details.currentStay} prison={details.currentPrison} />
      <StayList personId={person.id} stays={details.stays} sourcesById={details.sourcesById} />
      <SentenceList
        sentences={details.sentences}
        sourcesById={details.sourcesById}
        onEdit={(id) => openEditor({ kind: 'sentence', personId: person.id, sentenceId: id })}
      />
      <LinkList
        links={details.links}
        onGoToPerson={(id) => selectPerson(id)}
        onEdit={(id) => openEditor({ kind: 'link', personId: person.id, linkId: id })}
      />
      <EventList caseId={person.caseId} personId={person.id} />
      <PersonRecordTabs caseId={person.caseId} personId={person.id} />
    </aside>
  );
}
