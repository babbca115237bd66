import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { classesKeepingDetail, DETAIL_CLASS, DETAIL_EVENT, DETAIL_SELECTOR, setDetail, wantsDetail } from './zoom-detail';
import { personNodeId, prisonNodeId } from '../../../shared/network/network-input';
import { NETWORK_RENDERED_MARK } from './network-marks';
import { networkStylesheet } from './stylesheet';
import type { NetworkViewKind } from '../../network-model/view-kinds';
import { elementsToDraw, type QuietLinksShown } from './quiet-links';
import { presetViewport } from './viewport';

export interface NetworkCanvasProps {
  elements: ElementDefinition[];
  view: NetworkViewKind;
  /** The viewport is fitted to the drawing when this changes (another case, another view). */
  fitKey: string;
  selectedPersonId: string | undefined;
  /** A link picked here or on the timeline: drawn outlined, with its ends. */
  selectedLinkId: string | undefined;
  /** Prison holding the selected person: what to centre on when people are not drawn one by one. */
  selectedPrisonId: string | undefined;
  /** The prison picked in the prison level (outlined on the graph). */
  pickedPrisonNodeId: string | undefined;
  focusRequest: number;
  fitRequest: number;
  onSelectPerson(personId: string): void;
  /** A link was tapped: its record id and the person at its start. */
  onSelectLink(linkId: string, personId: string): void;
  /** A prison node was tapped (its node id), or double-tapped to expand or collapse it. */
  onPickPrison(nodeId: string): void;
  onTogglePrison(nodeId: string): void;
  /** A person was dragged to a new place: the analyst pins them there. */
  onMovePerson(nodeId: string, position: { x: number; y: number }): void;
  /** The Cytoscape instance, for the exports (null once destroyed). */
  onCore(core: Core | null): void;
  /** Cytoscape drew a new set of elements. */
  onRendered?(): void;
  describedBy: string;
}

/**
 * The Cytoscape drawing. The instance is created once per mount; a new drawing only swaps its
 * elements in one batch, since building a Cytoscape instance blocks the UI (docs/architecture.md, "Large cases").
 */
const FIT_PADDING = 24;

/** Data fields Cytoscape owns or that never change for an element id. */
const FIXED_FIELDS = new Set(['id', 'source', 'target', 'parent']);

/**
 * Brings the graph to `elements`: removes what is gone, adds what is new, and updates the data,
 * parent, position and classes of the rest only where they differ.
 */
function applyElements(instance: Core, elements: readonly ElementDefinition[]): void {
  const next = new Map(elements.map((e) => [String(e.data.id), e]));
  instance.elements().filter((ele) => !next.has(ele.id())).remove();
  const added: ElementDefinition[] = [];
  for (const [id, definition] of next) {
    const existing = instance.getElementById(id);
    if (existing.empty()) {
      added.push(definition);
      continue;
    }
    const data = definition.data as Record<string, unknown>;
    const current = existing.data() as Record<string, unknown>;
    const changed: Record<string, unknown> = {};
    let anyChange = false;
    for (const [key, value] of Object.entries(data)) {
      if (!FIXED_FIELDS.has(key) && current[key] !== value) {
        changed[key] = value;
        anyChange = true;
      }
    }
    if (anyChange) existing.data(changed);
    for (const key of Object.keys(current)) if (!FIXED_FIELDS.has(key) && !(key in data)) existing.removeData(key);
    if (existing.isNode()) {
      const parent = typeof data.parent === 'string' ? data.parent : null;
      const currentParent = existing.parent().empty() ? null : existing.parent().first().id();
      if (parent !== currentParent) existing.move({ parent });
      const position = definition.position;
      if (position && !existing.isParent()) {
        const at = existing.position();
        if (at.x !== position.x || at.y !== position.y) existing.position(position);
      }
    }
    const currentClasses = existing.classes();
    const classes = classesKeepingDetail(typeof definition.classes === 'string' ? definition.classes : '', currentClasses);
    if (currentClasses.join(' ') !== classes) existing.classes(classes);
  }
  if (added.length > 0) instance.add(added);
  // Only people can be moved by hand; prisons follow their inmates (or sit on the map).
  instance.nodes('[type != "person"]').ungrabify();
}

