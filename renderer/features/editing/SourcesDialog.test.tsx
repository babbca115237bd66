import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseContext, createCase, createSource } from '../../db';
import { freshDatabase } from '../../db/test-support';
import { createI18n } from '../../i18n/i18n';
import { useUiStore } from '../../store/ui-store';
import { EditingToolbar } from './EditingToolbar';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));
afterEach(cleanup);

async function openToolbar() {
  const db = await freshDatabase();
  const created = await createCase(db, { name: 'Caso', marking: 'CONFIDENCIAL' });
  if (!created.ok) throw new Error('no case');
  const caseId = created.value.id;
  for (const [title, author] of [
    ['Carta intervenida en Topas', 'Guardia Civil'],
    ['Informe de la Jefatura', 'Policía Nacional'],
  ] as const) {
    const source = await createSource(db, caseId, { kind: 'report', title, author, keptAt: 'Archivo', reliability: 'B' });
    if (!source.ok) throw new Error('no source');
  }
  useUiStore.setState({ openCaseId: caseId });
  render(
    <I18nextProvider i18n={createI18n('es')}>
      <DatabaseContext.Provider value={db}>
        <EditingToolbar caseId={caseId} />
      </DatabaseContext.Provider>
    </I18nextProvider>,
  );
  return db;
}

describe('the case sources dialog', () => {
  it('lists the case sources, filters them ignoring accents, and opens one for editing', async () => {
    const db = await openToolbar();
    fireEvent.click(screen.getByRole('button', { name: 'Fuentes' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Fuentes del caso' }));
    // The case's marking heads the dialog, as on every screen of the case.
    expect((await dialog.findByTestId('marking-banner')).textContent).toMatch(/confidencial/i);
    const list = within(dialog.getByRole('list', { name: 'Fuentes del caso' }));
    await waitFor(() => expect(list.getAllByRole('listitem')).toHaveLength(2));

    fireEvent.change(dialog.getByLabelText('Filtrar por título, autor o lugar'), { target: { value: 'policia' } });
    await waitFor(() => expect(list.getAllByRole('listitem')).toHaveLength(1));
    expect(list.getByText('Informe de la Jefatura')).toBeTruthy();

    fireEvent.click(list.getByRole('button', { name: 'Editar la fuente Informe de la Jefatura' }));
    const [report] = (await db.sources.toArray()).filter((s) => s.title === 'Informe de la Jefatura');
    expect(useUiStore.getState().dialogs.at(-1)).toEqual({ kind: 'editor', editor: { kind: 'source', sourceId: report!.id } });
    const editor = await screen.findByRole('dialog', { name: /Informe de la Jefatura|fuente/i });
    expect(editor).toBeTruthy();

    fireEvent.change(dialog.getByLabelText('Filtrar por título, autor o lugar'), { target: { value: 'nada parecido' } });
    expect(await dialog.findByText('Ninguna fuente coincide.')).toBeTruthy();
  });
});
