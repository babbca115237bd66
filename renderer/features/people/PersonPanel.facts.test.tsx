import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseContext, importSnapshot, type VigiaDatabase, undoAction } from '../../db';
import { meta, freshDatabase, syntheticSnapshot } from '../../db/test-support';
import { createI18n } from '../../i18n/i18n';
import { useUiStore } from '../../store/ui-store';
import { EditorHost } from '../editing/EditorHost';
import { LINKS_SHOWN_FIRST } from './panel/LinkList';
import { PersonPanel } from './PersonPanel';
import { prefetchPersonDetails, takePrefetchedPersonDetails } from './person-details-prefetch';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));
afterEach(cleanup);

const CASE = 'case:synthetic';
const LEADER = 'person:0';

/** A case whose leader has `extraLinks` letters to others, a sentence, and an event. */
async function caseWithLeader(extraLinks: number): Promise<VigiaDatabase> {
  const db = await freshDatabase();
  const snapshot = syntheticSnapshot(extraLinks + 2, 0, 2);
  for (let i = 1; i <= extraLinks; i += 1) {
    snapshot.links.push({
      ...meta(`link:extra-${i}`, CASE),
      kind: 'letter',
      fromId: LEADER,
      toId: `person:${i}`,
      directed: true,
      date: `2019-01-${String((i % 28) + 1).padStart(2, '0')}`,
      grading: { reliability: 'B', credibility: 2 },
      sourceIds: [],
      notes: '',
    });
  }
  snapshot.sentences.push({
    ...meta('sentence:0', CASE),
    personId: LEADER,
    offence: 'Terrorismo',
    lengthMonths: 120,
    start: '2010-01-01',
    preventiveDetention: false,
    sourceIds: [],
  });
  snapshot.events.push({
    ...meta('event:0', CASE),
    kind: 'arrest',
    title: 'Detención en Ceuta',
    date: '2009-06-01',
    personIds: [LEADER],
    prisonIds: [],
    description: '',
    sourceIds: [],
  });
  await importSnapshot(db, snapshot);
  useUiStore.setState({ openCaseId: CASE });
  useUiStore.getState().selectPerson(LEADER);
  return db;
}

async function renderPanel(db: VigiaDatabase) {
  render(
    <I18nextProvider i18n={createI18n('es')}>
      <DatabaseContext.Provider value={db}>
        <PersonPanel personId={LEADER} />
        <EditorHost />
      </DatabaseContext.Provider>
    </I18nextProvider>,
  );
  return within(await screen.findByTestId('person-panel'));
}

describe('the person panel with many links', () => {
  it(`draws the newest ${LINKS_SHOWN_FIRST} links first and all of them on request`, async () => {
    const panel = await renderPanel(await caseWithLeader(60));
    const links = within(panel.getByTestId('person-links'));
    expect(links.getAllByRole('listitem')).toHaveLength(LINKS_SHOWN_FIRST);
    fireEvent.click(links.getByRole('button', { name: 'Mostrar los 60 vínculos' }));
    expect(links.getAllByRole('listitem')).toHaveLength(60);
    // Focus moves on to the first link revealed, not back to the page.
    expect(links.getAllByRole('listitem')[LINKS_SHOWN_FIRST]!.contains(document.activeElement)).toBe(true);
    expect(links.queryByRole('button', { name: 'Mostrar los 60 vínculos' })).toBeNull();
  });

  it('shows a read the click prefetched at once, before its live query answers', async () => {
    const db = await caseWithLeader(3);
    await prefetchPersonDetails(db, LEADER);
    const entry = takePrefetchedPersonDetails(db, LEADER);
    expect(entry?.done?.details?.links).toHaveLength(3);
    await prefetchPersonDetails(db, LEADER);
    render(
      <I18nextProvider i18n={createI18n('es')}>
        <DatabaseContext.Provider value={db}>
          <PersonPanel personId={LEADER} />
        </DatabaseContext.Provider>
      </I18nextProvider>,
    );
    // Drawn in the first render: no "loading" state at all.
    expect(screen.getByTestId('person-panel')).toBeTruthy();
    expect(takePrefetchedPersonDetails(db, LEADER)).toBeUndefined();
  });
});

