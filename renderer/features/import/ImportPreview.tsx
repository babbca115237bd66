import { useTranslation } from 'react-i18next';
import type { ImportPlan, PlannedTable } from '../../../shared/import/plan-types';

const TABLES: readonly PlannedTable[] = ['persons', 'stays', 'sentences', 'links', 'events', 'sources', 'prisons'];
const SHOWN_REJECTED = 200;

/** What the import would do, before anything is written: counts, first people, every rejected cell. */
export function ImportPreview({ plan }: { plan: ImportPlan }) {
  const { t } = useTranslation();
  const reason = (code: string) => {
    const key = `import.reason.${code}`;
    return t(key as 'import.reason.other', { defaultValue: t('import.reason.other', { code }) });
  };
  const firstPeople = plan.changes.filter((c) => c.table === 'persons').slice(0, 5);
  const shownTables = TABLES.filter((table) => Object.values(plan.counts[table]).some((n) => n > 0));
  return (
    <section aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">{t('import.preview')}</h3>
      {plan.changes.length === 0 && (
        <p role="status" data-testid="import-nothing-changed">
          {t('import.nothingChanged')}
        </p>
      )}
      <table data-testid="import-counts">
        <thead>
          <tr>
            <th scope="col">{t('import.kind')}</th>
            {(['new', 'updated', 'unchanged', 'rejected'] as const).map((k) => (
              <th key={k} scope="col">
                {t(`import.counts.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shownTables.map((table) => (
            <tr key={table} data-testid={`import-count-${table}`}>
              <th scope="row">{t(`import.tables.${table}`)}</th>
              <td>{plan.counts[table].new}</td>
              <td>{plan.counts[table].updated}</td>
              <td>{plan.counts[table].unchanged}</td>
              <td>{plan.counts[table].rejected}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.linkRowsCombined > 0 && <p>{t('import.linkRowsCombined', { count: plan.linkRowsCombined })}</p>}
      {firstPeople.length > 0 && (
        <>
          <h4>{t('import.firstRows')}</h4>
          <ul>
            {firstPeople.map((change) => {
              const fields = change.fields as { primaryName: string; alternateNames: { name: string }[]; identifiers?: { scheme: string; value: string }[] };
              return (
                <li key={change.id}>
                  <bdi>{fields.primaryName}</bdi>
                  {fields.identifiers?.map((i) => ` · ${i.scheme} ${i.value}`).join('')}
                  {fields.alternateNames.length > 0 && <> · <bdi>{fields.alternateNames.map((n) => n.name).join(', ')}</bdi></>}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {plan.conflicts.length > 0 && (
        <>
          <h4>{t('import.conflicts')}</h4>
          <ul>
            {plan.conflicts.map((c, i) => (
              <li key={i}>{t('import.conflict', { name: c.personName, field: t(`import.field.${c.field as 'primaryName'}`), values: c.values.join(' / ') })}</li>
            ))}
          </ul>
        </>
      )}
      {plan.possibleDuplicates.length > 0 && (
        <>
          <h4>{t('import.duplicates')}</h4>
          <ul>
            {plan.possibleDuplicates.map((d, i) => (
              <li key={i}>{t('import.duplicate', { name: d.name, file: d.origin.file, row: d.origin.row, other: d.resembles.name })}</li>
            ))}
          </ul>
        </>
      )}
      {plan.rejected.length > 0 && (
        <>
          <h4>{t('import.rejectedTitle', { count: plan.rejected.length })}</h4>
          <div className="import-rejected" tabIndex={0} role="region" aria-label={t('import.rejectedTitle', { count: plan.rejected.length })}>
            <table data-testid="import-rejected">
              <thead>
                <tr>
                  {(['file', 'sheet', 'row', 'column', 'reason', 'values'] as const).map((k) => (
                    <th key={k} scope="col">
                      {t(`import.rejectedColumns.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {plan.rejected.slice(0, SHOWN_REJECTED).map((r, i) => (
                  <tr key={i}>
                    <td>{r.file}</td>
                    <td>{r.sheet}</td>
                    <td>{r.row}</td>
                    <td>{r.column}</td>
                    <td>{reason(r.reason)}</td>
                    <td>
                      <bdi>{Object.values(r.values).filter(Boolean).join(' · ')}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
