import type { LegendEntry } from './legend-entries';
import { RELEASE_BADGE_COLOUR } from './legend-entries';

/** A drawn node as the export needs it, in model coordinates (Cytoscape's, before pan and zoom). */
export interface DrawnNode {
  x: number;
  y: number;
  width: number;
  height: number;
  shape: 'ellipse' | 'round-rectangle';
  fill: string;
  stroke?: string | undefined;
  strokeWidth?: number | undefined;
  dashed?: boolean | undefined;
  label: string;
  fontSize: number;
  /** Compound prisons carry their label on top; people and summaries below. */
  labelAbove: boolean;
  releasing?: boolean | undefined;
}

export interface DrawnEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  opacity: number;
  dash?: string | undefined;
  arrow: boolean;
  label?: string | undefined;
}

export interface DrawnView {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  /** Spain's outline as an SVG path in model coordinates, drawn under the map view. */
  underlayPath?: string | undefined;
  marking: string;
  title: string;
  legend: LegendEntry[];
}

/** Text from case data is hostile: escaped for XML, never markup. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, sans-serif';
const BAND = 36;
const PAD = 40;
const LEGEND_WIDTH = 300;
const LEGEND_LINE = 20;

const n = (v: number) => String(Math.round(v * 10) / 10);

/** Bounds of everything drawn, in model coordinates. */
function bounds(view: DrawnView) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const node of view.nodes) {
    x1 = Math.min(x1, node.x - node.width / 2);
    x2 = Math.max(x2, node.x + node.width / 2);
    y1 = Math.min(y1, node.y - node.height / 2 - (node.labelAbove ? node.fontSize * 1.4 : 0));
    y2 = Math.max(y2, node.y + node.height / 2 + (node.labelAbove ? 0 : node.fontSize * 1.4));
  }
  if (!Number.isFinite(x1)) return { x1: 0, y1: 0, x2: 400, y2: 300 };
  return { x1, y1, x2, y2 };
}

