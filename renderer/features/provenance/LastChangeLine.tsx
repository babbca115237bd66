import { useTranslation } from 'react-i18next';
import type { LastChange } from '../../db';
import { useTimestampFormat } from '../../ui/use-timestamp-format';
import { lastChangeIds, lastChangeText } from './last-change-text';

/** One record's "last changed" line, from an already loaded `LastChange` (lists load theirs in one read). */
export function LastChangeLine({ change }: { change: LastChange | undefined }) {
  const { t } = useTranslation();
  const when = useTimestampFormat();
  if (!change) return null;
  return (
    <p className="hint last-change" data-testid="last-change" title={lastChangeIds(change)}>
      {lastChangeText(t, change, when)}
    </p>
  );
}
