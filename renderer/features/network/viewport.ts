import type { ElementDefinition } from 'cytoscape';
import { summaryLabelExtent } from '../../network-model/prison-elements';

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

export interface ViewportLimits {
  /** Space kept free around the drawing, in screen pixels. */
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/** Room a prison box takes around its inmates: its padding and border, and its label above (stylesheet.ts). */
const PRISON_SIDE = 16;
const PRISON_LABEL = 40;
/** A node without a size of its own (an empty prison box, Cytoscape's default node). */
const DEFAULT_NODE = 30;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function grow(box: Box | undefined, x1: number, y1: number, x2: number, y2: number): Box {
  if (!box) return { x1, y1, x2, y2 };
  return { x1: Math.min(box.x1, x1), y1: Math.min(box.y1, y1), x2: Math.max(box.x2, x2), y2: Math.max(box.y2, y2) };
}

/**
 * The zoom and pan that fit a drawing whose nodes all have preset positions, computed from those
 * positions and the nodes' sizes instead of asking Cytoscape to fit: its fit measures every
 * element's bounding box (label sizes included), which costs as much as drawing them. Compound
 * prisons have no position of their own; their box is their inmates' plus its padding and label.
 * Undefined when a node has no position or the container has no size: Cytoscape's fit then decides.
 */
export function presetViewport(elements: readonly ElementDefinition[], container: { width: number; height: number }, limits: ViewportLimits): Viewport | undefined {
  if (container.width <= 0 || container.height <= 0) return undefined;
  const nodes = elements.filter((e) => e.group === 'nodes' || (e.group === undefined && e.data.source === undefined));
  const parents = new Set<string>();
  for (const node of nodes) if (typeof node.data.parent === 'string') parents.add(node.data.parent);
  const childBoxes = new Map<string, Box>();
  let box: Box | undefined;
  for (const node of nodes) {
    const id = String(node.data.id);
    if (parents.has(id)) continue;
    const at = node.position;
    if (!at) return undefined;
    const size = typeof node.data.size === 'number' ? node.data.size : DEFAULT_NODE;
    let half = size / 2;
    let below = half;
    if (typeof node.data.side === 'number') {
      // A prison box of the grouped view: its side, and its name above it.
      const side = node.data.side / 2;
      const label = typeof node.data.labelSize === 'number' ? node.data.labelSize * 1.5 : PRISON_LABEL;
      box = grow(box, at.x - side, at.y - side - label, at.x + side, at.y + side);
      continue;
    }
    if ((node.data.type === 'prison-summary' || node.data.type === 'outside-summary') && typeof node.data.labelSize === 'number') {
      const name = summaryLabelExtent(String(node.data.label ?? ''), node.data.labelSize);
      half = Math.max(half, name.width / 2);
      below += name.height;
    } else if (node.data.type === 'prison' || node.data.type === 'outside') {
      // A prison box with nobody in it: drawn as a node of its own with its padding and label.
      half += PRISON_SIDE;
      below += PRISON_SIDE;
      box = grow(box, at.x - half, at.y - half - PRISON_LABEL, at.x + half, at.y + below);
      continue;
    }
    box = grow(box, at.x - half, at.y - half, at.x + half, at.y + below);
    const parent = node.data.parent;
    if (typeof parent === 'string') childBoxes.set(parent, grow(childBoxes.get(parent), at.x - half, at.y - half, at.x + half, at.y + below));
  }
  for (const inner of childBoxes.values()) {
    box = grow(box, inner.x1 - PRISON_SIDE, inner.y1 - PRISON_SIDE - PRISON_LABEL, inner.x2 + PRISON_SIDE, inner.y2 + PRISON_SIDE);
  }
  if (!box) return undefined;
  const width = Math.max(1, box.x2 - box.x1);
  const height = Math.max(1, box.y2 - box.y1);
  const fitted = Math.min((container.width - 2 * limits.padding) / width, (container.height - 2 * limits.padding) / height);
  const zoom = Math.min(limits.maxZoom, Math.max(limits.minZoom, fitted));
  const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  return { zoom, pan: { x: container.width / 2 - zoom * centre.x, y: container.height / 2 - zoom * centre.y } };
}
