import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { FreeLayoutRequest } from './layout-protocol';

cytoscape.use(fcose);

/** Above this many people the spectral draft alone is used: fcose's refinement grows too slow. */
export const DRAFT_ABOVE = 1500;

/**
 * A force-directed layout of people computed headless (no container, no style): fcose's spectral
 * start refined by its force simulation, returned as preset positions the page applies at once.
 */
export function computeFreeLayout(request: FreeLayoutRequest): Record<string, { x: number; y: number }> {
  const known = new Set(request.nodes);
  const seen = new Set<string>();
  const edges: cytoscape.ElementDefinition[] = [];
  for (const [source, target] of request.edges) {
    const key = source < target ? `${source}~${target}` : `${target}~${source}`;
    if (source === target || seen.has(key) || !known.has(source) || !known.has(target)) continue;
    seen.add(key);
    edges.push({ group: 'edges', data: { id: `e${edges.length}`, source, target } });
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: false,
    elements: [...request.nodes.map((id): cytoscape.ElementDefinition => ({ group: 'nodes', data: { id } })), ...edges],
  });
  cy.layout({
    name: 'fcose',
    quality: request.nodes.length > DRAFT_ABOVE ? 'draft' : 'default',
    animate: false,
    randomize: true,
    fit: false,
    nodeRepulsion: () => 20000,
    idealEdgeLength: () => 110,
    nodeSeparation: 90,
    packComponents: false,
  } as cytoscape.LayoutOptions).run();
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    positions[node.id()] = { x: Math.round(x), y: Math.round(y) };
  });
  cy.destroy();
  return positions;
}
