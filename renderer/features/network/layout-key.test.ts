import { describe, expect, it } from 'vitest';
import { layoutKey } from './layout-key';

describe('layoutKey', () => {
  it('is the same for the same elements in any order or direction', () => {
    expect(layoutKey(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']])).toBe(layoutKey(['c', 'a', 'b'], [['c', 'b'], ['b', 'a']]));
  });

  it('changes when a node or a link changes', () => {
    const base = layoutKey(['a', 'b', 'c'], [['a', 'b']]);
    expect(layoutKey(['a', 'b', 'd'], [['a', 'b']])).not.toBe(base);
    expect(layoutKey(['a', 'b', 'c'], [['a', 'c']])).not.toBe(base);
  });
});
