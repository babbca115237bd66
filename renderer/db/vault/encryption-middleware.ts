import Dexie, {
  type DBCore,
  type DBCoreCursor,
  type DBCoreMutateRequest,
  type DBCoreQueryRequest,
  type DBCoreQueryResponse,
  type DBCoreTable,
  type DBCoreTableSchema,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { DamagedRecordError, openRecord, openRecords, sealRecord, type RecordPlace, type SealedRow } from '../../../shared/vault/record-cipher';
import { cursorView } from './cursor-view';

/**
 * Encryption at rest as a Dexie DBCore middleware (issue 16). It sits below every other layer (the
 * lowest level, next to IndexedDB), so everything above it (Dexie's hooks, live queries, the cache,
 * the repositories) sees plain records, and IndexedDB sees only sealed ones.
 *
 * It runs inside IndexedDB transactions, where an await on anything but IndexedDB would end the
 * transaction: sealing and opening are synchronous (shared/vault/record-cipher.ts), and so is the
 * key lookup: a record's key comes from memory. A key not yet in memory (a case another window or
 * worker created, or a new case) is read, or made and stored, by `RecordKeySource.load` inside the
 * same transaction, which is why every transaction over a sealed table is widened to the key tables.
 */

export interface RecordKeyRequest {
  readonly table: string;
  readonly primaryKey: unknown;
  /** The record's clear fields (its id and indexed fields, such as `caseId`): what a per-case key is chosen by. */
  readonly clear: Readonly<Record<string, unknown>>;
}

/** Where the middleware gets records' keys (renderer/db/vault/record-keys.ts for the workstation). */
export interface RecordKeySource {
  /**
   * Synchronous: the key for this record when it is in memory, else undefined (then `load` is asked).
   * `trans` is the transaction asking: a key made in a transaction not yet committed is its alone.
   */
  keyFor(request: RecordKeyRequest, trans: DBCoreTransaction): Uint8Array | undefined;
  /** Tables added to every transaction over a sealed table, so that `load` can read and write keys in it. */
  readonly tables: readonly string[];
  /**
   * Brings into memory the keys these records need, reading them in `trans` ("all": every key, before
   * a cursor, whose records are only seen one at a time and synchronously). When `write`, a key that
   * does not exist yet is made and stored in `trans`: all or nothing with the records it seals.
   */
  load(down: DBCore, trans: DBCoreTransaction, requests: readonly RecordKeyRequest[] | 'all', write: boolean): Promise<void>;
}

/**
 * How one table is sealed. Its clear fields are its primary key and indexed fields, read from the
 * schema so that every query keeps working; `extraClearFields` adds more, each one a field an attacker
 * with the disk can read, bound to the sealed one like the others.
 */
export interface SealedTableConfig {
  readonly extraClearFields?: readonly string[];
  /**
   * Fields kept beside the sealed one as they are and left out of its associated data: values that
   * carry their own seal and that neither JSON nor the associated data can hold, since they are read
   * only asynchronously (attachment bytes: a Blob of chunks, each bound to its attachment by
   * blob-cipher.ts). Their reader checks them.
   */
  readonly selfSealedFields?: readonly string[];
}

export interface EncryptionMiddlewareOptions {
  /** The tables to seal, by name. */
  readonly tables: Readonly<Record<string, SealedTableConfig>>;
  readonly keys: RecordKeySource;
  /**
   * Where a record that did not open is reported (the window's registry, damaged-records.ts). Given,
   * the database shows the rest: a read of many records (a query, getMany, a cursor) in a read-only
   * transaction leaves a damaged record out, as if it were not there, and reports it by table and key.
   * A single `get` still fails with DamagedRecordError (there is no rest to show), and so does every
   * read in a read-write transaction: there Dexie reads records to write them back (`update` and
   * `modify` would hand a damaged one to the change as nothing, failing with a TypeError or deleting
   * it), and nothing may be written on the strength of a read that left a record out. The one
   * exception is a transaction that replaces damaged records by whole ones (replaceDamagedIn).
   * Not given (the default, and every worker that exports or bundles): every damaged record fails the
   * read it is in, so nothing leaves the workstation silently incomplete.
   */
  readonly onDamaged?: (damaged: DamagedRecordError) => void;
}

export const ENCRYPTION_MIDDLEWARE_NAME = 'VaultEncryption';
/** Below Dexie's own middlewares (the lowest of which is -1): nothing sits between this one and IndexedDB. */
export const ENCRYPTION_MIDDLEWARE_LEVEL = -100;

export function encryptionMiddleware(options: EncryptionMiddlewareOptions): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: ENCRYPTION_MIDDLEWARE_NAME,
    level: ENCRYPTION_MIDDLEWARE_LEVEL,
    create: (down) => {
      // Checked once, when the database opens: a configuration error should stop it opening, not
      // surface as a strange query result later.
      const sealed = new Map<string, SealedTable>();
      for (const [name, config] of Object.entries(options.tables)) {
        const table = down.schema.tables.find((candidate) => candidate.name === name);
        if (!table) throw new Error(`encryption middleware: no table "${name}" in the schema`);
        sealed.set(name, sealedTable(table, config, options.keys, options.onDamaged));
      }
      const keyTables = options.keys.tables;
      return {
        ...down,
        transaction: (stores, mode, transactionOptions) =>
          down.transaction(stores.some((store) => sealed.has(store)) ? [...new Set([...stores, ...keyTables])] : stores, mode, transactionOptions),
        table: (name) => {
          const table = down.table(name);
          const cipher = sealed.get(name);
          return cipher ? encryptedTable(down, table, cipher, options.keys, options.onDamaged !== undefined) : table;
        },
      };
    },
  };
}

