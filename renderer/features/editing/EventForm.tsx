import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type CaseEvent, type EventKind, type Marking } from '../../../shared/model';
import { useDatabase, createEvent, updateEvent } from '../../db';
import { DateField, SelectField, TextField } from './controls';
import { EditorDialog } from './EditorDialog';
import { fieldId } from '../../ui/form-support';
import { PersonPicker } from '../../ui/PersonPicker';
import { RecordMarkingField } from './RecordMarkingField';
import { SourcePicker } from './SourcePicker';
import { useCasePersons, useCasePrisons } from './use-case-records';
import { useEditorForm } from './use-editing';

const PLACED = new Set(['kind', 'title', 'date', 'description', 'personIds', 'prisonIds']);

/**
 * A dated event of the case (arrest, conviction, transfer, release, extradition, operation…) with
 * its people, prisons and sources: a new one, or `eventId` to edit (drawn once it is read).
 */
export function EventForm({ personId, eventId }: { personId: string | undefined; eventId?: string }) {
  const db = useDatabase();
  const loaded = useLiveQuery(async () => ({ event: eventId ? await db.events.get(eventId) : undefined }), [db, eventId]);
  if (!loaded || (eventId && !loaded.event)) return null;
  return <EventFormBody personId={personId} event={loaded.event} />;
}

function EventFormBody({ personId, event }: { personId: string | undefined; event: CaseEvent | undefined }) {
  const { t } = useTranslation();
  const base = useId();
  const editor = useEditorForm((path) => PLACED.has(path.split('.')[0]!));
  const persons = useCasePersons() ?? [];
  const prisons = useCasePrisons() ?? [];
  const [kind, setKind] = useState<EventKind>(event?.kind ?? 'arrest');
  const [title, setTitle] = useState(event?.title ?? '');
  const [date, setDate] = useState<string>(event?.date ?? '');
  const [personIds, setPersonIds] = useState<string[]>(event ? [...event.personIds] : personId ? [personId] : []);
  const [prisonIds, setPrisonIds] = useState<string[]>(event ? [...event.prisonIds] : []);
  const [description, setDescription] = useState(event?.description ?? '');
  const [sourceIds, setSourceIds] = useState<string[]>(event ? [...event.sourceIds] : []);
  const [marking, setMarking] = useState<Marking | undefined>(event?.marking);
  const props = (path: string) => ({ id: fieldId(base, path), issue: editor.issueFor(path) });
  const nameOf = (id: string) => persons.find((p) => p.id === id)?.primaryName ?? id;

  const submit = () =>
    void editor.save(async (caseId) => {
      const fields = { kind, title, date: date.trim(), personIds, prisonIds, description, sourceIds, marking };
      const result = event ? await updateEvent(editor.db, event.id, fields) : await createEvent(editor.db, caseId, fields);
      return result.ok ? result : { ok: false as const, issues: result.issues.map((i) => ({ ...i, path: i.path.split('.')[0]! })) };
    });

  return (
    <EditorDialog
      title={event ? t('editing.eventTitleEdit') : t('editing.eventTitleNew')}
      {...editor.dialog}
      onSubmit={submit}
    >
      <SelectField
        {...props('kind')}
        label={t('editing.eventKindLabel')}
        value={kind}
        onChange={(v: EventKind) => setKind(v)}
        options={EVENT_KINDS.map((k) => ({ value: k, label: t(`editing.eventKind.${k}`) }))}
      />
      <TextField {...props('title')} label={t('editing.eventTitle')} value={title} onChange={setTitle} />
      <DateField {...props('date')} label={t('editing.eventDate')} value={date} onChange={setDate} />
      <fieldset className="rows">
        <legend>{t('editing.eventPeople')}</legend>
        <ul className="cited-sources">
          {personIds.map((id) => (
            <li key={id}>
              {nameOf(id)}{' '}
              <button
                type="button"
                className="button quiet"
                aria-label={t('editing.eventRemovePerson', { name: nameOf(id) })}
                onClick={() => setPersonIds(personIds.filter((p) => p !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <PersonPicker
          {...props('personIds')}
          label={t('editing.eventAddPerson')}
          persons={persons}
          value={undefined}
          onChange={(id) => {
            if (id && !personIds.includes(id)) setPersonIds([...personIds, id]);
          }}
        />
      </fieldset>
      {prisons.length > 0 && (
        <fieldset className="rows">
          <legend>{t('editing.eventPrisons')}</legend>
          {prisons.map((prison) => (
            <div key={prison.id} className="field checkbox">
              <input
                id={`${base}-prison-${prison.id}`}
                type="checkbox"
                checked={prisonIds.includes(prison.id)}
                onChange={(e) => setPrisonIds(e.target.checked ? [...prisonIds, prison.id] : prisonIds.filter((p) => p !== prison.id))}
              />
              <label htmlFor={`${base}-prison-${prison.id}`}>{prison.name}</label>
            </div>
          ))}
        </fieldset>
      )}
      <TextField {...props('description')} label={t('editing.eventDescription')} value={description} onChange={setDescription} multiline />
      <SourcePicker label={t('editing.sources')} value={sourceIds} onChange={setSourceIds} />
      <RecordMarkingField id={`${base}-marking`} value={marking} onChange={setMarking} />
    </EditorDialog>
  );
}
