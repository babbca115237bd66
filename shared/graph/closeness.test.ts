import { describe, expect, it } from 'vitest';
import { closeness, closenessJob } from './closeness';
import { JobCancelled, runJobInSlices } from './job';
import { byId, network } from './test-support';

describe('closeness', () => {
  it('is (reachable − 1) / total distance on a connected path', () => {
    const graph = network('a-b b-c c-d');
    expect(byId(graph, closeness(graph))).toEqual({ a: 3 / 6, b: 3 / 4, c: 3 / 4, d: 3 / 6 });
  });

  it('scales by the share of the network reached (Wasserman–Faust) and gives 0 to the unlinked', () => {
    // a-b alone: each reaches 1 of 4 others at distance 1 → 1 × 1/4.
    const graph = network('a-b c-d d-e', ['z']);
    const values = byId(graph, closeness(graph));
    expect(values.a).toBeCloseTo(1 / 5, 12);
    expect(values.d).toBeCloseTo(1 * (2 / 5), 12);
    expect(values.z).toBe(0);
  });

  it('runs in slices with pauses, as a worker would', async () => {
    const graph = network(Array.from({ length: 2000 }, (_, i) => `n${i}-n${i + 1}`).join(' '));
    let pauses = 0;
    const values = await runJobInSlices(closenessJob(graph), { pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(0);
    expect([...values]).toEqual([...closeness(graph)]);
  });

  it('stops between slices when cancelled, without finishing the work', async () => {
    const graph = network(Array.from({ length: 2000 }, (_, i) => `n${i}-n${i + 1}`).join(' '));
    const done: number[] = [];
    const job = runJobInSlices(closenessJob(graph), {
      pause: async () => undefined,
      onProgress: (p) => done.push(p.done),
      isCancelled: () => done.length === 1,
    });
    await expect(job).rejects.toBeInstanceOf(JobCancelled);
    expect(done.length).toBe(1);
    expect(done[0]!).toBeLessThan(graph.nodeCount);
  });
});
