import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIBILITY, LINK_KINDS, RELIABILITY, type IsoDate } from '../../../shared/model';
import type { CaseNetwork, NetworkLinkRecord, NetworkPersonRecord } from './case-network';
import { networkFromStored, storedNetwork } from './stored-network';

const date = fc.integer({ min: 0, max: 20_000 }).map((days) => new Date(Date.UTC(1990, 0, 1) + days * 86_400_000).toISOString().slice(0, 10) as IsoDate);

/** A network as loadCaseNetwork makes one: links join its people; optional fields absent, never undefined. */
const network: fc.Arbitrary<CaseNetwork> = fc
  .record({
    people: fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 30 }),
    prisons: fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 5 }),
    seed: fc.array(
      fc.record({
        id: fc.string(),
        kind: fc.constantFrom(...LINK_KINDS),
        from: fc.nat(),
        to: fc.nat(),
        directed: fc.boolean(),
        count: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
        date: fc.option(date, { nil: undefined }),
        start: fc.option(date, { nil: undefined }),
        end: fc.option(date, { nil: undefined }),
        grading: fc.record({ reliability: fc.constantFrom(...RELIABILITY), credibility: fc.constantFrom(...CREDIBILITY) }).map((g) => ({ ...g })),
      }),
      { maxLength: 60 },
    ),
    where: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
    releases: fc.array(fc.option(date, { nil: undefined }), { minLength: 30, maxLength: 30 }),
  })
  .map(({ people, prisons, seed, where, releases }) => {
    const persons = people.map((id, i) => ({ id, primaryName: `Persona ${i} «${id}»`, alternateNames: [], role: 'member', monitoring: 'none' }) as unknown as NetworkPersonRecord);
    const links = seed.map(({ id, kind, from, to, directed, count, date: on, start, end, grading }) => {
      const link: NetworkLinkRecord = { id, kind, fromId: people[from % people.length]!, toId: people[to % people.length]!, directed, grading };
      if (count !== undefined) link.count = count;
      if (on !== undefined) link.date = on;
      if (start !== undefined) link.from = start;
      if (end !== undefined) link.to = end;
      return link;
    });
    const currentPrisonByPerson = new Map<string, string>();
    const releaseByPerson = new Map<string, IsoDate>();
    people.forEach((id, i) => {
      if (prisons.length > 0 && where[i]! % 3 !== 0) currentPrisonByPerson.set(id, prisons[where[i]! % prisons.length]!);
      if (releases[i] !== undefined) releaseByPerson.set(id, releases[i]!);
    });
    return { case: { id: 'case:1', name: 'Caso' } as CaseNetwork['case'], persons, prisons: prisons.map((id) => ({ id, name: id }) as unknown as CaseNetwork['prisons'][number]), links, currentPrisonByPerson, releaseByPerson };
  });

/** Through the row's JSON, as the sealing layer stores it. */
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('a case network in its cache row', () => {
  it('comes back exactly as it was stored', () => {
    fc.assert(
      fc.property(network, (original) => {
        const back = networkFromStored(throughJson(storedNetwork(original)));
        // toStrictEqual: no optional field comes back as undefined where the original had none.
        expect(back).toStrictEqual(original);
      }),
    );
  });

  it('is not handed out when the row is of the shape of earlier builds or does not hold together', () => {
    const one = fc.sample(network.filter((n) => n.links.length > 0), 1)[0]!;
    const stored = throughJson(storedNetwork(one)) as ReturnType<typeof storedNetwork>;
    // Earlier builds stored one object per link and maps as entries.
    expect(networkFromStored({ ...one, currentPrisonByPerson: [...one.currentPrisonByPerson], releaseByPerson: [...one.releaseByPerson] })).toBeUndefined();
    expect(networkFromStored({ ...stored, links: { ...stored.links, to: stored.links.to.slice(1) } })).toBeUndefined();
    expect(networkFromStored({ ...stored, links: { ...stored.links, from: stored.links.from.map(() => one.persons.length) } })).toBeUndefined();
    expect(networkFromStored({ ...stored, prisonOf: [] })).toBeUndefined();
    expect(networkFromStored(null)).toBeUndefined();
  });

  it('refuses a link that joins someone outside the network', () => {
    const one = fc.sample(network.filter((n) => n.links.length > 0), 1)[0]!;
    expect(() => storedNetwork({ ...one, links: [{ ...one.links[0]!, toId: one.persons.map((p) => p.id).join('|') + '|outside' }] })).toThrow(RangeError);
  });
});
