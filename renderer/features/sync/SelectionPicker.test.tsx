import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { selectPeople } from '../../../shared/bundle/selection';
import { demoLeaderId, generateDemoCase } from '../../../shared/demo';
import { createI18n } from '../../i18n/i18n';
import { directContacts } from './direct-contacts';
import { SelectionPicker } from './SelectionPicker';

afterEach(cleanup);

const demo = generateDemoCase({ size: 60, today: '2026-11-24' });
const leader = demoLeaderId(60);

function Picker({ initial }: { initial: string[] }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(initial));
  return <SelectionPicker snapshot={demo} chosen={chosen} onChange={setChosen} />;
}

function renderPicker(initial: string[], locale: 'es' | 'en' = 'es') {
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <Picker initial={initial} />
    </I18nextProvider>,
  );
  return screen.getByRole('group', { name: locale === 'es' ? 'Personas que se envían' : 'People to send' });
}

describe('SelectionPicker', () => {
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
});
