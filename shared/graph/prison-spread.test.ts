import { describe, expect, it } from 'vitest';
import { crossPrisonBrokers, prisonOfFromMap, prisonSpread } from './prison-spread';
import { network } from './test-support';

describe('prison spread and brokers', () => {
  const graph = network('lead-ali lead-bas lead-cam ali-dri bas-dri');
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
  const ix = (id: string) => graph.indexOf.get(id)!;

  it('counts the distinct prisons a group spans', () => {
    expect(prisonSpread([ix('lead'), ix('cam'), ix('ali')], prisonOf)).toEqual({ prisons: ['cp-madrid', 'cp-sevilla'], count: 2 });
    expect(prisonSpread([], prisonOf).count).toBe(0);
  });

  it('ranks people by how many other prisons their contacts are held in', () => {
    const brokers = crossPrisonBrokers(graph, prisonOf).map((b) => ({ ...b, person: graph.ids[b.person] }));
    // bas (Murcia) also reaches Madrid and Sevilla with two contacts: a tie, broken by index.
    expect(brokers).toEqual([
      { person: 'bas', otherPrisons: 2, crossPrisonContacts: 2 },
      { person: 'lead', otherPrisons: 2, crossPrisonContacts: 2 },
      { person: 'ali', otherPrisons: 1, crossPrisonContacts: 1 },
      { person: 'dri', otherPrisons: 1, crossPrisonContacts: 1 },
    ]);
  });
});
