import { Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/formatters';
import { NetworkCanvas } from './lazy-network-canvas';
import { Legend } from './Legend';
import { NETWORK_DATA_MARK } from './network-marks';
import { buildPrisonOverview, type PrisonOverview } from '../../network-model/prison-overview';
import { StatusLine } from './StatusLine';
import './network-views.css';

const ignore = () => undefined;

/**
 * The first view of a large case: one node per prison and the links between prisons counted, drawn
 * from the overview while the case's people and links are still being read. Pan and zoom work;
 * opening a prison waits for the full view, which replaces this one in the same place.
 */
export function NetworkOverview({ caseId, overview, onDrawn }: { caseId: string; overview: PrisonOverview; onDrawn(): void }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const statusId = useId();
  useState(() => performance.mark(NETWORK_DATA_MARK));
  const { elements, summary, pairs } = useMemo(
    () => buildPrisonOverview(overview, { outside: t('network.noPrison'), formatNumber: format.number }, 'prisons'),
    // Labels are part of the elements, so a language switch redraws them in the new language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [overview, i18n.language],
  );
  return (
    <section className="network-view" aria-label={t('network.canvasLabel')} aria-busy="true">
      <div className="network-toolbar">
        <StatusLine summary={summary} id={statusId} filtering={false} loadingPeople />
      </div>
      <div className="network-stage">
        <div className="network-drawing">
        <Suspense fallback={<p className="hint network-loading">{t('network.loading')}</p>}>
          <NetworkCanvas
            elements={elements}
            view="prisons"
            fitKey={`${caseId}|prisons|preset`}
            selectedPersonId={undefined}
            selectedLinkId={undefined}
            selectedPrisonId={undefined}
            pickedPrisonNodeId={undefined}
            focusRequest={0}
            fitRequest={0}
            onSelectPerson={ignore}
            onSelectLink={ignore}
            onPickPrison={ignore}
            onTogglePrison={ignore}
            onMovePerson={ignore}
            onCore={ignore}
            onRendered={onDrawn}
            describedBy={statusId}
          />
        </Suspense>
        </div>
        <Legend summary={summary} pairs={pairs} />
      </div>
    </section>
  );
}
