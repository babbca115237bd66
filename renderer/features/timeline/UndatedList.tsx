import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UndatedItem } from '../../../shared/timeline/model';
import type { MarkNames } from './mark-names';

/** A case's undated records can run to thousands after an import; the list shows the first ones and a count. */
const SHOWN = 200;

/** What the timeline could not place: every undated record, with what is wrong with its date. */
export function UndatedList({ items, names }: { items: readonly UndatedItem[]; names: MarkNames }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    // Focusable so that keyboard users can scroll it (it scrolls, and holds no control of its own).
    <section className="timeline-undated" aria-labelledby={id} tabIndex={0} data-testid="timeline-undated">
      <h3 id={id}>{t('timeline.undatedTitle', { count: items.length })}</h3>
      {items.length === 0 ? (
        <p className="hint">{t('timeline.undatedNone')}</p>
      ) : (
        <>
          <p className="hint">{t('timeline.undatedIntro')}</p>
          <ul>
            {items.slice(0, SHOWN).map((item) => (
              <li key={`${item.type}:${item.id}:${item.field}`}>{names.undated(item)}</li>
            ))}
          </ul>
          {items.length > SHOWN && <p className="hint">{t('timeline.undatedMore', { count: items.length - SHOWN })}</p>}
        </>
      )}
    </section>
  );
}
