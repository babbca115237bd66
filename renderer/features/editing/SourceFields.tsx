import { useTranslation } from 'react-i18next';
import { RELIABILITY, SOURCE_KINDS, type FieldIssue, type Marking, type Reliability, type SourceKind } from '../../../shared/model';
import { DateField, SelectField, TextField } from './controls';
import { RecordMarkingField } from './RecordMarkingField';
import { fieldId, optionalText } from '../../ui/form-support';

export interface SourceDraft {
  kind: SourceKind;
  title: string;
  author: string;
  date: string;
  keptAt: string;
  reliability: Reliability;
  notes: string;
  /** Above the case's marking (a source naming an informant); absent: the case's. */
  marking?: Marking;
}

export const EMPTY_SOURCE: SourceDraft = { kind: 'report', title: '', author: '', date: '', keptAt: '', reliability: 'C', notes: '' };

export const SOURCE_PATHS = new Set(['kind', 'title', 'author', 'date', 'keptAt', 'reliability', 'notes']);

/** What the repository stores for a draft: trimmed texts, an absent date when none was typed. */
export function sourceFields(draft: SourceDraft) {
  return {
    kind: draft.kind,
    title: draft.title,
    author: draft.author.trim(),
    date: optionalText(draft.date),
    keptAt: draft.keptAt.trim(),
    reliability: draft.reliability,
    notes: draft.notes,
    marking: draft.marking,
  };
}

/** The fields of a source: used by the source editor and inline where a fact cites a new source. */
export function SourceFields({
  base,
  draft,
  onChange,
  issueFor,
  withNotes,
}: {
  base: string;
  draft: SourceDraft;
  onChange(draft: SourceDraft): void;
  issueFor(path: string): FieldIssue | undefined;
  withNotes: boolean;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof SourceDraft>(key: K, value: SourceDraft[K]) => onChange({ ...draft, [key]: value });
  const props = (path: keyof SourceDraft) => ({ id: fieldId(base, path), issue: issueFor(path) });
  return (
    <>
      <SelectField
        {...props('kind')}
        label={t('editing.sourceKindLabel')}
        value={draft.kind}
        onChange={(v) => set('kind', v)}
        options={SOURCE_KINDS.map((kind) => ({ value: kind, label: t(`editing.sourceKind.${kind}`) }))}
      />
      <TextField {...props('title')} label={t('editing.sourceTitle')} value={draft.title} onChange={(v) => set('title', v)} />
      <TextField {...props('author')} label={t('editing.sourceAuthor')} value={draft.author} onChange={(v) => set('author', v)} />
      <DateField {...props('date')} label={t('editing.sourceDate')} value={draft.date} onChange={(v) => set('date', v)} />
      <TextField {...props('keptAt')} label={t('editing.sourceKeptAt')} value={draft.keptAt} onChange={(v) => set('keptAt', v)} />
      <SelectField
        {...props('reliability')}
        label={t('editing.sourceReliability')}
        value={draft.reliability}
        onChange={(v) => set('reliability', v)}
        options={RELIABILITY.map((grade) => ({ value: grade, label: t(`editing.reliabilityGrade.${grade}`) }))}
      />
      {withNotes && <TextField {...props('notes')} label={t('editing.notes')} value={draft.notes} onChange={(v) => set('notes', v)} multiline />}
      <RecordMarkingField id={`${base}-marking`} value={draft.marking} onChange={(m) => set('marking', m)} />
    </>
  );
}
