import type { CaseTableName } from '../../../shared/model';
import { LastChangeLine } from './LastChangeLine';
import { useLastChanges } from './use-last-changes';

/** Who last changed one record, when, where, and through which bundle: for a panel or a History. */
export function LastChange({ recordId, table }: { recordId: string; table?: CaseTableName }) {
  const changes = useLastChanges([table ? { table, id: recordId } : { id: recordId }], `${table ?? ''}:${recordId}`);
  return <LastChangeLine change={changes?.get(recordId)} />;
}
