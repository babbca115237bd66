import { describe, expect, it } from 'vitest';
import { describeNetworkTableError, readNetworkTables, type NetworkRow } from './network-table';

const rows = (...records: string[][]): NetworkRow[] => records.map((fields, i) => ({ fields, line: i + 1 }));
const persons = rows(['id', 'name'], ['p1', 'Ana'], ['p2', 'Ben'], ['p3', 'Cai']);

describe('readNetworkTables', () => {
  it('reads persons and links, with optional type, weight and date in any column order', () => {
    const result = readNetworkTables(
      persons,
      rows(['Date', 'target', 'SOURCE', 'weight', 'type'], ['2018-10-01', 'p2', 'p1', '3', 'letter'], ['', 'p3', 'p2', '', '']),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        persons: [
          { id: 'p1', name: 'Ana' },
          { id: 'p2', name: 'Ben' },
          { id: 'p3', name: 'Cai' },
        ],
        links: [
          { source: 'p1', target: 'p2', type: 'letter', weight: 3, date: '2018-10-01' },
          { source: 'p2', target: 'p3' },
        ],
      },
    });
  });

  it.each([
    [rows(['id']), rows(['source', 'target']), 'persons file: missing column "name" in the header row'],
    [persons, rows(['source']), 'links file: missing column "target" in the header row'],
    [persons, [], 'links file: the file is empty; it needs a header row'],
    [persons, rows(['source', 'target'], ['p1', 'p9']), 'links file, line 2: target "p9" is not an id in the persons file'],
    [persons, rows(['source', 'target', 'weight'], ['p1', 'p2', '-1']), 'links file, line 2: weight "-1" is not a positive number'],
    [persons, rows(['source', 'target', 'weight'], ['p1', 'p2', '0x10']), 'links file, line 2: weight "0x10" is not a positive number'],
    [persons, rows(['source', 'target', 'date'], ['p1', 'p2', '2018-02-30']), 'links file, line 2: date "2018-02-30" is not a valid YYYY-MM-DD date'],
    [rows(['id', 'name'], ['p1', 'A'], ['p1', 'B']), rows(['source', 'target']), 'persons file, line 3: person id "p1" appears twice'],
    [rows(['id', 'name'], ['', 'A']), rows(['source', 'target']), 'persons file, line 2: the "id" column is empty'],
  ])('rejects hostile input with one line saying what and where (%#)', (p, l, message) => {
    const result = readNetworkTables(p, l);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeNetworkTableError(result.error)).toBe(message);
  });
});
