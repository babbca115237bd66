import type { i18n } from 'i18next';
import { openVigiaDatabase, type VigiaDatabase, getWorkstation } from '../db';

export interface Startup {
  db: VigiaDatabase;
  /** The case open when the workstation was last used, if it still exists. */
  reopenCaseId: string | undefined;
}

/** Opens the database, applies the remembered language and finds the case to reopen. */
export async function startWorkstation(i18nInstance: i18n): Promise<Startup> {
  const db = await openVigiaDatabase();
  const workstation = await getWorkstation(db);
  if (i18nInstance.language !== workstation.locale) await i18nInstance.changeLanguage(workstation.locale);
  const lastCase = workstation.lastCaseId ? await db.cases.get(workstation.lastCaseId) : undefined;
  return { db, reopenCaseId: lastCase && lastCase.deleted === 0 ? lastCase.id : undefined };
}
