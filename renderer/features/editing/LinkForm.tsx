import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CREDIBILITY,
  DIRECTED_LINK_KINDS,
  LINK_KINDS,
  RELIABILITY,
  formatGrading,
  type Credibility,
  type Link,
  type LinkKind,
  type Marking,
  type Person,
  type Reliability,
} from '../../../shared/model';
import { createLink, updateLink } from '../../db';
import { CheckboxField, DateField, SelectField, TextField } from './controls';
import { EditorDialog } from './EditorDialog';
import { fieldId, optionalText, optionalWholeNumber } from '../../ui/form-support';
import { PersonPicker } from '../../ui/PersonPicker';
import { RecordMarkingField } from './RecordMarkingField';
import { SourcePicker } from './SourcePicker';
import { useCasePersons } from './use-case-records';
import { useEditorForm } from './use-editing';
import { usePersonAndFact } from './use-person-record';

/** Letters, calls and visits are counted; other links are not. */
const COUNTED: ReadonlySet<LinkKind> = new Set(['letter', 'call', 'visit']);
const PLACED = new Set(['kind', 'toId', 'fromId', 'date', 'from', 'to', 'count', 'grading.reliability', 'grading.credibility', 'notes']);

/** A link from the person whose record is open to another person of the case. */
export function LinkForm({ personId, linkId }: { personId: string; linkId: string | undefined }) {
  const loaded = usePersonAndFact(personId, 'links', linkId);
  if (!loaded) return null;
  return <LinkFormBody person={loaded.person} link={loaded.fact} />;
}

