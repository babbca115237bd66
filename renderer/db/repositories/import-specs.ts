import Dexie, { type Table } from 'dexie';
import { importSpecSchema, type ImportSpec } from '../../../shared/import/spec';
import type { VigiaDatabase } from '../database';

/** A saved import specification of a case (schema version 4). */
export interface SavedImportSpec {
  caseId: string;
  name: string;
  spec: ImportSpec;
  savedAt: number;
}

export function importSpecsTable(db: VigiaDatabase): Table<SavedImportSpec, [string, string]> {
  return db.table('importSpecs');
}

/** Saves under the specification's name, replacing one of the same name. */
export async function saveImportSpec(db: VigiaDatabase, caseId: string, spec: ImportSpec): Promise<void> {
  const checked = importSpecSchema.parse(spec);
  await importSpecsTable(db).put({ caseId, name: checked.name, spec: checked, savedAt: db.now() });
}

/** The case's saved specifications, by name; rows that no longer validate are left out. */
export async function listImportSpecs(db: VigiaDatabase, caseId: string): Promise<ImportSpec[]> {
  const rows = await importSpecsTable(db).where('[caseId+name]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
  // Stored under blinded names (vault/key-blinding-middleware.ts), which have no useful order.
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return rows.flatMap((row) => {
    const parsed = importSpecSchema.safeParse(row.spec);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function deleteCaseImportSpecs(db: VigiaDatabase, caseId: string): Promise<void> {
  await importSpecsTable(db).where('[caseId+name]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).delete();
}
