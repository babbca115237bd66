import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue, Marking, Note } from '../../../shared/model';
import { useDatabase, createNote, deleteNote, listNotesAbout, updateNote } from '../../db';
import { FieldError } from '../../ui/FieldError';
import { RaisedMarking } from '../../ui/MarkingBadge';
import { RecordMarkingField } from '../editing/RecordMarkingField';
import { useCaseMarking } from '../editing/use-case-records';
import { useTimestampFormat } from '../../ui/use-timestamp-format';

interface NotesSectionProps {
  caseId: string;
  subjectType: Note['subjectType'];
  subjectId: string;
  titleKey: 'records.notes.title' | 'records.caseSettings.notesTitle';
}

/** The analysts' notes about a record (or the case): read, add, edit, delete. Text only, never HTML. */
export function NotesSection({ caseId, subjectType, subjectId, titleKey }: NotesSectionProps) {
  const { t } = useTranslation();
  const db = useDatabase();
  const id = useId();
  const notes = useLiveQuery(() => listNotesAbout(db, subjectId), [db, subjectId]);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(titleKey)}</h3>
      {notes && notes.length === 0 && <p className="hint">{t('records.notes.empty')}</p>}
      <ul className="note-list">
        {notes?.map((note) => (
          <NoteItem key={note.id} note={note} />
        ))}
      </ul>
      <NoteForm
        label={t('records.notes.newNote')}
        submitLabel={t('records.notes.add')}
        initial=""
        onSave={(text, marking) => createNote(db, caseId, { subjectType, subjectId, text, ...(marking ? { marking } : {}) })}
      />
    </section>
  );
}

function NoteItem({ note }: { note: Note }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const when = useTimestampFormat();
  const [editing, setEditing] = useState(false);
  const caseMarking = useCaseMarking();
  const date = when(note.createdAt);
  if (editing) {
    return (
      <li>
        <NoteForm
          label={t('records.notes.editLabel')}
          submitLabel={t('records.notes.save')}
          initial={note.text}
          initialMarking={note.marking}
          autoFocus
          onSave={async (text, marking) => {
            const result = await updateNote(db, note.id, { text, marking });
            if (result.ok) setEditing(false);
            return result;
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li>
      <p className="note-text">{note.text}</p>
      <div className="records-actions">
        <span className="hint">{t('records.notes.written', { date })}</span>
        <RaisedMarking marking={note.marking} caseMarking={caseMarking} />
        <button type="button" className="button quiet" onClick={() => setEditing(true)}>
          {t('records.notes.edit')}
        </button>
        <button type="button" className="button quiet" aria-label={t('records.notes.deleteLabel', { date })} onClick={() => void deleteNote(db, note.id)}>
          {t('records.notes.delete')}
        </button>
      </div>
    </li>
  );
}

interface NoteFormProps {
  label: string;
  submitLabel: string;
  initial: string;
  /** The note's own marking (above the case's), when it has one. */
  initialMarking?: Marking;
  autoFocus?: boolean;
  onSave(text: string, marking: Marking | undefined): Promise<{ ok: true } | { ok: false; issues: FieldIssue[] }>;
  onCancel?(): void;
}

/** A note's text box; what was typed stays when the note is refused (an empty note). */
function NoteForm({ label, submitLabel, initial, initialMarking, autoFocus, onSave, onCancel }: NoteFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(initial);
  const [marking, setMarking] = useState<Marking | undefined>(initialMarking);
  const [issue, setIssue] = useState<FieldIssue | undefined>();
  const [failed, setFailed] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailed(false);
    try {
      const result = await onSave(text, marking);
      if (result.ok) {
        setIssue(undefined);
        if (!onCancel) {
          setText('');
          setMarking(undefined);
        }
      } else {
        setIssue(result.issues.find((i) => i.path === 'text') ?? result.issues[0]);
      }
    } catch {
      setFailed(true);
    }
  }

  return (
    <form className="note-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea
        id={`${id}-text`}
        value={text}
        autoFocus={autoFocus}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Esc cancels an edit here rather than closing the panel or dialog around it.
          if (e.key === 'Escape' && onCancel) {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <FieldError id={`${id}-error`} issue={issue} />
      <RecordMarkingField id={`${id}-marking`} value={marking} onChange={setMarking} />
      {failed && <p role="alert">{t('records.notes.failed')}</p>}
      <div className="records-actions">
        <button type="submit" className="button secondary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button quiet" onClick={onCancel}>
            {t('records.notes.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
