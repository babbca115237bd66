import { isDatabaseAddress, type DatabaseAddress } from '../db/database';
import { isIsoDate, type IsoDate } from '../../shared/model';

/** Messages between the page and the worker that rebuilds a case as it was known on a day. */
export interface PastStateRequest {
  database: DatabaseAddress;
  caseId: string;
  day: IsoDate;
}

export type PastStateMessage =
  | { type: 'done'; changed: number; undone: number }
  | { type: 'refused'; reason: 'broken_chain'; workstationId: string; brokenAt: number }
  | { type: 'refused'; reason: 'not_known' }
  | { type: 'failed'; reason: string };

/** A message posted to a worker is input like any other. */
export function isPastStateRequest(value: unknown): value is PastStateRequest {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as Record<string, unknown>;
  return isDatabaseAddress(request.database) && typeof request.caseId === 'string' && typeof request.day === 'string' && isIsoDate(request.day);
}
