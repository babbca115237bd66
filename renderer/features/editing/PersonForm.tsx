import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONITORING_STATUSES, NAME_KINDS, PROGRAMME_STATUSES, ROLES, type Person } from '../../../shared/model';
import { useDatabase, createPerson, updatePerson } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { DateField, SelectField, TextField } from './controls';
import { EditorDialog } from './EditorDialog';
import { fieldId } from '../../ui/form-support';
import { draftOf, formPath, personFields, type PersonDraft } from './person-draft';
import { RecordMarkingField } from './RecordMarkingField';
import { SourcePicker } from './SourcePicker';
import { useEditorForm } from './use-editing';

const PLACED = /^(primaryName|realName|birthDate|role|monitoring|notes|programme\.(since|until|status)|alternateNames\.\d+\.name|nationalities\.\d+\.country)$/;

/** Creates a person or edits every attribute of one; waits for the stored person before showing it. */
export function PersonForm({ personId }: { personId: string | undefined }) {
  const db = useDatabase();
  const person = useLiveQuery(async () => (personId ? ((await db.persons.get(personId)) ?? null) : null), [db, personId]);
  if (person === undefined) return null;
  return <PersonFormBody person={person ?? undefined} />;
}

function PersonFormBody({ person }: { person: Person | undefined }) {
  const { t } = useTranslation();
  const base = useId();
  const selectPerson = useUiStore((s) => s.selectPerson);
  const [draft, setDraft] = useState<PersonDraft>(() => draftOf(person));
  const editor = useEditorForm((path) => PLACED.test(path));
  const issueFor = (path: string) => editor.issueFor(path);
  const set = <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const props = (path: string) => ({ id: fieldId(base, path), issue: issueFor(path) });

  const submit = () =>
    void editor.save(
      async (caseId) => {
        const fields = personFields(draft);
        const result = person ? await updatePerson(editor.db, person.id, fields) : await createPerson(editor.db, caseId, fields);
        return result.ok ? result : { ok: false, issues: result.issues.map((i) => ({ ...i, path: formPath(draft, i.path) })) };
      },
      (saved) => {
        if (!person) selectPerson(saved.id);
      },
    );

  const updateName = (index: number, patch: Partial<PersonDraft['alternateNames'][number]>) =>
    set('alternateNames', draft.alternateNames.map((n, i) => (i === index ? { ...n, ...patch } : n)));
  const updateNationality = (index: number, patch: Partial<PersonDraft['nationalities'][number]>) =>
    set('nationalities', draft.nationalities.map((n, i) => (i === index ? { ...n, ...patch } : n)));

  return (
    <EditorDialog
      title={person ? t('editing.personTitleEdit', { name: person.primaryName }) : t('editing.personTitleNew')}
      {...editor.dialog}
      onSubmit={submit}
    >
      <TextField {...props('primaryName')} label={t('editing.primaryName')} value={draft.primaryName} onChange={(v) => set('primaryName', v)} />

      <fieldset className="rows">
        <legend>{t('editing.alternateNames')}</legend>
        {draft.alternateNames.map((alternate, index) => (
          <div key={index} className="row" role="group" aria-label={t('editing.alternateNameNumbered', { number: index + 1 })}>
            <TextField
              {...props(`alternateNames.${index}.name`)}
              label={t('editing.alternateName')}
              value={alternate.name}
              onChange={(v) => updateName(index, { name: v })}
            />
            <SelectField
              {...props(`alternateNames.${index}.kind`)}
              label={t('editing.nameKind')}
              value={alternate.kind}
              onChange={(v) => updateName(index, { kind: v })}
              options={NAME_KINDS.map((kind) => ({ value: kind, label: t(`nameKind.${kind}`) }))}
            />
            <SourcePicker label={t('editing.sources')} value={alternate.sourceIds} onChange={(ids) => updateName(index, { sourceIds: ids })} />
            <button
              type="button"
              className="button quiet"
              onClick={() => set('alternateNames', draft.alternateNames.filter((_, i) => i !== index))}
            >
              {t('editing.removeAlternateName', { number: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button quiet"
          onClick={() => set('alternateNames', [...draft.alternateNames, { name: '', kind: 'alias', sourceIds: [] }])}
        >
          {t('editing.addAlternateName')}
        </button>
      </fieldset>

      <TextField {...props('realName')} label={t('editing.realName')} value={draft.realName} onChange={(v) => set('realName', v)} />

      <fieldset className="rows">
        <legend>{t('editing.nationalities')}</legend>
        {draft.nationalities.map((nationality, index) => (
          <div key={index} className="row" role="group" aria-label={t('editing.nationalityNumbered', { number: index + 1 })}>
            <TextField
              {...props(`nationalities.${index}.country`)}
              label={t('editing.country')}
              value={nationality.country}
              onChange={(v) => updateNationality(index, { country: v })}
            />
            <SelectField
              {...props(`nationalities.${index}.status`)}
              label={t('editing.nationalityStatus')}
              value={nationality.status}
              onChange={(v) => updateNationality(index, { status: v })}
              options={[
                { value: 'claimed' as const, label: t('editing.nationalityClaimed') },
                { value: 'verified' as const, label: t('editing.nationalityVerified') },
              ]}
            />
            <SourcePicker label={t('editing.sources')} value={nationality.sourceIds} onChange={(ids) => updateNationality(index, { sourceIds: ids })} />
            <button
              type="button"
              className="button quiet"
              onClick={() => set('nationalities', draft.nationalities.filter((_, i) => i !== index))}
            >
              {t('editing.removeNationality', { number: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button quiet"
          onClick={() => set('nationalities', [...draft.nationalities, { country: '', status: 'claimed', sourceIds: [] }])}
        >
          {t('editing.addNationality')}
        </button>
      </fieldset>

      <DateField {...props('birthDate')} label={t('editing.birthDate')} value={draft.birthDate} onChange={(v) => set('birthDate', v)} />
      <SelectField
        {...props('role')}
        label={t('editing.role')}
        value={draft.role}
        onChange={(v) => set('role', v)}
        options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
      />
      <SelectField
        {...props('monitoring')}
        label={t('editing.monitoring')}
        value={draft.monitoring}
        onChange={(v) => set('monitoring', v)}
        options={MONITORING_STATUSES.map((status) => ({ value: status, label: t(`monitoring.${status}`) }))}
      />
      <SelectField
        {...props('programme.status')}
        label={t('editing.programmeStatus')}
        value={draft.programmeStatus}
        onChange={(v) => set('programmeStatus', v)}
        options={PROGRAMME_STATUSES.map((status) => ({ value: status, label: t(`programme.${status}`) }))}
      />
      <div className="row">
        <DateField {...props('programme.since')} label={t('editing.programmeSince')} value={draft.programmeSince} onChange={(v) => set('programmeSince', v)} />
        <DateField {...props('programme.until')} label={t('editing.programmeUntil')} value={draft.programmeUntil} onChange={(v) => set('programmeUntil', v)} />
      </div>
      <TextField {...props('notes')} label={t('editing.notes')} value={draft.notes} onChange={(v) => set('notes', v)} multiline />
      <SourcePicker label={t('editing.sources')} value={draft.sourceIds} onChange={(ids) => set('sourceIds', ids)} />
      <RecordMarkingField id={`${base}-marking`} value={draft.marking} onChange={(m) => set('marking', m)} />
    </EditorDialog>
  );
}
