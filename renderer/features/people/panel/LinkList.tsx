import { Fragment, memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGrading } from '../../../../shared/model';
import type { PersonLink } from '../../../db';
import { useFormatters } from '../../../i18n/formatters';
import { LINK_STYLES } from '../../../network-model/link-styles';
import { RaisedMarking } from '../../../ui/MarkingBadge';
import { DeleteButton } from '../../editing/DeleteButton';
import { useCaseMarking } from '../../editing/use-case-records';
import { LastChangeLine } from '../../provenance/LastChangeLine';
import { useLastChanges } from '../../provenance/use-last-changes';
import { useUiStore } from '../../../store/ui-store';

const DIRECTION_KEY = { outgoing: 'person.linkOutgoing', incoming: 'person.linkIncoming', undirected: 'person.linkMutual' } as const;

/**
 * How many links are drawn before "Show all N": the newest ones. A hub with hundreds of links
 * would otherwise make every opening of its panel draw hundreds of rows nobody reads at once.
 */
export const LINKS_SHOWN_FIRST = 25;

/** The person's links: kind, direction, the other person (a way to them), when, how often, how sure. */
export const LinkList = memo(function LinkList({
  links,
  onGoToPerson,
  onEdit,
  canDelete = false,
}: {
  links: readonly PersonLink[];
  onGoToPerson(personId: string): void;
  onEdit?(linkId: string): void;
  /** Offers deletion (a tombstone, undoable) beside each link. */
  canDelete?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  // The link picked on the network or the timeline: shown (even beyond the first 25), marked and in view.
  const picked = useUiStore((s) => (s.selectedRecord?.type === 'link' ? s.selectedRecord.id : undefined));
  const pickedIndex = picked ? links.findIndex(({ link }) => link.id === picked) : -1;
  const [showAllChosen, setShowAll] = useState(false);
  const showAll = showAllChosen || pickedIndex >= LINKS_SHOWN_FIRST;
  const caseMarking = useCaseMarking();
  const shown = showAll ? links : links.slice(0, LINKS_SHOWN_FIRST);
  const changes = useLastChanges(
    shown.map(({ link }) => ({ table: 'links' as const, id: link.id })),
    shown.map(({ link }) => link.id).join(),
  );
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (pickedIndex >= 0) list.current?.children[pickedIndex]?.scrollIntoView({ block: 'nearest' });
  }, [pickedIndex]);
  useEffect(() => {
    // The "show all" button is gone: keyboard focus goes on to the first link it revealed.
    if (showAllChosen) list.current?.children[LINKS_SHOWN_FIRST]?.querySelector<HTMLElement>('button')?.focus();
  }, [showAllChosen]);
  return (
    <section aria-labelledby="person-links-title" data-testid="person-links">
      <h3 id="person-links-title">{t('person.links')}</h3>
      {links.length === 0 && <p className="hint">{t('person.noLinks')}</p>}
      <ul ref={list} className="link-list">
        {shown.map(({ link, other, direction, sources }) => {
          const when = link.date
            ? format.date(link.date)
            : link.from && link.to
              ? t('person.linkPeriod', { from: format.date(link.from), to: format.date(link.to) })
              : link.from
                ? t('person.linkSince', { from: format.date(link.from) })
                : undefined;
          return (
            <li key={link.id} className={link.id === picked ? 'picked' : undefined} aria-current={link.id === picked ? 'true' : undefined} data-testid="person-link">
              <div className="link-head">
                <span className="link-kind" style={{ borderColor: LINK_STYLES[link.kind].color }}>
                  {t(`linkKind.${link.kind}`)}
                </span>{' '}
                {t(DIRECTION_KEY[direction])}{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('person.goToPerson', { name: other.primaryName })}
                  onClick={() => onGoToPerson(other.id)}
                >
                  {other.primaryName}
                </button>
                <RaisedMarking marking={link.marking} caseMarking={caseMarking} />
                {onEdit && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button quiet"
                      aria-label={t('editing.editLink', { name: other.primaryName })}
                      onClick={() => onEdit(link.id)}
                    >
                      {t('editing.edit')}
                    </button>
                  </>
                )}
                {canDelete && (
                  <>
                    {' '}
                    <DeleteButton table="links" id={link.id} what={t('editing.whatLink', { name: other.primaryName })} />
                  </>
                )}
              </div>
              <div className="hint">
                {[
                  when,
                  link.count !== undefined ? t('person.linkCount', { count: link.count }) : undefined,
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {' · '}
                <abbr title={t('person.gradingHint', { reliability: link.grading.reliability, credibility: link.grading.credibility })}>
                  {t('person.grading', { grading: formatGrading(link.grading) })}
                </abbr>
              </div>
              {sources.length > 0 && (
                <div className="hint">
                  {t('person.sources')}:{' '}
                  {sources.map((s, i) => (
                    <Fragment key={s.id}>
                      {i > 0 && '; '}
                      {t('person.sourceWithReliability', { title: s.title, reliability: s.reliability })}
                      <RaisedMarking marking={s.marking} caseMarking={caseMarking} />
                    </Fragment>
                  ))}
                </div>
              )}
              <LastChangeLine change={changes?.get(link.id)} />
            </li>
          );
        })}
      </ul>
      {shown.length < links.length && (
        <button type="button" className="button quiet" onClick={() => setShowAll(true)}>
          {t('editing.showAllLinks', { count: links.length })}
        </button>
      )}
    </section>
  );
});
