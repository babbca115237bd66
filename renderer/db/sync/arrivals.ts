import type { Table } from 'dexie';
import type { CaseRecord } from '../../../shared/merge/merge-record';
import type { CaseTableName } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { caseIdOf } from '../../../shared/model';

/** The bundle that brought one version of a record: the version is its `hlc` when it arrived. */
export interface Arrival {
  bundleId: string;
  hlc: string;
}

/**
 * Arrivals of one case table, grouped by a hash of the record id: one row per bucket rather than per
 * record, because a row costs IndexedDB about as much as the record itself and a whole 10k-person
 * case would double the import. Parallel lists rather than an object per record, because cloning
 * 100k small objects costs about a fifth of writing the records; lists of strings cost a twentieth.
 * Record `recordIds[i]` arrived as version `hlcs[i]` in bundle `bundleIds[bundleOf[i]]`. A bucket
 * holds a few hundred records at most, so reading the one a record falls in stays a point read.
 */
export interface ArrivalBucket {
  caseId: string;
  table: CaseTableName;
  bucket: number;
  bundleIds: string[];
  recordIds: string[];
  bundleOf: number[];
  hlcs: string[];
}

export type ArrivalKey = [caseId: string, table: CaseTableName, bucket: number];

/** Buckets per case table; changing it would orphan the rows written with the old count. */
const BUCKETS = 256;

export function arrivalsTable(db: VigiaDatabase): Table<ArrivalBucket, ArrivalKey> {
  return db.table('arrivals');
}

/** FNV-1a of the id: stable across runs and machines, and spreads `person:…` ids evenly. */
function bucketOf(recordId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < recordId.length; i++) hash = Math.imul(hash ^ recordId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}


type BucketKeyed<T> = Map<string, { key: ArrivalKey; value: T }>;

function keyOf(table: CaseTableName, record: CaseRecord): ArrivalKey {
  return [caseIdOf(table, record), table, bucketOf(record.id)];
}

/** A bucket's arrivals by record id. */
function readBucket(row: ArrivalBucket | undefined): Map<string, Arrival> {
  const arrivals = new Map<string, Arrival>();
  if (row) row.recordIds.forEach((id, i) => arrivals.set(id, { bundleId: row.bundleIds[row.bundleOf[i]!]!, hlc: row.hlcs[i]! }));
  return arrivals;
}

function writeBucket([caseId, table, bucket]: ArrivalKey, arrivals: Map<string, Arrival>): ArrivalBucket {
  const row: ArrivalBucket = { caseId, table, bucket, bundleIds: [], recordIds: [], bundleOf: [], hlcs: [] };
  const bundleIndex = new Map<string, number>();
  for (const [id, { bundleId, hlc }] of arrivals) {
    let index = bundleIndex.get(bundleId);
    if (index === undefined) bundleIndex.set(bundleId, (index = row.bundleIds.push(bundleId) - 1));
    row.recordIds.push(id);
    row.bundleOf.push(index);
    row.hlcs.push(hlc);
  }
  return row;
}

/**
 * Notes, inside the apply transaction, that `bundleId` brought these versions of these records
 * (replacing what an earlier bundle brought). Only Dexie is awaited.
 */
export async function recordArrivals(db: VigiaDatabase, bundleId: string, arrived: ReadonlyArray<{ table: CaseTableName; record: CaseRecord }>): Promise<void> {
  const touched: BucketKeyed<Array<[string, Arrival]>> = new Map();
  for (const { table, record } of arrived) {
    const key = keyOf(table, record);
    const name = key.join('\u0000');
    let entry = touched.get(name);
    if (!entry) touched.set(name, (entry = { key, value: [] }));
    entry.value.push([record.id, { bundleId, hlc: record.hlc }]);
  }
  if (touched.size === 0) return;
  const buckets = [...touched.values()];
  const stored = await arrivalsTable(db).bulkGet(buckets.map((b) => b.key));
  await arrivalsTable(db).bulkPut(
    buckets.map(({ key, value }, i) => {
      const arrivals = readBucket(stored[i]);
      for (const [id, arrival] of value) arrivals.set(id, arrival);
      return writeBucket(key, arrivals);
    }),
  );
}

/** The stored arrival of each record, keyed by record id; whether it is still current is the caller's call. */
export async function loadArrivals(db: VigiaDatabase, records: ReadonlyArray<{ table: CaseTableName; record: CaseRecord }>): Promise<Map<string, Arrival>> {
  const wanted: BucketKeyed<string[]> = new Map();
  for (const { table, record } of records) {
    const key = keyOf(table, record);
    const name = key.join('\u0000');
    let entry = wanted.get(name);
    if (!entry) wanted.set(name, (entry = { key, value: [] }));
    entry.value.push(record.id);
  }
  const result = new Map<string, Arrival>();
  if (wanted.size === 0) return result;
  const lists = [...wanted.values()];
  const buckets = await arrivalsTable(db).bulkGet(lists.map((l) => l.key));
  lists.forEach(({ value: ids }, i) => {
    const arrivals = readBucket(buckets[i]);
    for (const id of ids) {
      const arrival = arrivals.get(id);
      if (arrival) result.set(id, arrival);
    }
  });
  return result;
}

/** Forgets a case's arrivals: purging the case removes everything about it. */
export async function deleteCaseArrivals(db: VigiaDatabase, caseId: string): Promise<void> {
  // [caseId] sorts before every key of the case and [caseId, []] after (an array sorts after a string).
  await arrivalsTable(db).where('[caseId+table+bucket]').between([caseId], [caseId, []]).delete();
}
