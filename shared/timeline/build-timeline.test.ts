import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from './build-timeline';
import type { TimelineInput, TimelineModel } from './model';

const today = '2026-12-05';
const grading = { reliability: 'B' as const, credibility: 2 as const };

/** Ahmed moved from Topas to Alcalá; Karim is in Topas; Omar's stay was deleted; one of everything undated. */
const input: TimelineInput = {
  persons: [
    { id: 'ahmed', primaryName: 'Ahmed' },
    { id: 'karim', primaryName: 'Karim' },
    { id: 'omar', primaryName: 'Omar' },
    { id: 'gone', primaryName: 'Borrado', deleted: 1 },
  ],
  prisons: [
    { id: 'topas', name: 'Topas' },
    { id: 'alcala', name: 'Alcalá Meco' },
    { id: 'closed', name: 'Cerrada', deleted: 1 },
  ],
  stays: [
    { id: 's1', personId: 'ahmed', prisonId: 'topas', from: '2019-01-01', to: '2022-03-01' },
    { id: 's2', personId: 'ahmed', prisonId: 'alcala', from: '2022-03-01' },
    { id: 's3', personId: 'karim', prisonId: 'topas', from: '2020-05-01' },
    { id: 's4', personId: 'omar', prisonId: 'topas', from: '2018-01-01', deleted: 1 },
    { id: 's5', personId: 'omar', prisonId: 'alcala', from: '2019' },
    { id: 's6', personId: 'omar', prisonId: 'closed', from: '2015-01-01' },
    { id: 's7', personId: 'gone', prisonId: 'topas', from: '2015-01-01' },
    { id: 's8', personId: 'karim', prisonId: 'alcala', from: '2019-01-01', to: '2018-01-01' },
  ],
  sentences: [
    { id: 'se1', personId: 'ahmed', expectedRelease: '2031-01-01', earlyRelease: '2028-06-01' },
    { id: 'se2', personId: 'karim', expectedRelease: '2029-02' },
    { id: 'se3', personId: 'omar' },
  ],
  links: [
    { id: 'l1', kind: 'letter', fromId: 'ahmed', toId: 'karim', date: '2021-04-10', grading },
    { id: 'l2', kind: 'visit', fromId: 'karim', toId: 'omar', from: '2020-06-01', to: '2020-09-01', grading },
    { id: 'l3', kind: 'call', fromId: 'ahmed', toId: 'omar', grading },
    { id: 'l4', kind: 'call', fromId: 'ahmed', toId: 'gone', date: '2021-01-01', grading },
    { id: 'l5', kind: 'call', fromId: 'ahmed', toId: 'karim', date: '2021-01-01', grading, deleted: 1 },
  ],
  events: [
    { id: 'e1', kind: 'operation', title: 'Operación Alba', date: '2018-11-20', personIds: [], prisonIds: [] },
    { id: 'e2', kind: 'transfer', title: 'Traslado', date: '2022-03-01', personIds: ['ahmed'], prisonIds: ['alcala'] },
    { id: 'e3', kind: 'arrest', title: 'Detención', date: '2018-xx-01', personIds: ['omar'], prisonIds: [] },
  ],
};

const lane = (model: TimelineModel, key: string) => model.lanes.find((l) => l.key === key)!;

describe('buildTimeline by person', () => {
  const model = buildTimeline(input, { grouping: 'person', today });

  it('has a lane per live person, sorted by name, and the case’s own events first', () => {
    expect(model.lanes.map((l) => l.key)).toEqual(['case', 'person:ahmed', 'person:karim', 'person:omar']);
    expect(lane(model, 'case').points.map((p) => p.id)).toEqual(['e1']);
  });

  it('draws stays as bars coloured by prison, the open one running to today, and the transfer between them', () => {
    const ahmed = lane(model, 'person:ahmed');
    expect(ahmed.bars.map((b) => [b.prisonId, b.from, b.to, b.open])).toEqual([
      ['topas', '2019-01-01', '2022-03-01', false],
      ['alcala', '2022-03-01', today, true],
    ]);
    expect(ahmed.transfers.map((t) => [t.fromPrisonId, t.toPrisonId, t.date])).toEqual([['topas', 'alcala', '2022-03-01']]);
    expect(ahmed.markers.map((m) => [m.kind, m.date])).toEqual([['early', '2028-06-01'], ['expected', '2031-01-01']]);
  });

  it('puts a link on both ends’ lanes, with its kind, grading and period', () => {
    expect(lane(model, 'person:ahmed').points.filter((p) => p.type === 'link').map((p) => p.id)).toEqual(['l1']);
    expect(lane(model, 'person:karim').points.map((p) => p.id)).toEqual(['l2', 'l1']);
    const visit = lane(model, 'person:omar').points[0]!;
    expect(visit).toMatchObject({ type: 'link', id: 'l2', kind: 'visit', grading, date: '2020-06-01', end: '2020-09-01', personId: 'omar' });
  });

  it('lists what has no date, or a partial or unreadable one, with the reason; never drops it', () => {
    expect(model.undated.map((u) => [u.type, u.id, u.field, u.reason, u.value])).toEqual([
      ['stay', 's5', 'from', 'partial', '2019'],
      ['stay', 's8', 'to', 'reversed', '2018-01-01'],
      ['sentence', 'se2', 'expectedRelease', 'partial', '2029-02'],
      ['sentence', 'se3', 'expectedRelease', 'missing', undefined],
      ['link', 'l3', 'from', 'missing', undefined],
      ['event', 'e3', 'date', 'invalid', '2018-xx-01'],
    ]);
  });

  it('leaves out deleted records and what hangs off deleted people or prisons', () => {
    const ids = model.lanes.flatMap((l) => [...l.bars.map((b) => b.stayId), ...l.points.map((p) => p.id)]);
    for (const gone of ['s4', 's6', 's7', 'l4', 'l5']) expect(ids).not.toContain(gone);
    expect(model.undated.map((u) => u.id)).not.toContain('s6');
  });

  it('spans the axis from the first date to the last, today included', () => {
    expect([model.first, model.last]).toEqual(['2018-11-20', '2031-01-01']);
  });
});

