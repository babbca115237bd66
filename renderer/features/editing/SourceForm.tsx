import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../shared/model';
import { useDatabase, createSource, updateSource } from '../../db';
import { EditorDialog } from './EditorDialog';
import { EMPTY_SOURCE, SOURCE_PATHS, SourceFields, sourceFields, type SourceDraft } from './SourceFields';
import { useEditorForm } from './use-editing';

/** Creates or edits a source: kind, title, author or agency, date, where it is kept, reliability, notes. */
export function SourceForm({ sourceId }: { sourceId: string | undefined }) {
  const db = useDatabase();
  const source = useLiveQuery(async () => (sourceId ? ((await db.sources.get(sourceId)) ?? null) : null), [db, sourceId]);
  if (source === undefined) return null;
  return <SourceFormBody source={source ?? undefined} />;
}

function SourceFormBody({ source }: { source: Source | undefined }) {
  const { t } = useTranslation();
  const base = useId();
  const editor = useEditorForm((path) => SOURCE_PATHS.has(path));
  const [draft, setDraft] = useState<SourceDraft>(() =>
    source
      ? { kind: source.kind, title: source.title, author: source.author, date: source.date ?? '', keptAt: source.keptAt, reliability: source.reliability, notes: source.notes, marking: source.marking }
      : EMPTY_SOURCE,
  );

  const submit = () =>
    void editor.save((caseId) =>
      source ? updateSource(editor.db, source.id, sourceFields(draft)) : createSource(editor.db, caseId, sourceFields(draft)),
    );

  return (
    <EditorDialog
      title={t(source ? 'editing.sourceTitleEdit' : 'editing.sourceTitleNew')}
      {...editor.dialog}
      onSubmit={submit}
    >
      <SourceFields base={base} draft={draft} onChange={setDraft} issueFor={editor.issueFor} withNotes />
    </EditorDialog>
  );
}
