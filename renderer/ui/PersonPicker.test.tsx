import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../shared/model';
import { createI18n } from '../i18n/i18n';
import { PersonPicker } from './PersonPicker';

afterEach(cleanup);

const person = (id: string, primaryName: string, kunyas: string[] = []) =>
  ({ id, primaryName, alternateNames: kunyas.map((name) => ({ kind: 'kunya', name })), deleted: 0 }) as unknown as Person;
const PEOPLE = [person('person:1', 'Mohamed El Amrani', ['Abu Ilyas']), person('person:2', 'Youssef Ouali')];

function mount(onChange = vi.fn(), value?: string) {
  render(
    <I18nextProvider i18n={createI18n('es')}>
      <PersonPicker label="Persona" persons={PEOPLE} value={value} onChange={onChange} />
    </I18nextProvider>,
  );
  return { onChange, box: screen.getByRole('combobox', { name: 'Persona' }) };
}

describe('the one person picker', () => {
  it('finds a person by another transliteration of the name, and Enter typed at once picks the best match', () => {
    const { onChange, box } = mount();
    fireEvent.change(box, { target: { value: 'muhammad' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith('person:1');
  });

  it('finds a person by a kunya', () => {
    const { onChange, box } = mount();
    fireEvent.change(box, { target: { value: 'abu ilyas' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith('person:1');
  });

  it('says who is chosen', () => {
    mount(vi.fn(), 'person:2');
    expect(screen.getByText('Elegida: Youssef Ouali')).toBeTruthy();
  });
});
