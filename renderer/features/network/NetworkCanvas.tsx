import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { personNodeId, prisonNodeId } from './network-input';
import { networkStylesheet } from './stylesheet';

export const NETWORK_RENDERED_MARK = 'vigia:network-rendered';

interface NetworkCanvasProps {
  elements: ElementDefinition[];
  selectedPersonId: string | undefined;
  /** Prison holding the selected person: what to centre on when people are not drawn one by one. */
  selectedPrisonId: string | undefined;
  focusRequest: number;
  fitRequest: number;
  onSelectPerson(personId: string): void;
  describedBy: string;
}

/**
 * The Cytoscape drawing. The instance is created once per mount; a new case only swaps its
 * elements in one batch, since building a Cytoscape instance blocks the UI (ARCHITECTURE.md).
 */
export function NetworkCanvas(props: NetworkCanvasProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onSelect = useRef(props.onSelectPerson);
  useLayoutEffect(() => {
    onSelect.current = props.onSelectPerson;
  });

  useEffect(() => {
    const instance = cytoscape({
      container: container.current,
      style: networkStylesheet(),
      layout: { name: 'preset' },
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      autoungrabify: true,
      textureOnViewport: true,
      pixelRatio: 1,
    });
    instance.on('tap', 'node[type = "person"]', (event) => {
      const recordId: unknown = event.target.data('recordId');
      if (typeof recordId === 'string') onSelect.current(recordId);
    });
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.one('render', () => performance.mark(NETWORK_RENDERED_MARK));
    instance.batch(() => {
      instance.elements().remove();
      instance.add(props.elements);
    });
    instance.fit(undefined, 24);
  }, [props.elements]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const node = props.selectedPersonId ? instance.getElementById(personNodeId(props.selectedPersonId)) : undefined;
    instance.batch(() => {
      instance.$(':selected').unselect();
      instance.elements().removeClass('faded highlighted');
      if (!node || node.empty()) return;
      node.select();
      const neighbourhood = node.closedNeighborhood();
      neighbourhood.edges().addClass('highlighted');
      instance.elements().not(neighbourhood).not('node[type != "person"]').addClass('faded');
    });
  }, [props.selectedPersonId, props.elements]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance || props.focusRequest === 0 || !props.selectedPersonId) return;
    let target = instance.getElementById(personNodeId(props.selectedPersonId));
    if (target.empty() && props.selectedPrisonId) target = instance.getElementById(prisonNodeId(props.selectedPrisonId));
    if (target.empty()) return;
    instance.animate({ center: { eles: target }, zoom: Math.max(instance.zoom(), 1.4) }, { duration: 250 });
    // Only an explicit request (list, panel) moves the view; selection by click leaves it alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.focusRequest]);

  useEffect(() => {
    if (props.fitRequest > 0) cy.current?.animate({ fit: { eles: cy.current.elements(), padding: 24 } }, { duration: 250 });
  }, [props.fitRequest]);

  return (
    <div
      ref={container}
      className="network-canvas"
      role="img"
      aria-label={t('network.canvasLabel')}
      aria-describedby={props.describedBy}
    />
  );
}