/** A row as stored, asking for its key (`clear` is the row itself) and carrying it once found. */
type StoredRow = RecordKeyRequest & { stored: Record<string, unknown>; key: Uint8Array | undefined };

interface SealedTable {
  /** What the key source is asked for this record (its key is chosen by its clear fields). */
  request(value: Record<string, unknown>): RecordKeyRequest;
  /**
   * The same for a row as stored, whose fields beside the sealed one are its clear fields (no copy):
   * one object that is both what its key is asked by and, once `key` is set, what is opened.
   */
  storedRequest(stored: Record<string, unknown>): StoredRow;
  seal(value: Record<string, unknown>, trans: DBCoreTransaction): Record<string, unknown>;
  open(stored: Record<string, unknown>, trans: DBCoreTransaction): Record<string, unknown>;
  /**
   * Opens rows read together, each with the key given (none: its case's key is gone): for each, the
   * record or the DamagedRecordError that `open` would throw for it (reported the same way).
   */
  openMany(rows: readonly SealedRow[]): (Record<string, unknown> | DamagedRecordError)[];
}

function sealedTable(schema: DBCoreTableSchema, config: SealedTableConfig, keys: RecordKeySource, onDamaged?: (damaged: DamagedRecordError) => void): SealedTable {
  const { primaryKey } = schema;
  // An outbound or generated key is not in the value: a `query` with values would return records
  // without the key their associated data names. Every Vigía table has an inbound key.
  if (primaryKey.outbound || primaryKey.autoIncrement || !primaryKey.extractKey) {
    throw new Error(`encryption middleware: table "${schema.name}" needs an inbound, non-generated primary key`);
  }
  const extractKey = primaryKey.extractKey;
  const clearFields = [...new Set([...[primaryKey, ...schema.indexes].flatMap((index) => keyPathFields(schema.name, index.keyPath)), ...(config.extraClearFields ?? [])])];
  // Only where a table has self-sealed fields: every other record is sealed and opened as it is, with no copy.
  const aside = config.selfSealedFields?.length ? setAside(config.selfSealedFields) : undefined;
  const request = (record: Record<string, unknown>): RecordKeyRequest => ({ table: schema.name, primaryKey: extractKey(record), clear: pick(record, clearFields) });
  // Every record a read opens is asked for: picking a copy of its clear fields cost some 1 µs a record.
  const storedRequest = (stored: Record<string, unknown>): StoredRow => ({ table: schema.name, primaryKey: extractKey(stored), clear: stored, stored, key: undefined });
  // Every damaged record met is reported, also those that fail their read: the report names them
  // even where the failure itself is shown as a plain "could not be read".
  const reported = <T>(opened: T): T => {
    if (onDamaged && opened instanceof DamagedRecordError) onDamaged(opened);
    return opened;
  };
  const openOne = (key: Uint8Array | undefined, asked: RecordPlace, stored: Record<string, unknown>): Record<string, unknown> | DamagedRecordError => {
    try {
      // No key for its case (the case was deleted here, its key destroyed): the record cannot be shown.
      if (!key) throw new DamagedRecordError(schema.name, asked.primaryKey, 'key');
      return aside ? aside(stored, (bound) => openRecord(key, asked, bound)) : openRecord(key, asked, stored);
    } catch (error) {
      if (error instanceof DamagedRecordError) return reported(error);
      throw error;
    }
  };
  return {
    request,
    storedRequest,
    seal: (value, trans) => {
      const asked = request(value);
      const key = keys.keyFor(asked, trans);
      // The middleware loads keys before sealing: none now means the key source refused one.
      if (!key) throw new Error(`encryption middleware: no key to seal a record of "${schema.name}"`);
      if (!aside) return sealRecord(key, asked, value, clearFields);
      // Kept in clear as they are: only bytes or a Blob, which their writer has sealed, never a plain value by mistake.
      for (const field of config.selfSealedFields!) {
        const kept = value[field];
        if (kept !== undefined && !(kept instanceof Uint8Array) && !(typeof Blob !== 'undefined' && kept instanceof Blob)) {
          throw new TypeError(`encryption middleware: "${schema.name}.${field}" is kept beside the seal and must be sealed bytes`);
        }
      }
      return aside(value, (bound) => sealRecord(key, asked, bound, clearFields));
    },
    open: (stored, trans) => {
      const asked = storedRequest(stored);
      const opened = openOne(keys.keyFor(asked, trans), asked, stored);
      if (opened instanceof DamagedRecordError) throw opened;
      return opened;
    },
    // Opened together (openRecords): cheaper by the record than one at a time.
    openMany: (rows) => (aside ? rows.map((row) => openOne(row.key, row, row.stored as Record<string, unknown>)) : openRecords(rows).map(reported)),
  };
}

