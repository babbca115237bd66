import type { DatabaseAddress } from '../db/database';
/** Messages between the page and the demo-case worker. */
export interface DemoCaseRequest {
  size: number;
  /** The workstation's calendar date: the leader's release is set a week after it. */
  today: string;
  database: DatabaseAddress;
}

export type DemoCaseMessage =
  | { type: 'generating' }
  | { type: 'saving'; done: number; total: number }
  | { type: 'done'; caseId: string }
  | { type: 'failed'; reason: string };