function LinkFormBody({ person, link }: { person: Person; link: Link | undefined }) {
  const { t } = useTranslation();
  const base = useId();
  const editor = useEditorForm((path) => PLACED.has(path));
  const persons = useCasePersons();
  const incoming = link !== undefined && link.toId === person.id;
  const [kind, setKind] = useState<LinkKind>(link?.kind ?? 'letter');
  const [otherId, setOtherId] = useState<string | undefined>(link ? (incoming ? link.fromId : link.toId) : undefined);
  const [directed, setDirected] = useState(link?.directed ?? DIRECTED_LINK_KINDS.has('letter'));
  const [directedTouched, setDirectedTouched] = useState(link !== undefined);
  const [outgoing, setOutgoing] = useState(!incoming);
  const [period, setPeriod] = useState(link?.from !== undefined);
  const [date, setDate] = useState(link?.date ?? '');
  const [from, setFrom] = useState(link?.from ?? '');
  const [to, setTo] = useState(link?.to ?? '');
  const [count, setCount] = useState(link?.count !== undefined ? String(link.count) : '');
  const [reliability, setReliability] = useState<Reliability>(link?.grading.reliability ?? 'C');
  const [credibility, setCredibility] = useState<Credibility>(link?.grading.credibility ?? 3);
  const [sourceIds, setSourceIds] = useState<string[]>(link?.sourceIds ?? []);
  const [notes, setNotes] = useState(link?.notes ?? '');
  const [marking, setMarking] = useState<Marking | undefined>(link?.marking);
  const props = (path: string) => ({ id: fieldId(base, path), issue: editor.issueFor(path) });

  const changeKind = (next: LinkKind) => {
    setKind(next);
    // The direction follows the kind until the analyst sets it.
    if (!directedTouched) setDirected(DIRECTED_LINK_KINDS.has(next));
  };

  const submit = () => {
    if (!otherId) {
      editor.refuse([{ path: 'toId', code: 'missing_person' }]);
      return;
    }
    const counted = COUNTED.has(kind) ? optionalWholeNumber(count, 1) : undefined;
    if (counted === 'invalid') {
      editor.refuse([{ path: 'count', code: 'invalid' }]);
      return;
    }
    // The other person is the form's `toId`; a link toward this person swaps the ends, and an
    // undirected one keeps the order it was stored in.
    const reversed = directed ? !outgoing : incoming;
    const fields = {
      kind,
      fromId: reversed ? otherId : person.id,
      toId: reversed ? person.id : otherId,
      directed,
      date: period ? undefined : optionalText(date),
      from: period ? optionalText(from) : undefined,
      to: period ? optionalText(to) : undefined,
      count: counted,
      grading: { reliability, credibility },
      sourceIds,
      notes,
      marking,
    };
    void editor.save(async (caseId) => {
      const result = link ? await updateLink(editor.db, link.id, fields) : await createLink(editor.db, caseId, fields);
      // Whichever end the model names, the other person is what the analyst picked.
      return result.ok ? result : { ok: false as const, issues: result.issues.map((i) => (i.path === 'fromId' ? { ...i, path: 'toId' } : i)) };
    });
  };

  return (
    <EditorDialog
      title={t(link ? 'editing.linkTitleEdit' : 'editing.linkTitleNew', { name: person.primaryName })}
      {...editor.dialog}
      onSubmit={submit}
    >
      <SelectField
        {...props('kind')}
        label={t('editing.linkKind')}
        value={kind}
        onChange={changeKind}
        options={LINK_KINDS.map((k) => ({ value: k, label: t(`linkKind.${k}`) }))}
      />
      <PersonPicker {...props('toId')} label={t('editing.otherPerson')} persons={persons} value={otherId} onChange={setOtherId} />
      <CheckboxField
        id={`${base}-directed`}
        label={t('editing.directed')}
        checked={directed}
        onChange={(checked) => {
          setDirected(checked);
          setDirectedTouched(true);
        }}
      />
      {directed && (
        <SelectField
          id={`${base}-direction`}
          issue={undefined}
          label={t('editing.direction')}
          value={outgoing ? 'outgoing' : 'incoming'}
          onChange={(v) => setOutgoing(v === 'outgoing')}
          options={[
            { value: 'outgoing', label: t('editing.directionOutgoing', { name: person.primaryName }) },
            { value: 'incoming', label: t('editing.directionIncoming', { name: person.primaryName }) },
          ]}
        />
      )}
      <fieldset className="rows">
        <legend>{t('editing.when')}</legend>
        <div className="choice">
          <input id={`${base}-single`} type="radio" name={`${base}-when`} checked={!period} onChange={() => setPeriod(false)} />
          <label htmlFor={`${base}-single`}>{t('editing.whenSingle')}</label>
          <input id={`${base}-period`} type="radio" name={`${base}-when`} checked={period} onChange={() => setPeriod(true)} />
          <label htmlFor={`${base}-period`}>{t('editing.whenPeriod')}</label>
        </div>
        {period ? (
          <div className="row">
            <DateField {...props('from')} label={t('editing.from')} value={from} onChange={setFrom} />
            <DateField {...props('to')} label={t('editing.to')} value={to} onChange={setTo} />
          </div>
        ) : (
          <DateField {...props('date')} label={t('editing.date')} value={date} onChange={setDate} />
        )}
      </fieldset>
      {COUNTED.has(kind) && <TextField {...props('count')} label={t('editing.count')} value={count} onChange={setCount} inputMode="numeric" />}
      <fieldset className="rows">
        <legend>{t('editing.grading')}</legend>
        <div className="row">
          <SelectField
            {...props('grading.reliability')}
            label={t('editing.reliability')}
            value={reliability}
            onChange={(v: Reliability) => setReliability(v)}
            options={RELIABILITY.map((grade) => ({ value: grade, label: t(`editing.reliabilityGrade.${grade}`) }))}
          />
          <SelectField
            {...props('grading.credibility')}
            label={t('editing.credibility')}
            value={String(credibility) as `${Credibility}`}
            onChange={(v) => setCredibility(Number(v) as Credibility)}
            options={CREDIBILITY.map((grade) => ({ value: `${grade}` as const, label: t(`editing.credibilityGrade.${grade}`) }))}
          />
        </div>
        <p className="grading-shown" aria-live="polite">
          {t('editing.gradingShown', { grading: formatGrading({ reliability, credibility }) })}
        </p>
      </fieldset>
      <SourcePicker label={t('editing.sources')} value={sourceIds} onChange={setSourceIds} />
      <TextField {...props('notes')} label={t('editing.notes')} value={notes} onChange={setNotes} multiline />
      <RecordMarkingField id={`${base}-marking`} value={marking} onChange={setMarking} />
    </EditorDialog>
  );
}
