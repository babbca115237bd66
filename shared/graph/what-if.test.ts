import { describe, expect, it } from 'vitest';
import { prisonOfFromMap } from './prison-spread';
import { network } from './test-support';
import { whatIf } from './what-if';

describe('whatIf', () => {
  // The leader in Madrid writes to ali (Sevilla), bas (Murcia) and cam (Madrid); ali writes to dri.
  const graph = network('lead-ali lead-bas lead-cam ali-dri');
  const prisonOf = prisonOfFromMap(
    graph,
    new Map([
      ['lead', 'cp-madrid'],
      ['ali', 'cp-sevilla'],
      ['bas', 'cp-murcia'],
      ['cam', 'cp-madrid'],
      ['dri', 'cp-sevilla'],
    ]),
  );
  const lead = graph.indexOf.get('lead')!;

  it('isolating the leader breaks the network apart and leaves no cross-prison broker', () => {
    const { before, after } = whatIf(graph, prisonOf, { kind: 'isolate', person: lead });
    expect(before).toMatchObject({ components: 1, largestComponent: 5, fragmentation: 0, prisonSpread: 3, largestComponentPrisonSpread: 3 });
    expect(before.topBroker).toEqual({ person: lead, otherPrisons: 2, crossPrisonContacts: 2 });
    // ali-dri stay together; lead, bas and cam are alone: 1 − 2/20.
    expect(after).toMatchObject({ components: 4, largestComponent: 2, prisonSpread: 1, largestComponentPrisonSpread: 1, topBroker: null });
    expect(after.fragmentation).toBeCloseTo(0.9, 12);
  });

  it('moving someone changes the prison picture, not the components, and the case is untouched', () => {
    const bas = graph.indexOf.get('bas')!;
    const { before, after } = whatIf(graph, prisonOf, { kind: 'move', person: bas, toPrison: 'cp-sevilla' });
    expect(after).toMatchObject({ components: 1, fragmentation: 0, prisonSpread: 2 });
    expect(after.topBroker).toEqual({ person: lead, otherPrisons: 1, crossPrisonContacts: 2 });
    expect(before.prisonSpread).toBe(3);
    expect(prisonOf[bas]).toBe('cp-murcia');
  });
});
