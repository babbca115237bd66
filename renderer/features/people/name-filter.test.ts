import { describe, expect, it } from 'vitest';
import { filterByName, foldName, indexNames } from './name-filter';

const persons = [
  { id: '1', primaryName: 'Abderramán El Idrissi', alternateNames: [{ name: 'Abu Yusuf', kind: 'kunya' as const, sourceIds: [] }], realName: 'Karim Benali' },
  { id: '2', primaryName: 'Youssef Amrani', alternateNames: [], realName: undefined },
  { id: '3', primaryName: 'Ana Ruiz', alternateNames: [], realName: undefined },
];
const index = indexNames(persons);

describe('name filter', () => {
  it('ignores case and accents', () => {
    expect(foldName('  ABDERRAMÁN  el ')).toBe('abderraman el');
  });

  it('finds a person by alias or real name, and says which name matched', () => {
    expect(filterByName(index, 'yusuf', 10).matches).toEqual([{ person: persons[0], matchedName: 'Abu Yusuf' }]);
    expect(filterByName(index, 'benali', 10).matches).toEqual([{ person: persons[0], matchedName: 'Karim Benali' }]);
    expect(filterByName(index, 'amrani', 10).matches).toEqual([{ person: persons[1], matchedName: undefined }]);
  });

  it('lists everyone in name order for an empty query, up to the limit, with the full count', () => {
    const result = filterByName(index, '', 2);
    expect(result.total).toBe(3);
    expect(result.matches.map((m) => m.person.id)).toEqual(['1', '3']);
  });

  it('puts a person whose name is exactly the query before those whose names merely contain it', () => {
    const twins = indexNames([
      { id: 'a', primaryName: 'Youssef El Ouali', alternateNames: [{ name: 'Youssef Ouali', kind: 'spelling' as const, sourceIds: [] }], realName: undefined },
      { id: 'b', primaryName: 'Youssef Ouali', alternateNames: [], realName: undefined },
      { id: 'c', primaryName: 'Ali Youssef Oualid', alternateNames: [], realName: undefined },
    ]);
    expect(filterByName(twins, 'youssef ouali', 10).matches.map((m) => m.person.id)).toEqual(['b', 'a', 'c']);
  });

  it('returns nothing when no name matches', () => {
    expect(filterByName(index, 'zzz', 10)).toEqual({ matches: [], total: 0 });
  });
});
