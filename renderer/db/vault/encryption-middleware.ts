import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, DBCoreTableSchema, Middleware } from 'dexie';
import { openRecord, sealRecord } from '../../../shared/vault/record-cipher';

/**
 * Encryption at rest as a Dexie DBCore middleware (issue 16). It sits below every other layer (the
 * lowest level, next to IndexedDB), so everything above it (Dexie's hooks, live queries, the cache,
 * the repositories) sees plain records, and IndexedDB sees only sealed ones.
 *
 * It runs inside IndexedDB transactions, where an await on anything but IndexedDB would end the
 * transaction: sealing and opening are synchronous (shared/vault/record-cipher.ts), and so is the
 * key supplier. Keys are unwrapped before any transaction (at unlock, or when a case is opened) and
 * handed out from memory.
 *
 * Not wired into the live database yet: `openVigiaDatabase` does not use it (docs/security.md).
 */

export interface RecordKeyRequest {
  readonly table: string;
  readonly primaryKey: unknown;
  /** The record's clear fields (its id and indexed fields, such as `caseId`): what a per-case key is chosen by. */
  readonly clear: Readonly<Record<string, unknown>>;
}

/** Synchronous: returns the key for this record, or throws (vault locked, case key unknown). */
export type RecordKeySupplier = (request: RecordKeyRequest) => Uint8Array;

export interface EncryptionMiddlewareOptions {
  /**
   * The tables to seal, by name. A table's clear fields are its primary key and indexed fields, read
   * from the schema so that every query keeps working; `extraClearFields` adds more, each one a field
   * an attacker with the disk can read.
   */
  readonly tables: Readonly<Record<string, { readonly extraClearFields?: readonly string[] }>>;
  readonly keyFor: RecordKeySupplier;
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
        sealed.set(name, sealedTable(table, config.extraClearFields ?? [], options.keyFor));
      }
      return {
        ...down,
        table: (name) => {
          const table = down.table(name);
          const cipher = sealed.get(name);
          return cipher ? encryptedTable(table, cipher) : table;
        },
      };
    },
  };
}

interface SealedTable {
  seal(value: Record<string, unknown>): Record<string, unknown>;
  open(stored: Record<string, unknown>): Record<string, unknown>;
}

function sealedTable(schema: DBCoreTableSchema, extraClearFields: readonly string[], keyFor: RecordKeySupplier): SealedTable {
  const { primaryKey } = schema;
  // An outbound or generated key is not in the value: a `query` with values would return records
  // without the key their associated data names. Every Vigía table has an inbound key.
  if (primaryKey.outbound || primaryKey.autoIncrement || !primaryKey.extractKey) {
    throw new Error(`encryption middleware: table "${schema.name}" needs an inbound, non-generated primary key`);
  }
  const extractKey = primaryKey.extractKey;
  const clearFields = [...new Set([...[primaryKey, ...schema.indexes].flatMap((index) => keyPathFields(schema.name, index.keyPath)), ...extraClearFields])];
  const place = (record: Record<string, unknown>) => ({ table: schema.name, primaryKey: extractKey(record) });
  const keyOf = (record: Record<string, unknown>, primaryKeyValue: unknown) =>
    keyFor({ table: schema.name, primaryKey: primaryKeyValue, clear: pick(record, clearFields) });
  return {
    seal: (value) => {
      const where = place(value);
      return sealRecord(keyOf(value, where.primaryKey), where, value, clearFields);
    },
    open: (stored) => {
      const where = place(stored);
      return openRecord(keyOf(stored, where.primaryKey), where, stored);
    },
  };
}

function encryptedTable(table: DBCoreTable, cipher: SealedTable): DBCoreTable {
  const open = (value: unknown) => (value === undefined ? value : cipher.open(value as Record<string, unknown>));
  return {
    ...table,
    mutate: (req: DBCoreMutateRequest) => {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      // `updates` and `changeSpec` (bulkUpdate, upsert) describe the change in plain terms for the
      // layers above; IndexedDB stores `values`, so those are what get sealed.
      return table.mutate({ ...req, values: req.values.map((value: Record<string, unknown>) => cipher.seal(value)) });
    },
    get: (req) => table.get(req).then(open),
    getMany: (req) => table.getMany(req).then((values) => values.map(open)),
    // `values: false` asks for keys only; they are in clear (primary and index keys are never sealed).
    query: (req) => table.query(req).then((response) => (req.values ? { ...response, result: response.result.map(open) } : response)),
    openCursor: (req) => table.openCursor(req).then((cursor) => cursor && openingCursor(cursor, open)),
  };
}

/**
 * A cursor whose `value` is the opened record. Dexie iterates (each, modify, toArray on a filtered
 * collection, the observability layer) by reading `cursor.value`, possibly several times per step:
 * the opened record is kept for the raw value it came from, so each step is opened once. Everything
 * else (continue, advance, start …) is the underlying cursor's, as Dexie's own cursor wrappers do.
 * A damaged record throws from the getter, which fails the iteration with DamagedRecordError.
 */
function openingCursor(cursor: DBCoreCursor, open: (value: unknown) => unknown): DBCoreCursor {
  let lastRaw: unknown;
  let lastOpened: unknown;
  return Object.create(cursor, {
    value: {
      get() {
        const raw = cursor.value;
        if (raw !== lastRaw || lastOpened === undefined) {
          lastOpened = open(raw);
          lastRaw = raw;
        }
        return lastOpened;
      },
    },
  }) as DBCoreCursor;
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
  const picked: Record<string, unknown> = Object.create(null);
  for (const field of fields) if (record[field] !== undefined) picked[field] = record[field];
  return picked;
}
