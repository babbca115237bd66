import { newId, type FieldIssue, type Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import type { SavedView } from '../local-records';

/** Longest name a saved view may have: it is a label in a list, not a note. */
export const MAX_VIEW_NAME = 120;

function checkName(name: string): FieldIssue[] {
  const trimmed = name.trim();
  if (trimmed.length === 0) return [{ path: 'name', code: 'empty_name' }];
  if (trimmed.length > MAX_VIEW_NAME) return [{ path: 'name', code: 'too_long' }];
  return [];
}

/** A case's saved network views, newest first. Views are the workstation's own: never merged or sent. */
export async function listSavedViews(db: VigiaDatabase, caseId: string): Promise<SavedView[]> {
  const views = await db.views.where('caseId').equals(caseId).toArray();
  return views.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name, 'es'));
}

/**
 * Saves a view under a name; a view of the same case with the same name is replaced (the analyst
 * updates "their" view by saving it again). The definition belongs to the network feature, which
 * checks it again when it reads it back.
 */
export async function saveView(
  db: VigiaDatabase,
  input: { caseId: string; name: string; definition: unknown },
): Promise<Validated<SavedView>> {
  const issues = checkName(input.name);
  if (issues.length > 0) return { ok: false, issues };
  const name = input.name.trim();
  return db.transaction('rw', db.cases, db.views, async () => {
    const found = await db.cases.get(input.caseId);
    if (!found || found.deleted) return { ok: false as const, issues: [{ path: 'caseId', code: 'missing_case' }] };
    const now = db.now();
    const existing = (await db.views.where('caseId').equals(input.caseId).toArray()).find((v) => v.name === name);
    const view: SavedView = {
      id: existing?.id ?? newId(),
      caseId: input.caseId,
      name,
      definition: input.definition,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await db.views.put(view);
    return { ok: true as const, value: view };
  });
}

export async function deleteView(db: VigiaDatabase, viewId: string): Promise<void> {
  await db.views.delete(viewId);
}