describe('deleting facts from the person panel', () => {
  it('deletes a link after a confirmation, as a tombstone that undo brings back', async () => {
    const db = await caseWithLeader(2);
    const panel = await renderPanel(db);
    fireEvent.click(panel.getByRole('button', { name: 'Borrar el vínculo con Person 1' }));
    // Asked first; nothing written yet; Cancel goes back.
    expect(panel.getByRole('group', { name: '¿Borrar el vínculo con Person 1? Podrá deshacerlo.' })).toBeTruthy();
    fireEvent.click(panel.getByRole('button', { name: 'Cancelar' }));
    expect((await db.links.get('link:extra-1'))?.deleted).toBe(0);

    fireEvent.click(panel.getByRole('button', { name: 'Borrar el vínculo con Person 1' }));
    fireEvent.click(panel.getByRole('button', { name: 'Sí, borrar' }));
    await waitFor(() => expect(panel.queryByRole('button', { name: 'Ir a la ficha de Person 1' })).toBeNull());
    expect((await db.links.get('link:extra-1'))?.deleted).toBe(1);
    const { undoStack } = useUiStore.getState();
    // The delete is one undoable action for this case.
    expect(undoStack).toHaveLength(1);
    expect(undoStack[0]?.caseId).toBe((await db.links.get('link:extra-1'))?.caseId);

    const undone = await undoAction(db, undoStack[0]!);
    expect(undone.ok).toBe(true);
    expect(await panel.findByRole('button', { name: 'Ir a la ficha de Person 1' })).toBeTruthy();
    expect((await db.links.get('link:extra-1'))?.deleted).toBe(0);
  });

  it('deletes a sentence and an event, each one undoable action', async () => {
    const db = await caseWithLeader(1);
    const panel = await renderPanel(db);
    fireEvent.click(panel.getByRole('button', { name: 'Borrar la condena por Terrorismo' }));
    fireEvent.click(panel.getByRole('button', { name: 'Sí, borrar' }));
    await waitFor(() => expect(panel.queryByText('Terrorismo')).toBeNull());
    fireEvent.click(await panel.findByRole('button', { name: 'Borrar el hecho «Detención en Ceuta»' }));
    fireEvent.click(panel.getByRole('button', { name: 'Sí, borrar' }));
    await waitFor(() => expect(panel.queryByText(/Detención en Ceuta/)).toBeNull());
    expect((await db.sentences.get('sentence:0'))?.deleted).toBe(1);
    expect((await db.events.get('event:0'))?.deleted).toBe(1);
    expect(useUiStore.getState().undoStack).toHaveLength(2);
  });

  it('deletes a stay', async () => {
    const db = await caseWithLeader(1);
    const panel = await renderPanel(db);
    const [stay] = await db.stays.where('personId').equals(LEADER).toArray();
    fireEvent.click(panel.getByRole('button', { name: /^Borrar la estancia en Prison/ }));
    fireEvent.click(panel.getByRole('button', { name: 'Sí, borrar' }));
    await waitFor(async () => expect((await db.stays.get(stay!.id))?.deleted).toBe(1));
  });
});

describe('editing an event from the person panel', () => {
  it('opens the event in its editor with what it holds and saves the change as one undoable action', async () => {
    const db = await caseWithLeader(1);
    const panel = await renderPanel(db);
    fireEvent.click(await panel.findByRole('button', { name: 'Editar el hecho «Detención en Ceuta»' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Editar hecho' }));
    const title = dialog.getByLabelText('Título') as HTMLInputElement;
    expect(title.value).toBe('Detención en Ceuta');
    fireEvent.change(title, { target: { value: 'Detención en Ceuta (operación Jaula)' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(useUiStore.getState().dialogs).toEqual([]));
    expect(await db.events.get('event:0')).toMatchObject({ title: 'Detención en Ceuta (operación Jaula)', date: '2009-06-01', personIds: [LEADER] });
    expect(useUiStore.getState().undoStack).toHaveLength(1);
  });
});
