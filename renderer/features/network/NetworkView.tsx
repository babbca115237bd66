import type { Core, ElementDefinition } from 'cytoscape';
import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { LINK_KINDS } from '../../../shared/model';
import { useDatabase, type CaseNetwork } from '../../db';
import { localToday, useFormatters } from '../../i18n/formatters';
import type { Highlight } from '../../store/analysis-slice';
import { useUiStore } from '../../store/ui-store';
import { buildNetworkElements, openingView } from '../../network-model/build-elements';
import { ExportButtons } from './ExportButtons';
import { FilterControls } from './FilterControls';
import { applyFilters, filtersAreDefault } from '../../../shared/network/filters';
import { Legend } from './Legend';
import { NetworkCanvas } from './lazy-network-canvas';
import { PickedLink } from './PickedLink';
import { MapUnderlay } from './MapUnderlay';
import { NETWORK_DATA_MARK, NETWORK_FULL_MARK } from './network-marks';
import { OUTSIDE_NODE_ID, personNodeId, PRISON_LEVEL_THRESHOLD } from '../../../shared/network/network-input';
import { PersonActions, ShowHidden } from './PersonActions';
import { PrisonExpander } from './PrisonExpander';
import { SavedViews } from './SavedViews';
import { StatusLine } from './StatusLine';
import { StylingControls } from './StylingControls';
import { toNetworkInput } from '../../network-model/to-network-input';
import { useFreeLayout } from './use-free-layout';
import { isPrisonLevel } from '../../network-model/view-kinds';
import { ViewSwitcher } from './ViewSwitcher';
import './network-views.css';


/** Marks pinned people, and the chain the analysis highlights (people and the links between them). */
function withClasses(
  elements: ElementDefinition[],
  pinned: Readonly<Record<string, unknown>>,
  highlighted: Highlight | undefined,
): ElementDefinition[] {
  const pathNodes = new Set(highlighted?.personIds.map(personNodeId));
  const pathPairs = new Set(highlighted?.links.flatMap(([a, b]) => [`${personNodeId(a)}~${personNodeId(b)}`, `${personNodeId(b)}~${personNodeId(a)}`]));
  if (Object.keys(pinned).length === 0 && pathNodes.size === 0) return elements;
  return elements.map((element) => {
    const classes: string[] = [];
    const id = String(element.data.id);
    if (pinned[id]) classes.push('pinned');
    if (pathNodes.has(id) || (element.group === 'edges' && pathPairs.has(`${String(element.data.source)}~${String(element.data.target)}`))) classes.push('path');
    return classes.length > 0 ? { ...element, classes: classes.join(' ') } : element;
  });
}

