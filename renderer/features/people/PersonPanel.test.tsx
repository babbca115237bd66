import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/model';
import { DatabaseContext, importSnapshot } from '../../db';
import { freshDatabase, meta, syntheticSnapshot } from '../../db/test-support';
import { createI18n } from '../../i18n/i18n';
import { localToday } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import { PersonPanel } from './PersonPanel';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));
afterEach(cleanup);

async function renderPanel(locale: 'es' | 'en' = 'es') {
  const db = await freshDatabase();
  const snapshot = syntheticSnapshot(3, 2, 2);
  const leader = snapshot.persons[0]!;
  leader.primaryName = '<b>Abu Hafs</b>';
  leader.role = 'leader';
  leader.alternateNames = [{ name: 'El Tarik', kind: 'alias', sourceIds: [] }];
  leader.realName = 'Karim Benali';
  leader.nationalities = [{ country: 'MA', status: 'verified', sourceIds: [] }];
  leader.identifiers = [{ scheme: 'NIS', value: '0012345', sourceIds: [] }];
  snapshot.sources.push({
    ...meta('source:letter', 'case:synthetic'),
    kind: 'letter',
    title: 'Carta intervenida',
    author: '',
    keptAt: '',
    reliability: 'B',
    attachmentIds: [],
    notes: '',
  });
  snapshot.links[0]!.sourceIds = ['source:letter'];
  snapshot.links[0]!.date = '2018-05-02';
  snapshot.sentences.push({
    ...meta('sentence:0', 'case:synthetic'),
    personId: leader.id,
    offence: 'Terrorismo',
    lengthMonths: 168,
    start: '2010-01-01',
    expectedRelease: addDays(localToday(), 7),
    preventiveDetention: false,
    sourceIds: [],
  });
  await importSnapshot(db, snapshot);
  useUiStore.getState().selectPerson(leader.id);
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <DatabaseContext.Provider value={db}>
        <PersonPanel personId={leader.id} />
      </DatabaseContext.Provider>
    </I18nextProvider>,
  );
  return screen.findByTestId('person-panel');
}

describe('PersonPanel', () => {
  it('shows names, prison, role, the release date with the days left, and links with grading and sources', async () => {
    const panel = await renderPanel();
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('<b>Abu Hafs</b>');
    expect(panel.querySelector('b')).toBeNull();
    expect(within(panel).getByText('El Tarik')).toBeTruthy();
    expect(within(panel).getByText('Karim Benali')).toBeTruthy();
    expect(within(panel).getByText('Marruecos (verificada)')).toBeTruthy();
    expect(within(panel).getByText('0012345').closest('div')?.textContent).toContain('NIS');
    expect(within(panel).getByText('Cabecilla')).toBeTruthy();
    expect(within(panel).getByText('Prison 0, desde el 1 de enero de 2015')).toBeTruthy();
    expect(within(panel).getByTestId('release-date').textContent).toMatch(/ \(dentro de 7 días\)$/);
    expect(within(panel).getByText('168 meses')).toBeTruthy();
    expect(within(panel).getAllByRole('button', { name: 'Ir a la ficha de Person 1' })[0]!).toBeTruthy();
    expect(within(panel).getAllByText('Valoración B2')).toHaveLength(2);
    expect(within(panel).getByText(/Carta intervenida \(fiabilidad B\)/)).toBeTruthy();
  });

  it('speaks English when the UI does', async () => {
    const panel = await renderPanel('en');
    expect(within(panel).getByText('Ringleader')).toBeTruthy();
    expect(within(panel).getByTestId('release-date').textContent).toMatch(/ \(in 7 days\)$/);
  });

  it('goes to the other person of a link, and closes on Esc', async () => {
    const panel = await renderPanel();
    fireEvent.click(within(panel).getAllByRole('button', { name: 'Ir a la ficha de Person 1' })[0]!);
    expect(useUiStore.getState().selectedPersonId).toBe('person:1');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(useUiStore.getState().personPanelOpen).toBe(false);
  });
});
