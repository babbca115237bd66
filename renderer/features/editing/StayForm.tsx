import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Stay } from '../../../shared/model';
import { createStay, updateStay } from '../../db';
import { DateField, TextField } from './controls';
import { EditorDialog } from './EditorDialog';
import { fieldId, optionalText } from '../../ui/form-support';
import { PrisonPicker, resolvePrison } from './PrisonPicker';
import { SourcePicker } from './SourcePicker';
import { useEditorForm } from './use-editing';
import { usePersonAndFact } from './use-person-record';

const PLACED = new Set(['prisonId', 'module', 'cell', 'from', 'to']);

/** Adds a stay in a prison to a person, or edits one; an overlap with another prison is refused inline. */
export function StayForm({ personId, stayId }: { personId: string; stayId: string | undefined }) {
  const loaded = usePersonAndFact(personId, 'stays', stayId);
  if (!loaded) return null;
  return <StayFormBody person={loaded.person} stay={loaded.fact} />;
}

function StayFormBody({ person, stay }: { person: Person; stay: Stay | undefined }) {
  const { t } = useTranslation();
  const base = useId();
  const editor = useEditorForm((path) => PLACED.has(path));
  const [prison, setPrison] = useState(stay ? `case:${stay.prisonId}` : '');
  const [module, setModule] = useState(stay?.module ?? '');
  const [cell, setCell] = useState(stay?.cell ?? '');
  const [from, setFrom] = useState(stay?.from ?? '');
  const [to, setTo] = useState(stay?.to ?? '');
  const [sourceIds, setSourceIds] = useState<string[]>(stay?.sourceIds ?? []);
  const props = (path: string) => ({ id: fieldId(base, path), issue: editor.issueFor(path) });

  const submit = () =>
    void editor.save(async (caseId) => {
      const prisonId = await resolvePrison(editor.db, caseId, prison);
      if (!prisonId.ok) return prisonId;
      const fields = { prisonId: prisonId.value, module: optionalText(module), cell: optionalText(cell), from: from.trim(), to: optionalText(to), sourceIds };
      return stay ? updateStay(editor.db, stay.id, fields) : createStay(editor.db, caseId, { personId: person.id, ...fields });
    });

  return (
    <EditorDialog
      title={t(stay ? 'editing.stayTitleEdit' : 'editing.stayTitleNew', { name: person.primaryName })}
      {...editor.dialog}
      onSubmit={submit}
    >
      <PrisonPicker {...props('prisonId')} label={t('editing.prison')} value={prison} onChange={setPrison} />
      <div className="row">
        <TextField {...props('module')} label={t('editing.module')} value={module} onChange={setModule} />
        <TextField {...props('cell')} label={t('editing.cell')} value={cell} onChange={setCell} />
      </div>
      <div className="row">
        <DateField {...props('from')} label={t('editing.from')} value={from} onChange={setFrom} />
        <DateField {...props('to')} label={t('editing.to')} hint={t('editing.toHint')} value={to} onChange={setTo} />
      </div>
      <SourcePicker label={t('editing.sources')} value={sourceIds} onChange={setSourceIds} />
    </EditorDialog>
  );
}
