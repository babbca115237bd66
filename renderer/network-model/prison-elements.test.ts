import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { PRISONS_ES } from '../../shared/gazetteer';
import { prisonNodeId, type NetworkPrison } from '../../shared/network/network-input';
import { presetViewport } from '../features/network/viewport';
import { buildPrisonOverview, type PrisonOverview } from './prison-overview';
import { summaryLabelExtent } from './prison-elements';

// Issue 12, item 1: the prison level (the first view of a large case) names its prisons legibly at
// the opening zoom. The canvases are the network's measured in Chromium: a 1366×768 laptop and the
// benchmark's 1400×900 window, lists beside the drawing (NetworkCanvas fits with 24 px of padding).
const LAPTOP = { width: 881, height: 512 };
const BENCH_WINDOW = { width: 915, height: 644 };
const labels = { outside: 'Sin prisión actual', formatNumber: (n: number) => new Intl.NumberFormat('es-ES').format(n) };

function overviewOf(prisonCount: number, people: number): PrisonOverview {
  const prisons: NetworkPrison[] = PRISONS_ES.slice(0, prisonCount).map((p) => ({ id: p.id, name: p.name, province: p.province, gazetteerId: p.id }));
  const inmates: Record<string, number> = {};
  // Uneven, as cases are: some prisons hold three times as many as others.
  prisons.forEach((p, i) => (inmates[prisonNodeId(p.id)] = Math.round((people / prisonCount) * (0.5 + ((i * 7) % 10) / 10))));
  return { people, links: 0, prisons, inmates, within: {}, between: [] };
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Each prison's node and name, on screen at the opening zoom of `canvas`. */
function onScreen(elements: readonly ElementDefinition[], canvas: { width: number; height: number }) {
  const viewport = presetViewport(elements, canvas, { padding: 24, minZoom: 0.01, maxZoom: 4 })!;
  const at = (x: number, y: number) => ({ x: viewport.zoom * x + viewport.pan.x, y: viewport.zoom * y + viewport.pan.y });
  return elements
    .filter((e) => e.data.type === 'prison-summary')
    .map((e) => {
      const size = Number(e.data.size);
      const name = summaryLabelExtent(String(e.data.label), Number(e.data.labelSize));
      const { x, y } = e.position!;
      const box = (x1: number, y1: number, x2: number, y2: number): Box => {
        const [from, to] = [at(x1, y1), at(x2, y2)];
        return { x1: from.x, y1: from.y, x2: to.x, y2: to.y };
      };
      return {
        label: String(e.data.label),
        fontPx: Number(e.data.labelSize) * viewport.zoom,
        node: box(x - size / 2, y - size / 2, x + size / 2, y + size / 2),
        name: box(x - name.width / 2, y + size / 2, x + name.width / 2, y + size / 2 + name.height),
      };
    });
}

describe('the prison level on a grid sized around its names', () => {
  it.each([
    ['a laptop', LAPTOP],
    ['the benchmark window', BENCH_WINDOW],
  ])('names all of Spain’s 79 prisons on %s at 12 px or more, inside the canvas, none over another', (_, canvas) => {
    const { elements } = buildPrisonOverview(overviewOf(79, 10_000), labels, 'prisons');
    const prisons = onScreen(elements, canvas);
    expect(prisons).toHaveLength(79);
    const clashes: string[] = [];
    prisons.forEach((a, i) => {
      expect(a.fontPx, a.label).toBeGreaterThanOrEqual(12);
      for (const box of [a.node, a.name]) expect(box.x1 >= 0 && box.y1 >= 0 && box.x2 <= canvas.width && box.y2 <= canvas.height, a.label).toBe(true);
      for (const b of prisons.slice(i + 1)) {
        if ([a.node, a.name].some((p) => [b.node, b.name].some((q) => overlap(p, q)))) clashes.push(`${a.label} / ${b.label}`);
      }
    });
    expect(clashes).toEqual([]);
  });

  it('keeps each prison’s count under its name while there is room for it, and drops it when there is not', () => {
    const demo = onScreen(buildPrisonOverview(overviewOf(30, 270), labels, 'prisons').elements, LAPTOP);
    expect(demo.every((p) => /\n\([\d.]+\)$/.test(p.label))).toBe(true);
    expect(Math.min(...demo.map((p) => p.fontPx))).toBeGreaterThanOrEqual(16);
    const spain = onScreen(buildPrisonOverview(overviewOf(79, 10_000), labels, 'prisons').elements, LAPTOP);
    expect(spain.some((p) => p.label.includes('\n'))).toBe(false);
  });

  it('puts the largest prison first, at the top left, and lays the grid wider than tall', () => {
    const overview = overviewOf(79, 10_000);
    const { elements } = buildPrisonOverview(overview, labels, 'prisons');
    const nodes = elements.filter((e) => e.data.type === 'prison-summary');
    const largest = Math.max(...Object.values(overview.inmates));
    expect(nodes[0]!.data.inmates).toBe(largest);
    const xs = nodes.map((e) => e.position!.x);
    const ys = nodes.map((e) => e.position!.y);
    expect(nodes[0]!.position!.y).toBe(Math.min(...ys));
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(Math.max(...ys) - Math.min(...ys));
  });
});
