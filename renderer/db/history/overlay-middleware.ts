import { cmp, type DBCore, type DBCoreCursor, type DBCoreIndex, type DBCoreKeyRange, type DBCoreQueryRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';

/** Per table, the records whose value differs from the live one: the value to show, or null for "absent". */
export type Overlay = ReadonlyMap<string, ReadonlyMap<string, Record<string, unknown> | null>>;

/** What a write into a past state throws: the past is read, never edited. */
export class PastStateReadOnlyError extends Error {
  constructor() {
    super('past_state_read_only');
    this.name = 'PastStateReadOnlyError';
  }
}

/**
 * Shows the live database as it stood on a past day: every read of a table the overlay touches
 * answers as if the overlay's records had replaced the live ones (a get, a query by any index and
 * range, in either direction, with a limit, a count, a cursor), and every write to case data, the
 * journal or attachment bytes is refused. Caches derived from the live case (`blind` tables: cached
 * layouts and networks) are neither read nor written: the past computes its own and keeps none.
 * Placed below every other layer, so Dexie's own (virtual indexes, hooks, live queries) see one
 * consistent past.
 */
export function pastOverlayMiddleware(overlay: Overlay, guarded: ReadonlySet<string>, blind: ReadonlySet<string> = new Set()): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'past-state-overlay',
    level: -10,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (blind.has(name)) return blindTable(table);
        const changes = overlay.get(name);
        const readOnly = guarded.has(name);
        if (!readOnly && (!changes || changes.size === 0)) return table;
        const refuse = () => Promise.reject(new PastStateReadOnlyError());
        if (!changes || changes.size === 0) return { ...table, mutate: refuse };
        return overlaidTable(table, changes, readOnly ? refuse : table.mutate.bind(table));
      },
    }),
  };
}

function overlaidTable(table: DBCoreTable, changes: ReadonlyMap<string, Record<string, unknown> | null>, mutate: DBCoreTable['mutate']): DBCoreTable {
  const primaryKey = table.schema.primaryKey;
  const idOf = (value: unknown) => primaryKey.extractKey!(value) as string;
  const shown = (record: Record<string, unknown> | null | undefined) => (record ? structuredClone(record) : undefined);

  const merged = async (req: DBCoreQueryRequest): Promise<unknown[]> => {
    // Read forwards, every row of the range: which row stands for a key (unique), and how many make
    // the limit, can only be decided once the overlay's records are in place.
    const { result } = await table.query({ trans: req.trans, values: true, query: req.query });
    const live = result.filter((value) => !changes.has(idOf(value)));
    const index = req.query.index;
    const keyOf = (value: unknown) => (index.isPrimaryKey ? idOf(value) : index.extractKey!(value));
    const order = (a: unknown, b: unknown) => cmp(keyOf(a), keyOf(b)) || cmp(idOf(a), idOf(b));
    const extra = [...changes.values()]
      .filter((record): record is Record<string, unknown> => record !== null && indexed(index, record) && inRange(keyOf(record), req.query.range))
      .sort(order)
      .map((record) => structuredClone(record));
    // Both lists are in index order: insert the few past records where they belong.
    const rows: unknown[] = [...live];
    for (const record of extra) rows.splice(firstAfter(rows, record, order), 0, record);
    // A unique read gives, for each key, its row with the lowest primary key, in either direction (IndexedDB's rule).
    const unique = req.direction === 'nextunique' || req.direction === 'prevunique' ? rows.filter((row, i) => i === 0 || cmp(keyOf(rows[i - 1]), keyOf(row)) !== 0) : rows;
    const ordered = req.direction === 'prev' || req.direction === 'prevunique' ? unique.reverse() : unique;
    return req.limit !== undefined && req.limit < ordered.length ? ordered.slice(0, req.limit) : ordered;
  };

  return {
    ...table,
    mutate,
    get: async (req) => (changes.has(req.key) ? shown(changes.get(req.key)) : table.get(req)),
    getMany: async (req) => {
      const live = await table.getMany(req);
      return req.keys.map((key, i) => (changes.has(key) ? shown(changes.get(key)) : live[i]));
    },
    query: async (req) => {
      const rows = await merged(req);
      return { result: req.values ? rows : rows.map(idOf) };
    },
    count: async (req) => (await merged({ trans: req.trans, values: true, query: req.query })).length,
    openCursor: async (req) => {
      const rows = await merged({ trans: req.trans, values: true, query: req.query, direction: req.reverse ? (req.unique ? 'prevunique' : 'prev') : req.unique ? 'nextunique' : 'next' });
      const index = req.query.index;
      return rows.length === 0 ? null : arrayCursor(req.trans, rows, (v) => (index.isPrimaryKey ? idOf(v) : index.extractKey!(v)), idOf, req.reverse === true);
    },
  };
}

