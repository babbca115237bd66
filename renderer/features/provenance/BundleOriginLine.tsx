import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/model';
import { useDatabase, loadBundleOrigin } from '../../db';
import { shortId } from '../../ui/short-id';

/**
 * Under an audit entry that a bundle caused: which bundle, signed by whom. For a change it also says
 * that the struck-through value is the one the merge replaced, so a value that lost stays readable
 * with where the winning one came from.
 */
export function BundleOriginLine({ entry, bundleId }: { entry: AuditEntry; bundleId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const origin = useLiveQuery(() => loadBundleOrigin(db, bundleId, entry.caseId), [db, bundleId, entry.caseId]);
  const bundle = shortId(bundleId);
  const sender = origin?.sender?.name;
  const text =
    entry.action === 'import'
      ? sender
        ? t('provenance.importedBundle', { bundle, sender })
        : t('provenance.importedBundleUnknownSender', { bundle })
      : sender
        ? t('provenance.arrivedIn', { bundle, sender })
        : t('provenance.arrivedInUnknownSender', { bundle });
  const note = entry.action === 'update' ? `; ${t('provenance.replaced')}` : '';
  return (
    <div className="hint" data-testid="bundle-origin" title={bundleId}>
      {text}
      {note}
    </div>
  );
}