/** Draws names, arrows and dashes when the zoom crosses DETAIL_ZOOM, and hides them below it. */
function syncDetail(instance: Core, shown: { current: boolean }): void {
  const wanted = wantsDetail(instance.zoom());
  if (wanted === shown.current) return;
  shown.current = wanted;
  setDetail(instance, wanted);
}

/** Whether a box on screen lies wholly inside the drawing. */
function isInView(instance: Core, box: { x1: number; y1: number; x2: number; y2: number }): boolean {
  return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= instance.width() && box.y2 <= instance.height();
}

export function NetworkCanvas(props: NetworkCanvasProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const handlers = useRef(props);
  /** Whether names, arrows and dashes are drawn now (detail-level.ts). */
  const detailShown = useRef(false);
  /** The drawing asked for, and which of its quiet links are in the graph (quiet-links.ts). */
  const latest = useRef(props.elements);
  const quiet = useRef<QuietLinksShown & { around: Set<string> }>({ all: false, around: new Set() });
  /** Brings the graph to the drawing asked for, quiet links included only as far as wanted. */
  const draw = (instance: Core) => {
    applyElements(instance, elementsToDraw(latest.current, quiet.current));
    // New elements take the zoom's level of detail.
    if (detailShown.current) instance.elements(DETAIL_SELECTOR).not(`.${DETAIL_CLASS}`).addClass(DETAIL_CLASS);
  };
  useLayoutEffect(() => {
    handlers.current = props;
  });

  useEffect(() => {
    const instance = cytoscape({
      container: container.current,
      style: networkStylesheet(),
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      textureOnViewport: true,
      motionBlur: false,
      pixelRatio: 1,
    });
    instance.on('tap', 'node[type = "person"]', (event) => {
      const recordId: unknown = event.target.data('recordId');
      if (typeof recordId === 'string') handlers.current.onSelectPerson(recordId);
    });
    instance.on('tap', 'node[type != "person"]', (event) => handlers.current.onPickPrison(String(event.target.id())));
    instance.on('tap', 'edge[kind][recordId]', (event) => {
      const source: unknown = event.target.source().data('recordId');
      if (typeof source === 'string') handlers.current.onSelectLink(String(event.target.data('recordId')), source);
    });
    instance.on('dbltap', 'node[type != "person"]', (event) => handlers.current.onTogglePrison(String(event.target.id())));
    instance.on('zoom', () => syncDetail(instance, detailShown));
    // The detail is about to show (zoomed in, or an export): every link joins the graph first.
    instance.on(DETAIL_EVENT, () => {
      if (quiet.current.all) return;
      quiet.current.all = true;
      instance.batch(() => draw(instance));
    });
    // A prison is drawn by its short name: the pointer over it shows the full one.
    instance.on('mouseover', 'node[fullName]', (event) => container.current?.setAttribute('title', String(event.target.data('fullName'))));
    instance.on('mouseout', 'node[fullName]', () => container.current?.removeAttribute('title'));
    instance.on('dragfree', 'node[type = "person"]', (event) => {
      const { x, y } = event.target.position();
      handlers.current.onMovePerson(String(event.target.id()), { x: Math.round(x), y: Math.round(y) });
    });
    cy.current = instance;
    handlers.current.onCore(instance);
    // The drawing's box changes when a panel opens or the legend folds: Cytoscape only watches the
    // window, so tell it, and keep the selected person in sight.
    const observer = new ResizeObserver(() => {
      instance.resize();
      const selected = instance.$('node[type = "person"]:selected');
      if (selected.nonempty() && !isInView(instance, selected.renderedBoundingBox())) instance.center(selected);
    });
    if (container.current) observer.observe(container.current);
    return () => {
      observer.disconnect();
      handlers.current.onCore(null);
      instance.destroy();
      cy.current = null;
    };
  }, []);

  const lastFitKey = useRef('');
  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.one('render', () => {
      performance.mark(NETWORK_RENDERED_MARK);
      handlers.current.onRendered?.();
    });
    latest.current = props.elements;
    // Only what changed is touched: restyling every element of a large case costs seconds.
    instance.batch(() => {
      draw(instance);
      if (lastFitKey.current !== props.fitKey) {
        lastFitKey.current = props.fitKey;
        // From the preset positions: Cytoscape's fit would measure every element (labels too) first.
        const viewport = presetViewport(props.elements, { width: instance.width(), height: instance.height() }, { padding: FIT_PADDING, minZoom: instance.minZoom(), maxZoom: instance.maxZoom() });
        if (viewport) instance.viewport(viewport);
        else instance.fit(undefined, FIT_PADDING);
      }
      syncDetail(instance, detailShown);
    });
  }, [props.elements, props.fitKey]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const restyle = () => {
      const selectedNodeId = props.selectedPersonId ? personNodeId(props.selectedPersonId) : undefined;
      // The selected person's links join the graph (if they were left out of the overview) to be highlighted.
      if (selectedNodeId && !quiet.current.all && !quiet.current.around.has(selectedNodeId)) {
        quiet.current.around.add(selectedNodeId);
        instance.batch(() => draw(instance));
      }
      const node = selectedNodeId ? instance.getElementById(selectedNodeId) : undefined;
      instance.batch(() => {
        instance.$(':selected').unselect();
        // Only what carries the classes: touching every element restyles thousands of them.
        instance.$('.faded, .highlighted, .labelled, .chosen').removeClass('faded highlighted labelled chosen');
        if (props.pickedPrisonNodeId) {
          // The picked prison's links to other prisons show their counts (only the strongest do otherwise).
          const prison = instance.getElementById(props.pickedPrisonNodeId);
          prison.select();
          prison.connectedEdges('[type = "aggregate"]').addClass('labelled');
        }
        if (!node || node.empty()) return;
        node.select();
        const neighbourhood = node.closedNeighborhood();
        neighbourhood.edges().addClass('highlighted');
        instance.elements().not(neighbourhood).not('node[type != "person"]').addClass('faded');
        if (props.selectedLinkId) instance.getElementById(`link|${props.selectedLinkId}`).removeClass('faded').addClass('chosen');
      });
    };
    // Restyling a large network takes longer than a frame: let the person's panel paint first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(restyle, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [props.selectedPersonId, props.selectedLinkId, props.pickedPrisonNodeId, props.elements]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance || props.focusRequest === 0 || !props.selectedPersonId) return;
    let target = instance.getElementById(personNodeId(props.selectedPersonId));
    if (target.empty() && props.selectedPrisonId) target = instance.getElementById(prisonNodeId(props.selectedPrisonId));
    if (target.empty()) return;
    // As with the restyle above: the panel paints before the view starts moving.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => instance.animate({ center: { eles: target }, zoom: Math.max(instance.zoom(), 1.4) }, { duration: 250 }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
    // Only an explicit request (list, panel) moves the view; selection by click leaves it alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.focusRequest]);

  useEffect(() => {
    if (props.fitRequest > 0) cy.current?.animate({ fit: { eles: cy.current.elements(), padding: 24 } }, { duration: 250 });
  }, [props.fitRequest]);

  return (
    <div
      ref={container}
      className={props.view === 'map' ? 'network-canvas over-map' : 'network-canvas'}
      role="img"
      aria-label={t('network.canvasLabel')}
      aria-describedby={props.describedBy}
    />
  );
}
