import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, type PersonDetails } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { LinkList } from './panel/LinkList';
import { PersonNames } from './panel/PersonNames';
import { PersonStatus } from './panel/PersonStatus';
import { SentenceList } from './panel/SentenceList';
import { PersonRecordTabs } from '../record-details/PersonRecordTabs';
import { PersonEditingActions } from '../editing/PersonEditingActions';
import { StayList } from '../editing/StayList';
import { EventList } from '../editing/EventList';
import { measuredPersonDetails, takePrefetchedPersonDetails } from './person-details-prefetch';
import { RaisedMarking } from '../../ui/MarkingBadge';
import { useCaseMarking } from '../editing/use-case-records';
import { LastChange } from '../provenance/LastChange';

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
  const caseMarking = useCaseMarking();
  const live = useLiveQuery(() => measuredPersonDetails(db, personId).then((d) => d ?? null), [db, personId]);
  const [prefetched, setPrefetched] = useState<{ personId: string; details: PersonDetails | null } | undefined>(undefined);
  // Taken during the first render, so a read that has already answered draws the panel at once.
  const [taken] = useState(() => takePrefetchedPersonDetails(db, personId));
  const initial = taken?.done ? { personId, details: taken.done.details } : undefined;
  useEffect(() => {
    const entry = taken && !taken.done ? taken : takePrefetchedPersonDetails(db, personId);
    if (!entry) return;
    let current = true;
    void entry.read.then(() => {
      if (current && entry.done) setPrefetched({ personId, details: entry.done.details });
    });
    return () => {
      current = false;
    };
  }, [db, personId]); // eslint-disable-line react-hooks/exhaustive-deps
  // The read the opening click started, until the live query (which follows later edits) answers.
  const early = [prefetched, initial].find((p) => p?.personId === personId);
  const details = live !== undefined ? live : early?.details;
  const goToPerson = useCallback((id: string) => selectPerson(id), [selectPerson]);
  const editLink = useCallback((id: string) => openEditor({ kind: 'link', personId, linkId: id }), [openEditor, personId]);

  useEffect(() => {
    returnFocus.current ??= document.activeElement;
  }, []);

  useLayoutEffect(() => {
    // From the read's end to the panel committed: what drawing it costs.
    if (details && performance.getEntriesByName('vigia:person-panel-loaded').length > 0) {
      performance.measure('vigia:person-panel-render', 'vigia:person-panel-loaded');
      performance.clearMarks('vigia:person-panel-loaded');
    }
  }, [details]);

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
          <RaisedMarking marking={person.marking} caseMarking={caseMarking} />
        </h2>
        <button type="button" className="button quiet close" onClick={close} aria-label={t('person.close')}>
          ×
        </button>
      </div>
      <LastChange recordId={person.id} table="persons" />
      <PersonEditingActions personId={person.id} />
      <PersonNames person={person} sourcesById={details.sourcesById} />
      <PersonStatus person={person} stay={details.currentStay} prison={details.currentPrison} />
      <StayList personId={person.id} stays={details.stays} sourcesById={details.sourcesById} />
      <SentenceList
        sentences={details.sentences}
        sourcesById={details.sourcesById}
        onEdit={(id) => openEditor({ kind: 'sentence', personId: person.id, sentenceId: id })}
        canDelete
      />
      <LinkList links={details.links} onGoToPerson={goToPerson} onEdit={editLink} canDelete />
      <EventList caseId={person.caseId} personId={person.id} />
      <PersonRecordTabs caseId={person.caseId} personId={person.id} />
    </aside>
  );
}
