import type { i18n } from 'i18next';
import { getWorkstation, openWorkstationDatabase, resealOldRows, type LockStore, type MoveStep, type VigiaDatabase } from '../db';

export interface Startup {
  db: VigiaDatabase;
  /** The case open when the workstation was last used, if it still exists. */
  reopenCaseId: string | undefined;
}

/**
 * Opens the sealed database with the unlocked vault key (moving a plain one from before into it
 * first), applies the remembered language and finds the case to reopen.
 */
export async function startWorkstation(i18nInstance: i18n, vaultKey: Uint8Array, lock: LockStore, onMove: (step: MoveStep) => void): Promise<Startup> {
  const db = await openWorkstationDatabase(vaultKey, lock, onMove);
  // Rows sealed by the first releases are written again in today's format once, in the background,
  // after the case has had the machine to itself to open (a lock reloads the window and ends it).
  setTimeout(() => void resealOldRows(db, lock).catch((error: unknown) => console.error('re-sealing old rows failed', error)), RESEAL_AFTER_MS);
  return { db, reopenCaseId: await applyWorkstation(i18nInstance, db, lock) };
}

const RESEAL_AFTER_MS = 20_000;

/** The workstation's language (remembered for the lock screen too) and the case to reopen, if it still exists. */
export async function applyWorkstation(i18nInstance: i18n, db: VigiaDatabase, lock?: LockStore): Promise<string | undefined> {
  const workstation = await getWorkstation(db);
  if (i18nInstance.language !== workstation.locale) await i18nInstance.changeLanguage(workstation.locale);
  await lock?.putLocale(workstation.locale);
  const lastCase = workstation.lastCaseId ? await db.cases.get(workstation.lastCaseId) : undefined;
  return lastCase && lastCase.deleted === 0 ? lastCase.id : undefined;
}
