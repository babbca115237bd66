import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGrading } from '../../../shared/model';
import type { TimelineBar, TimelineMarker, TimelinePoint, TimelineTransfer, UndatedItem } from '../../../shared/timeline/model';
import { useFormatters } from '../../i18n/formatters';

/** Who and where the names refer to: the case's people and prisons by id. */
export interface NameBook {
  person(id: string): string;
  prison(id: string): string;
}

/**
 * The accessible name of every mark the timeline draws, in the UI language: what a screen reader
 * says, and the tooltip a mouse user sees. Colour and shape are never the only way to tell marks
 * apart: each name says the prison, the kind, the date and the grading.
 */
export function useMarkNames(book: NameBook) {
  const { t } = useTranslation();
  const format = useFormatters();
  return useMemo(() => {
    const date = format.date;
    return {
      bar: (bar: TimelineBar, withPerson: boolean) => {
        const values = { person: book.person(bar.personId), prison: book.prison(bar.prisonId), from: date(bar.from), to: date(bar.to) };
        if (withPerson) return bar.open ? t('timeline.barOfOpen', values) : t('timeline.barOf', values);
        return bar.open ? t('timeline.barOpen', values) : t('timeline.bar', values);
      },
      merged: (count: number, from: string, to: string) => t('timeline.barsMerged', { count, from: date(from), to: date(to) }),
      transfer: (transfer: TimelineTransfer) =>
        t('timeline.transfer', {
          person: book.person(transfer.personId),
          from: book.prison(transfer.fromPrisonId),
          to: book.prison(transfer.toPrisonId),
          date: date(transfer.date),
        }),
      marker: (marker: TimelineMarker) =>
        t(marker.kind === 'early' ? 'timeline.releaseEarly' : 'timeline.releaseExpected', { person: book.person(marker.personId), date: date(marker.date) }),
      point: (point: TimelinePoint) => {
        if (point.type === 'event') return t('timeline.event', { kind: t(`editing.eventKind.${point.kind}`), title: point.title, date: date(point.date) });
        const values = {
          kind: t(`linkKind.${point.kind}`),
          a: book.person(point.fromId),
          b: book.person(point.toId),
          date: date(point.date),
          grading: point.grading ? formatGrading(point.grading) : t('timeline.ungraded'),
        };
        return point.end ? t('timeline.linkPeriod', { ...values, end: date(point.end) }) : t('timeline.link', values);
      },
      cluster: (count: number, from: string, to: string) => t('timeline.cluster', { count, from: date(from), to: date(to) }),
      group: (count: number, from: string, to: string) => t('timeline.group', { count, from: date(from), to: date(to) }),
      undated: (item: UndatedItem) => {
        const [a = '', b = ''] = item.personIds.map(book.person);
        const what =
          item.type === 'stay' ? t('timeline.undated.stay', { person: a, prison: item.prisonId ? book.prison(item.prisonId) : '' })
          : item.type === 'sentence' ? t('timeline.undated.sentence', { person: a })
          : item.type === 'link' ? t('timeline.undated.link', { kind: item.linkKind ? t(`linkKind.${item.linkKind}`) : '', a, b })
          : t('timeline.undated.event', { kind: item.eventKind ? t(`editing.eventKind.${item.eventKind}`) : '', title: item.title ?? '' });
        return `${what}: ${t(`timeline.reason.${item.reason}`, { value: item.value ?? '' })}`;
      },
    };
  }, [t, format, book]);
}
export type MarkNames = ReturnType<typeof useMarkNames>;
