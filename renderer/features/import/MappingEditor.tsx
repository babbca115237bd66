import { useTranslation } from 'react-i18next';
import { DATE_FORMATS, type DateFormat } from '../../../shared/import/dates';
import { IMPORT_TARGETS, TARGET_FIELDS, type ImportTarget } from '../../../shared/import/fields';
import type { FieldMapping, ImportSpec, SheetMapping } from '../../../shared/import/spec';
import { IDENTIFIER_SCHEMES, type IdentifierScheme } from '../../../shared/model';
import type { PlanFit, SheetSummary } from '../../workers/import-protocol';

interface Props {
  spec: ImportSpec;
  sheets: readonly SheetSummary[];
  fit: PlanFit;
  onChange(spec: ImportSpec): void;
}

/** The most columns one field joins, and the longest fixed value (the specification's own limits). */
const MAX_JOINED = 10;
const MAX_FIXED = 2000;

/**
 * Each sheet's kind of record, how it names people, and what fills each field: a column, several
 * columns joined, or a fixed value (used where the columns give nothing).
 */
export function MappingEditor({ spec, sheets, fit, onChange }: Props) {
  const { t } = useTranslation();
  const setSheet = (index: number, sheet: SheetMapping) => onChange({ ...spec, sheets: spec.sheets.map((s, i) => (i === index ? sheet : s)) });
  return (
    <section aria-labelledby="import-mapping-title">
      <h3 id="import-mapping-title">{t('import.mapping')}</h3>
      {fit.missing.map((m) => (
        <p key={m.mappingIndex} role="alert">
          {t('import.missingColumns', { columns: m.columns.join(', '), target: t(`import.targets.${m.target as ImportTarget}`) })}
        </p>
      ))}
      {spec.sheets.map((mapping, index) => {
        const matched = fit.matched.find((m) => m.mappingIndex === index);
        const summary = sheets.find((s) => matched && s.file === matched.file && s.sheet === matched.sheet) ?? sheets.find((s) => s.sheet === mapping.sheet);
        return <SheetEditor key={index} index={index} mapping={mapping} summary={summary} onChange={(m) => setSheet(index, m)} />;
      })}
    </section>
  );
}

function SheetEditor({ index, mapping, summary, onChange }: { index: number; mapping: SheetMapping; summary: SheetSummary | undefined; onChange(m: SheetMapping): void }) {
  const { t } = useTranslation();
  const headers = summary?.headers ?? [];
  const fieldOf = (field: string) => mapping.fields.find((f) => f.field === field);
  const setField = (field: string, patch: Partial<FieldMapping> | undefined) => {
    const others = mapping.fields.filter((f) => f.field !== field);
    const current = fieldOf(field);
    const next = patch ? { ...(current ?? { field, columns: [] }), ...patch } : undefined;
    onChange({ ...mapping, fields: next && (next.columns.length > 0 || next.fixed !== undefined) ? [...others, next] : others });
  };
  const by = mapping.personReference.by;
  const reference = by === 'name' || by === 'recordId' ? by : mapping.personReference.scheme ?? 'NIS';
  return (
    <fieldset>
      <legend>
        <label>
          {t('import.sheetHolds', { sheet: summary?.sheet ?? mapping.sheet ?? '', file: summary?.file ?? '' })}{' '}
          <select value={mapping.target} onChange={(e) => onChange({ ...mapping, target: e.target.value as ImportTarget, fields: [] })} data-testid={`import-target-${index}`}>
            {IMPORT_TARGETS.map((target) => (
              <option key={target} value={target}>
                {t(`import.targets.${target}`)}
              </option>
            ))}
          </select>
        </label>
      </legend>
      {mapping.target !== 'people' && (
        <label>
          {t('import.peopleBy')}{' '}
          <select
            value={reference}
            onChange={(e) =>
              onChange({
                ...mapping,
                personReference:
                  e.target.value === 'name' || e.target.value === 'recordId' ? { by: e.target.value } : { by: 'identifier', scheme: e.target.value as IdentifierScheme },
              })
            }
          >
            <option value="name">{t('import.byName')}</option>
            <option value="recordId">{t('import.byRecordId')}</option>
            {IDENTIFIER_SCHEMES.map((scheme) => (
              <option key={scheme} value={scheme}>
                {t('import.byIdentifier', { scheme: t(`person.identifierScheme.${scheme}`) })}
              </option>
            ))}
          </select>
        </label>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('import.kind')}</th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.fixedValue')}</th>
            <th scope="col">{t('import.dateFormat')}</th>
          </tr>
        </thead>
        <tbody>
          {TARGET_FIELDS[mapping.target].map((definition) => {
            const current = fieldOf(definition.field);
            const label = t(`import.field.${definition.field as 'primaryName'}`);
            return (
              <tr key={definition.field}>
                <th scope="row">
                  {label}
                  {definition.required ? ' *' : ''}
                </th>
                <td>
                  <select
                    aria-label={`${label}: ${t('import.column')}`}
                    value={current?.columns[0] ?? ''}
                    onChange={(e) => setField(definition.field, e.target.value ? { columns: [e.target.value, ...(current?.columns.slice(1) ?? [])] } : undefined)}
                  >
                    <option value="">{current?.fixed !== undefined ? `= ${current.fixed}` : t('import.noColumn')}</option>
                    {headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                  {current && current.columns.length > 1 && (
                    <span>
                      {' '}
                      + {current.columns.slice(1).join(' + ')}{' '}
                      <button
                        type="button"
                        className="button quiet"
                        aria-label={t('import.unjoinColumn', { field: label, column: current.columns.at(-1) })}
                        onClick={() => setField(definition.field, { columns: current.columns.slice(0, -1) })}
                      >
                        ×
                      </button>
                    </span>
                  )}
                  {current && current.columns.length > 0 && current.columns.length < MAX_JOINED && (
                    // Several columns joined into one value (a name split across two columns, say).
                    <select
                      aria-label={`${label}: ${t('import.joinColumn')}`}
                      value=""
                      onChange={(e) => e.target.value && setField(definition.field, { columns: [...current.columns, e.target.value] })}
                    >
                      <option value="">{t('import.joinColumnNone')}</option>
                      {headers
                        .filter((h) => !current.columns.includes(h))
                        .map((h) => (
                          <option key={h} value={h}>
                            {h}
                          </option>
                        ))}
                    </select>
                  )}
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`${label}: ${t('import.fixedValue')}`}
                    value={current?.fixed ?? ''}
                    maxLength={MAX_FIXED}
                    onChange={(e) => {
                      const fixed = e.target.value === '' ? undefined : e.target.value;
                      if (current) setField(definition.field, { fixed });
                      else if (fixed !== undefined) setField(definition.field, { columns: [], fixed });
                    }}
                  />
                </td>
                <td>
                  {definition.kind === 'date' && current && (
                    <select
                      aria-label={`${label}: ${t('import.dateFormat')}`}
                      value={current.dateFormat ?? 'auto'}
                      onChange={(e) => setField(definition.field, { dateFormat: e.target.value as DateFormat })}
                    >
                      {DATE_FORMATS.map((format) => (
                        <option key={format} value={format}>
                          {t(`import.dateFormats.${format}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
