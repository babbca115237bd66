import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../shared/model';
import { FieldError } from '../../ui/FieldError';

interface FieldProps {
  id: string;
  label: string;
  issue: FieldIssue | undefined;
  hint?: string;
}

function describedBy(id: string, issue: FieldIssue | undefined, hint: string | undefined): string | undefined {
  const ids = [issue ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Shell({ id, label, issue, hint, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      <FieldError id={`${id}-error`} issue={issue} />
    </div>
  );
}

export function TextField({
  value,
  onChange,
  multiline,
  inputMode,
  placeholder,
  ...field
}: FieldProps & { value: string; onChange(value: string): void; multiline?: boolean; inputMode?: 'numeric'; placeholder?: string }) {
  const common = {
    id: field.id,
    value,
    'aria-invalid': field.issue ? true : undefined,
    'aria-describedby': describedBy(field.id, field.issue, field.hint),
  } as const;
  return (
    <Shell {...field}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          autoComplete="off"
          spellCheck={false}
          inputMode={inputMode}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Shell>
  );
}

/**
 * A calendar date typed as analysts write it in reports (YYYY-MM-DD). A plain text field on purpose:
 * an impossible date stays in the field, marked, instead of silently becoming empty.
 */
export function DateField(props: FieldProps & { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  return <TextField {...props} inputMode="numeric" placeholder={t('editing.datePlaceholder')} />;
}

export function SelectField<V extends string>({
  value,
  onChange,
  options,
  ...field
}: FieldProps & { value: V; onChange(value: V): void; options: readonly { value: V; label: string }[] }) {
  return (
    <Shell {...field}>
      <select
        id={field.id}
        value={value}
        aria-invalid={field.issue ? true : undefined}
        aria-describedby={describedBy(field.id, field.issue, field.hint)}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxField({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
