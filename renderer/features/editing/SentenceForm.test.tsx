import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseContext, createCase, createPerson } from '../../db';
import { freshDatabase } from '../../db/test-support';
import { createI18n } from '../../i18n/i18n';
import { useUiStore } from '../../store/ui-store';
import { EditorHost } from './EditorHost';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));
afterEach(cleanup);

async function openSentenceEditor() {
  const db = await freshDatabase();
  const created = await createCase(db, { name: 'Caso', marking: 'CONFIDENCIAL' });
  if (!created.ok) throw new Error('no case');
  const person = await createPerson(db, created.value.id, { primaryName: 'Abu Salah' });
  if (!person.ok) throw new Error('no person');
  useUiStore.setState({ openCaseId: created.value.id, dialogs: [{ kind: 'editor', editor: { kind: 'sentence', personId: person.value.id } }] });
  render(
    <I18nextProvider i18n={createI18n('es')}>
      <DatabaseContext.Provider value={db}>
        <EditorHost />
      </DatabaseContext.Provider>
    </I18nextProvider>,
  );
  const dialog = await screen.findByRole('dialog', { name: 'Nueva condena de Abu Salah' });
  return { db, dialog: within(dialog) };
}

describe('the sentence editor', () => {
  it('refuses a release before the start inline, keeps what was typed, writes nothing; then saves one undoable action', async () => {
    const { db, dialog } = await openSentenceEditor();
    const type = (label: string, value: string) => fireEvent.change(dialog.getByLabelText(label), { target: { value } });
    type('Delito', 'Integración en organización terrorista');
    type('Años', '14');
    type('Inicio', '2012-03-01');
    type('Excarcelación prevista', '2011-03-01');
    fireEvent.click(dialog.getByRole('button', { name: 'Guardar' }));

    const release = dialog.getByLabelText('Excarcelación prevista');
    await waitFor(() => expect(release.getAttribute('aria-invalid')).toBe('true'));
    expect(dialog.getByText('La excarcelación no puede ser anterior al inicio de la condena.')).toBeTruthy();
    expect(document.activeElement).toBe(release);
    expect((dialog.getByLabelText('Delito') as HTMLInputElement).value).toBe('Integración en organización terrorista');
    expect(await db.sentences.count()).toBe(0);

    type('Excarcelación prevista', '2026-03-01');
    fireEvent.click(dialog.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(useUiStore.getState().dialogs).toEqual([]));
    const [sentence] = await db.sentences.toArray();
    expect(sentence).toMatchObject({ lengthMonths: 168, start: '2012-03-01', expectedRelease: '2026-03-01', preventiveDetention: false });
    expect(useUiStore.getState().undoStack).toHaveLength(1);
  });

  it('refuses a length that is not a whole number without writing', async () => {
    const { db, dialog } = await openSentenceEditor();
    fireEvent.change(dialog.getByLabelText('Delito'), { target: { value: 'Terrorismo' } });
    fireEvent.change(dialog.getByLabelText('Meses'), { target: { value: 'seis' } });
    fireEvent.change(dialog.getByLabelText('Inicio'), { target: { value: '2012-03-01' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(dialog.getByLabelText('Meses').getAttribute('aria-invalid')).toBe('true'));
    expect(await db.sentences.count()).toBe(0);
  });
});
