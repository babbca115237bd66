import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestMatches, compareRecordMatches, MATCH_KINDS, type RecordMatch } from './classify';
import type { MatchedField, SearchableText } from './searchable';

const FIELDS: MatchedField[] = ['primaryName', 'realName', 'alias', 'kunya'];

const recordMatch = fc
  .record({
    id: fc.integer({ min: 0, max: 50 }),
    label: fc.constantFrom('Hassan', 'Mohamed', 'Youssef'),
    field: fc.constantFrom(...FIELDS),
    worstTier: fc.integer({ min: 1, max: MATCH_KINDS.length }),
    inOneText: fc.boolean(),
    extraTier: fc.integer({ min: 0, max: 4 }),
    tokens: fc.integer({ min: 1, max: 4 }),
  })
  .map((m): RecordMatch => {
    const text: SearchableText = { field: m.field, text: m.label, tokens: Array.from({ length: m.tokens }, () => ({ folded: 'x', term: 0, keys: [], start: 0, end: 1 })) };
    return {
      record: { type: 'person', id: `person:${m.id}`, label: m.label, texts: [text] },
      text,
      kind: MATCH_KINDS[MATCH_KINDS.length - m.worstTier] ?? 'fuzzy',
      inOneText: m.inOneText,
      tokenAt: [0],
      worstTier: m.worstTier,
      tierSum: m.worstTier + m.extraTier,
    };
  });

describe('bestMatches', () => {
  it('gives the first `limit` matches of the full ranking, without sorting them all', () => {
    fc.assert(
      fc.property(fc.array(recordMatch, { maxLength: 80 }), fc.integer({ min: 1, max: 25 }), (matches, limit) => {
        const expected = [...matches].sort(compareRecordMatches).slice(0, limit);
        const best = bestMatches(matches, limit);
        expect(best.map((m) => [m.record.id, m.worstTier, m.tierSum])).toEqual(
          expected.map((m) => [m.record.id, m.worstTier, m.tierSum]),
        );
      }),
    );
  });
});
