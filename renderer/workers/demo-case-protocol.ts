import type { DatabaseAddress } from '../db/database';
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
  | { type: 'saving'; done: number; total: number }
  | { type: 'done'; caseId: string }
  | { type: 'failed'; reason: string };
