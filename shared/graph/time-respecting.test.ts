import { describe, expect, it } from 'vitest';
import { buildGraph, dayNumber, type NetworkLinkInput } from './compact-graph';
import { earliestArrival, timeRespectingPath } from './time-respecting';

const people = ['ana', 'ben', 'cai', 'dan', 'eva'];
const link = (source: string, target: string, date?: string, directed = false): NetworkLinkInput =>
  date === undefined ? { source, target, directed } : { source, target, date, directed };

function path(links: NetworkLinkInput[], from: string, to: string) {
  const graph = buildGraph(people, links);
  const found = timeRespectingPath(graph, graph.indexOf.get(from)!, graph.indexOf.get(to)!);
  return found && { people: found.people.map((v) => graph.ids[v]), arrivalDay: found.arrivalDay };
}

describe('time-respecting paths', () => {
  it('follow links only in date order: a later letter cannot carry an earlier one', () => {
    expect(path([link('ana', 'ben', '2018-03-01'), link('ben', 'cai', '2018-02-01')], 'ana', 'cai')).toBeNull();
    expect(path([link('ana', 'ben', '2018-01-01'), link('ben', 'cai', '2018-02-01')], 'ana', 'cai')).toEqual({
      people: ['ana', 'ben', 'cai'],
      arrivalDay: dayNumber('2018-02-01'),
    });
  });

  it('allow two links on the same day, in either order of recording', () => {
    const found = path([link('ben', 'cai', '2018-05-05'), link('ana', 'ben', '2018-05-05')], 'ana', 'cai');
    expect(found?.people).toEqual(['ana', 'ben', 'cai']);
  });

  it('take the route that arrives earliest, not the one with fewest links', () => {
    const found = path(
      [link('ana', 'eva', '2018-09-01'), link('ana', 'ben', '2018-01-01'), link('ben', 'cai', '2018-02-01'), link('cai', 'eva', '2018-03-01')],
      'ana',
      'eva',
    );
    expect(found).toEqual({ people: ['ana', 'ben', 'cai', 'eva'], arrivalDay: dayNumber('2018-03-01') });
  });

  it('follow a directed letter only from writer to recipient, and never an undated link', () => {
    expect(path([link('ben', 'ana', '2018-01-01', true)], 'ana', 'ben')).toBeNull();
    expect(path([link('ana', 'ben', '2018-01-01', true)], 'ana', 'ben')?.people).toEqual(['ana', 'ben']);
    expect(path([link('ana', 'ben')], 'ana', 'ben')).toBeNull();
  });

  it('give everyone reachable the earliest day they could be reached from a start date on', () => {
    const graph = buildGraph(people, [link('ana', 'ben', '2017-06-01'), link('ana', 'cai', '2018-06-01'), link('cai', 'dan', '2018-07-01')]);
    const { arrivalDay } = earliestArrival(graph, graph.indexOf.get('ana')!, dayNumber('2018-01-01'));
    const at = (id: string) => arrivalDay[graph.indexOf.get(id)!];
    expect(at('ben')).toBe(Infinity);
    expect(at('cai')).toBe(dayNumber('2018-06-01'));
    expect(at('dan')).toBe(dayNumber('2018-07-01'));
  });
});
