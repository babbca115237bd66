import type { AuditEntry } from '../model/audit';
import { verifyAuditChain, type AuditChainReport } from '../audit/chain';

/** A record as the journal rebuilds it: its fields, keyed by table and id. */
export type KnownRecord = Record<string, unknown>;
export type KnownCase = Map<string, Map<string, KnownRecord>>;

export type AsKnownOn =
  | { ok: true; records: KnownCase; applied: number }
  | { ok: false; chain: Extract<AuditChainReport, { ok: false }> };

/**
 * The case as this workstation's journal held it at `until` (epoch ms, inclusive): every entry
 * written here up to then, replayed in chain order. An update's `after` holds only the fields it
 * changed, so it is merged; a delete or restore only flips the tombstone, so a record deleted
 * later is still present. An entry that came in a bundle counts from when it was applied here
 * (`at`), not from the colleague's own date. The chain is verified first: a broken journal is
 * never presented as a trustworthy past state.
 */
export function caseAsKnownOn(entries: readonly AuditEntry[], until: number): AsKnownOn {
  const chain = verifyAuditChain(entries);
  if (!chain.ok) return { ok: false, chain };
  const ordered = [...entries].sort((a, b) => a.seq - b.seq);
  const records: KnownCase = new Map();
  let applied = 0;
  for (const entry of ordered) {
    if (entry.at > until) break;
    applyEntry(records, entry);
    applied++;
  }
  return { ok: true, records, applied };
}

function applyEntry(records: KnownCase, entry: AuditEntry): void {
  let table = records.get(entry.table);
  if (!table) records.set(entry.table, (table = new Map()));
  const after = isObject(entry.after) ? entry.after : {};
  const existing = table.get(entry.recordId);
  if (entry.action === 'create' || !existing) table.set(entry.recordId, { ...after });
  else table.set(entry.recordId, { ...existing, ...after });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The last instant of the local calendar day holding `day` (epoch ms). */
export function endOfDay(day: number): number {
  const date = new Date(day);
  date.setHours(23, 59, 59, 999);
  return date.getTime();
}
