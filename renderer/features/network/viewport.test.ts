import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { presetViewport } from './viewport';

const limits = { padding: 24, minZoom: 0.02, maxZoom: 4 };
const container = { width: 1000, height: 600 };

function node(id: string, x: number, y: number, data: Record<string, unknown> = {}): ElementDefinition {
  return { group: 'nodes', data: { id, ...data }, position: { x, y } };
}

/** Where a model point lands on screen. */
function onScreen(viewport: NonNullable<ReturnType<typeof presetViewport>>, x: number, y: number) {
  return { x: viewport.pan.x + viewport.zoom * x, y: viewport.pan.y + viewport.zoom * y };
}

describe('the viewport from preset positions', () => {
  it('centres the drawing and fits its widest side inside the padding', () => {
    const viewport = presetViewport([node('a', 0, 0, { size: 20 }), node('b', 1980, 0, { size: 20 }), { group: 'edges', data: { id: 'e', source: 'a', target: 'b' } }], container, limits)!;
    // 2,000 model pixels wide (centres plus half a node each side) into 1,000 − 2 × 24.
    expect(viewport.zoom).toBeCloseTo(952 / 2000, 5);
    const left = onScreen(viewport, -10, 0);
    const right = onScreen(viewport, 1990, 0);
    expect(left.x).toBeCloseTo(24, 5);
    expect(right.x).toBeCloseTo(976, 5);
    expect(left.y).toBeCloseTo(300, 5);
  });

  it('keeps compound prisons whole: their inmates, padding and the label above', () => {
    const elements = [node('prison|a', 999, 999, { type: 'prison' }), node('p1', 0, 0, { parent: 'prison|a', size: 20 }), node('p2', 100, 100, { parent: 'prison|a', size: 20 })];
    const viewport = presetViewport(elements, container, limits)!;
    // The prison's own position is Cytoscape's to compute: it is ignored.
    const top = onScreen(viewport, 0, -10 - 16 - 40);
    const bottom = onScreen(viewport, 0, 110 + 16);
    expect(top.y).toBeGreaterThanOrEqual(23.99);
    expect(bottom.y).toBeLessThanOrEqual(576.01);
    expect(Math.min(top.y - 24, 576 - bottom.y)).toBeLessThan(0.01);
  });

  it('stays within the zoom limits', () => {
    expect(presetViewport([node('a', 0, 0, { size: 2 })], container, limits)!.zoom).toBe(4);
    expect(presetViewport([node('a', 0, 0), node('b', 1e7, 0)], container, limits)!.zoom).toBe(0.02);
  });

  it('leaves the fit to Cytoscape when a node has no position or the canvas has no size', () => {
    expect(presetViewport([{ group: 'nodes', data: { id: 'a' } }], container, limits)).toBeUndefined();
    expect(presetViewport([node('a', 0, 0)], { width: 0, height: 0 }, limits)).toBeUndefined();
  });
});
