import type { Case } from '../../../shared/model';
import type { VigiaDatabase } from '../database';

/** Cases deleted on this workstation and not yet purged: they can still be restored. Newest change first. */
export async function listDeletedCases(db: VigiaDatabase): Promise<Case[]> {
  const cases = await db.cases.filter((c) => c.deleted === 1).toArray();
  return cases.sort((a, b) => b.updatedAt - a.updatedAt);
}