/** The case as a network: switchable views, filters, styling, a legend, a status line and exports. */
export function NetworkView({ network, onDrawn }: { network: CaseNetwork; /** The view drew for the first time. */ onDrawn?: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const db = useDatabase();
  const statusId = useId();
  const caseId = network.case.id;
  const [today] = useState(localToday);
  // When the case's data reached the view: the benchmark measures drawing from here to the render mark.
  useState(() => performance.mark(NETWORK_DATA_MARK));
  const fullDrawn = useRef(false);
  const markFullDrawn = () => {
    if (fullDrawn.current) return;
    fullDrawn.current = true;
    performance.mark(NETWORK_FULL_MARK);
    onDrawn?.();
  };
  const { selectedPersonId, selectedRecord, focusRequest, selectPerson, selectRecord } = useUiStore(
    useShallow((s) => ({ selectedPersonId: s.selectedPersonId, selectedRecord: s.selectedRecord, focusRequest: s.focusRequest, selectPerson: s.selectPerson, selectRecord: s.selectRecord })),
  );
  const ui = useUiStore(
    useShallow((s) => ({
      chosenView: s.networkView,
      filters: s.networkFilters,
      styling: s.networkStyling,
      expanded: s.expandedPrisonNodes,
      pinned: s.pinnedPositions,
      setView: s.setNetworkView,
      toggle: s.togglePrisonExpanded,
      collapse: s.collapsePrisons,
      pin: s.pinPosition,
      metricByPerson: s.metricByPerson,
      communityByPerson: s.communityByPerson,
      styleMetric: s.styleMetric,
      setViewLinkIds: s.setViewLinkIds,
      derivedLinks: s.showDerivedLinks ? s.derivedLinks : undefined,
      highlighted: s.highlighted,
    })),
  );
  const { setViewLinkIds } = ui;
  const [fitRequest, setFitRequest] = useState(0);
  const [core, setCore] = useState<Core | null>(null);
  const [pickedPrison, setPickedPrison] = useState<string | undefined>(undefined);

  const wantsStays = ui.filters.asOf !== undefined;
  const stays = useLiveQuery(
    async () => (wantsStays ? (await db.stays.where('caseId').equals(caseId).toArray()).filter((s) => !s.deleted) : undefined),
    [db, caseId, wantsStays],
  );
  const whole = useMemo(() => toNetworkInput(network), [network]);
  const input = useMemo(() => ({ ...whole, ...(stays ? { stays } : {}) }), [whole, stays]);
  const filtered = useMemo(() => applyFilters(input, ui.filters, today), [input, ui.filters, today]);
  const filtering = !filtersAreDefault(ui.filters);
  // Decided on the case as it is, not on a filtered part of it, and not again for each filter.
  const opening = useMemo(() => openingView(whole, { outside: t('network.noPrison'), formatNumber: format.number }), [whole, t, format.number]);
  const chosen = ui.chosenView ?? opening;
  // Drawing thousands of people one by one freezes the page for many seconds (docs/architecture.md, "Large cases"):
  // above the threshold the people views fall back to prisons until filters narrow the case.
  const tooManyPeople = !isPrisonLevel(chosen) && filtered.persons.length > PRISON_LEVEL_THRESHOLD;
  const view = tooManyPeople ? 'prisons' : chosen;

  // The analytics can be asked to analyse what the view shows: tell them which links that is.
  useEffect(() => {
    setViewLinkIds(filtering ? new Set(filtered.links.map((l) => l.id)) : undefined, filtering ? filtered.persons.map((p) => p.id) : undefined);
  }, [filtered, filtering, setViewLinkIds]);
  useEffect(() => () => setViewLinkIds(undefined), [setViewLinkIds]);

  const free = useFreeLayout(db, caseId, filtered, view === 'free');
  const positions = useMemo(() => {
    const merged = new Map(view === 'free' ? free.positions : undefined);
    for (const [id, at] of Object.entries(ui.pinned)) merged.set(id, at);
    return merged;
  }, [view, free.positions, ui.pinned]);
  const metricName = t(`analysis.metric.${ui.styleMetric}`);
  // Only what the chosen styling uses: analytics arriving must not redraw a view that ignores them.
  const wantsMetric = ui.styling.sizeBy === 'metric';
  const wantsCommunities = ui.styling.colourBy === 'community';
  const metricValues = wantsMetric && ui.metricByPerson.size > 0 ? ui.metricByPerson : undefined;
  const communities = wantsCommunities && ui.communityByPerson.size > 0 ? ui.communityByPerson : undefined;
  const overlay = useMemo(
    () => ({ metric: metricValues ? { name: metricName, values: metricValues } : undefined, communities }),
    [metricValues, communities, metricName],
  );

  // Labels are part of the elements, so a language switch redraws them in the new language.
  const built = useMemo(
    () =>
      buildNetworkElements(
        filtered,
        { outside: t('network.noPrison'), formatNumber: format.number },
        {
          view,
          expandedPrisonNodes: new Set(ui.expanded),
          positions,
          styling: ui.styling,
          overlay,
          today,
          ...(ui.derivedLinks ? { derivedLinks: ui.derivedLinks } : {}),
        },
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filtered, view, ui.expanded, positions, ui.styling, overlay, today, ui.derivedLinks, i18n.language],
  );
  const { summary } = built;
  const elements = useMemo(() => withClasses(built.elements, ui.pinned, ui.highlighted), [built, ui.pinned, ui.highlighted]);

  const selectedPrisonId = selectedPersonId ? filtered.currentPrisonByPerson.get(selectedPersonId) : undefined;
  const selectedPerson = selectedPersonId ? filtered.persons.find((p) => p.id === selectedPersonId) : undefined;
  const selectedNodeId = selectedPerson ? personNodeId(selectedPerson.id) : undefined;
  const kindsInCase = useMemo(() => LINK_KINDS.filter((k) => network.links.some((l) => l.kind === k)), [network.links]);
  const firstDate = useMemo(() => {
    let first = today;
    for (const link of network.links) {
      const start = link.date ?? link.from;
      if (start && start < first) first = start;
    }
    return first;
  }, [network.links, today]);
  const expandedSet = useMemo(() => new Set(ui.expanded), [ui.expanded]);
  const currentDefinition = () => ({
    version: 1 as const,
    view,
    filters: ui.filters,
    styling: ui.styling,
    expandedPrisonNodes: ui.expanded,
    pinnedPositions: ui.pinned,
  });

  return (
    <section className="network-view" aria-label={t('network.canvasLabel')}>
      <div className="network-toolbar">
        <StatusLine summary={summary} id={statusId} filtering={filtering} />
        <ViewSwitcher value={chosen} onChange={ui.setView} />
        <div className="network-actions">
          <button type="button" className="button quiet" onClick={() => setFitRequest((n) => n + 1)}>
            {t('network.fit')}
          </button>
          <ExportButtons
            core={core}
            summary={summary}
            caseId={caseId}
            caseName={network.case.name}
            caseMarking={network.case.marking}
            input={filtered}
            filters={ui.filters}
            today={today}
          />
        </div>
      </div>
      <div className="network-subbar">
        <details
          className="network-controls"
          onKeyDown={(event) => {
            // Esc closes the panel and gives focus back to its summary, as for a dialog.
            if (event.key !== 'Escape' || !event.currentTarget.open) return;
            event.stopPropagation();
            event.currentTarget.open = false;
            event.currentTarget.querySelector('summary')?.focus();
          }}
        >
          <summary>{t('views.controls')}</summary>
          <div className="network-controls-body">
            <section aria-labelledby={`${statusId}-filters`}>
              <h3 id={`${statusId}-filters`}>{t('views.filtersTitle')}</h3>
              <FilterControls kindsInCase={kindsInCase} firstDate={firstDate} today={today} />
            </section>
            <section aria-labelledby={`${statusId}-styling`}>
              <h3 id={`${statusId}-styling`}>{t('views.stylingTitle')}</h3>
              <StylingControls />
            </section>
            <section aria-labelledby={`${statusId}-saved`}>
              <h3 id={`${statusId}-saved`}>{t('views.savedTitle')}</h3>
              <SavedViews caseId={caseId} current={currentDefinition} />
            </section>
          </div>
        </details>
        {isPrisonLevel(view) && (
          <PrisonExpander
            prisons={filtered.prisons}
            picked={pickedPrison}
            expanded={expandedSet}
            hasOutside={summary.outside > 0}
            outsideLabel={t('network.noPrison')}
            onPick={setPickedPrison}
            onToggle={ui.toggle}
            onCollapseAll={ui.collapse}
          />
        )}
        {selectedRecord?.type === 'link' && <PickedLink linkId={selectedRecord.id} shown={filtered.links} all={input.links} names={input.persons} />}
        {selectedPerson && selectedNodeId && (
          <PersonActions
            personId={selectedPerson.id}
            name={selectedPerson.primaryName}
            pinned={ui.pinned[selectedNodeId] !== undefined}
            onPin={() => {
              const node = core?.getElementById(selectedNodeId);
              if (node && !node.empty()) ui.pin(selectedNodeId, { ...node.position() });
            }}
            onUnpin={() => ui.pin(selectedNodeId, undefined)}
          />
        )}
        <ShowHidden />
        {tooManyPeople && (
          <p className="hint" role="status">
            {t('views.tooManyPeople', { count: filtered.persons.length, limit: PRISON_LEVEL_THRESHOLD })}
          </p>
        )}
        {view === 'free' && free.computing && <p className="hint" role="status">{t('views.layoutComputing')}</p>}
        {view === 'free' && free.failed && <p className="field-error" role="alert">{t('views.layoutFailed')}</p>}
      </div>
      <div className="network-stage">
        <div className={view === 'map' ? 'network-drawing on-map' : 'network-drawing'}>
        {view === 'map' && <MapUnderlay cy={core} />}
        <Suspense fallback={<p className="hint network-loading">{t('network.loading')}</p>}>
          <NetworkCanvas
            elements={elements}
            view={view}
            fitKey={`${caseId}|${view}|${view === 'free' && free.positions ? 'laid-out' : 'preset'}`}
            selectedPersonId={selectedPersonId}
            selectedLinkId={selectedRecord?.type === 'link' ? selectedRecord.id : undefined}
            selectedPrisonId={selectedPrisonId}
            pickedPrisonNodeId={isPrisonLevel(view) ? pickedPrison : undefined}
            focusRequest={focusRequest}
            fitRequest={fitRequest}
            onSelectPerson={(personId) => selectPerson(personId, { centre: false })}
            onSelectLink={(linkId, personId) => selectRecord({ type: 'link', id: linkId }, personId, { centre: false })}
            onPickPrison={(nodeId) => nodeId !== OUTSIDE_NODE_ID || summary.outside > 0 ? setPickedPrison(nodeId) : undefined}
            onTogglePrison={(nodeId) => {
              setPickedPrison(nodeId);
              ui.toggle(nodeId);
            }}
            onMovePerson={(nodeId, at) => ui.pin(nodeId, at)}
            onCore={setCore}
            onRendered={markFullDrawn}
            describedBy={statusId}
          />
        </Suspense>
        </div>
        <Legend summary={summary} pairs={built.pairs} />
      </div>
    </section>
  );
}
