import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseContext, loadCaseNetwork, type CaseNetwork, type VigiaDatabase } from '../../db';
import { freshDatabase, meta } from '../../db/test-support';
import { createFormatters, localToday } from '../../i18n/formatters';
import { createI18n } from '../../i18n/i18n';
import { useUiStore } from '../../store/ui-store';
import { TimelineView } from './TimelineView';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));
afterEach(cleanup);

const CASE = 'case:t';
const person = (id: string, primaryName: string) => ({
  ...meta(id, CASE),
  primaryName,
  alternateNames: [],
  nationalities: [],
  role: 'core' as const,
  monitoring: 'at_risk' as const,
  programme: { status: 'none' as const },
  photoAttachmentIds: [],
  notes: '',
  sourceIds: [],
});
const prison = (id: string, name: string) => ({ ...meta(id, CASE), name, town: '', province: '', region: '', administration: 'SGIP' as const, kind: 'ordinary' as const, modules: [] });

/** Ahmed moved from Topas to Alcalá and wrote to Karim; one of Karim's stays has only a year. */
async function smallCase(): Promise<{ db: VigiaDatabase; network: CaseNetwork }> {
  const db = await freshDatabase();
  await db.cases.put({ ...meta(CASE, CASE), name: 'Caso', description: '', unit: '', openedOn: '2019-01-01', marking: 'CONFIDENCIAL', archived: false, synthetic: false });
  await db.persons.bulkPut([person('p:ahmed', 'Ahmed'), person('p:karim', 'Karim'), { ...person('p:gone', 'Borrado'), deleted: 1 }]);
  await db.prisons.bulkPut([prison('pr:topas', 'Topas'), prison('pr:alcala', 'Alcalá Meco')]);
  await db.stays.bulkPut([
    { ...meta('s1', CASE), personId: 'p:ahmed', prisonId: 'pr:topas', from: '2019-01-01', to: '2022-03-01', sourceIds: [] },
    { ...meta('s2', CASE), personId: 'p:ahmed', prisonId: 'pr:alcala', from: '2022-03-01', sourceIds: [] },
    // What an old import or a colleague's bundle may hold: a stay known only by its year.
    { ...meta('s3', CASE), personId: 'p:karim', prisonId: 'pr:topas', from: '2020', sourceIds: [] },
  ]);
  await db.links.put({
    ...meta('l1', CASE),
    kind: 'letter',
    fromId: 'p:ahmed',
    toId: 'p:karim',
    directed: true,
    date: '2021-04-10',
    grading: { reliability: 'B', credibility: 2 },
    sourceIds: [],
    notes: '',
  });
  return { db, network: (await loadCaseNetwork(db, CASE))! };
}

function show(db: VigiaDatabase, network: CaseNetwork) {
  return render(
    <I18nextProvider i18n={createI18n('es')}>
      <DatabaseContext.Provider value={db}>
        <TimelineView network={network} />
      </DatabaseContext.Provider>
    </I18nextProvider>,
  );
}

