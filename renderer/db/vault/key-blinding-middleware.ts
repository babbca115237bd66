import type { DBCore, DBCoreCursor, DBCoreKeyRange, DBCoreTable, DBCoreTableSchema, Middleware } from 'dexie';
import { base64 } from '@scure/base';
import { blindKey, isBlindedKey } from '../../../shared/vault/key-blinding';
import { aadOf, openBytes, sealBytes } from '../../../shared/vault/aead';
import { DamagedRecordError } from '../../../shared/vault/record-cipher';
import { cursorView } from './cursor-view';
import { ENCRYPTION_MIDDLEWARE_LEVEL } from './encryption-middleware';

/**
 * Blinds the primary keys that would say something on disk (shared/vault/key-blinding.ts): an
 * attachment's SHA-256, a colleague's fingerprint, an import specification's name. Placed just above
 * the sealing layer, so everything above (Dexie's hooks, live queries, the app) sees plain keys and
 * everything below, and the disk, sees blinded ones.
 *
 * A stored row carries its blinded key in the key's field and the plain value sealed beside it
 * (`_plainKey`, base64 of the sealed bytes, bound to its table and blinded key), so rows read by a query or a cursor come back as
 * they were written. Rows written before blinding (plain keys) read as they are; migration v6 re-keys
 * them. Key ranges over a blinded field mean nothing: only equality, and whole ranges (a case's import
 * specifications, `[caseId, minKey]…[caseId, maxKey]`) are allowed; anything else throws.
 */
export const KEY_BLINDING_LEVEL = ENCRYPTION_MIDDLEWARE_LEVEL + 1;

/** The field that holds the sealed plain key of a row whose key is blinded. */
export const PLAIN_KEY_FIELD = '_plainKey';

/** Per table, the field of the primary key that is blinded. */
export const BLINDED_KEY_FIELDS: Readonly<Record<string, string>> = {
  blobs: 'sha256',
  contacts: 'fingerprint',
  importSpecs: 'name',
};

export interface KeyBlindingOptions {
  readonly fields: Readonly<Record<string, string>>;
  /** HMAC key of the blinding (keyBlindingKey). */
  readonly blindingKey: Uint8Array;
  /** AEAD key that seals the plain key beside it (the workstation key). */
  readonly sealingKey: Uint8Array;
  /** Where a row whose plain key does not open is reported (the window's list); the read fails still. */
  readonly onDamaged?: (damaged: DamagedRecordError) => void;
}

export function keyBlindingMiddleware(options: KeyBlindingOptions): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'vigia-key-blinding',
    level: KEY_BLINDING_LEVEL,
    create: (down) => {
      const blinded = new Map<string, BlindedTable>();
      for (const [name, field] of Object.entries(options.fields)) {
        const schema = down.schema.tables.find((table) => table.name === name);
        if (!schema) throw new Error(`key blinding: no table "${name}" in the schema`);
        blinded.set(name, blindedTable(schema, field, options));
      }
      return {
        ...down,
        table: (name) => {
          const table = down.table(name);
          const blinding = blinded.get(name);
          return blinding ? blindingTable(table, blinding) : table;
        },
      };
    },
  };
}

interface BlindedTable {
  primaryKey(key: unknown): unknown;
  range(range: DBCoreKeyRange): DBCoreKeyRange;
  hide(row: Record<string, unknown>): Record<string, unknown>;
  reveal(row: unknown): unknown;
  plainPrimaryKey(row: Record<string, unknown>): unknown;
}

function blindedTable(schema: DBCoreTableSchema, field: string, options: KeyBlindingOptions): BlindedTable {
  const { keyPath, extractKey } = schema.primaryKey;
  const paths = Array.isArray(keyPath) ? keyPath : [keyPath];
  const component = Array.isArray(keyPath) ? keyPath.indexOf(field) : keyPath === field ? -1 : -2;
  if (component === -2 || !extractKey) throw new Error(`key blinding: "${field}" is not the inbound primary key of "${schema.name}" (${paths.join('+')})`);
  const table = schema.name;
  const blind = (value: unknown) => (typeof value === 'string' && !isBlindedKey(value) ? blindKey(options.blindingKey, table, value) : value);
  const primaryKey = (key: unknown) => {
    if (component < 0) return blind(key);
    return Array.isArray(key) ? key.map((part, i) => (i === component ? blind(part) : part)) : key;
  };
  const blindedPart = (key: unknown) => (component < 0 ? key : Array.isArray(key) ? key[component] : undefined);
  const aad = (blindedKey: string) => aadOf(`vigia.blinded-key\n${table}\n${blindedKey}`);
  return {
    primaryKey,
    range: (range) => {
      // Equal (1), Any (3), Never (4): keys, if any, are blinded as keys are.
      if (range.type !== 2) return { ...range, lower: primaryKey(range.lower), upper: primaryKey(range.upper) };
      const lower = blindedPart(range.lower);
      const upper = blindedPart(range.upper);
      // A range whose blinded part is a value at either end has no meaning once blinded (unless both
      // ends hold the same value: an equality in disguise). MinKey/maxKey ends are not strings.
      if ((typeof lower === 'string' || typeof upper === 'string') && lower !== upper) {
        throw new Error(`key blinding: "${table}" is keyed by a blinded ${field}; look rows up by equality only`);
      }
      return { ...range, lower: primaryKey(range.lower), upper: primaryKey(range.upper) };
    },
    hide: (row) => {
      const plain = row[field];
      if (typeof plain !== 'string' || isBlindedKey(plain)) return row;
      const blindedKey = blindKey(options.blindingKey, table, plain);
      // As base64 text: the sealing layer below carries JSON values only.
      return { ...row, [field]: blindedKey, [PLAIN_KEY_FIELD]: base64.encode(sealBytes(options.sealingKey, new TextEncoder().encode(plain), aad(blindedKey))) };
    },
    reveal: (row) => {
      if (row === undefined || row === null || typeof row !== 'object') return row;
      const stored = row as Record<string, unknown>;
      const blindedKey = stored[field];
      // Not blinded: a row from before (migration v6 re-keys them) or a database without a vault.
      if (!isBlindedKey(blindedKey)) return row;
      const { [PLAIN_KEY_FIELD]: sealed, ...rest } = stored;
      const opened = typeof sealed === 'string' ? openSealedText(options.sealingKey, sealed, aad(blindedKey)) : null;
      if (!opened) {
        const damaged = new DamagedRecordError(table, extractKey(stored), 'authentication');
        options.onDamaged?.(damaged);
        throw damaged;
      }
      return { ...rest, [field]: new TextDecoder().decode(opened) };
    },
    plainPrimaryKey: (row) => extractKey(row),
  };
}