describe('buildTimeline by prison', () => {
  const model = buildTimeline(input, { grouping: 'prison', today });

  it('has a lane per live prison, holding the stays there and the transfers into it', () => {
    expect(model.lanes.map((l) => l.key)).toEqual(['case', 'prison:alcala', 'prison:topas', 'outside']);
    expect(lane(model, 'prison:topas').bars.map((b) => b.stayId)).toEqual(['s1', 's3']);
    expect(lane(model, 'prison:alcala').transfers.map((t) => t.personId)).toEqual(['ahmed']);
  });

  it('places a link where each end was held that day: once when they shared a prison, outside when held nowhere', () => {
    expect(lane(model, 'prison:topas').points.filter((p) => p.id === 'l1')).toHaveLength(1);
    expect(lane(model, 'prison:topas').points.find((p) => p.id === 'l2')).toMatchObject({ personId: 'karim' });
    expect(lane(model, 'outside').points.find((p) => p.id === 'l2')).toMatchObject({ personId: 'omar' });
    expect(lane(model, 'prison:alcala').points.map((p) => p.id)).toEqual(['e2']);
  });
});

describe('buildTimeline on anything a bundle may hold', () => {
  const date = fc.oneof(fc.constant(undefined), fc.constantFrom('2020-01-01', '2021-06', '1999', '', 'nope', '2020-02-30'), fc.string({ maxLength: 12 }));
  const id = fc.constantFrom('a', 'b', 'c');
  const deleted = fc.constantFrom<0 | 1 | undefined>(0, 1, undefined);

  it('never throws, and every live stay, link and event is drawn or listed as undated', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ personId: id, prisonId: fc.constantFrom('x', 'y'), from: date, to: date, deleted }), { maxLength: 8 }),
        fc.array(fc.record({ fromId: id, toId: id, date, from: date, deleted }), { maxLength: 8 }),
        fc.array(fc.record({ personIds: fc.array(id, { maxLength: 2 }), date, deleted }), { maxLength: 4 }),
        fc.constantFrom('person' as const, 'prison' as const),
        (stays, links, events, grouping) => {
          const hostile = {
            persons: [{ id: 'a', primaryName: 'A' }, { id: 'b', primaryName: 'B' }, { id: 'c', primaryName: 'C', deleted: 1 }],
            prisons: [{ id: 'x', name: 'X' }, { id: 'y', name: 'Y' }],
            stays: stays.map((s, i) => ({ ...s, id: `s${i}` })),
            sentences: [],
            links: links.map((l, i) => ({ ...l, id: `l${i}`, kind: 'call' })),
            events: events.map((e, i) => ({ ...e, id: `e${i}`, kind: 'other', title: 'E', prisonIds: [] })),
          } as unknown as TimelineInput;
          const model = buildTimeline(hostile, { grouping, today });
          const drawn = new Set(model.lanes.flatMap((l) => [...l.bars.map((b) => b.stayId), ...l.points.map((p) => p.id)]));
          const undated = new Set(model.undated.map((u) => u.id));
          const liveStays = hostile.stays.filter((s) => s.deleted !== 1 && s.personId !== 'c');
          const liveLinks = hostile.links.filter((l) => l.deleted !== 1 && l.fromId !== 'c' && l.toId !== 'c');
          const liveEvents = hostile.events.filter((e) => e.deleted !== 1);
          for (const r of [...liveStays, ...liveLinks, ...liveEvents]) expect(drawn.has(r.id) !== undated.has(r.id)).toBe(true);
          expect(drawn.size + undated.size).toBe(liveStays.length + liveLinks.length + liveEvents.length);
          for (const l of model.lanes) for (const p of l.points) expect(/^\d{4}-\d{2}-\d{2}$/.test(p.date)).toBe(true);
        },
      ),
    );
  });
});