/** A table that reads empty and takes writes without keeping them. */
function blindTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: async (req) => {
      const results = req.type === 'add' || req.type === 'put' ? (req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey?.(v))) : [];
      return { numFailures: 0, failures: {}, lastResult: results.at(-1), results };
    },
    get: async () => undefined,
    getMany: async (req) => req.keys.map(() => undefined),
    query: async () => ({ result: [] }),
    count: async () => 0,
    openCursor: async () => null,
  };
}

/** A record lacking a field its index is built on is not in that index (IndexedDB skips it). */
function indexed(index: DBCoreIndex, record: Record<string, unknown>): boolean {
  if (index.isPrimaryKey) return true;
  const key = index.extractKey?.(record);
  if (key === undefined) return false;
  return !Array.isArray(key) || key.every((part) => part !== undefined);
}

function inRange(key: unknown, range: DBCoreKeyRange): boolean {
  switch (range.type) {
    case 1: // Equal
      return cmp(key, range.lower) === 0;
    case 3: // Any
      return true;
    case 4: // Never
      return false;
    default: {
      const lower = cmp(key, range.lower);
      const upper = cmp(key, range.upper);
      return (range.lowerOpen ? lower > 0 : lower >= 0) && (range.upperOpen ? upper < 0 : upper <= 0);
    }
  }
}

/** The first position whose row sorts after `row` (binary search; rows are sorted by `order`). */
function firstAfter(rows: readonly unknown[], row: unknown, order: (a: unknown, b: unknown) => number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(rows[middle], row) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A cursor over rows already read and merged, with the contract Dexie's iteration relies on:
 * `start(onNext)` calls onNext at each position the consumer moves to (continue, advance, or a key
 * to jump to) and settles when the rows end or the consumer stops or fails it.
 */
function arrayCursor(trans: DBCoreTransaction, rows: readonly unknown[], keyOf: (v: unknown) => unknown, idOf: (v: unknown) => unknown, reverse: boolean): DBCoreCursor {
  let position = 0;
  let moved = false;
  let running = false;
  let settled = false;
  let onNext: (() => void) | undefined;
  let resolve: ((value?: unknown) => void) | undefined;
  let reject: ((error: Error) => void) | undefined;
  const after = (a: unknown, b: unknown) => (reverse ? -cmp(a, b) : cmp(a, b));

  const run = () => {
    if (running || settled || !onNext) return;
    running = true;
    try {
      while (!settled && moved) {
        moved = false;
        if (position >= rows.length) {
          settled = true;
          resolve?.();
          break;
        }
        onNext();
      }
    } catch (error) {
      settled = true;
      reject?.(error as Error);
    } finally {
      running = false;
    }
  };
  const moveTo = (next: number) => {
    position = next;
    moved = true;
    if (!running) queueMicrotask(run);
  };

  const cursor: DBCoreCursor = {
    trans,
    get key() {
      return keyOf(rows[position]);
    },
    get primaryKey() {
      return idOf(rows[position]);
    },
    get value() {
      return rows[position];
    },
    get done() {
      return position >= rows.length;
    },
    continue(key?: unknown) {
      if (key === undefined) return moveTo(position + 1);
      let next = position + 1;
      while (next < rows.length && after(keyOf(rows[next]), key) < 0) next++;
      moveTo(next);
    },
    continuePrimaryKey(key: unknown, primaryKey: unknown) {
      let next = position + 1;
      while (next < rows.length && (after(keyOf(rows[next]), key) < 0 || (cmp(keyOf(rows[next]), key) === 0 && after(idOf(rows[next]), primaryKey) < 0))) next++;
      moveTo(next);
    },
    advance(count: number) {
      moveTo(position + count);
    },
    start(callback: () => void) {
      onNext = callback;
      return new Promise((res, rej) => {
        resolve = res;
        reject = rej;
        position = 0;
        moved = true;
        run();
      });
    },
    stop(value?: unknown) {
      settled = true;
      resolve?.(value);
    },
    next() {
      cursor.continue();
      return Promise.resolve(cursor);
    },
    fail(error: Error) {
      settled = true;
      reject?.(error);
    },
  };
  return cursor;
}