function openSealedText(key: Uint8Array, text: string, aad: Uint8Array): Uint8Array | null {
  try {
    return openBytes(key, base64.decode(text), aad);
  } catch {
    return null;
  }
}

function blindingTable(table: DBCoreTable, blinding: BlindedTable): DBCoreTable {
  const query = <T extends { query: { index: { isPrimaryKey?: boolean }; range: DBCoreKeyRange } }>(req: T): T =>
    req.query.index.isPrimaryKey ? { ...req, query: { ...req.query, range: blinding.range(req.query.range) } } : req;
  return {
    ...table,
    get: (req) => table.get({ ...req, key: blinding.primaryKey(req.key) }).then(blinding.reveal),
    getMany: (req) => table.getMany({ ...req, keys: req.keys.map(blinding.primaryKey) }).then((rows) => rows.map(blinding.reveal)),
    // A keys-only read reads the rows too: a blinded key has no way back, the plain one is sealed in its row.
    query: (req) =>
      table
        .query({ ...query(req), values: true })
        .then((response) => ({ ...response, result: response.result.map((row) => (req.values ? blinding.reveal(row) : plainKeyOf(blinding, row))) })),
    count: (req) => table.count(query(req)),
    openCursor: (req) =>
      table
        .openCursor({ ...query(req), values: true })
        .then((cursor) => cursor && revealingCursor(cursor, blinding, req.query.index.isPrimaryKey === true)),
    mutate: (req) => {
      switch (req.type) {
        case 'add':
        case 'put': {
          const values = req.values as Record<string, unknown>[];
          const stored = { ...req, values: values.map(blinding.hide), ...(req.keys ? { keys: req.keys.map(blinding.primaryKey) } : {}) };
          // The layers above learn which keys changed (live queries), and `put` answers with its key:
          // the plain ones they wrote, never the blinded ones.
          const plainKeys = values.map(blinding.plainPrimaryKey);
          return table.mutate(stored).then((response) => ({
            ...response,
            ...(response.results ? { results: response.results.map((_, i) => plainKeys[i]) } : {}),
            ...(response.lastResult !== undefined && plainKeys.length > 0 ? { lastResult: plainKeys[plainKeys.length - 1] } : {}),
          }));
        }
        case 'delete':
          return table.mutate({ ...req, keys: req.keys.map(blinding.primaryKey) });
        case 'deleteRange':
          return table.mutate({ ...req, range: blinding.range(req.range) });
      }
    },
  };
}

/** The plain primary key of a stored row. */
function plainKeyOf(blinding: BlindedTable, row: unknown): unknown {
  return blinding.plainPrimaryKey(blinding.reveal(row) as Record<string, unknown>);
}

/**
 * A cursor whose `value` is the row with its plain key, and whose primary key (and key, on the
 * primary index) is the plain one, also for a keys-only read (a view of the cursor, cursor-view.ts).
 */
function revealingCursor(cursor: DBCoreCursor, blinding: BlindedTable, onPrimaryKey: boolean): DBCoreCursor {
  let lastRaw: unknown;
  let lastRevealed: unknown;
  const value = () => {
    const raw = cursor.value;
    if (raw !== lastRaw) {
      lastRevealed = blinding.reveal(raw);
      lastRaw = raw;
    }
    return lastRevealed;
  };
  const primaryKey = () => blinding.plainPrimaryKey(value() as Record<string, unknown>);
  return cursorView(cursor, { value, primaryKey, ...(onPrimaryKey ? { key: primaryKey } : {}) });
}
