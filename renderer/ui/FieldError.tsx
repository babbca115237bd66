import type { FieldIssue } from '../../shared/model';
import { useValidationMessage } from './validation-message';

/** The message under a form field, from the validation code the model returned. */
export function FieldError({ id, issue }: { id: string; issue: FieldIssue | undefined }) {
  const message = useValidationMessage();
  if (!issue) return null;
  return (
    <p id={id} className="field-error">
      {message(issue.code)}
    </p>
  );
}
