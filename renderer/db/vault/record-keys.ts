import Dexie, { type DBCore, type DBCoreTransaction } from 'dexie';
import { newCaseKey, openCaseKey, readWrappedCaseKey, wipe, workstationRecordKey } from '../../../shared/vault';
import type { RecordKeyRequest, RecordKeySource } from './encryption-middleware';

/** Where each case's key is kept, wrapped by the vault key (migration v5). */
export const CASE_KEYS_TABLE = 'caseKeys';

/**
 * The keys of one unlocked workstation, in one window or worker: each case's records are sealed with
 * the case's own key (deleting the case deletes that key, and with it every copy of its records), rows
 * of no case with the workstation key. Case keys are unwrapped on first use from `caseKeys`, read in the
 * transaction that needs them, so a case created in another window or a worker is found here too.
 */
export class RecordKeys implements RecordKeySource {
  readonly tables = [CASE_KEYS_TABLE] as const;
  private readonly caseKeys = new Map<string, Uint8Array>();
  /**
   * Keys made in a transaction not yet committed, usable by that transaction only: were it to abort,
   * a key another transaction had already sealed with would exist nowhere but in this memory.
   */
  private readonly pending = new Map<string, { trans: DBCoreTransaction; key: Uint8Array }>();
  /** The last key load of each transaction still running (see `load`); weakly held, it goes with its transaction. */
  private readonly loading = new WeakMap<DBCoreTransaction, Promise<void>>();
  private readonly workstationKey: Uint8Array;
  private closed = false;

  constructor(private readonly vaultKey: Uint8Array) {
    this.workstationKey = workstationRecordKey(vaultKey);
  }

  keyFor(request: RecordKeyRequest, trans: DBCoreTransaction): Uint8Array | undefined {
    if (this.closed) throw new Error('the vault is locked');
    const caseId = caseOf(request);
    if (caseId === undefined) return this.workstationKey;
    const pending = this.pending.get(caseId);
    return this.caseKeys.get(caseId) ?? (pending?.trans === trans ? pending.key : undefined);
  }

  // Chained on the DBCore's own promises, not `async`: a native await inside Dexie's transaction
  // zone can let the transaction commit before the records waiting on their key are written.
  load(down: DBCore, trans: DBCoreTransaction, requests: readonly RecordKeyRequest[] | 'all', write: boolean): Promise<void> {
    // One load at a time in a transaction: two writes of a new case issued together (bulkPut after
    // bulkPut, not awaited) would otherwise both find its key missing and each make one, sealing
    // records with a key that the other's stored copy replaces. Chained, the second finds the first's.
    const previous = this.loading.get(trans);
    const run = () => this.loadNow(down, trans, requests, write);
    const loaded = previous ? previous.then(run, run) : run();
    this.loading.set(trans, loaded);
    return loaded;
  }

  private loadNow(down: DBCore, trans: DBCoreTransaction, requests: readonly RecordKeyRequest[] | 'all', write: boolean): Promise<void> {
    const table = down.table(CASE_KEYS_TABLE);
    if (requests === 'all') {
      return table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: ANY_KEY } }).then(({ result }) => {
        for (const row of result) this.remember(row);
      });
    }
    const wanted = [...new Set(requests.map(caseOf).filter((id): id is string => id !== undefined && !this.caseKeys.has(id) && this.pending.get(id)?.trans !== trans))];
    if (wanted.length === 0) return Dexie.Promise.resolve();
    return table.getMany({ trans, keys: wanted }).then((rows) => {
      rows.forEach((row) => row !== undefined && this.remember(row));
      if (!write) return undefined;
      const made = wanted.filter((caseId) => !this.caseKeys.has(caseId)).map((caseId) => {
        const { caseKey, wrapped } = newCaseKey(this.vaultKey, caseId);
        this.pending.set(caseId, { trans, key: caseKey });
        return wrapped;
      });
      // Kept once stored; forgotten if the transaction fails. Another transaction meanwhile reads the
      // key table, which IndexedDB lets it do only after this one has ended, either way.
      if (made.length > 0) {
        whenEnded(trans, (committed) => {
          for (const { caseId } of made) {
            const pending = this.pending.get(caseId);
            if (pending?.trans !== trans) continue;
            this.pending.delete(caseId);
            if (committed && !this.closed && !this.caseKeys.has(caseId)) this.caseKeys.set(caseId, pending.key);
            else wipe(pending.key);
          }
        });
      }
      return made.length > 0 ? table.mutate({ type: 'add', trans, values: made }).then(() => undefined) : undefined;
    });
  }

  /** The key attachment bytes are sealed with (the workstation key: bytes are shared between cases by hash). */
  attachmentKey(): Uint8Array {
    if (this.closed) throw new Error('the vault is locked');
    return this.workstationKey;
  }

  /** Forgets a case's key (its wrapped copy is deleted with the case). */
  forget(caseId: string): void {
    const key = this.caseKeys.get(caseId);
    if (key) wipe(key);
    this.caseKeys.delete(caseId);
  }

  /** Wipes every key this object holds; any later use throws. */
  close(): void {
    this.closed = true;
    wipe(this.workstationKey, ...this.caseKeys.values(), ...[...this.pending.values()].map((p) => p.key));
    this.caseKeys.clear();
    this.pending.clear();
  }

  private remember(row: unknown): void {
    const wrapped = readWrappedCaseKey(row);
    // A row of another shape is not a key: records of that case then report themselves damaged.
    if (!wrapped || this.caseKeys.has(wrapped.caseId)) return;
    try {
      this.caseKeys.set(wrapped.caseId, openCaseKey(this.vaultKey, wrapped.caseId, wrapped));
    } catch {
      // A damaged wrapped key: its case's records open as damaged ('key'), and name themselves.
    }
  }
}

/** Runs `then` when the transaction commits or fails (the IndexedDB core's transactions are IDBTransactions). */
function whenEnded(trans: DBCoreTransaction, then: (committed: boolean) => void): void {
  const events = trans as unknown as Pick<IDBTransaction, 'addEventListener'>;
  events.addEventListener('complete', () => then(true));
  // Not 'error': a request's error can be handled and the transaction still commit; 'abort' follows any that is not.
  events.addEventListener('abort', () => then(false));
}

/** Every key of a table (Dexie's DBCoreRangeType.Any, a const enum this build cannot import). */
const ANY_KEY = { type: 3, lower: undefined, upper: undefined, lowerOpen: false, upperOpen: false } as const;

/** A key source for a database of the workstation's own (a past state's overlay): every row under the workstation key. */
export function workstationKeys(vaultKey: Uint8Array): RecordKeySource {
  const key = workstationRecordKey(vaultKey);
  return { tables: [], keyFor: () => key, load: () => Dexie.Promise.resolve() };
}

/**
 * Tables whose rows are the workstation's even when they name a case: the log of bundles sent and
 * received outlives a purged case (a bundle taken in once is still recognised).
 */
const WORKSTATION_TABLES = new Set(['bundleLog']);

/** The case a record belongs to: a case record is its own; rows of no case have none. */
function caseOf(request: RecordKeyRequest): string | undefined {
  if (WORKSTATION_TABLES.has(request.table)) return undefined;
  if (request.table === 'cases') return typeof request.primaryKey === 'string' ? request.primaryKey : undefined;
  const caseId = request.clear.caseId;
  return typeof caseId === 'string' && caseId !== '' ? caseId : undefined;
}