/** What a read that may leave damaged records out gets for one of them. */
const LEFT_OUT: unique symbol = Symbol('damaged record left out');

/**
 * Read-write transactions that replace damaged records: in them, reads of the tables named leave
 * damaged records out (and collect them) as read-only ones do, and every other table still reads
 * strictly. Weakly held: an ended transaction goes with its entry.
 */
const replacingDamaged = new WeakMap<object, { tables: ReadonlySet<string>; leftOut: DamagedRecordError[] }>();

/**
 * Lets the read-write transaction `trans` (IndexedDB's own: `Transaction.idbtrans` in Dexie) read the
 * damaged records of `tables` as absent, in a tolerant database, so that a write in it may replace
 * them (a bundle merge bringing a good copy, apply-bundle.ts). Everything the transaction writes must
 * be right with those records absent: the merge writes whole records by id, and reads the journal,
 * settings and keys strictly. Returns the records left out so far, growing as the transaction reads.
 */
export function replaceDamagedIn(trans: IDBTransaction, tables: readonly string[]): readonly DamagedRecordError[] {
  const entry = { tables: new Set(tables), leftOut: [] as DamagedRecordError[] };
  replacingDamaged.set(trans, entry);
  return entry.leftOut;
}

/** Whether damaged records of `table` may be left out of reads in `trans` (see `onDamaged` and replaceDamagedIn). */
function mayLeaveOut(tolerant: boolean, trans: DBCoreTransaction, table: string): boolean {
  // This middleware is the lowest: its transactions are IndexedDB's own (as record-keys.ts's whenEnded relies on too).
  if (!tolerant) return false;
  return (trans as unknown as Partial<Pick<IDBTransaction, 'mode'>>).mode === 'readonly' || replacingDamaged.get(trans)?.tables.has(table) === true;
}

/** Notes a record left out of a read in a transaction that replaces damaged records. */
function noteLeftOut(trans: DBCoreTransaction, damaged: DamagedRecordError): void {
  replacingDamaged.get(trans)?.leftOut.push(damaged);
}

