import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { damagedEs } from '../../i18n/areas/damaged';
import { recordsEs } from '../../i18n/areas/records';

type CaseKind = keyof typeof recordsEs.history.table;
type OtherKind = keyof typeof damagedEs.table;
const isCaseKind = (table: string): table is CaseKind => Object.hasOwn(recordsEs.history.table, table);
const isOtherKind = (table: string): table is OtherKind => Object.hasOwn(damagedEs.table, table);

/**
 * A stored key as the analyst reads it: an id as it is (`person:12`, not the JSON `"person:12"` the
 * error carries), a compound key's parts joined; anything else as it came.
 */
export function readableKey(key: string): string {
  try {
    const parsed: unknown = JSON.parse(key);
    if (typeof parsed === 'string' || typeof parsed === 'number') return String(parsed);
    if (Array.isArray(parsed) && parsed.every((part) => typeof part === 'string' || typeof part === 'number')) return parsed.join(' · ');
  } catch {
    // Not JSON: shown as it is.
  }
  return key;
}

/** Names of kinds of record (the case's own as History names them) and of one record, kind and key. */
export function useRecordNames() {
  const { t } = useTranslation();
  const kind = useCallback(
    (table: string) => (isCaseKind(table) ? t(`records.history.table.${table}`) : isOtherKind(table) ? t(`damaged.table.${table}`) : table),
    [t],
  );
  const record = useCallback((table: string, key: string) => t('damaged.record', { kind: kind(table), key: readableKey(key) }), [kind, t]);
  return { kind, record };
}