function legendSvg(entries: readonly LegendEntry[], x: number, y: number): string {
  const parts = [`<g font-size="12" font-family="${FONT}" fill="#1F2933">`];
  entries.forEach((entry, i) => {
    const cy = y + i * LEGEND_LINE + 10;
    const s = entry.sample;
    if (s.kind === 'line') {
      parts.push(`<line x1="${x}" y1="${cy}" x2="${x + 30}" y2="${cy}" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
      if (s.arrow) parts.push(`<polygon points="${x + 26},${cy - 4} ${x + 34},${cy} ${x + 26},${cy + 4}" fill="${s.color}"/>`);
    } else if (s.kind === 'node') parts.push(`<circle cx="${x + 16}" cy="${cy}" r="${s.size}" fill="${s.color}"/>`);
    else if (s.kind === 'badge') parts.push(`<circle cx="${x + 16}" cy="${cy}" r="5" fill="#9AA5B1" stroke="${RELEASE_BADGE_COLOUR}" stroke-width="2.5"/>`);
    else if (s.kind === 'prison' || s.kind === 'prison-summary') {
      parts.push(`<rect x="${x + 2}" y="${cy - 6}" width="28" height="12" rx="3" fill="${s.kind === 'prison' ? '#F4F6F8' : '#52606D'}" stroke="#9AA5B1"/>`);
    } else if (s.kind === 'map') parts.push(`<rect x="${x + 2}" y="${cy - 6}" width="28" height="12" fill="#EEF2F5" stroke="#B8C2CC"/>`);
    parts.push(`<text x="${x + 42}" y="${cy + 4}">${escapeXml(entry.label)}</text>`);
  });
  parts.push('</g>');
  return parts.join('');
}

/**
 * The current view as a standalone SVG: the marking in a band above and below (as on paper
 * documents), a title, the graph in model coordinates scaled to fit, and the legend beside it.
 */
export function buildSvg(view: DrawnView): string {
  const b = bounds(view);
  const graphWidth = Math.max(1, b.x2 - b.x1);
  const graphHeight = Math.max(1, b.y2 - b.y1);
  // A very large graph is scaled down so the file stays viewable; small ones keep their size.
  const scale = Math.min(1, 2400 / graphWidth, 2400 / graphHeight);
  const legendHeight = view.legend.length * LEGEND_LINE + 30;
  const width = Math.round(graphWidth * scale + PAD * 3 + LEGEND_WIDTH);
  const contentHeight = Math.max(graphHeight * scale, legendHeight);
  const height = Math.round(contentHeight + PAD * 2 + BAND * 2 + 24);
  const top = BAND + 24 + PAD;
  const tx = PAD - b.x1 * scale;
  const ty = top - b.y1 * scale;
  const marking = escapeXml(view.marking);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(view.title)} · ${marking}</title>`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    `<g font-family="${FONT}" font-weight="700" font-size="16" fill="#A61B1B" text-anchor="middle">`,
    `<text x="${width / 2}" y="${BAND * 0.65}">${marking}</text>`,
    `<text x="${width / 2}" y="${height - BAND * 0.35}">${marking}</text>`,
    '</g>',
    `<text x="${PAD}" y="${BAND + 20}" font-family="${FONT}" font-size="15" fill="#1F2933">${escapeXml(view.title)}</text>`,
    `<g transform="translate(${n(tx)} ${n(ty)}) scale(${Math.round(scale * 10_000) / 10_000})">`,
  ];
  if (view.underlayPath) out.push(`<path d="${escapeXml(view.underlayPath)}" fill="#EEF2F5" stroke="#B8C2CC" stroke-width="1.5"/>`);
  // Compound prisons first (they hold their people), then edges, then the other nodes on top.
  const boxes = view.nodes.filter((node) => node.labelAbove);
  const others = view.nodes.filter((node) => !node.labelAbove);
  for (const node of boxes) out.push(nodeSvg(node));
  for (const edge of view.edges) {
    out.push(
      `<line x1="${n(edge.x1)}" y1="${n(edge.y1)}" x2="${n(edge.x2)}" y2="${n(edge.y2)}" stroke="${edge.color}" stroke-width="${n(edge.width)}" stroke-opacity="${n(edge.opacity)}"${edge.dash ? ` stroke-dasharray="${edge.dash}"` : ''}/>`,
    );
    if (edge.arrow) out.push(arrowSvg(edge));
    if (edge.label) {
      out.push(`<text x="${n((edge.x1 + edge.x2) / 2)}" y="${n((edge.y1 + edge.y2) / 2)}" font-family="${FONT}" font-size="11" fill="#1F2933" text-anchor="middle">${escapeXml(edge.label)}</text>`);
    }
  }
  for (const node of others) out.push(nodeSvg(node));
  out.push('</g>');
  out.push(legendSvg(view.legend, Math.round(graphWidth * scale + PAD * 2), top));
  out.push('</svg>');
  return out.join('\n');
}

function nodeSvg(node: DrawnNode): string {
  const stroke = node.stroke ? ` stroke="${node.stroke}" stroke-width="${n(node.strokeWidth ?? 1)}"${node.dashed ? ' stroke-dasharray="6 4"' : ''}` : '';
  const shape =
    node.shape === 'ellipse'
      ? `<ellipse cx="${n(node.x)}" cy="${n(node.y)}" rx="${n(node.width / 2)}" ry="${n(node.height / 2)}" fill="${node.fill}"${stroke}/>`
      : `<rect x="${n(node.x - node.width / 2)}" y="${n(node.y - node.height / 2)}" width="${n(node.width)}" height="${n(node.height)}" rx="6" fill="${node.fill}"${stroke}/>`;
  const badge = node.releasing
    ? `<circle cx="${n(node.x)}" cy="${n(node.y)}" r="${n(node.width / 2 + 3)}" fill="none" stroke="${RELEASE_BADGE_COLOUR}" stroke-width="3"/>`
    : '';
  const labelY = node.labelAbove ? node.y - node.height / 2 - 6 : node.y + node.height / 2 + node.fontSize;
  const label = node.label
    ? `<text x="${n(node.x)}" y="${n(labelY)}" font-family="${FONT}" font-size="${node.fontSize}" fill="#1F2933" text-anchor="middle">${escapeXml(node.label)}</text>`
    : '';
  return shape + badge + label;
}

function arrowSvg(edge: DrawnEdge): string {
  const angle = Math.atan2(edge.y2 - edge.y1, edge.x2 - edge.x1);
  const size = 6 + edge.width;
  const left = { x: edge.x2 - size * Math.cos(angle - 0.45), y: edge.y2 - size * Math.sin(angle - 0.45) };
  const right = { x: edge.x2 - size * Math.cos(angle + 0.45), y: edge.y2 - size * Math.sin(angle + 0.45) };
  return `<polygon points="${n(edge.x2)},${n(edge.y2)} ${n(left.x)},${n(left.y)} ${n(right.x)},${n(right.y)}" fill="${edge.color}" fill-opacity="${n(edge.opacity)}"/>`;
}
