import type { VigiaDatabase } from '../database';
import type { CachedLayout } from '../local-records';

type Positions = CachedLayout['positions'];

/**
 * The cached positions of one view of a case, when they were computed from the same elements
 * (`inputKey`); a layout of other elements is stale and not returned.
 */
export async function getCachedLayout(db: VigiaDatabase, caseId: string, viewId: string, inputKey: string): Promise<Positions | undefined> {
  const cached = await db.layouts.get([caseId, viewId]);
  return cached && cached.inputKey === inputKey ? cached.positions : undefined;
}

/** Keeps one layout per case and view: the newest replaces the previous one. */
export async function putCachedLayout(db: VigiaDatabase, caseId: string, viewId: string, inputKey: string, positions: Positions): Promise<void> {
  await db.layouts.put({ caseId, viewId, inputKey, positions, computedAt: db.now() });
}

/** Forgets every cached layout of a case (e.g. when the case is deleted). */
export async function clearCachedLayouts(db: VigiaDatabase, caseId: string): Promise<void> {
  await db.layouts.where('[caseId+viewId]').between([caseId, ''], [caseId, '\uffff']).delete();
}
