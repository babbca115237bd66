import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportContent } from '../../../shared/report';
import { buildTimeline } from '../../../shared/timeline/build-timeline';
import { fitScale, ticks, xOf } from '../../../shared/timeline/time-scale';
import type { Formatters } from '../../i18n/formatters';
import { intlLocaleOf } from '../../i18n/i18n';
import { prisonColours } from '../timeline/prison-colours';
import { tickLabel } from '../timeline/tick-label';
import { timelineSvg } from '../timeline/timeline-svg';
import { LABEL_WIDTH } from '../timeline/layout';

/** The drawing's width on an A4 page (the page's text width at 96 dpi, about 17 cm). */
const PAGE_WIDTH = 640;
/** Lanes per figure, so that one figure fits a page with its caption. */
const LANES_PER_FIGURE = 30;

/**
 * The report's timeline: one lane per person of the report, from the case's first date to today,
 * in figures of a page each, drawn by the same code as the timeline's SVG export (names as text,
 * escaped; an image, so nothing of the case is parsed as the page's markup).
 */
export function ReportTimeline({ content, format, marking }: { content: ReportContent; format: Formatters; marking: string }) {
  const { t, i18n } = useTranslation();
  const figures = useMemo(() => {
    const today = content.asOf || content.today;
    const model = buildTimeline(content.timeline, { grouping: 'person', today });
    const width = PAGE_WIDTH - LABEL_WIDTH;
    const scale = fitScale(model.first, model.last, width);
    const colours = prisonColours(content.timeline.prisons);
    const names = new Map(content.timeline.persons.map((p) => [p.id, p.primaryName]));
    const locale = intlLocaleOf(i18n.language);
    const labelled = ticks(scale, width).map((tick) => ({ x: xOf(scale, tick.date), label: tickLabel(tick, locale) }));
    const lanes = model.lanes.filter((lane) => lane.personId);
    const count = Math.ceil(lanes.length / LANES_PER_FIGURE);
    return Array.from({ length: count }, (_, i) => {
      const page = lanes.slice(i * LANES_PER_FIGURE, (i + 1) * LANES_PER_FIGURE);
      return timelineSvg({
        lanes: page,
        labels: new Map(page.map((lane) => [lane.key, names.get(lane.personId!) ?? lane.label])),
        scale,
        width,
        colours,
        ticks: labelled,
        marking,
        title: t('report.page.timelineTitle', { case: content.caseName }),
        subtitle: t('report.page.timelinePart', { part: i + 1, parts: count, from: format.date(model.first), to: format.date(model.last > today ? model.last : today) }),
      });
    });
  }, [content, marking, t, i18n.language, format]);
  if (figures.length === 0) return null;
  return (
    <section aria-labelledby="report-timeline" className="report-figure report-timeline">
      <h2 id="report-timeline">{t('report.section.timeline')}</h2>
      {figures.map((svg, i) => (
        <figure key={i}>
          <img className="report-svg" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t('report.page.timelineCaption', { part: i + 1, parts: figures.length })} />
          <figcaption>{t('report.page.timelineCaption', { part: i + 1, parts: figures.length })}</figcaption>
        </figure>
      ))}
    </section>
  );
}
