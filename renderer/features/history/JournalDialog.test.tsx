import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseContext, createCase, setAnalystName, updateCase } from '../../db';
import { freshDatabase } from '../../db/test-support';
import { createI18n } from '../../i18n/i18n';
import { useUiStore } from '../../store/ui-store';
import { JournalDialog } from './JournalDialog';

afterEach(() => {
  cleanup();
  useUiStore.getState().closeDialog();
});

async function renamedCase() {
  const db = await freshDatabase();
  await setAnalystName(db, 'Ana Ruiz');
  const created = await createCase(db, { name: 'Operación Tinta', marking: 'RESERVADO' });
  if (!created.ok) throw new Error('case not created');
  const renamed = await updateCase(db, created.value.id, { name: 'Operación Pluma' });
  if (!renamed.ok) throw new Error('case not renamed');
  useUiStore.getState().openDialog({ kind: 'journal' });
  render(
    <I18nextProvider i18n={createI18n('es')}>
      <DatabaseContext.Provider value={db}>
        <JournalDialog openCase={renamed.value} />
      </DatabaseContext.Provider>
    </I18nextProvider>,
  );
  return { db, caseId: created.value.id };
}

describe('JournalDialog', () => {
  it('lists the change with who made it and before → after, and says the chain is intact', async () => {
    await renamedCase();
    const entries = await screen.findAllByTestId('audit-entry');
    expect(entries[0]?.textContent).toContain('nombre: Operación Tinta → Operación Pluma');
    expect(entries[0]?.textContent).toContain('Ana Ruiz');
    fireEvent.click(screen.getByRole('button', { name: 'Verificar integridad' }));
    await waitFor(() => expect(screen.getByTestId('integrity-result').textContent).toBe('La cadena está intacta (2 entradas).'));
  });

  it('says at which entry of which workstation the chain was broken', async () => {
    const { db, caseId } = await renamedCase();
    const [first] = await db.audit.where('[caseId+workstationId+seq]').between([caseId], [caseId, '\uffff']).toArray();
    // Someone edits the first entry in place: its hash no longer matches.
    await db.audit.update(first!.id, { analyst: 'Otra persona' });
    fireEvent.click(await screen.findByRole('button', { name: 'Verificar integridad' }));
    await waitFor(() =>
      expect(screen.getByTestId('integrity-result').textContent).toBe(
        `La cadena está rota en la entrada 1 de la estación ${first!.workstationId}: la entrada fue alterada después de escribirse.`,
      ),
    );
  });
});
