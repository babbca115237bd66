import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marking } from '../../../shared/model';
import type { PersonSheet, ReportContent } from '../../../shared/report';
import type { Formatters } from '../../i18n/formatters';
import { networkPictureSvg } from '../network/network-picture';
import { ReportTimeline } from './ReportTimeline';

interface Props {
  content: ReportContent;
  format: Formatters;
  markingLabel: (marking: Marking) => string;
  /** Object URLs of the sheets' photos, by attachment id. */
  photos: ReadonlyMap<string, string>;
}

/**
 * The report's sections in print order. Headings make the PDF's outline and tagged structure: the
 * cover is the document's h1, each section an h2, each person an h3.
 */
export function ReportSections({ content, format, markingLabel, photos }: Props) {
  const { t } = useTranslation();
  const has = (section: ReportContent['sections'][number]) => content.sections.includes(section);
  const date = (value: string) => (value ? format.date(value) : t('report.page.none'));
  return (
    <article className="report">
      <section className="report-cover" aria-labelledby="report-cover-title">
        <p className="report-marking">{markingLabel(content.marking)}</p>
        <h1 id="report-cover-title">
          {t('report.page.cover')}: {content.caseName}
        </h1>
        <dl>
          <dt>{t('report.page.unit')}</dt>
          <dd>{content.unit || t('report.page.none')}</dd>
          <dt>{t('report.page.author')}</dt>
          <dd>{content.author || t('report.page.none')}</dd>
          <dt>{t('report.page.date')}</dt>
          <dd>{date(content.today)}</dd>
          <dt>{t('report.page.asOf')}</dt>
          <dd>{content.asOf ? date(content.asOf) : t('report.page.asOfToday')}</dd>
          {content.knownOn && (
            <>
              <dt>{t('report.page.knownOn')}</dt>
              <dd>{t('report.page.knownOnValue', { date: date(content.knownOn) })}</dd>
            </>
          )}
          <dt>{t('report.page.scope')}</dt>
          <dd>{content.scope === 'case' ? t('report.page.scopeCase') : t('report.page.scopePeople', { count: content.summary.persons })}</dd>
          <dt>{t('report.page.marking')}</dt>
          <dd>{markingLabel(content.marking)}</dd>
          <dt>{t('report.page.releasedUpTo')}</dt>
          <dd>{content.releasedUpTo ? markingLabel(content.releasedUpTo) : t('report.page.notReleased')}</dd>
        </dl>
        <h2 className="report-contents-title">{t('report.page.contents')}</h2>
        <ol className="report-contents">
          {content.sections.map((s) => (
            <li key={s}>{t(`report.section.${s}`)}</li>
          ))}
        </ol>
      </section>

      {has('summary') && (
        <section aria-labelledby="report-summary">
          <h2 id="report-summary">{t('report.section.summary')}</h2>
          <p>{t('report.page.summaryCounts', { persons: content.summary.persons, links: content.summary.links, sources: content.summary.sources })}</p>
          <h3>{t('report.page.keyPeople')}</h3>
          <ul>
            {content.summary.keyPeople.map((p) => (
              <li key={p.id}>
                <bdi>{p.name}</bdi> — {t(`role.${p.role}`)}, {t('network.links', { count: p.links })}
              </li>
            ))}
          </ul>
          <h3>{t('report.page.prisonsSpanned')}</h3>
          <ul>
            {content.summary.prisons.map((p) => (
              <li key={p.name}>
                {p.name}: {t('report.page.personsHeld', { count: p.persons })}
              </li>
            ))}
          </ul>
        </section>
      )}

      {has('releases') && (
        <section aria-labelledby="report-releases">
          <h2 id="report-releases">{t('report.section.releases')}</h2>
          {content.releases.length === 0 ? (
            <p>{t('report.page.noReleases')}</p>
          ) : (
            <table>
              <tbody>
                {content.releases.map((r) => (
                  <tr key={r.id}>
                    <td>{date(r.date)}</td>
                    <td>
                      <bdi>{r.name}</bdi>
                    </td>
                    <td>{r.prison}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      {has('network') && <NetworkFigure content={content} format={format} marking={markingLabel(content.marking)} />}
      {has('timeline') && <ReportTimeline content={content} format={format} marking={markingLabel(content.marking)} />}

      {has('people') && (
        <section aria-labelledby="report-people">
          <h2 id="report-people">{t('report.section.people')}</h2>
          {content.people.map((person) => (
            <PersonSheetView key={person.id} person={person} format={format} markingLabel={markingLabel} photo={person.photo ? photos.get(person.photo.attachmentId) : undefined} />
          ))}
        </section>
      )}

      {has('sources') && (
        <section aria-labelledby="report-sources" className="report-annex">
          <h2 id="report-sources">{t('report.page.sourcesHeading')}</h2>
          <table>
            <thead>
              <tr>
                {(['title', 'kind', 'author', 'date', 'reliability', 'citedBy'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`report.page.sourceColumns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {content.sources.map((s, i) => (
                <tr key={`${s.title}-${i}`}>
                  <td>
                    {s.title}
                    {s.marking && <span className="report-raised"> {markingLabel(s.marking)}</span>}
                  </td>
                  <td>{t(`editing.sourceKind.${s.kind as 'report'}`)}</td>
                  <td>{s.author}</td>
                  <td>{date(s.date)}</td>
                  <td>{s.reliability}</td>
                  <td>{format.number(s.citedBy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {has('journal') && (
        <section aria-labelledby="report-journal" className="report-annex">
          <h2 id="report-journal">{t('report.page.journalHeading')}</h2>
          <p>{t('report.page.journalIntro')}</p>
          <table>
            <thead>
              <tr>
                {(['workstation', 'entries', 'head', 'verified'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`report.page.journalColumns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {content.journal.map((j) => (
                <tr key={j.workstationId}>
                  <td>{j.workstationId}</td>
                  <td>{format.number(j.entries)}</td>
                  <td className="report-hash">{j.headHash || t('report.page.none')}</td>
                  <td>{j.verified ? t('report.page.verifiedOk') : t('report.page.verifiedBroken')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </article>
  );
}

function NetworkFigure({ content, format, marking }: { content: ReportContent; format: Formatters; marking: string }) {
  const { t } = useTranslation();
  const svg = useMemo(
    () => networkPictureSvg(content.network, { title: content.caseName, marking, today: content.asOf || content.today, t, formatNumber: format.number }),
    [content, marking, t, format],
  );
  return (
    <section aria-labelledby="report-network" className="report-figure">
      <h2 id="report-network">{t('report.section.network')}</h2>
      <figure>
        {/* An image, not inline markup: case data in the drawing is never parsed as the page's HTML. Chromium prints an SVG image as vectors. */}
        <img className="report-svg" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t('report.page.figureCaption')} />
        <figcaption>{t('report.page.figureCaption')}</figcaption>
      </figure>
    </section>
  );
}

function PersonSheetView({ person, format, markingLabel, photo }: { person: PersonSheet; format: Formatters; markingLabel: (m: Marking) => string; photo: string | undefined }) {
  const { t } = useTranslation();
  const date = (value: string) => (value ? format.date(value) : '');
  return (
    <section className="report-person" aria-labelledby={`report-person-${person.id}`}>
      <h3 id={`report-person-${person.id}`}>
        <bdi>{person.name}</bdi>
        {person.marking && <span className="report-raised"> {markingLabel(person.marking)}</span>}
      </h3>
      {photo && <img className="report-photo" src={photo} alt={t('report.page.photoOf', { name: person.name })} />}
      <dl>
        {person.names.length > 0 && (
          <>
            <dt>{t('report.page.names')}</dt>
            <dd>
              {person.names.map((n, i) => (
                <span key={`${n.name}-${i}`}>
                  {i > 0 && ' · '}
                  <bdi>{n.name}</bdi> ({t(`nameKind.${n.kind}`)})
                </span>
              ))}
            </dd>
          </>
        )}
        {person.realName && (
          <>
            <dt>{t('report.page.realName')}</dt>
            <dd>
              <bdi>{person.realName}</bdi>
            </dd>
          </>
        )}
        {person.identifiers.length > 0 && (
          <>
            <dt>{t('report.page.identifiers')}</dt>
            <dd>{person.identifiers.join(' · ')}</dd>
          </>
        )}
        {person.nationalities.length > 0 && (
          <>
            <dt>{t('report.page.nationalities')}</dt>
            <dd>{person.nationalities.map((n) => `${format.country(n.country)} (${n.status === 'verified' ? t('report.page.verified') : t('report.page.claimed')})`).join(' · ')}</dd>
          </>
        )}
        {person.birthDate && (
          <>
            <dt>{t('report.page.birthDate')}</dt>
            <dd>{date(person.birthDate)}</dd>
          </>
        )}
        <dt>{t('report.page.role')}</dt>
        <dd>{t(`role.${person.role}`)}</dd>
        <dt>{t('report.page.monitoring')}</dt>
        <dd>{t(`monitoring.${person.monitoring}`)}</dd>
        <dt>{t('report.page.programme')}</dt>
        <dd>{t(`programme.${person.programme}`)}</dd>
      </dl>
      {person.stays.length > 0 && (
        <>
          <h4>
            {t('report.page.stays')} ({t('report.page.transfers', { count: person.transfers })})
          </h4>
          <ol className="report-stays">
            {person.stays.map((s, i) => (
              <li key={`${s.from}-${i}`}>
                {date(s.from)} – {s.to ? date(s.to) : t('report.page.current')}: {s.prison}
                {s.module && ` (${s.module})`}
              </li>
            ))}
          </ol>
        </>
      )}
      {person.sentences.length > 0 && (
        <>
          <h4>{t('report.page.sentences')}</h4>
          <ul>
            {person.sentences.map((s, i) => (
              <li key={`${s.start}-${i}`}>
                {s.offence} — {date(s.start)}
                {s.lengthMonths !== undefined && `, ${t('report.page.months', { count: s.lengthMonths })}`}
                {s.expectedRelease && `, ${t('report.page.expectedRelease', { date: date(s.expectedRelease) })}`}
                {s.earlyRelease && `, ${t('report.page.earlyRelease', { date: date(s.earlyRelease) })}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('report.page.links')}</h4>
      {person.links.length === 0 ? (
        <p>{t('report.page.noLinks')}</p>
      ) : (
        <ul className="report-links">
          {person.links.map((l, i) => (
            <li key={i}>
              {t(`linkKind.${l.kind as 'letter'}`)} {t(`report.page.direction.${l.direction}`)} <bdi>{l.other}</bdi>
              {(l.date || l.from) && ` — ${l.date ? date(l.date) : `${date(l.from)}${l.to ? ` – ${date(l.to)}` : ''}`}`}
              {l.count > 1 && ` ×${format.number(l.count)}`}, {t('report.page.grading', { grading: l.grading })}
              {l.sources.length > 0 && <span className="report-cited"> {t('report.page.cited', { list: l.sources.join('; ') })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
