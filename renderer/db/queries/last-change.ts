import Dexie from 'dexie';
import { DEMO_WORKSTATION } from '../../../shared/demo/stamp';
import type { CaseRecord } from '../../../shared/merge/merge-record';
import { CASE_TABLE_NAMES, type AuditEntry, type CaseTableName } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { getStoredIdentity } from '../repositories/identity';
import { listContacts } from '../repositories/keyring';
import { getSetting } from '../settings';
import { loadArrivals, type Arrival } from '../sync/arrivals';
import { bundleLogTable, type BundleLogEntry, type Counterpart } from '../sync/bundle-log';
import { caseIdOf } from '../../../shared/model';

/** A record to describe: its table when the caller knows it (otherwise it is looked up). */
export interface RecordRef {
  table?: CaseTableName;
  id: string;
}

/** The bundle a change came through, and who signed it (when this workstation can tell). */
export interface BundleOrigin {
  bundleId: string;
  sender?: Counterpart;
}

/** Who last changed a record, when, on which workstation, and through which bundle if it came from elsewhere. */
export interface LastChange {
  table: CaseTableName;
  recordId: string;
  /** Wall time of the change on the workstation that made it (epoch ms). */
  at: number;
  stamp: string;
  workstationId: string;
  /** The change was made on this workstation. */
  here: boolean;
  /** The record is still as the demo generator wrote it. */
  demo: boolean;
  /** The analyst's name, when an audit entry (or this workstation's identity) gives one. */
  analyst?: string;
  bundle?: BundleOrigin;
}

/** What every record of one batch shares: read once. */
interface Context {
  db: VigiaDatabase;
  here: string;
  myName: string | undefined;
  me: Counterpart | undefined;
  contactNames: Map<string, string>;
  log: Map<string, BundleLogEntry>;
  caseHistories: Map<string, Promise<AuditEntry[]>>;
  chainNames: Map<string, Promise<string | undefined>>;
}

const named = (name: string | undefined) => (name && name.trim() !== '' ? name : undefined);
const byStamp = (a: AuditEntry, b: AuditEntry) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0);
const fieldsOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
/** How far back one workstation's chain is read for a name: a bounded read, not a scan. */
const CHAIN_NAME_LOOKBACK = 50;

async function readContext(db: VigiaDatabase): Promise<Context> {
  const [here, analystName, identity, contacts, log] = await Promise.all([
    getSetting(db, 'workstationId'),
    getSetting(db, 'analystName'),
    getStoredIdentity(db),
    listContacts(db),
    bundleLogTable(db).toArray(),
  ]);
  return {
    db,
    here: here ?? '',
    myName: named(analystName) ?? named(identity?.name),
    me: identity ? { name: identity.name, fingerprint: identity.fingerprint } : undefined,
    contactNames: new Map(contacts.map((c) => [c.fingerprint, c.name])),
    log: new Map(log.map((e) => [e.id, e])),
    caseHistories: new Map(),
    chainNames: new Map(),
  };
}

/** The case record's own history holds the `import` entries: one per snapshot or bundle taken in. */
function caseHistory(ctx: Context, caseId: string): Promise<AuditEntry[]> {
  let history = ctx.caseHistories.get(caseId);
  if (!history) {
    history = ctx.db.audit.where('recordId').equals(caseId).toArray().then((list) => list.sort(byStamp));
    ctx.caseHistories.set(caseId, history);
  }
  return history;
}

/** The newest name a workstation signed its entries for this case with. */
function chainName(ctx: Context, caseId: string, workstationId: string): Promise<string | undefined> {
  const key = `${caseId}\u0000${workstationId}`;
  let name = ctx.chainNames.get(key);
  if (!name) {
    name = ctx.db.audit
      .where('[caseId+workstationId+seq]')
      .between([caseId, workstationId, Dexie.minKey], [caseId, workstationId, Dexie.maxKey])
      .reverse()
      .limit(CHAIN_NAME_LOOKBACK)
      .toArray()
      .then((chain) => named(chain.find((e) => named(e.analyst))?.analyst));
    ctx.chainNames.set(key, name);
  }
  return name;
}

/**
 * Who signed a bundle: the sender this workstation logged on receiving it, this analyst for one it
 * sent, otherwise the sender named by any workstation's `import` entry for it (those travel too).
 * The keyring's name for the fingerprint wins: it is the one the analyst compared and trusted.
 */
