import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../shared/model';
import { useDatabase } from '../../db';
import { useFormatters } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import { Citation } from './Citation';
import { RaisedMarking } from '../../ui/MarkingBadge';
import { DeleteButton } from './DeleteButton';
import { useCaseMarking } from './use-case-records';

/**
 * The events a person took part in, newest first, each with a way to edit or delete it. Events have no person index (they are few), so
 * the case's events are read and filtered here; their sources are read with them.
 */
export function EventList({ caseId, personId }: { caseId: string; personId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const format = useFormatters();
  const openEditor = useUiStore((s) => s.openEditor);
  const caseMarking = useCaseMarking();
  const loaded = useLiveQuery(async () => {
    const events = (await db.events.where('caseId').equals(caseId).toArray())
      .filter((e) => !e.deleted && e.personIds.includes(personId))
      .sort((a, b) => b.date.localeCompare(a.date));
    const sources = await db.sources.bulkGet([...new Set(events.flatMap((e) => e.sourceIds))]);
    const sourcesById = new Map<string, Source>();
    for (const source of sources) if (source && !source.deleted) sourcesById.set(source.id, source);
    return { events, sourcesById };
  }, [db, caseId, personId]);
  if (!loaded || loaded.events.length === 0) return null;
  return (
    <section aria-labelledby="person-events-title">
      <h3 id="person-events-title">{t('editing.events')}</h3>
      <ul className="stay-list">
        {loaded.events.map((event) => (
          <li key={event.id}>
            {t(`editing.eventKind.${event.kind}`)} · {format.date(event.date)} · {event.title}
            <RaisedMarking marking={event.marking} caseMarking={caseMarking} />{' '}
            <button
              type="button"
              className="button quiet"
              aria-label={t('editing.editEvent', { title: event.title })}
              onClick={() => openEditor({ kind: 'event', personId, eventId: event.id })}
            >
              {t('editing.edit')}
            </button>{' '}
            <DeleteButton table="events" id={event.id} what={t('editing.whatEvent', { title: event.title })} />
            <Citation sourceIds={event.sourceIds} sourcesById={loaded.sourcesById} />
          </li>
        ))}
      </ul>
    </section>
  );
}
