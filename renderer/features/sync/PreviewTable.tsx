import { useTranslation } from 'react-i18next';
import type { TableSummary } from '../../db';
import type { CaseTableName } from '../../../shared/model';

/** New, changed, deleted and conflicting records per type: what the analyst is about to accept. */
export function PreviewTable({ rows, caption }: { rows: Array<{ table: CaseTableName } & TableSummary>; caption: string }) {
  const { t, i18n } = useTranslation();
  const n = new Intl.NumberFormat(i18n.language);
  return (
    <table className="sync-preview" data-testid="bundle-preview">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sync.receive.type')}</th>
          <th scope="col">{t('sync.receive.new')}</th>
          <th scope="col">{t('sync.receive.changed')}</th>
          <th scope="col">{t('sync.receive.deleted')}</th>
          <th scope="col">{t('sync.receive.conflicts')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.table}>
            <th scope="row">{t(`sync.table.${r.table}`)}</th>
            <td>{n.format(r.new)}</td>
            <td>{n.format(r.changed)}</td>
            <td>{n.format(r.deleted)}</td>
            <td>{n.format(r.conflicts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
