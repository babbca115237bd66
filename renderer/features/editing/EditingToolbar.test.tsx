import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCommandKeys } from '../../commands';
import { DatabaseContext, createCase, createPerson, recordUndoable, type VigiaDatabase } from '../../db';
import { freshDatabase } from '../../db/test-support';
import { createI18n } from '../../i18n/i18n';
import { useUiStore } from '../../store/ui-store';
import { EditingToolbar } from './EditingToolbar';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));
afterEach(cleanup);

function Keys() {
  useCommandKeys();
  return null;
}

function mount(db: VigiaDatabase, caseId: string) {
  return render(
    <I18nextProvider i18n={createI18n('es')}>
      <DatabaseContext.Provider value={db}>
        <Keys />
        <EditingToolbar caseId={caseId} />
      </DatabaseContext.Provider>
    </I18nextProvider>,
  );
}

async function caseWithOneAddedPerson() {
  const db = await freshDatabase();
  const created = await createCase(db, { name: 'Caso', marking: 'CONFIDENCIAL' });
  if (!created.ok) throw new Error('no case');
  const caseId = created.value.id;
  useUiStore.getState().openCase(caseId);
  const { action } = await recordUndoable(db, caseId, () => createPerson(db, caseId, { primaryName: 'Abu Salah' }));
  if (!action) throw new Error('nothing to undo');
  useUiStore.getState().pushUndoable(action);
  const living = async () => (await db.persons.where('caseId').equals(caseId).toArray()).filter((p) => !p.deleted);
  return { db, caseId, living };
}

describe('the undo history belongs to the case, not to the toolbar', () => {
  it('survives the toolbar unmounting and mounting again: undo still takes the edit back', async () => {
    const { db, caseId, living } = await caseWithOneAddedPerson();
    mount(db, caseId).unmount();
    mount(db, caseId);
    const undo = screen.getByRole('button', { name: 'Deshacer' });
    expect((undo as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(undo);
    await waitFor(async () => expect(await living()).toEqual([]));
  });

  it('answers Ctrl+Z after the toolbar came back', async () => {
    const { db, caseId, living } = await caseWithOneAddedPerson();
    mount(db, caseId).unmount();
    mount(db, caseId);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(async () => expect(await living()).toEqual([]));
  });

  it('is forgotten when another case opens', async () => {
    const { db, caseId } = await caseWithOneAddedPerson();
    mount(db, caseId);
    useUiStore.getState().openCase('case:other');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Deshacer' }) as HTMLButtonElement).disabled).toBe(true));
  });
});
