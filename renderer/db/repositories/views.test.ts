import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../test-support';
import { createCase } from './cases';
import { clearCachedLayouts, getCachedLayout, putCachedLayout } from './layouts';
import { deleteView, listSavedViews, saveView } from './views';

async function withCase() {
  let now = 1_700_000_000_000;
  const db = await freshDatabase({ now: () => (now += 1000) });
  const created = await createCase(db, { name: 'Operación Prueba', marking: 'CONFIDENCIAL' });
  if (!created.ok) throw new Error('case not created');
  return { db, caseId: created.value.id };
}

describe('saved views', () => {
  it('keeps a named view per case, newest first, and replaces one saved again under its name', async () => {
    const { db, caseId } = await withCase();
    const first = await saveView(db, { caseId, name: ' Solo cartas ', definition: { view: 'prisons' } });
    expect(first).toMatchObject({ ok: true, value: { name: 'Solo cartas', definition: { view: 'prisons' } } });
    await saveView(db, { caseId, name: 'Mapa', definition: { view: 'map' } });
    const again = await saveView(db, { caseId, name: 'Solo cartas', definition: { view: 'grouped' } });
    const views = await listSavedViews(db, caseId);
    expect(views.map((v) => [v.name, v.definition])).toEqual([
      ['Solo cartas', { view: 'grouped' }],
      ['Mapa', { view: 'map' }],
    ]);
    expect(again.ok && first.ok && again.value.id === first.value.id && again.value.createdAt === first.value.createdAt).toBe(true);
    if (again.ok) await deleteView(db, again.value.id);
    expect((await listSavedViews(db, caseId)).map((v) => v.name)).toEqual(['Mapa']);
  });

  it('refuses an empty name, and a case that does not exist, writing nothing', async () => {
    const { db, caseId } = await withCase();
    expect(await saveView(db, { caseId, name: '   ', definition: {} })).toEqual({ ok: false, issues: [{ path: 'name', code: 'empty_name' }] });
    expect(await saveView(db, { caseId: 'case:none', name: 'Vista', definition: {} })).toEqual({
      ok: false,
      issues: [{ path: 'caseId', code: 'missing_case' }],
    });
    expect(await db.views.count()).toBe(0);
  });
});

describe('cached layouts', () => {
  it('returns positions only for the elements they were computed from', async () => {
    const { db, caseId } = await withCase();
    await putCachedLayout(db, caseId, 'free', 'key-1', { 'person|a': { x: 1, y: 2 } });
    expect(await getCachedLayout(db, caseId, 'free', 'key-1')).toEqual({ 'person|a': { x: 1, y: 2 } });
    expect(await getCachedLayout(db, caseId, 'free', 'key-2')).toBeUndefined();
    await putCachedLayout(db, 'case:other', 'free', 'key-1', {});
    await clearCachedLayouts(db, caseId);
    expect(await getCachedLayout(db, caseId, 'free', 'key-1')).toBeUndefined();
    expect(await getCachedLayout(db, 'case:other', 'free', 'key-1')).toEqual({});
  });
});
