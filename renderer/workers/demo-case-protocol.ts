import type { DatabaseAddress } from '../db/database';
import type { CaseNetwork } from '../db/queries/case-network';
/** Messages between the page and the demo-case worker. */
export interface DemoCaseRequest {
  size: number;
  /** The workstation's calendar date: the leader's release is set a week after it. */
  today: string;
  database: DatabaseAddress;
}

/**
 * Sent to a warmed worker before any request: it opens the database (and readies the cipher) while
 * the analyst reads the first-run card, instead of after the click.
 */
export interface DemoCasePrepare {
  prepare: DatabaseAddress;
}

export type DemoCaseMessage =
  | { type: 'generating' }
  /**
   * A case small enough to open on its people was generated: its network, before it is stored, so
   * the page draws it while the worker writes the same records (case-being-stored.ts).
   */
  | { type: 'generated'; network: CaseNetwork }
  | { type: 'saving'; done: number; total: number }
  /** Stored; `stateKey` is the case's state when its network was cached (absent when it could not be). */
  | { type: 'done'; caseId: string; stateKey?: string }
  | { type: 'failed'; reason: string };
