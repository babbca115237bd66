import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { selectPeople, selectPeopleUpTo } from '../../../shared/bundle/selection';
import type { Marking } from '../../../shared/model';
import { demoLeaderId, generateDemoCase } from '../../../shared/demo';
import { createI18n } from '../../i18n/i18n';
import { directContacts, PeopleList, selectionCounts, SHOWN_PEOPLE } from '../../db';
import { SelectionPicker } from './SelectionPicker';
import type { SelectionSource, SelectionViewState } from './use-selection-view';

afterEach(cleanup);

const demo = generateDemoCase({ size: 60, today: '2026-11-24' });
const leader = demoLeaderId(60);

const people = new PeopleList(demo.persons);

/** The selection worker's work done in place: the people at once, the counts unless `counting`. */
function inPlace(counting: boolean): SelectionSource {
  let listener: ((view: SelectionViewState) => void) | undefined;
  return {
    view: (query, chosen, releaseUpTo) =>
      listener?.({ ...people.view(query, chosen), ...(counting ? {} : selectionCounts(demo, chosen, releaseUpTo ? { caseId: demo.cases[0]!.id, upTo: releaseUpTo } : undefined)) }),
    listen(l) {
      listener = l;
      return () => void (listener = undefined);
    },
  };
}

function Picker({ initial, counting }: { initial: string[]; counting: boolean }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(initial));
  const [source] = useState(() => inPlace(counting));
  const [upTo, setUpTo] = useState<Marking>('SECRETO');
  return <SelectionPicker source={source} chosen={chosen} onChange={setChosen} release={{ caseMarking: demo.cases[0]!.marking, upTo, onChange: setUpTo }} />;
}

function renderPicker(initial: string[], locale: 'es' | 'en' = 'es', counting = false) {
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <Picker initial={initial} counting={counting} />
    </I18nextProvider>,
  );
  return screen.getByRole('group', { name: locale === 'es' ? 'Personas que se envían' : 'People to send' });
}

describe('SelectionPicker', () => {
  it('released up to a lower marking: says what stays home before sending, and counts only what goes', () => {
    const everyone = demo.persons.map((p) => p.id);
    const picker = renderPicker(everyone);
    const whole = within(picker).getByTestId('selection-summary').textContent;
    fireEvent.change(within(picker).getByRole('combobox', { name: 'Publicar hasta' }), { target: { value: 'RESERVADO' } });
    const released = selectPeopleUpTo(demo, demo.cases[0]!.id, everyone, 'RESERVADO');
    expect(released.withheld.links).toBeGreaterThan(0);
    expect(within(picker).getByText(/^Quedan fuera, por encima de RESERVADO: /).textContent).toContain(`${released.withheld.links} vínculos`);
    expect(within(picker).getByText(/irá clasificado RESERVADO/)).toBeTruthy();
    expect(within(picker).getByTestId('selection-summary').textContent).not.toBe(whole);
  });

  it('says what will go and which links stay home, in the words and plurals of the analyst', () => {
    const picker = renderPicker([leader]);
    // The demo case is the same on every run: these are its leader's numbers.
    expect(within(picker).getByTestId('selection-summary').textContent).toBe(
      'Se enviará: 1 persona, 4 estancias, 1 condena, 8 hechos, 4 prisiones, 9 fuentes, 1 nota · ' +
        '27 vínculos con personas fuera de la selección no se envían · 1 hecho con personas fuera de la selección no se envía',
    );
    // The pre-filled person is in sight, ticked, at the top of the list.
    expect(within(picker).getAllByRole('checkbox')[0]!.closest('label')!.textContent).toBe('Youssef Ouali');
    expect((within(picker).getByRole('checkbox', { name: 'Youssef Ouali' }) as HTMLInputElement).checked).toBe(true);
  });

  it('finds people by another spelling of their name, and adds the chosen people’s direct contacts', () => {
    const picker = renderPicker([]);
    expect(within(picker).getByText('0 personas elegidas')).toBeTruthy();
    fireEvent.change(within(picker).getByLabelText('Buscar por nombre'), { target: { value: 'Yusuf Ouali' } });
    fireEvent.click(within(picker).getByRole('checkbox', { name: 'Youssef Ouali' }));
    expect(within(picker).getByText('1 persona elegida')).toBeTruthy();

    const contacts = directContacts(demo, new Set([leader]));
    expect(contacts.length).toBeGreaterThan(1);
    fireEvent.click(within(picker).getByRole('button', { name: 'Añadir sus contactos directos' }));
    expect(within(picker).getByText(`${contacts.length + 1} personas elegidas`)).toBeTruthy();
    const { snapshot } = selectPeople(demo, [leader, ...contacts]);
    expect(within(picker).getByTestId('selection-summary').textContent).toMatch(new RegExp(`^Se enviará: ${contacts.length + 1} personas, ${snapshot.links.filter((l) => !l.deleted).length} vínculos,`));
  });

  it('speaks English when the UI does', () => {
    const picker = renderPicker([leader], 'en');
    expect(within(picker).getByTestId('selection-summary').textContent).toMatch(/^Will be sent: 1 person, \d+ stays?, 1 sentence, .* links to people outside the selection are not sent/);
  });

  it('lets the analyst pick while the rest of the case is still counted, and drops a pre-filled person deleted since', () => {
    const picker = renderPicker([leader, 'deleted-or-never-there'], 'es', true);
    expect(within(picker).getByTestId('selection-counting').textContent).toBe('Contando lo que se enviará…');
    expect(within(picker).getByText('1 persona elegida')).toBeTruthy();
    expect(within(picker).getAllByRole('checkbox')).toHaveLength(SHOWN_PEOPLE);
    // No contacts known yet: the shortcut waits for the counts.
    expect((within(picker).getByRole('button', { name: 'Añadir sus contactos directos' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(picker).getAllByRole('checkbox')[1]!);
    expect(within(picker).getByText('2 personas elegidas')).toBeTruthy();
  });
});
