import { describe, expect, it } from 'vitest';
import { deriveCoLocations, type StayPeriod } from './co-location';

const stay = (personId: string, prisonId: string, from: string, to?: string): StayPeriod =>
  to === undefined ? { personId, prisonId, from } : { personId, prisonId, from, to };

describe('deriveCoLocations', () => {
  it('links two people held in the same prison at once, for the period they shared', () => {
    expect(
      deriveCoLocations([stay('ben', 'cp-a', '2017-01-01', '2018-06-30'), stay('ana', 'cp-a', '2018-01-01', '2019-01-01')]),
    ).toEqual([{ personA: 'ana', personB: 'ben', prisonId: 'cp-a', from: '2018-01-01', to: '2018-06-30' }]);
  });

  it('does not link people in different prisons, at different times, or sharing only a transfer day', () => {
    expect(
      deriveCoLocations([
        stay('ana', 'cp-a', '2018-01-01', '2018-03-01'),
        stay('ben', 'cp-b', '2018-01-01', '2018-03-01'),
        stay('cai', 'cp-a', '2018-03-01', '2018-09-01'),
        stay('dan', 'cp-a', '2019-01-01', '2019-02-01'),
      ]),
    ).toEqual([]);
  });

  it('keeps open stays open, merges a pair’s overlapping records, and ignores deleted stays', () => {
    const links = deriveCoLocations([
      stay('ana', 'cp-a', '2018-01-01'),
      stay('ben', 'cp-a', '2018-02-01'),
      stay('ben', 'cp-a', '2018-02-01', '2018-05-01'),
      { ...stay('cai', 'cp-a', '2018-01-01'), deleted: 1 },
    ]);
    expect(links).toEqual([{ personA: 'ana', personB: 'ben', prisonId: 'cp-a', from: '2018-02-01' }]);
  });

  it('finds every pair among many people in one prison, and only those', () => {
    const stays = Array.from({ length: 50 }, (_, i) =>
      stay(`p${String(i).padStart(2, '0')}`, 'cp-a', `2018-01-${String((i % 28) + 1).padStart(2, '0')}`, i % 2 ? '2018-01-20' : undefined),
    );
    const brute = new Set<string>();
    for (const a of stays) for (const b of stays) {
      const aEnd = a.to ?? '9999-12-31';
      const bEnd = b.to ?? '9999-12-31';
      if (a.personId < b.personId && a.from < bEnd && b.from < aEnd) brute.add(`${a.personId}-${b.personId}`);
    }
    const found = deriveCoLocations(stays).map((l) => `${l.personA}-${l.personB}`);
    expect(new Set(found)).toEqual(brute);
    expect(found.length).toBe(brute.size);
  });
});
