import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { CaseNetwork } from '../../db';
import { useFormatters } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import { buildNetworkElements } from './elements';
import { Legend } from './Legend';
import { StatusLine } from './StatusLine';
import { toNetworkInput } from './to-network-input';

// Cytoscape is most of the bundle: load it when a case opens, not on the first-run screen.
const NetworkCanvas = lazy(() => import('./NetworkCanvas').then((module) => ({ default: module.NetworkCanvas })));

/** The case as a network: prisons holding their inmates, links by kind, a legend and a status line. */
export function NetworkView({ network }: { network: CaseNetwork }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const statusId = useId();
  const { selectedPersonId, focusRequest, selectPerson } = useUiStore(
    useShallow((s) => ({ selectedPersonId: s.selectedPersonId, focusRequest: s.focusRequest, selectPerson: s.selectPerson })),
  );
  const [fitRequest, setFitRequest] = useState(0);

  // Labels are part of the elements, so a language switch redraws them in the new language.
  const { elements, summary } = useMemo(
    () => buildNetworkElements(toNetworkInput(network), { outside: t('network.noPrison'), formatNumber: format.number }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [network, i18n.language],
  );
  const selectedPrisonId = selectedPersonId ? network.currentPrisonByPerson.get(selectedPersonId) : undefined;

  return (
    <section className="network-view" aria-label={t('network.canvasLabel')}>
      <div className="network-toolbar">
        <StatusLine summary={summary} id={statusId} />
        <button type="button" className="button quiet" onClick={() => setFitRequest((n) => n + 1)}>
          {t('network.fit')}
        </button>
      </div>
      <div className="network-stage">
        <Suspense fallback={<p className="hint network-loading">{t('network.loading')}</p>}>
          <NetworkCanvas
            elements={elements}
            selectedPersonId={selectedPersonId}
            selectedPrisonId={selectedPrisonId}
            focusRequest={focusRequest}
            fitRequest={fitRequest}
            onSelectPerson={(personId) => selectPerson(personId, { centre: false })}
            describedBy={statusId}
          />
        </Suspense>
        <Legend summary={summary} />
      </div>
    </section>
  );
}
