import { tickClock } from './clock';
import type { VigiaDatabase } from './database';
import { getWorkstation } from './settings';

/** Who made a change and when: what every record and audit entry carries. */
export interface Author {
  workstationId: string;
  /** The analyst's name as set on this workstation ('' until set). */
  analyst: string;
  stamp: string;
  at: number;
}

/** Reads the workstation and issues a clock stamp. Call inside the `rw` transaction of the change. */
export async function signChange(db: VigiaDatabase): Promise<Author> {
  const workstation = await getWorkstation(db);
  const stamp = await tickClock(db, workstation.workstationId);
  return { workstationId: workstation.workstationId, analyst: workstation.analystName, stamp, at: db.now() };
}
