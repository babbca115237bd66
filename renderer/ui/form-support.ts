import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { FieldIssue } from '../../shared/model';

/** The DOM id of a form field for a model path (`alternateNames.0.name` → `…-alternateNames-0-name`). */
export function fieldId(base: string, path: string): string {
  return `${base}-${path.replace(/\./g, '-')}`;
}

/** A trimmed text, or undefined when empty: optional fields are absent, not blank. */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A whole number typed in a field; `invalid` when it is not one, undefined when empty. */
export function optionalWholeNumber(value: string, min: number): number | 'invalid' | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const number = Number(trimmed);
  return number < min ? 'invalid' : number;
}

/**
 * The issues of the last attempt to save, and the one to show under each field. After a refusal
 * focus moves to the first marked field (in reading order), or to the summary when no field shows
 * the problem.
 */
export function useFormIssues(form: RefObject<HTMLElement | null>) {
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0 || issues.length === 0) return;
    const target =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLElement>('.form-summary');
    target?.focus();
  }, [attempt]); // eslint-disable-line react-hooks/exhaustive-deps

  const refuse = useCallback((next: FieldIssue[]) => {
    setIssues(next);
    setAttempt((n) => n + 1);
  }, []);
  const issueFor = useCallback((path: string) => issues.find((issue) => issue.path === path), [issues]);
  return { issues, refuse, clear: () => setIssues([]), issueFor };
}