async function senderOf(ctx: Context, bundleId: string, caseId: string): Promise<Counterpart | undefined> {
  let sender: Counterpart | undefined = ctx.log.get(`received:${bundleId}`)?.counterparts[0];
  if (!sender && ctx.log.has(`sent:${bundleId}`)) sender = ctx.me;
  if (!sender) {
    const entry = (await caseHistory(ctx, caseId)).find((e) => e.action === 'import' && e.bundleId === bundleId);
    const after = fieldsOf(entry?.after);
    if (typeof after.sender === 'string') {
      sender = typeof after.fingerprint === 'string' ? { name: after.sender, fingerprint: after.fingerprint } : { name: after.sender };
    }
  }
  if (!sender) return undefined;
  const trustedName = sender.fingerprint ? ctx.contactNames.get(sender.fingerprint) : undefined;
  return trustedName ? { ...sender, name: trustedName } : sender;
}

/**
 * `arrival` is the bundle that brought the record's version as it was then; it names the bundle only
 * while the record still carries that version (a later edit here or a snapshot import replaced it).
 */
async function describe(ctx: Context, table: CaseTableName, record: CaseRecord, entries: AuditEntry[], arrival: Arrival | undefined): Promise<LastChange> {
  const caseId = caseIdOf(table, record);
  const author = record.updatedBy;
  const own = entries.filter((e) => e.workstationId === author && e.hlc <= record.hlc);
  const authorEntry = own.find((e) => e.hlc === record.hlc) ?? own[own.length - 1];
  const here = author === ctx.here;
  const analyst =
    named(authorEntry?.analyst) ??
    named([...own].reverse().find((e) => named(e.analyst))?.analyst) ??
    (here ? ctx.myName : author === DEMO_WORKSTATION ? undefined : await chainName(ctx, caseId, author));
  const change: LastChange = { table, recordId: record.id, at: record.updatedAt, stamp: record.hlc, workstationId: author, here, demo: author === DEMO_WORKSTATION };
  if (analyst) change.analyst = analyst;
  if (!here && arrival?.hlc === record.hlc) {
    const sender = await senderOf(ctx, arrival.bundleId, caseId);
    change.bundle = sender ? { bundleId: arrival.bundleId, sender } : { bundleId: arrival.bundleId };
  }
  return change;
}

async function findRecord(db: VigiaDatabase, ref: RecordRef, entries: AuditEntry[]): Promise<{ table: CaseTableName; record: CaseRecord } | undefined> {
  const hinted = ref.table ?? (entries.find((e) => (CASE_TABLE_NAMES as readonly string[]).includes(e.table))?.table as CaseTableName | undefined);
  const tables = hinted ? [hinted, ...CASE_TABLE_NAMES.filter((t) => t !== hinted)] : CASE_TABLE_NAMES;
  for (const table of tables) {
    const record = (await db.caseTable(table).get(ref.id)) as CaseRecord | undefined;
    if (record) return { table, record };
    if (ref.table) return undefined;
  }
  return undefined;
}

/**
 * The last change of each record, keyed by record id; records that do not exist are left out.
 * Reads only: one index query over the records' own audit entries, one read of their arrival
 * buckets, the bundle log and the keyring (both small), and, for a sender this workstation did not
 * log, the case's own history (where imports are logged).
 */
export async function loadLastChanges(db: VigiaDatabase, refs: readonly RecordRef[]): Promise<Map<string, LastChange>> {
  const result = new Map<string, LastChange>();
  if (refs.length === 0) return result;
  const ctx = await readContext(db);
  const firstRefs = new Map<string, RecordRef>();
  for (const ref of refs) if (!firstRefs.has(ref.id)) firstRefs.set(ref.id, ref);
  const ids = [...firstRefs.keys()];
  const byRecord = new Map<string, AuditEntry[]>();
  for (const entry of (await db.audit.where('recordId').anyOf(ids).toArray()).sort(byStamp)) {
    byRecord.set(entry.recordId, [...(byRecord.get(entry.recordId) ?? []), entry]);
  }
  const found = new Map<string, { table: CaseTableName; record: CaseRecord }>();
  for (const [id, ref] of firstRefs) {
    const record = await findRecord(db, ref, byRecord.get(id) ?? []);
    if (record) found.set(id, record);
  }
  const arrivals = await loadArrivals(db, [...found.values()]);
  for (const [id, { table, record }] of found) result.set(id, await describe(ctx, table, record, byRecord.get(id) ?? [], arrivals.get(id)));
  return result;
}

export async function loadLastChange(db: VigiaDatabase, ref: RecordRef): Promise<LastChange | undefined> {
  return (await loadLastChanges(db, [ref])).get(ref.id);
}

/** The bundle an audit entry names, with its sender: what History shows beside a merged-in change. */
export async function loadBundleOrigin(db: VigiaDatabase, bundleId: string, caseId: string): Promise<BundleOrigin> {
  const sender = await senderOf(await readContext(db), bundleId, caseId);
  return sender ? { bundleId, sender } : { bundleId };
}
