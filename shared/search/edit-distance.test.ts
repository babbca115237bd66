import { describe, expect, it } from 'vitest';
import { withinEditDistance } from './edit-distance';

describe('withinEditDistance', () => {
  it.each([
    ['mohamd', 'mohamed', 1, true], // one deletion
    ['mohamed', 'mohamed', 0, true],
    ['mohamed', 'mohaned', 0, false],
    ['omar', 'amar', 1, true], // one substitution
    ['omar', 'ammar', 1, false], // two edits
    ['abderrahmane', 'abdulrahman', 2, false], // three edits
    ['abderrahmane', 'abderahman', 2, true],
    ['', 'ab', 2, true],
    ['ab', 'ba', 1, false], // a transposition is two edits, as in the index's fuzzy lookup
  ])('%s ~ %s within %i: %s', (a, b, max, expected) => {
    expect(withinEditDistance(a, b, max)).toBe(expected);
    expect(withinEditDistance(b, a, max)).toBe(expected);
  });
});
