import { describe, expect, it } from 'vitest';
import { parseAnalyticsRequest, requestIdOf } from './analytics-protocol';

describe('the analytics worker protocol', () => {
  it('accepts well-formed requests', () => {
    const load = {
      type: 'load',
      network: {
        personIds: ['a', 'b'],
        links: [{ source: 'a', target: 'b', weight: 2, directed: true, date: '2018-03-01' }],
        prisonByPerson: [['a', 'prison:1']],
      },
    };
    expect(parseAnalyticsRequest(load)).toEqual(load);
    expect(parseAnalyticsRequest({ type: 'metrics', requestId: 3, exactLimit: 10_000 })?.type).toBe('metrics');
    expect(parseAnalyticsRequest({ type: 'whatIf', requestId: 4, scenario: { kind: 'move', personId: 'a', toPrison: 'p' } })?.type).toBe('whatIf');
    expect(parseAnalyticsRequest({ type: 'coLocations', requestId: 5, stays: [{ personId: 'a', prisonId: 'p', from: '2018-01-01' }] })?.type).toBe('coLocations');
  });

  it.each([
    ['an unknown type', { type: 'drop', requestId: 1 }],
    ['a negative weight', { type: 'load', network: { personIds: ['a', 'b'], links: [{ source: 'a', target: 'b', weight: -1 }], prisonByPerson: [] } }],
    ['a date that is not YYYY-MM-DD', { type: 'load', network: { personIds: ['a'], links: [{ source: 'a', target: 'a', date: '1/3/2018' }], prisonByPerson: [] } }],
    ['a missing request id', { type: 'paths', from: 'a', to: 'b', maxPaths: 10 }],
    ['a move without a prison', { type: 'whatIf', requestId: 1, scenario: { kind: 'move', personId: 'a' } }],
    ['an empty person id', { type: 'paths', requestId: 1, from: '', to: 'b', maxPaths: 10 }],
    ['not an object', 'metrics'],
  ])('refuses %s', (_, message) => {
    expect(parseAnalyticsRequest(message)).toBeUndefined();
  });

  it('finds the request id of a refused message so that its sender hears back', () => {
    expect(requestIdOf({ type: 'paths', requestId: 7 })).toBe(7);
    expect(requestIdOf({ type: 'paths', requestId: '7' })).toBeUndefined();
    expect(requestIdOf(null)).toBeUndefined();
  });
});
