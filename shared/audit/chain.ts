import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { GENESIS_HASH, type AuditEntry } from '../model/audit';
import { canonicalJson } from '../json/canonical-json';

/** What the caller says about a change; the chain adds its position and the hashes. */
export type AuditFields = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/**
 * The hash of an entry: SHA-256 over the canonical JSON of every field but `hash` itself, so it
 * covers `seq` and `prevHash` too. Synchronous on purpose: it runs inside Dexie transactions.
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const covered: Record<string, unknown> = { ...entry };
  delete covered.hash;
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(covered))));
}

/** The next entry of a chain whose last entry is `previous` (none for the first entry). */
export function chainEntry(previous: AuditEntry | undefined, fields: AuditFields): AuditEntry {
  const unhashed: Omit<AuditEntry, 'hash'> = {
    ...fields,
    seq: previous ? previous.seq + 1 : 1,
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...unhashed, hash: hashAuditEntry(unhashed) };
}

export type AuditChainReport =
  | { ok: true; count: number }
  | { ok: false; brokenAt: number; reason: 'hash_mismatch' | 'prev_mismatch' | 'seq_gap' };

/**
 * Checks one chain (one case, one workstation), entries in any order. It reports the first place
 * where the chain breaks:
 * - `seq_gap` at the missing position when an entry was removed (or a duplicate inserted);
 * - `hash_mismatch` at an entry whose content no longer matches its hash (it was altered);
 * - `prev_mismatch` at an entry whose predecessor was altered and re-hashed.
 * Removing the newest entries cannot be seen from the entries alone.
 */
export function verifyAuditChain(entries: readonly AuditEntry[]): AuditChainReport {
  const ordered = [...entries].sort((a, b) => a.seq - b.seq);
  let previous: AuditEntry | undefined;
  for (const entry of ordered) {
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (entry.seq !== expectedSeq) return { ok: false, brokenAt: expectedSeq, reason: 'seq_gap' };
    if (entry.prevHash !== (previous ? previous.hash : GENESIS_HASH)) {
      return { ok: false, brokenAt: entry.seq, reason: 'prev_mismatch' };
    }
    if (hashAuditEntry(entry) !== entry.hash) return { ok: false, brokenAt: entry.seq, reason: 'hash_mismatch' };
    previous = entry;
  }
  return { ok: true, count: ordered.length };
}