function encryptedTable(down: DBCore, table: DBCoreTable, cipher: SealedTable, keys: RecordKeySource, tolerant: boolean): DBCoreTable {
  const open = (trans: DBCoreTransaction) => (value: unknown) => (value === undefined ? value : cipher.open(value as Record<string, unknown>, trans));
  // The keys not yet in memory for these records: plain ones about to be sealed, or rows as stored.
  const missing = (records: readonly unknown[], trans: DBCoreTransaction, stored = true) => {
    const asked: RecordKeyRequest[] = [];
    for (const record of records) {
      if (record === undefined) continue;
      const request = stored ? cipher.storedRequest(record as Record<string, unknown>) : cipher.request(record as Record<string, unknown>);
      if (!keys.keyFor(request, trans)) asked.push(request);
    }
    return asked;
  };
  // Chained on Dexie's promise, never `async`: Dexie follows its transaction through the layers above
  // by its own promise's zones, which a native await here would lose (hooks, modify, liveQuery).
  const afterLoading = <T>(trans: DBCoreTransaction, asked: RecordKeyRequest[] | 'all', write: boolean, next: () => T | PromiseLike<T>) =>
    asked !== 'all' && asked.length === 0 ? next() : Dexie.Promise.resolve(keys.load(down, trans, asked, write)).then(next);
  /**
   * Rows read together, opened together (SealedTable.openMany), each asked for its key once. A damaged
   * one fails the read, at the first in order, unless the read may leave it out: then it becomes `leftOut`.
   */
  const opened = (trans: DBCoreTransaction, values: unknown[], leftOut: unknown) => {
    const rows: StoredRow[] = [];
    const asked: RecordKeyRequest[] = [];
    for (const value of values) {
      if (value === undefined) continue;
      const row = cipher.storedRequest(value as Record<string, unknown>);
      row.key = keys.keyFor(row, trans);
      if (!row.key) asked.push(row);
      rows.push(row);
    }
    return afterLoading(trans, asked, false, () => {
      // The keys just loaded; a row still without one is damaged ('key').
      if (asked.length > 0) for (const row of rows) row.key ??= keys.keyFor(row, trans);
      const records = cipher.openMany(rows);
      const leaveOut = mayLeaveOut(tolerant, trans, table.name);
      let next = 0;
      return values.map((value) => {
        if (value === undefined) return value;
        const record = records[next++];
        if (!(record instanceof DamagedRecordError)) return record;
        if (!leaveOut) throw record;
        noteLeftOut(trans, record);
        return leftOut;
      });
    });
  };

  /**
   * A query's records, damaged ones left out. A limited query that lost some asks again for as many
   * more, until it has its limit or its range ends: a page of a list is full whenever there are
   * records enough, as code that pages until a page comes back short needs.
   */
  const withoutDamaged = (req: DBCoreQueryRequest, rows = req.limit): Promise<DBCoreQueryResponse> =>
    table.query({ ...req, limit: rows }).then((response) =>
      Dexie.Promise.resolve(opened(req.trans, response.result, LEFT_OUT)).then((values) => {
        const result = values.filter((value) => value !== LEFT_OUT);
        const leftOut = values.length - result.length;
        const limit = req.limit ?? Infinity;
        // Short only because records were left out, and the range may hold more. Each round reads the
        // limit plus as many rows as the last one left out, so it ends once a round finds no more
        // damaged records than the one before (it then has its limit) or the range ends.
        const more = leftOut > 0 && Number.isFinite(limit) && result.length < limit && response.result.length === rows;
        return more ? withoutDamaged(req, limit + leftOut) : { ...response, result };
      }),
    );
  return {
    ...table,
    mutate: (req: DBCoreMutateRequest) => {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      // `updates` and `changeSpec` (bulkUpdate, upsert) describe the change in plain terms for the
      // layers above; IndexedDB stores `values`, so those are what get sealed.
      return Dexie.Promise.resolve(
        afterLoading(req.trans, missing(req.values, req.trans, false), true, () =>
          table.mutate({ ...req, values: req.values.map((value: Record<string, unknown>) => cipher.seal(value, req.trans)) }),
        ),
      );
    },
    // One record asked for by its key: a damaged one fails the read, in either mode.
    get: (req) => table.get(req).then((value) => afterLoading(req.trans, missing([value], req.trans), false, () => open(req.trans)(value))),
    // One answer per key asked, in order: a damaged record left out answers as a missing one would.
    getMany: (req) => table.getMany(req).then((values) => opened(req.trans, values, undefined)),
    // `values: false` asks for keys only; they are in clear (primary and index keys are never sealed),
    // so a damaged record's key is still listed. Nor does `count` (not wrapped) open anything: it
    // counts damaged records too. (A count with a filter runs a cursor over the values instead, which
    // leaves them out like any other cursor.)
    query: (req) =>
      !req.values
        ? table.query(req)
        : mayLeaveOut(tolerant, req.trans, table.name)
          ? withoutDamaged(req)
          : table.query(req).then((response) => Dexie.Promise.resolve(opened(req.trans, response.result, LEFT_OUT)).then((result) => ({ ...response, result }))),
    // A cursor's records are opened one at a time and synchronously: every key is loaded first.
    openCursor: (req) =>
      Dexie.Promise.resolve(afterLoading(req.trans, req.values === false ? [] : 'all', false, () => table.openCursor(req))).then(
        (cursor) =>
          cursor &&
          openingCursor(cursor, open(req.trans), req.values !== false && mayLeaveOut(tolerant, req.trans, table.name), (damaged) => noteLeftOut(req.trans, damaged)),
      ),
  };
}

