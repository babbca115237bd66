import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseContext, listCases } from '../../db';
import { freshDatabase } from '../../db/test-support';
import { createI18n } from '../../i18n/i18n';
import { useUiStore } from '../../store/ui-store';
import { NewCaseForm } from './NewCaseForm';

afterEach(cleanup);

async function renderForm() {
  const db = await freshDatabase();
  render(
    <I18nextProvider i18n={createI18n('es')}>
      <DatabaseContext.Provider value={db}>
        <NewCaseForm />
      </DatabaseContext.Provider>
    </I18nextProvider>,
  );
  return db;
}

describe('NewCaseForm', () => {
  it('shows why a case is refused next to the field, and keeps what was typed', async () => {
    const db = await renderForm();
    fireEvent.change(screen.getByLabelText('Unidad'), { target: { value: 'Unidad Central' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crear caso' }));

    const name = await screen.findByLabelText('Nombre del caso');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const errorId = name.getAttribute('aria-describedby');
    expect(errorId && document.getElementById(errorId)?.textContent).toBe('Escriba un nombre.');
    expect((screen.getByLabelText('Unidad') as HTMLInputElement).value).toBe('Unidad Central');
    expect(await listCases(db)).toEqual([]);
  });

  it('creates the case with its marking and opens it', async () => {
    const db = await renderForm();
    fireEvent.change(screen.getByLabelText('Nombre del caso'), { target: { value: 'Operación Prueba' } });
    fireEvent.change(screen.getByLabelText('Clasificación'), { target: { value: 'RESERVADO' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crear caso' }));

    await waitFor(async () => expect((await listCases(db)).map((c) => [c.name, c.marking])).toEqual([['Operación Prueba', 'RESERVADO']]));
    const [created] = await listCases(db);
    await waitFor(() => expect(useUiStore.getState().openCaseId).toBe(created?.id));
  });
});
