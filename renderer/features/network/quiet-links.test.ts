import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { elementsToDraw, isQuietLink } from './quiet-links';

const person = (id: string): ElementDefinition => ({ group: 'nodes', data: { id, type: 'person' } });
const link = (id: string, source: string, target: string, extra: Record<string, unknown> = {}, classes?: string): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target, kind: 'letter', ...extra },
  ...(classes ? { classes } : {}),
});

describe('links left out of the graph until wanted', () => {
  const elements = [
    person('a'),
    person('b'),
    person('c'),
    link('leader', 'a', 'b', { backbone: true }),
    link('quiet-bc', 'b', 'c'),
    link('quiet-ac', 'a', 'c'),
    link('on-path', 'b', 'c', {}, 'path'),
    { group: 'edges', data: { id: 'pair', source: 'a', target: 'c', type: 'strong-pair' } } as ElementDefinition,
  ];
  const ids = (list: readonly ElementDefinition[]) => list.map((e) => e.data.id);

  it('knows a quiet link: between people, not the leader’s', () => {
    expect(elements.filter(isQuietLink).map((e) => e.data.id)).toEqual(['quiet-bc', 'quiet-ac', 'on-path']);
  });

  it('draws people, the leader’s links, bands and highlighted chains from the start', () => {
    expect(ids(elementsToDraw(elements, { all: false, around: new Set() }))).toEqual(['a', 'b', 'c', 'leader', 'on-path', 'pair']);
  });

  it('adds a selected person’s links, then every link once asked', () => {
    expect(ids(elementsToDraw(elements, { all: false, around: new Set(['c']) }))).toEqual(ids(elements));
    expect(ids(elementsToDraw(elements, { all: false, around: new Set(['b']) }))).toEqual(['a', 'b', 'c', 'leader', 'quiet-bc', 'on-path', 'pair']);
    expect(elementsToDraw(elements, { all: true, around: new Set() })).toBe(elements);
  });
});
