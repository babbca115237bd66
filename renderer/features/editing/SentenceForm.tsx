import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Sentence } from '../../../shared/model';
import { createSentence, updateSentence } from '../../db';
import { CheckboxField, DateField, TextField } from './controls';
import { EditorDialog } from './EditorDialog';
import { fieldId, optionalText, optionalWholeNumber } from '../../ui/form-support';
import { SourcePicker } from './SourcePicker';
import { useEditorForm } from './use-editing';
import { usePersonAndFact } from './use-person-record';

const PLACED = new Set(['offence', 'lengthYears', 'lengthMonths', 'start', 'expectedRelease', 'earlyRelease']);

/** A sentence: offence, length in years and months, start, releases; a release before the start is refused inline. */
export function SentenceForm({ personId, sentenceId }: { personId: string; sentenceId: string | undefined }) {
  const loaded = usePersonAndFact(personId, 'sentences', sentenceId);
  if (!loaded) return null;
  return <SentenceFormBody person={loaded.person} sentence={loaded.fact} />;
}

function SentenceFormBody({ person, sentence }: { person: Person; sentence: Sentence | undefined }) {
  const { t } = useTranslation();
  const base = useId();
  const editor = useEditorForm((path) => PLACED.has(path));
  const months = sentence?.lengthMonths;
  const [offence, setOffence] = useState(sentence?.offence ?? '');
  const [years, setYears] = useState(months !== undefined ? String(Math.floor(months / 12)) : '');
  const [extraMonths, setExtraMonths] = useState(months !== undefined ? String(months % 12) : '');
  const [start, setStart] = useState(sentence?.start ?? '');
  const [expectedRelease, setExpectedRelease] = useState(sentence?.expectedRelease ?? '');
  const [earlyRelease, setEarlyRelease] = useState(sentence?.earlyRelease ?? '');
  const [preventiveDetention, setPreventiveDetention] = useState(sentence?.preventiveDetention ?? false);
  const [sourceIds, setSourceIds] = useState<string[]>(sentence?.sourceIds ?? []);
  const props = (path: string) => ({ id: fieldId(base, path), issue: editor.issueFor(path) });

  const submit = () => {
    const y = optionalWholeNumber(years, 0);
    const m = optionalWholeNumber(extraMonths, 0);
    const bad = [
      ...(y === 'invalid' ? [{ path: 'lengthYears', code: 'invalid' }] : []),
      ...(m === 'invalid' ? [{ path: 'lengthMonths', code: 'invalid' }] : []),
    ];
    if (bad.length > 0) {
      editor.refuse(bad);
      return;
    }
    const lengthMonths = y === undefined && m === undefined ? undefined : ((y as number | undefined) ?? 0) * 12 + ((m as number | undefined) ?? 0);
    const fields = {
      offence,
      lengthMonths,
      start: start.trim(),
      expectedRelease: optionalText(expectedRelease),
      earlyRelease: optionalText(earlyRelease),
      preventiveDetention,
      sourceIds,
    };
    void editor.save((caseId) =>
      sentence ? updateSentence(editor.db, sentence.id, fields) : createSentence(editor.db, caseId, { personId: person.id, ...fields }),
    );
  };

  return (
    <EditorDialog
      title={t(sentence ? 'editing.sentenceTitleEdit' : 'editing.sentenceTitleNew', { name: person.primaryName })}
      {...editor.dialog}
      onSubmit={submit}
    >
      <TextField {...props('offence')} label={t('editing.offence')} value={offence} onChange={setOffence} />
      <fieldset className="row">
        <legend>{t('editing.length')}</legend>
        <TextField {...props('lengthYears')} label={t('editing.lengthYears')} value={years} onChange={setYears} inputMode="numeric" />
        <TextField {...props('lengthMonths')} label={t('editing.lengthMonths')} value={extraMonths} onChange={setExtraMonths} inputMode="numeric" />
      </fieldset>
      <DateField {...props('start')} label={t('editing.start')} value={start} onChange={setStart} />
      <div className="row">
        <DateField {...props('expectedRelease')} label={t('editing.expectedRelease')} value={expectedRelease} onChange={setExpectedRelease} />
        <DateField {...props('earlyRelease')} label={t('editing.earlyRelease')} value={earlyRelease} onChange={setEarlyRelease} />
      </div>
      <CheckboxField id={`${base}-preventive`} label={t('editing.preventiveDetention')} checked={preventiveDetention} onChange={setPreventiveDetention} />
      <SourcePicker label={t('editing.sources')} value={sourceIds} onChange={setSourceIds} />
    </EditorDialog>
  );
}
