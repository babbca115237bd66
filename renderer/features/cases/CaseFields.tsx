import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { MARKINGS, type FieldIssue } from '../../../shared/model';
import { FieldError } from '../../ui/FieldError';

export type CaseFieldName = 'name' | 'description' | 'unit' | 'openedOn' | 'marking';
export type CaseFieldValues = Record<CaseFieldName, string>;

/**
 * The fields of a case (name, description, unit, opening date, marking), for the new-case form and
 * the case settings alike: one place for their controls, errors and accessible names. `fields` says
 * which to show; each field's id is `${id}-${field}`, so a form can move the focus to a refused one.
 */
export function CaseFields({
  id,
  fields,
  values,
  issues,
  labels,
  onChange,
  nameRef,
}: {
  id: string;
  fields: readonly CaseFieldName[];
  values: CaseFieldValues;
  issues: readonly FieldIssue[];
  labels: Readonly<Record<CaseFieldName, string>>;
  onChange(field: CaseFieldName, value: string): void;
  nameRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const issueFor = (field: CaseFieldName) => issues.find((issue) => issue.path === field);
  const props = (field: CaseFieldName) => ({
    id: `${id}-${field}`,
    value: values[field],
    'aria-invalid': issueFor(field) ? true : undefined,
    'aria-describedby': issueFor(field) ? `${id}-${field}-error` : undefined,
    onChange: (event: { target: { value: string } }) => onChange(field, event.target.value),
  });
  const control = (field: CaseFieldName) => {
    switch (field) {
      case 'name':
        return <input ref={nameRef} {...props('name')} autoComplete="off" />;
      case 'description':
        return <textarea {...props('description')} />;
      case 'unit':
        return <input {...props('unit')} autoComplete="off" />;
      case 'openedOn':
        return <input {...props('openedOn')} type="date" />;
      case 'marking':
        return (
          <select {...props('marking')}>
            {MARKINGS.map((marking) => (
              <option key={marking} value={marking}>
                {t(`marking.${marking}`)}
              </option>
            ))}
          </select>
        );
    }
  };
  return (
    <>
      {fields.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{labels[field]}</label>
          {control(field)}
          <FieldError id={`${id}-${field}-error`} issue={issueFor(field)} />
        </div>
      ))}
    </>
  );
}
