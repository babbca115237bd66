import type { AuditEntry } from '../model/audit';
import { verifyAuditChain, type AuditChainReport } from '../audit/chain';

/** A record as this workstation held it, keyed by table and id. */
export type KnownRecord = Record<string, unknown>;
export type KnownCase = Map<string, Map<string, KnownRecord>>;

export interface AsKnownOnInput {
  /** The case's records now, every table, tombstoned ones included. */
  current: KnownCase;
  /** The case's audit journal here: this workstation's chain and the chains that travelled in bundles. */
  journal: readonly AuditEntry[];
  /** This workstation: only its own chain says when something happened *here*. */
  workstationId: string;
  /**
   * Records a received bundle added (they have no `create` entry in this workstation's chain), with
   * when it was applied here.
   */
  bundleArrivals?: readonly { at: number; recordIds: readonly string[] }[];
  /** Epoch ms, inclusive: usually the end of the chosen day. */
  until: number;
}

export type AsKnownOn =
  | { ok: true; records: KnownCase; undone: number }
  | { ok: false; workstationId: string; chain: Extract<AuditChainReport, { ok: false }> };

/**
 * The case as this workstation held it at `until`: today's records with every change written here
 * after `until` undone, newest first. An update, delete or restore gives back the fields' `before`
 * (a field it added is removed again); a record created later is removed. Changes count from when
 * they were written *here*: an edit that came in a bundle is undone by the local entry written when
 * the bundle was applied, and a record a bundle added counts from that bundle's arrival. A record
 * with neither (a case or demo brought in whole, or a bundle applied before arrivals were kept)
 * counts from the case's first `import` here, or from its own creation when there is none.
 *
 * Every chain is verified first: a broken journal is never presented as a trustworthy past state.
 */
export function caseAsKnownOn(input: AsKnownOnInput): AsKnownOn {
  const chains = new Map<string, AuditEntry[]>();
  for (const entry of input.journal) {
    const chain = chains.get(entry.workstationId) ?? [];
    chain.push(entry);
    chains.set(entry.workstationId, chain);
  }
  for (const [workstationId, chain] of chains) {
    const report = verifyAuditChain(chain);
    if (!report.ok) return { ok: false, workstationId, chain: report };
  }

  const records: KnownCase = new Map([...input.current].map(([table, rows]) => [table, new Map([...rows].map(([id, r]) => [id, { ...r }]))]));
  const local = [...(chains.get(input.workstationId) ?? [])].sort((a, b) => a.seq - b.seq);

  // When each record first came to this workstation, where the journal or the bundle log says so.
  const arrival = new Map<string, number>();
  for (const bundle of input.bundleArrivals ?? []) for (const id of bundle.recordIds) if (!arrival.has(id) || arrival.get(id)! > bundle.at) arrival.set(id, bundle.at);
  for (const entry of local) if (entry.action === 'create') arrival.set(entry.recordId, entry.at);
  const firstImport = local.find((entry) => entry.action === 'import')?.at;

  let undone = 0;
  for (let i = local.length - 1; i >= 0; i--) {
    const entry = local[i]!;
    if (entry.at <= input.until) break;
    if (undoEntry(records, entry)) undone++;
  }
  for (const [, rows] of records) {
    for (const [id, record] of rows) {
      const came = arrival.get(id) ?? firstImport ?? (typeof record.createdAt === 'number' ? record.createdAt : 0);
      if (came > input.until) rows.delete(id);
    }
  }
  return { ok: true, records, undone };
}

function undoEntry(records: KnownCase, entry: AuditEntry): boolean {
  const rows = records.get(entry.table);
  if (!rows) return false;
  if (entry.action === 'create') return rows.delete(entry.recordId);
  if (entry.action !== 'update' && entry.action !== 'delete' && entry.action !== 'restore') return false;
  const record = rows.get(entry.recordId);
  if (!record) return false;
  const before = fieldsOf(entry.before);
  for (const field of Object.keys(fieldsOf(entry.after))) if (!(field in before)) delete record[field];
  Object.assign(record, before);
  return true;
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The last instant of the local calendar day `day` (YYYY-MM-DD), epoch ms. */
export function endOfDay(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, 23, 59, 59, 999).getTime();
}
