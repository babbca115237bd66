import type { LockDraft } from '../../db';
import { useUiStore } from '../../store/ui-store';

/** Fields that are never kept: secrets, files, and what is not typed. */
const SKIPPED_TYPES = new Set(['password', 'file', 'hidden', 'submit', 'button', 'reset', 'image']);

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * What is on screen now, to bring back after an unlock: the open case, the open dialogs (UI state,
 * ids only) and what was typed in the top dialog's fields, each known by its label and its place
 * among fields of the same label. Read synchronously, before the lock screen replaces the page.
 */
export function captureLockDraft(): LockDraft | undefined {
  const { dialogs, openCaseId } = useUiStore.getState();
  if (dialogs.length === 0) return undefined;
  const top = [...document.querySelectorAll('dialog[open]')].at(-1);
  return { openCaseId: openCaseId ?? null, dialogs: dialogs.map((d) => ({ ...d })), fields: top ? fieldsOf(top).map(({ label, index, field }) => ({ label, index, value: valueOf(field) })) : [] };
}

/**
 * Opens the dialogs again and, once the top one is on screen, types back what was in its fields, as
 * the analyst would (an input event per field, which the forms' state follows).
 */
export function restoreLockDraft(draft: LockDraft): void {
  const store = useUiStore.getState();
  if (draft.openCaseId && store.openCaseId !== draft.openCaseId) store.openCase(draft.openCaseId);
  useUiStore.setState({ dialogs: draft.dialogs as unknown as typeof store.dialogs });
  if (draft.fields.length === 0) return;
  const started = Date.now();
  const fill = () => {
    const top = [...document.querySelectorAll('dialog[open]')].at(-1);
    if (!top) {
      if (Date.now() - started < 10_000) window.setTimeout(fill, 100);
      return;
    }
    const here = fieldsOf(top);
    for (const kept of draft.fields) {
      const found = here.find((f) => f.label === kept.label && f.index === kept.index);
      if (found) typeInto(found.field, kept.value);
    }
  };
  window.setTimeout(fill, 0);
}

function fieldsOf(root: Element): { label: string; index: number; field: Field }[] {
  const seen = new Map<string, number>();
  const out: { label: string; index: number; field: Field }[] = [];
  for (const field of root.querySelectorAll<Field>('input, textarea, select')) {
    if (field instanceof HTMLInputElement && SKIPPED_TYPES.has(field.type)) continue;
    if (field.disabled) continue;
    const label = (field.labels?.[0]?.textContent ?? field.getAttribute('aria-label') ?? field.name ?? '').trim();
    if (!label) continue;
    const index = seen.get(label) ?? 0;
    seen.set(label, index + 1);
    out.push({ label, index, field });
  }
  return out;
}

function valueOf(field: Field): string | boolean {
  return field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio') ? field.checked : field.value;
}

/** Sets a React-controlled field's value through the native setter and tells React, as typing does. */
function typeInto(field: Field, value: string | boolean): void {
  if (typeof value === 'boolean') {
    if (field instanceof HTMLInputElement && field.checked !== value) field.click();
    return;
  }
  if (field.value === value) return;
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
