import { describe, expect, it } from 'vitest';
import { AGGREGATE_LABEL_LIMIT, AGGREGATE_MESH_DRAWN, AGGREGATE_MESH_PAIRS, aggregateEdgeElements, MIN_DRAWN_OPACITY, planAggregateEdges, type AggregateLink } from './aggregate-edges';

/** `n` pairs of prisons, the i-th linked by i + 1 letters. */
function pairs(n: number): AggregateLink[] {
  return Array.from({ length: n }, (_, i) => ({ source: `prison|a${String(i).padStart(4, '0')}`, target: 'prison|z', count: i + 1 }));
}

describe('aggregated links between prisons', () => {
  it('labels every pair of a small case and draws them all', () => {
    const plans = planAggregateEdges(pairs(5));
    expect(plans.every((p) => p.drawn && p.labelled)).toBe(true);
    expect(plans[4]!.width).toBeGreaterThan(plans[0]!.width);
    expect(plans[4]!.opacity).toBeGreaterThan(plans[0]!.opacity);
  });

  it('labels only the strongest pairs when there are many, with ties broken the same way each time', () => {
    const many = pairs(AGGREGATE_LABEL_LIMIT + 20);
    const plans = planAggregateEdges(many);
    const labelled = many.filter((_, i) => plans[i]!.labelled).map((p) => p.count);
    expect(labelled).toHaveLength(AGGREGATE_LABEL_LIMIT);
    expect(Math.min(...labelled)).toBe(21);
    // Two pairs with the same count: the one whose ids sort first is labelled.
    const tied: AggregateLink[] = [...pairs(AGGREGATE_LABEL_LIMIT - 1).map((p) => ({ ...p, count: p.count + 10 })), { source: 'prison|b', target: 'prison|z', count: 1 }, { source: 'prison|c', target: 'prison|z', count: 1 }];
    const tiedPlans = planAggregateEdges(tied);
    expect(tiedPlans.at(-2)!.labelled).toBe(true);
    expect(tiedPlans.at(-1)!.labelled).toBe(false);
  });

  it('leaves the faintest pairs of a mesh out of the drawing and says how many', () => {
    const mesh = pairs(AGGREGATE_MESH_PAIRS + 100);
    const { elements, undrawn } = aggregateEdgeElements(mesh);
    expect(undrawn).toBeGreaterThan(0);
    expect(elements).toHaveLength(mesh.length - undrawn);
    expect(elements.every((e) => Number(e.data.opacity) >= MIN_DRAWN_OPACITY)).toBe(true);
    // The strongest pair is drawn and labelled; the weakest is not drawn.
    const ids = new Set(elements.map((e) => e.data.id));
    expect(ids.has(`links|${mesh.at(-1)!.source}~prison|z`)).toBe(true);
    expect(ids.has(`links|${mesh[0]!.source}~prison|z`)).toBe(false);
    expect(elements.filter((e) => e.data.labelled === true)).toHaveLength(AGGREGATE_LABEL_LIMIT);
  });

  it('draws at most the strongest AGGREGATE_MESH_DRAWN pairs of a large mesh', () => {
    const mesh = pairs(3_000);
    const { elements, undrawn } = aggregateEdgeElements(mesh);
    expect(elements).toHaveLength(AGGREGATE_MESH_DRAWN);
    expect(undrawn).toBe(3_000 - AGGREGATE_MESH_DRAWN);
    expect(Math.min(...elements.map((e) => Number(e.data.count)))).toBe(3_000 - AGGREGATE_MESH_DRAWN + 1);
  });

  it('draws every pair below the mesh size, however faint', () => {
    const { elements, undrawn } = aggregateEdgeElements(pairs(AGGREGATE_MESH_PAIRS));
    expect(undrawn).toBe(0);
    expect(elements).toHaveLength(AGGREGATE_MESH_PAIRS);
  });
});