/**
 * A cursor whose `value` is the opened record (a view of the cursor, cursor-view.ts). Dexie iterates
 * (each, modify, toArray on a filtered collection, the observability layer) by reading
 * `cursor.value`, possibly several times per step: the opened record is kept for the raw value it
 * came from, so each step is opened once.
 *
 * A damaged record throws from the getter, which fails the iteration with DamagedRecordError, unless
 * `leaveOut`: then each step is opened before it is handed up, and a damaged one is stepped over by
 * continuing, so the layers above never see it. `advance(n)` then counts the records it passes that
 * open (an offset skips n records shown, not n rows stored), and `next` lands on one that opens.
 */
function openingCursor(cursor: DBCoreCursor, open: (value: unknown) => unknown, leaveOut: boolean, leftOut: (damaged: DamagedRecordError) => void): DBCoreCursor {
  let lastRaw: unknown;
  let lastOpened: unknown;
  const value = () => {
    const raw = cursor.value;
    if (raw !== lastRaw || lastOpened === undefined) {
      lastOpened = open(raw);
      lastRaw = raw;
    }
    return lastOpened;
  };
  /** Whether the record under the cursor opens (a damaged one has been reported by `open`). */
  const opens = () => {
    try {
      value();
      return true;
    } catch (error) {
      if (!(error instanceof DamagedRecordError)) throw error;
      leftOut(error);
      return false;
    }
  };
  /** Records that open still to pass over before the next one is handed up (after `advance`). */
  let passOver = 0;
  if (!leaveOut) return cursorView(cursor, { value });
  return cursorView(cursor, {
    value,
    advance: (count) => {
      // An invalid count is left to IndexedDB to refuse.
      if (!(count >= 1)) return cursor.advance(count);
      passOver = count - 1;
      cursor.continue();
    },
    start: (onNext) =>
      cursor.start(() => {
        if (!opens()) return cursor.continue();
        if (passOver > 0) {
          passOver -= 1;
          return cursor.continue();
        }
        onNext();
      }),
    step: () => nextThatOpens(cursor, opens),
  });
}

/** One step on, then on past damaged records, to the next record that opens or the end. */
function nextThatOpens(cursor: DBCoreCursor, opens: () => boolean): Promise<unknown> {
  let moved = false;
  // `start` is called back first for the record the cursor is on now: that one is stepped off.
  return cursor.start(() => {
    if (!moved) {
      moved = true;
      return cursor.continue();
    }
    if (!opens()) return cursor.continue();
    cursor.stop();
  });
}

type Row = Record<string, unknown>;

/** Runs `seal` or `open` on a row without its self-sealed fields, then sets them back beside the result as they were. */
function setAside(fields: readonly string[]): (row: Row, run: (bound: Row) => Row) => Row {
  return (row, run) => {
    // From entries: a field named "__proto__" stays a field, and so stays bound.
    const bound = Object.fromEntries(Object.entries(row).filter(([field]) => !fields.includes(field)));
    const result = run(bound);
    for (const field of fields) if (row[field] !== undefined) result[field] = row[field];
    return result;
  };
}

function keyPathFields(table: string, keyPath: null | string | string[]): string[] {
  if (keyPath === null) return [];
  const paths = Array.isArray(keyPath) ? keyPath : [keyPath];
  for (const path of paths) {
    // A nested key path ("a.b") would need its parent object in clear, which would leak its siblings.
    if (path.includes('.')) throw new Error(`encryption middleware: nested index "${path}" on "${table}" is not supported`);
  }
  return paths;
}

function pick(record: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  // From entries: a field named "__proto__" stays a field, and the object stays a fast one.
  const picked: [string, unknown][] = [];
  for (const field of fields) if (record[field] !== undefined) picked.push([field, record[field]]);
  return Object.fromEntries(picked);
}
