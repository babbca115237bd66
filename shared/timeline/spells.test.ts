import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../model/dates';
import { spellsOf, type DatedStay } from './spells';

const today = '2026-12-05';
const stay = (id: string, prisonId: string, from: string, to?: string): DatedStay => ({ id, personId: 'p', prisonId, from, ...(to ? { to } : {}) });

describe('spellsOf', () => {
  it.each([
    {
      name: 'a transfer on the day one stay ends and the next starts',
      stays: [stay('s2', 'B', '2020-06-01'), stay('s1', 'A', '2019-01-01', '2020-06-01')],
      bars: [['s1', 'A', '2019-01-01', '2020-06-01', false], ['s2', 'B', '2020-06-01', today, true]],
      transfers: [['A', 'B', '2020-06-01', 0]],
    },
    {
      name: 'two adjacent stays at one prison: two bars, no transfer',
      stays: [stay('s1', 'A', '2019-01-01', '2019-05-01'), stay('s2', 'A', '2019-05-01', '2019-09-01')],
      bars: [['s1', 'A', '2019-01-01', '2019-05-01', false], ['s2', 'A', '2019-05-01', '2019-09-01', false]],
      transfers: [],
    },
    {
      name: 'overlapping stays at two prisons: both bars, a transfer with a negative gap',
      stays: [stay('s1', 'A', '2019-01-01', '2019-05-01'), stay('s2', 'B', '2019-04-01', '2019-09-01')],
      bars: [['s1', 'A', '2019-01-01', '2019-05-01', false], ['s2', 'B', '2019-04-01', '2019-09-01', false]],
      transfers: [['A', 'B', '2019-04-01', -30]],
    },
    {
      name: 'released and held again elsewhere: the join says how long they were out',
      stays: [stay('s1', 'A', '2010-01-01', '2011-01-01'), stay('s2', 'B', '2011-01-11', '2012-01-01'), stay('s3', 'A', '2012-01-01')],
      bars: [['s1', 'A', '2010-01-01', '2011-01-01', false], ['s2', 'B', '2011-01-11', '2012-01-01', false], ['s3', 'A', '2012-01-01', today, true]],
      transfers: [['A', 'B', '2011-01-11', 10], ['B', 'A', '2012-01-01', 0]],
    },
    {
      name: 'an open stay that starts after today is drawn as its first day',
      stays: [stay('s1', 'A', '2027-01-01')],
      bars: [['s1', 'A', '2027-01-01', '2027-01-01', true]],
      transfers: [],
    },
  ])('$name', ({ stays, bars, transfers }) => {
    const spells = spellsOf(stays, today);
    expect(spells.bars.map((b) => [b.stayId, b.prisonId, b.from, b.to, b.open])).toEqual(bars);
    expect(spells.transfers.map((t) => [t.fromPrisonId, t.toPrisonId, t.date, t.gapDays])).toEqual(transfers);
  });

  const stays = fc.array(
    fc.record({
      prisonId: fc.constantFrom('A', 'B', 'C'),
      start: fc.integer({ min: 0, max: 5000 }),
      length: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
    }),
    { maxLength: 12 },
  ).map((list) =>
    list.map(({ prisonId, start, length }, i) => stay(`s${i}`, prisonId, addDays('2000-01-01', start), length === undefined ? undefined : addDays('2000-01-01', start + length))),
  );

  it('keeps every stay as a bar, open ones to today, and joins each change of prison with one transfer', () => {
    fc.assert(
      fc.property(stays, (list) => {
        const { bars, transfers } = spellsOf(list, today);
        expect(bars).toHaveLength(list.length);
        expect(new Set(bars.map((b) => b.stayId)).size).toBe(list.length);
        for (const bar of bars) {
          expect(bar.from <= bar.to).toBe(true);
          expect(bar.open).toBe(!list.find((s) => s.id === bar.stayId)!.to);
          if (bar.open) expect(bar.to).toBe(bar.from > today ? bar.from : today);
        }
        for (let i = 1; i < bars.length; i++) expect(bars[i - 1]!.from <= bars[i]!.from).toBe(true);
        const changes = bars.filter((b, i) => i > 0 && bars[i - 1]!.prisonId !== b.prisonId);
        expect(transfers.map((t) => [t.toStayId, t.date])).toEqual(changes.map((b) => [b.stayId, b.from]));
        for (const t of transfers) expect(t.fromPrisonId).not.toBe(t.toPrisonId);
      }),
    );
  });
});
