import { z } from 'zod';
import { hlcStamp, recordId } from './records';

/** One spreadsheet row a record came from, as History shows it. */
export const importOrigin = z.object({
  file: z.string().max(300),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sheet: z.string().max(200),
  row: z.number().int().positive(),
});
export type ImportOrigin = z.infer<typeof importOrigin>;

// 'export': a file left the workstation (what, in which format, with which selection); no record changed.
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'restore', 'import', 'export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One entry of a case's append-only audit log: who (the analyst's name and workstation), when,
 * what, the record before and after. Entries of a case form a hash chain: `hash` covers the entry
 * and `prevHash`, so a removed or altered entry breaks the chain at that point.
 */
export const auditEntrySchema = z.object({
  id: recordId,
  caseId: recordId,
  /** Position in this workstation's chain for the case, from 1. */
  seq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  hlc: hlcStamp,
  analyst: z.string().max(200),
  workstationId: z.string().min(1).max(128),
  action: z.enum(AUDIT_ACTIONS),
  table: z.string().max(64),
  recordId: recordId,
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  /** Set when the change arrived in a bundle: which one, from whom. */
  bundleId: z.string().max(128).optional(),
  /** Set when the change came from a spreadsheet import: the file (and its SHA-256), sheet and rows. */
  importedFrom: z.array(importOrigin).max(1000).optional(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The chain's first `prevHash`. */
export const GENESIS_HASH = '0'.repeat(64);
