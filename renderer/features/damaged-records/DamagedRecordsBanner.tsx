import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DamagedRecord, DamagedRecords } from '../../db';
import { readableKey, useRecordNames } from './record-names';
import { useDamagedRecords } from './use-damaged-records';
import './damaged-records.css';

/** The damaged records' keys grouped by table, tables in the order first met. */
function byTable(records: readonly DamagedRecord[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const { table, key } of records) groups.set(table, [...(groups.get(table) ?? []), readableKey(key)]);
  return [...groups];
}

/**
 * Says, under the header, that some stored records could not be read and are left out of what the
 * workstation shows, names them by kind and key, and says what to do; the rest of the case is shown
 * as usual. Dismissed, it stays away until a record not yet named is met.
 */
export function DamagedRecordsBanner({ report }: { /** The window's report unless a test gives its own. */ report?: DamagedRecords }) {
  const { t } = useTranslation();
  const records = useDamagedRecords(report);
  const { kind } = useRecordNames();
  // The list as it was when dismissed: the report hands out a new list only when it grows (or empties).
  const [dismissed, setDismissed] = useState<readonly DamagedRecord[]>();
  if (records.length === 0 || records === dismissed) return null;

  const dismiss = () => {
    setDismissed(records);
    // The button goes with the banner: focus goes on to the workspace rather than to nowhere.
    document.getElementById('main')?.focus();
  };

  return (
    <section className="damaged-records-banner" aria-label={t('damaged.bannerLabel')} data-testid="damaged-records-banner">
      <div className="damaged-records-text">
        {/* Announced when it appears and whenever the count changes; the rest is read on demand. */}
        <p role="alert">
          <strong>{t('damaged.summary', { count: records.length })}</strong>
        </p>
        {/* Focusable so that a list long enough to scroll can be scrolled from the keyboard. */}
        <ul className="damaged-records-list" aria-label={t('damaged.listLabel')} tabIndex={0}>
          {byTable(records).map(([table, keys]) => (
            <li key={table}>{t('damaged.kindKeys', { kind: kind(table), keys: keys.join(', ') })}</li>
          ))}
        </ul>
        <p>
          {t('damaged.why')} {t('damaged.rest')}
        </p>
        <p>{t('damaged.whatToDo')}</p>
      </div>
      <button type="button" className="button" onClick={dismiss}>
        {t('damaged.dismiss')}
      </button>
    </section>
  );
}