describe('the timeline of a case', () => {
  it("shows the network's people and links: its filters apply to the lanes too, its date does not", async () => {
    const { db, network } = await smallCase();
    const letter = 'Carta entre Ahmed y Karim, 10 de abril de 2021, valoración B2';
    useUiStore.getState().setNetworkFilters({ asOf: '2020-01-01' });
    show(db, network);
    const lanes = await screen.findByRole('list', { name: '2 carriles' });
    expect(within(lanes).getAllByRole('button', { name: letter })).toHaveLength(2);
    act(() => useUiStore.getState().setNetworkFilters({ linkKinds: ['call'], roles: ['leader'] }));
    await waitFor(() => expect(screen.getByRole('list', { name: '0 carriles' })).toBeTruthy());
    act(() => useUiStore.getState().setNetworkFilters({ roles: ['core'] }));
    await waitFor(() => expect(screen.getByRole('list', { name: '2 carriles' })).toBeTruthy());
    expect(within(screen.getByRole('list', { name: '2 carriles' })).queryAllByRole('button', { name: letter })).toHaveLength(0);
  });

  it('draws a lane per live person with stays, the transfer and the letter on both lanes, and lists the undated stay', async () => {
    const { db, network } = await smallCase();
    show(db, network);
    const lanes = await screen.findByRole('list', { name: '2 carriles' });
    const items = within(lanes).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.timeline-lane-label')?.getAttribute('aria-label'))).toEqual(['Ahmed', 'Karim']);
    const ahmed = within(items[0]!);
    expect(ahmed.getByRole('img', { name: 'Topas, del 1 de enero de 2019 al 1 de marzo de 2022' })).toBeTruthy();
    expect(ahmed.getByRole('img', { name: /^Alcalá Meco, desde el 1 de marzo de 2022 \(en curso\)$/ })).toBeTruthy();
    expect(ahmed.getByRole('img', { name: 'Traslado de Ahmed de Topas a Alcalá Meco, 1 de marzo de 2022' })).toBeTruthy();
    const letter = 'Carta entre Ahmed y Karim, 10 de abril de 2021, valoración B2';
    expect(ahmed.getByRole('button', { name: letter })).toBeTruthy();
    expect(within(items[1]!).getByRole('button', { name: letter })).toBeTruthy();

    const undated = screen.getByTestId('timeline-undated');
    expect(within(undated).getByRole('heading', { name: 'Sin fecha (1)' })).toBeTruthy();
    expect(undated.textContent).toContain('Estancia de Karim en Topas: fecha incompleta (2020)');
  });

  it('moves the network’s date from the keyboard on the ruler: the store, the slider and the readout agree', async () => {
    const { db, network } = await smallCase();
    show(db, network);
    const ruler = await screen.findByRole('slider', { name: 'Fecha de la red' });
    const today = localToday();
    const format = createFormatters('es');
    expect(useUiStore.getState().networkFilters.asOf).toBeUndefined();
    expect(ruler.getAttribute('aria-valuetext')).toBe(format.date(today));

    ruler.focus();
    fireEvent.keyDown(ruler, { key: 'ArrowLeft' });
    const moved = useUiStore.getState().networkFilters.asOf;
    expect(moved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(moved! < today).toBe(true);
    expect(ruler.getAttribute('aria-valuetext')).toBe(format.date(moved!));
    expect(screen.getByTestId('timeline-date').textContent).toBe(`Fecha de la red: ${format.date(moved!)}`);

    fireEvent.keyDown(ruler, { key: 'End' });
    expect(useUiStore.getState().networkFilters.asOf).toBe('2019-01-01');
    fireEvent.keyDown(ruler, { key: 'Home' });
    expect(useUiStore.getState().networkFilters.asOf).toBeUndefined();
  });

  it('selects a person from their lane, with the mouse or the keyboard, and walks the lanes with the arrows', async () => {
    const { db, network } = await smallCase();
    show(db, network);
    const lanes = await screen.findByRole('list', { name: '2 carriles' });
    const [ahmed, karim] = within(lanes).getAllByRole('listitem').map((item) => item.querySelector<SVGGElement>('.timeline-lane-label')!);
    fireEvent.click(karim!);
    expect(useUiStore.getState().selectedPersonId).toBe('p:karim');
    expect(karim!.getAttribute('aria-current')).toBe('true');

    expect(ahmed!.getAttribute('tabindex')).toBe('-1');
    act(() => karim!.focus());
    fireEvent.keyDown(karim!, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).toBe(ahmed));
    fireEvent.keyDown(ahmed!, { key: 'Enter' });
    expect(useUiStore.getState().selectedPersonId).toBe('p:ahmed');
  });

  it('renders only the lanes in view of a 10,000-person case', async () => {
    const { db, network } = await smallCase();
    const persons = Array.from({ length: 10_000 }, (_, i) => ({ id: `p${i}`, primaryName: `Persona ${String(i).padStart(5, '0')}`, alternateNames: [], role: 'recruit' as const, monitoring: 'at_risk' as const }));
    show(db, { ...network, persons, links: [] });
    const lanes = await screen.findByRole('list', { name: '10.000 carriles' });
    const drawn = within(lanes).getAllByRole('listitem');
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(40);
    expect(drawn[0]!.getAttribute('aria-setsize')).toBe('10000');
  });
});
