import type { Case } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { getSetting } from '../settings';

/** The cases on this workstation, not deleted, by name in the given locale. */
export async function listCases(db: VigiaDatabase, locale?: string): Promise<Case[]> {
  const cases = await db.cases.filter((c) => !c.deleted).toArray();
  return cases.sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** A case that exists and is not deleted. */
export async function getCase(db: VigiaDatabase, caseId: string): Promise<Case | undefined> {
  const found = await db.cases.get(caseId);
  return found && !found.deleted ? found : undefined;
}

/** The case that was open when the workstation was last used, if it still exists. */
export async function getLastOpenedCase(db: VigiaDatabase): Promise<Case | undefined> {
  const caseId = await getSetting(db, 'lastCaseId');
  return caseId ? getCase(db, caseId) : undefined;
}
