import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, loadPersonDetails, type PersonDetails, transferStay } from '../../db';
import { useFormatters } from '../../i18n/formatters';
import { DateField, TextField } from './controls';
import { EditorDialog } from './EditorDialog';
import { fieldId, optionalText } from '../../ui/form-support';
import { PrisonPicker, resolvePrison } from './PrisonPicker';
import { SourcePicker } from './SourcePicker';
import { useEditorForm } from './use-editing';

const PLACED = new Set(['prisonId', 'module', 'cell', 'date']);

/** A transfer: the open stay ends and the next begins on the same day, in one transaction. */
export function TransferForm({ personId }: { personId: string }) {
  const db = useDatabase();
  const details = useLiveQuery(() => loadPersonDetails(db, personId), [db, personId]);
  if (!details) return null;
  return <TransferFormBody details={details} />;
}

function TransferFormBody({ details }: { details: PersonDetails }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const base = useId();
  const editor = useEditorForm((path) => PLACED.has(path));
  const [prison, setPrison] = useState('');
  const [date, setDate] = useState('');
  const [module, setModule] = useState('');
  const [cell, setCell] = useState('');
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const props = (path: string) => ({ id: fieldId(base, path), issue: editor.issueFor(path) });
  const { person, currentStay, currentPrison } = details;

  const submit = () =>
    void editor.save(async (caseId) => {
      const prisonId = await resolvePrison(editor.db, caseId, prison);
      if (!prisonId.ok) return prisonId;
      return transferStay(editor.db, caseId, {
        personId: person.id,
        prisonId: prisonId.value,
        date: date.trim(),
        module: optionalText(module),
        cell: optionalText(cell),
        sourceIds,
      });
    });

  return (
    <EditorDialog
      title={t('editing.transferTitle', { name: person.primaryName })}
      {...editor.dialog}
      onSubmit={submit}
    >
      <p className="hint">{t('editing.transferIntro')}</p>
      <p>
        {currentStay && currentPrison
          ? t('editing.transferFromCurrent', { prison: currentPrison.name, date: format.date(currentStay.from) })
          : t('editing.transferNoCurrent')}
      </p>
      <PrisonPicker {...props('prisonId')} label={t('editing.prison')} value={prison} onChange={setPrison} />
      <DateField {...props('date')} label={t('editing.transferDate')} value={date} onChange={setDate} />
      <div className="row">
        <TextField {...props('module')} label={t('editing.module')} value={module} onChange={setModule} />
        <TextField {...props('cell')} label={t('editing.cell')} value={cell} onChange={setCell} />
      </div>
      <SourcePicker label={t('editing.sources')} value={sourceIds} onChange={setSourceIds} />
    </EditorDialog>
  );
}
