import { useTranslation } from 'react-i18next';
import type { SelectionCounts } from '../../db';

/** The tables named in "what will go", in the order an analyst reads a person's file. */
const SHOWN_TABLES = ['persons', 'links', 'stays', 'sentences', 'events', 'prisons', 'sources', 'notes', 'attachments'] as const;

/**
 * What a selection bundle will carry, before it is made: "3 personas, 4 vínculos, 5 estancias ·
 * 7 vínculos con personas fuera de la selección no se envían". Counts what the colleague will see
 * (tombstones travel too, but are not shown as records). Undefined while the case is still counted.
 */
export function SelectionSummary({ summary }: { summary: SelectionCounts | undefined }) {
  const { t } = useTranslation();
  if (!summary) {
    return (
      <p className="selection-summary sync-hint" role="status" data-testid="selection-counting">
        {t('sync.selection.counting')}
      </p>
    );
  }
  const { counts } = summary;
  const parts = SHOWN_TABLES.filter((table) => table === 'persons' || counts[table] > 0).map((table) => t(`sync.selection.${table}`, { count: counts[table] }));
  const leftOut = [
    summary.leftOut.links > 0 ? t('sync.selection.linksLeftOut', { count: summary.leftOut.links }) : undefined,
    summary.leftOut.events > 0 ? t('sync.selection.eventsLeftOut', { count: summary.leftOut.events }) : undefined,
  ].filter((part) => part !== undefined);
  return (
    <p className="selection-summary" role="status" data-testid="selection-summary">
      {[t('sync.selection.willGo', { list: parts.join(', ') }), ...leftOut].join(' · ')}
    </p>
  );
}
