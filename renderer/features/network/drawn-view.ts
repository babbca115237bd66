import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { DrawnEdge, DrawnNode } from './export-svg';
import { SVG_DASH, type LineStyle } from '../../network-model/link-styles';

const px = (value: unknown, fallback = 0) => {
  const parsed = Number.parseFloat(String(value));
  return Number.isFinite(parsed) ? parsed : fallback;
};

function drawnNode(node: NodeSingular): DrawnNode {
  const type = String(node.data('type'));
  const compound = node.isParent() || type === 'prison' || type === 'outside';
  const box = node.boundingBox({ includeLabels: false, includeOverlays: false });
  const borderWidth = px(node.style('border-width'));
  return {
    x: compound ? (box.x1 + box.x2) / 2 : node.position('x'),
    y: compound ? (box.y1 + box.y2) / 2 : node.position('y'),
    width: compound ? box.w : node.width(),
    height: compound ? box.h : node.height(),
    shape: type === 'person' ? 'ellipse' : 'round-rectangle',
    fill: String(node.style('background-color')),
    stroke: borderWidth > 0 ? String(node.style('border-color')) : undefined,
    strokeWidth: borderWidth,
    dashed: node.style('border-style') === 'dashed',
    label: String(node.data('label') ?? ''),
    fontSize: px(node.style('font-size'), 10),
    labelAbove: compound,
    releasing: node.data('releasing') === true,
  };
}

function drawnEdge(edge: EdgeSingular): DrawnEdge {
  const source = edge.source().position();
  const target = edge.target().position();
  const style = String(edge.style('line-style')) as LineStyle;
  const label = edge.data('type') === 'aggregate' ? String(edge.data('count')) : undefined;
  return {
    x1: source.x,
    y1: source.y,
    x2: target.x,
    y2: target.y,
    color: String(edge.style('line-color')),
    width: px(edge.style('width'), 1),
    opacity: px(edge.style('opacity'), 1),
    dash: SVG_DASH[style],
    arrow: edge.style('target-arrow-shape') !== 'none',
    label,
  };
}

/** What is on screen now (visible elements only), in model coordinates, for the SVG export. */
export function drawnGeometry(cy: Core): { nodes: DrawnNode[]; edges: DrawnEdge[] } {
  return {
    nodes: cy.nodes(':visible').map(drawnNode),
    edges: cy.edges(':visible').map(drawnEdge),
  };
}
