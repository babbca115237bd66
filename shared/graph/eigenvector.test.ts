import { describe, expect, it } from 'vitest';
import { eigenvectorCentrality } from './eigenvector';
import { byId, network } from './test-support';

describe('eigenvectorCentrality', () => {
  it('gives the centre of a 4-leaf star 1/√2 and each leaf 1/√8 (unit length)', () => {
    const graph = network('h-a h-b h-c h-d');
    const values = byId(graph, eigenvectorCentrality(graph).values);
    expect(values.h).toBeCloseTo(Math.SQRT1_2, 9);
    expect(values.a).toBeCloseTo(1 / Math.sqrt(8), 9);
  });

  it('is equal for everyone in a complete network', () => {
    const graph = network('a-b a-c a-d b-c b-d c-d');
    for (const v of eigenvectorCentrality(graph).values) expect(v).toBeCloseTo(0.5, 9);
  });
});
