import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, MARKINGS, type AuditEntry, type Marking } from '../../../shared/model';
import { useFormatters } from '../../i18n/formatters';
import { recordsEs } from '../../i18n/areas/records';
import { useTimestampFormat } from '../../ui/use-timestamp-format';
import { BundleOriginLine } from '../provenance/BundleOriginLine';
import { describeValue } from './describe-value';

type KnownField = keyof typeof recordsEs.history.field;
type KnownTable = keyof typeof recordsEs.history.table;
const isKnownField = (field: string): field is KnownField => Object.hasOwn(recordsEs.history.field, field);
const isKnownTable = (table: string): table is KnownTable => Object.hasOwn(recordsEs.history.table, table);

function fieldsOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** An import entry's `after` holds how many records of each table came in. */
function importedCount(entry: AuditEntry): number {
  const counts = fieldsOf(fieldsOf(entry.after).counts);
  return Object.values(counts).reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), 0);
}

/**
 * One audit entry: who (the analyst's name, and the workstation), when, what, and for a change
 * each field before → after.
 */
export function AuditEntryView({ entry, showRecordKind = false, children }: { entry: AuditEntry; showRecordKind?: boolean; /** More about the entry, under who made it. */ children?: ReactNode }) {
  const { t } = useTranslation();
  const when = useTimestampFormat();
  const analyst = entry.analyst || t('records.history.unnamedAnalyst');
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  // A record that was damaged here and replaced by a bundle's copy (apply-bundle.ts): nothing readable was before it.
  const repaired = entry.action === 'update' && before.damaged === true;
  const changed = entry.action === 'update' && !repaired ? [...new Set([...Object.keys(before), ...Object.keys(after)])].sort() : [];
  const fieldName = (field: string) => (isKnownField(field) ? t(`records.history.field.${field}`) : field);
  return (
    <li data-testid="audit-entry">
      <div>
        <strong>{t(`records.history.action.${entry.action}`)}</strong>
        {showRecordKind && isKnownTable(entry.table) && ` · ${t(`records.history.table.${entry.table}`)}`}
        {entry.action === 'create' && typeof (after.primaryName ?? after.name ?? after.title) === 'string' && ` · ${String(after.primaryName ?? after.name ?? after.title)}`}
        {' · '}
        <time dateTime={new Date(entry.at).toISOString()}>{when(entry.at)}</time>
      </div>
      <div className="hint">{t('records.history.byWorkstation', { analyst, workstation: entry.workstationId.slice(0, 8) })}</div>
      {entry.bundleId !== undefined && <BundleOriginLine entry={entry} bundleId={entry.bundleId} />}
      {children}
      {entry.importedFrom?.map((origin, i) => (
        <div key={i} className="history-change" data-testid="audit-imported-from">
          {t('records.history.importedFrom', { file: origin.file, sha: origin.sha256.slice(0, 12), sheet: origin.sheet, row: origin.row })}
        </div>
      ))}
      {entry.action === 'import' && <div className="history-change">{t('records.history.imported', { count: importedCount(entry) })}</div>}
      {entry.action === 'export' && <ExportLine after={after} />}
      {repaired && (
        <div className="history-change" data-testid="audit-repaired">
          {t('records.history.repairedFromBundle')}
        </div>
      )}
      {changed.map((field) => (
        <div key={field} className="history-change" data-testid="audit-change">
          {fieldName(field)}: <del>{describeValue(t, field, before[field])}</del> → <ins>{describeValue(t, field, after[field])}</ins>
        </div>
      ))}
    </li>
  );
}

/** What an export wrote (recordExport): the file, its format, how many people and links, of what. */
function ExportLine({ after }: { after: Record<string, unknown> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  return (
    <div className="history-change" data-testid="audit-exported">
      {t('records.history.exported', {
        file: String(after.fileName ?? ''),
        format: String(after.format ?? ''),
        persons: number(after.persons),
        links: number(after.links),
        scope: after.scope === 'view' ? t('records.history.exportedScope.view') : after.scope === 'selection' ? t('records.history.exportedScope.selection') : t('records.history.exportedScope.case'),
      })}
      {isMarking(after.marking) && <> {t('records.history.exportedMarking', { marking: t(`marking.${after.marking}`) })}</>}
      {isMarking(after.releasedUpTo) && <> {t('records.history.exportedReleased', { level: t(`marking.${after.releasedUpTo}`), count: withheldTotal(after.withheld) })}</>}
      {typeof after.knownOn === 'string' && isIsoDate(after.knownOn) && <> {t('records.history.exportedKnownOn', { date: format.date(after.knownOn) })}</>}
    </div>
  );
}

const isMarking = (value: unknown): value is Marking => (MARKINGS as readonly unknown[]).includes(value);

/** Records left out by a release, all kinds together (the entry keeps them by kind). */
function withheldTotal(withheld: unknown): number {
  if (typeof withheld !== 'object' || withheld === null) return 0;
  return Object.entries(withheld).reduce((sum, [kind, n]) => sum + (kind !== 'personDetails' && typeof n === 'number' ? n : 0), 0);
}
