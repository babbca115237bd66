import type { TFunction } from 'i18next';
import { canonicalJson } from '../../../shared/json';
import { MARKINGS, MONITORING_STATUSES, NAME_KINDS, ROLES } from '../../../shared/model';

const includes = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/**
 * A field's value as History shows it: words of the vocabulary translated, names listed, anything
 * else as compact JSON text. Always plain text: case data is never markup.
 */
export function describeValue(t: TFunction, field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('records.history.emptyValue');
  if (field === 'role' && includes(ROLES, value)) return t(`role.${value}`);
  if (field === 'monitoring' && includes(MONITORING_STATUSES, value)) return t(`monitoring.${value}`);
  if (field === 'marking' && includes(MARKINGS, value)) return t(`marking.${value}`);
  if (field === 'alternateNames' && Array.isArray(value)) {
    return value
      .map((n: { name?: unknown; kind?: unknown }) => (includes(NAME_KINDS, n.kind) ? `${String(n.name)} (${t(`nameKind.${n.kind}`)})` : String(n.name)))
      .join(', ');
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return canonicalJson(value);
  } catch {
    return String(value);
  }
}
