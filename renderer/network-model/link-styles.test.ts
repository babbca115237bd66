import { describe, expect, it } from 'vitest';
import { LINK_KINDS } from '../../shared/model';
import { LINK_STYLES } from './link-styles';

describe('link styles', () => {
  it('draws every kind of link so it can be told apart from every other by colour', () => {
    const colours = LINK_KINDS.map((kind) => LINK_STYLES[kind].color.toLowerCase());
    expect(new Set(colours).size).toBe(LINK_KINDS.length);
  });
});
